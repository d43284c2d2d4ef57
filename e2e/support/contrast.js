// Contrast checks shared by the accessibility and theming tests (checklist
// V1): text against every pixel behind it, controls against the widget.
import { expect } from '@playwright/test';

/** WCAG contrast ratio between two [r, g, b] colours. */
export function contrast(a, b) {
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A CSS rgb()/rgba() colour as [r, g, b]. */
export const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);

/** The distinct colours of a screenshot, as [r, g, b]. */
async function colours(page, png) {
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return [...seen].map((s) => s.split(',').map(Number));
  }, png.toString('base64'));
}

/**
 * For each slide of contrast.json (a white and a black picture): the title,
 * summary and date keep 4.5:1 against every pixel behind them, sampled from
 * a screenshot of the same box with the text made invisible.
 */
export async function expectReadableTextOverPictures(page, widget) {
  for (const picture of ['white', 'black']) {
    await expect(widget.slide.locator('img')).toHaveAttribute('src', new RegExp(`${picture}.svg$`));
    await expect.poll(() => widget.slide.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    for (const selector of ['.saman-title', '.saman-summary', '.saman-date']) {
      const text = widget.slide.locator(selector);
      const color = rgb(await text.evaluate((el) => getComputedStyle(el).color));
      await text.evaluate((el) => [el, ...el.querySelectorAll('*')].forEach((c) => c.style.setProperty('color', 'transparent', 'important')));
      const shot = await page.screenshot({ clip: await text.boundingBox(), animations: 'disabled' });
      await text.evaluate((el) => [el, ...el.querySelectorAll('*')].forEach((c) => c.style.removeProperty('color')));
      const worst = Math.min(...(await colours(page, shot)).map((p) => contrast(color, p)));
      expect(worst, `${selector} over the ${picture} picture`).toBeGreaterThanOrEqual(4.5);
    }
    await widget.nextButton.click();
  }
}

/** Buttons stand out 3:1 from the widget (by fill or border), their text is
 * 4.5:1 on their fill, and the keyboard focus ring is 3:1 on the widget. */
export async function expectReadableControls(page, widget) {
  const surface = rgb(await widget.host.locator('.saman').evaluate((el) => getComputedStyle(el).backgroundColor));
  for (const button of [widget.rotationButton, widget.nextButton, widget.layoutSwitch]) {
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color, border: s.borderTopColor };
    });
    const background = rgb(style.background);
    const edge = contrast(background, surface) >= 3 ? background : rgb(style.border);
    expect(contrast(edge, surface)).toBeGreaterThanOrEqual(3);
    expect(contrast(rgb(style.color), background)).toBeGreaterThanOrEqual(4.5);
  }
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  const outline = await widget.rotationButton.evaluate((el) => getComputedStyle(el).outlineColor);
  expect(contrast(rgb(outline), surface)).toBeGreaterThanOrEqual(3);
}
