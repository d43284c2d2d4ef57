// slides-per-view: one story on phones, two or three side by side on wide
// containers (by the container's width, not the viewport's), every shown
// story an active, labelled slide and nothing else in the DOM.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, widgetPage } from './support/test.js';

for (const [width, shown, position] of [
  [360, 1, '1 of 6'],
  [760, 2, '1–2 of 6'],
  [1200, 3, '1–3 of 6'],
]) {
  test(`slides-per-view="3" shows ${shown} at ${width} px`, async ({ page, widget }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'en', 'slides-per-view': '3' }));
    await expect(widget.slide).toHaveCount(shown);
    await expect(widget.position).toHaveText(position);
    const groups = await widget.slides.ariaSnapshot();
    expect(groups.match(/group "/g)).toHaveLength(shown);
    for (let n = 1; n <= shown; n++) expect(groups).toContain(`group "${n} of 6"`);
    // Every shown slide is usable: none is inert or hidden.
    expect(await widget.slide.evaluateAll((slides) => slides.filter((s) => s.inert || s.hidden).length)).toBe(0);
  });
}

test('Next moves the window by one story; Previous from the start goes to the last window', async ({ page, widget }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'en', 'slides-per-view': '3' }));
  await expect(widget.position).toHaveText('1–3 of 6');
  await widget.nextButton.click();
  await expect(widget.position).toHaveText('2–4 of 6');
  await widget.previousButton.click();
  await widget.previousButton.click();
  await expect(widget.position).toHaveText('4–6 of 6');
});

test('the count follows the container, not the viewport', async ({ page, widget }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(
    widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'en', 'slides-per-view': '3', pagecss: 'saman-stories { max-width: 380px }' }),
  );
  await expect(widget.slide).toHaveCount(1);
  await page.addStyleTag({ content: 'saman-stories { max-width: none }' });
  await expect(widget.slide).toHaveCount(3);
});

test('side by side, axe still finds nothing', async ({ page, widget }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'all', lang: 'nb', 'slides-per-view': '3' }));
  await expect(widget.slide).toHaveCount(3);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});
