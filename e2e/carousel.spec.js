// The rotating carousel against the accessibility checklist
// (docs/accessibility-checklist.md): structure (S1–S3), the rotation button
// (R1–R4), timing with a fake clock (T1–T5), announcements (A1) and hidden
// slides (F1), plus swipe.
import { test, expect, widgetPage, openWithPausedClock } from './support/test.js';
import { FEEDS } from './support/origins.js';

const INTERVAL = 7000; // the default interval, in ms

test('S1 the container is a named region with a localised role description', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nb' }));
  await widget.waitForStories();
  await expect(widget.region).toHaveAttribute('aria-roledescription', 'karusell');
  await expect(page.getByRole('region', { name: 'Historier for innbyggere' })).toBeVisible();
  const name = await widget.region.getAttribute('aria-label');
  expect(name.toLowerCase()).not.toContain('karusell');
});

test('S2 each slide is a group named "N of M"', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nn' }));
  await widget.waitForStories();
  await expect(widget.slide).toHaveAttribute('role', 'group');
  await expect(widget.slide).toHaveAttribute('aria-roledescription', 'lysbilete');
  for (const n of [1, 2, 3, 4, 1]) {
    await expect(page.getByRole('group', { name: `${n} av 4` })).toBeVisible();
    await widget.nextButton.click();
  }
});

test('S3 every control is a named native button; previous/next control the slides', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  const buttons = widget.host.getByRole('button');
  await expect(buttons).toHaveCount(4);
  for (const button of await buttons.all()) {
    await expect(button).toHaveAttribute('type', 'button');
    expect((await button.evaluate((el) => el.tagName))).toBe('BUTTON');
  }
  await expect(widget.host.getByRole('button', { name: 'Previous story' })).toBeVisible();
  await expect(widget.host.getByRole('button', { name: 'Next story' })).toBeVisible();
  await expect(widget.host.getByRole('button', { name: 'Show all stories' })).toBeVisible();
  const slidesId = await widget.slides.getAttribute('id');
  expect(slidesId).toBeTruthy();
  await expect(widget.previousButton).toHaveAttribute('aria-controls', slidesId);
  await expect(widget.nextButton).toHaveAttribute('aria-controls', slidesId);
});

test('R1 the stop button is the first focusable element of the widget', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  expect(await widget.focusedClass()).toContain('saman-rotation');
});

test('R2 the rotation button names the action, in each language, without aria-pressed', async ({ page, widget }) => {
  for (const [lang, stop, start] of [
    ['nb', 'Stopp automatisk visning', 'Start automatisk visning'],
    ['nn', 'Stopp automatisk vising', 'Start automatisk vising'],
    ['en', 'Stop automatic slide show', 'Start automatic slide show'],
  ]) {
    await page.goto(widgetPage({ feed: 'mixed.json', lang }));
    await widget.waitForStories();
    await expect(widget.host.getByRole('button', { name: stop, exact: true })).toBeVisible();
    await widget.rotationButton.click();
    await expect(widget.host.getByRole('button', { name: start, exact: true })).toBeVisible();
    await expect(widget.rotationButton).not.toHaveAttribute('aria-pressed', /.*/);
  }
});

test('R3 Enter and Space toggle rotation and focus stays on the same node', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await page.locator('#before').focus();
  await page.keyboard.press('Tab'); // keyboard focus inside stops rotation (T3)
  const button = await widget.rotationButton.elementHandle();
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
  await page.keyboard.press('Enter');
  await expect(widget.rotationButton).toHaveText('Stop automatic slide show');
  await page.keyboard.press('Space');
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
  const same = await widget.host.evaluate((el, node) => el.shadowRoot.activeElement === node, button);
  expect(same).toBe(true);
});

test('R4 the rotation button is visible without hover on a 320 px touch screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nb' }));
  const button = page.locator('saman-stories button.saman-rotation');
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  expect(box.height).toBeGreaterThanOrEqual(24);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('T1 no change at interval − 1 ms, a change at the interval', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(INTERVAL - 1);
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(1);
  await expect(widget.position).toHaveText('2 of 4');
  await page.clock.runFor(INTERVAL);
  await expect(widget.position).toHaveText('3 of 4');
});

test('T1 the interval attribute sets the pace, with a floor of 5 s', async ({ page, widget }) => {
  await openWithPausedClock(page, widget, { interval: '2' });
  await page.clock.runFor(4999);
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(1);
  await expect(widget.position).toHaveText('2 of 4');
});

test('T2 hover pauses; leaving resumes with a full interval (T7)', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await page.clock.runFor(INTERVAL - 1000);
  await widget.region.hover();
  await page.clock.runFor(INTERVAL * 3);
  await expect(widget.position).toHaveText('1 of 4');
  await page.mouse.move(1, 1);
  await page.clock.runFor(INTERVAL - 1);
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(1);
  await expect(widget.position).toHaveText('2 of 4');
});

test('T2 leaving does not resume a carousel that something else stopped', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await widget.region.hover();
  await widget.rotationButton.click();
  await page.mouse.move(1, 1);
  await page.clock.runFor(INTERVAL * 3);
  await expect(widget.position).toHaveText('1 of 4');
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
});

test('T3 keyboard focus inside stops rotation with no automatic resume', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
  await page.locator('#after').focus();
  await page.clock.runFor(INTERVAL * 3);
  await expect(widget.position).toHaveText('1 of 4');
});

test('T3 in a browser without :focus-visible, keyboard focus still stops rotation', async ({ page, widget }) => {
  await page.addInitScript(() => {
    const matches = Element.prototype.matches;
    Element.prototype.matches = function (selector) {
      if (selector.includes(':focus-visible')) throw new SyntaxError(`unknown pseudo-class in ${selector}`);
      return matches.call(this, selector);
    };
  });
  await openWithPausedClock(page, widget);
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
});

test('T3 keyboard focus on the layout switch under the carousel stops rotation too', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await page.locator('#after').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(widget.layoutSwitch).toBeFocused();
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
  await page.clock.runFor(INTERVAL * 3);
  await expect(widget.position).toHaveText('1 of 4');
});

for (const [how, act] of [
  ['Next', (widget) => widget.nextButton.click()],
  ['Previous', (widget) => widget.previousButton.click()],
]) {
  test(`T4 pressing ${how} stops rotation for good`, async ({ page, widget }) => {
    await openWithPausedClock(page, widget);
    await act(widget);
    const position = await widget.position.textContent();
    await expect(widget.rotationButton).toHaveText('Start automatic slide show');
    await page.mouse.move(1, 1);
    await page.clock.runFor(INTERVAL * 3);
    await expect(widget.position).toHaveText(position);
  });
}

test('T4 swiping on touch changes the story and stops rotation', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  const box = await widget.slides.boundingBox();
  const y = box.y + box.height / 2;
  const swipe = async (fromX, toX) => {
    const common = { pointerId: 7, pointerType: 'touch', isPrimary: true, bubbles: true, composed: true };
    await widget.slides.dispatchEvent('pointerdown', { ...common, clientX: fromX, clientY: y });
    await widget.slides.dispatchEvent('pointerup', { ...common, clientX: toX, clientY: y + 5 });
  };
  await swipe(box.x + box.width - 20, box.x + 20);
  await expect(widget.position).toHaveText('2 of 4');
  await swipe(box.x + 20, box.x + box.width - 20);
  await expect(widget.position).toHaveText('1 of 4');
  await swipe(box.x + 100, box.x + 90); // too short: a tap, not a swipe
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(INTERVAL * 2);
  await expect(widget.position).toHaveText('1 of 4');
});

test('T5 reduced motion starts stopped and changes slides without animation', async ({ page, widget }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openWithPausedClock(page, widget);
  await expect(widget.rotationButton).toHaveText('Start automatic slide show');
  await page.clock.runFor(INTERVAL * 3);
  await expect(widget.position).toHaveText('1 of 4');
  await widget.nextButton.click();
  expect(await widget.slide.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

test('animations use opacity only when motion is allowed', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  expect(await widget.slide.evaluate((el) => getComputedStyle(el).animationName)).toBe('saman-fade-in');
});

test('A1 the slides are aria-live off while rotating and polite when stopped', async ({ page, widget }) => {
  await openWithPausedClock(page, widget);
  await expect(widget.slides).toHaveAttribute('aria-live', 'off');
  await widget.rotationButton.click();
  await expect(widget.slides).toHaveAttribute('aria-live', 'polite');
  await widget.rotationButton.click();
  await expect(widget.slides).toHaveAttribute('aria-live', 'off');
  const assertive = await widget.host.evaluate((el) => el.shadowRoot.querySelectorAll('[aria-live=assertive]').length);
  expect(assertive).toBe(0);
});

test('F1 hidden slides are not in the DOM or the accessibility tree; each story appears once', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  const snapshot = await widget.region.ariaSnapshot();
  expect(snapshot).toContain('Resident story one');
  expect(snapshot).not.toContain('Shared story for everyone');
  expect(snapshot.match(/group "/g)).toHaveLength(1);
  await widget.nextButton.click();
  const after = await widget.region.ariaSnapshot();
  expect(after).toContain('Shared story for everyone');
  expect(after).not.toContain('Resident story one');
});

test('a slide shows picture with alt text, title link, summary and date in the UI language', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nb' }));
  await widget.waitForStories();
  const image = widget.slide.locator('img');
  await expect(image).toHaveAttribute('alt', 'Resident picture one');
  await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(widget.host.getByRole('link', { name: 'Resident story one' })).toHaveAttribute(
    'href',
    `${FEEDS}/stories/res-1.html`,
  );
  await expect(widget.slide.locator('.saman-summary')).toHaveText('A story for residents only.');
  await expect(widget.slide.locator('time')).toHaveText('14. mars 2026');
});
