// Kiosk mode for info screens: fills its container with large type, keeps
// rotating under a resting mouse, shows each story's address in short,
// refreshes the feed (conditional requests), and keeps the last good
// stories when the network drops.
import { test, expect, widgetPage, pauseClock } from './support/test.js';
import { StoryWidget } from './support/story-widget.js';
import { FEEDS, WIDGET } from './support/origins.js';

async function openKiosk(page, params) {
  await pauseClock(page);
  await page.goto(`${WIDGET}/kiosk.html?${new URLSearchParams({ lang: 'nn', ...params })}`);
  const widget = new StoryWidget(page);
  await widget.waitForStories();
  return widget;
}

test('kiosk.html fills the screen with large type and short addresses', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const widget = await openKiosk(page, { feed: `${FEEDS}/tagged.json`, audience: 'all' });
  const host = await widget.host.boundingBox();
  expect(Math.round(host.height)).toBe(720);
  const size = await widget.title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThan(30);
  await expect(widget.slide.locator('.saman-address')).toHaveText('fjordvik.kommune.example/historier/helse');
  expect(await page.evaluate(() => document.scrollingElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
});

test('kiosk rotation does not stop on hover', async ({ page }) => {
  const widget = await openKiosk(page, { feed: `${FEEDS}/tagged.json`, audience: 'all' });
  await widget.slides.hover();
  await page.clock.runFor(7000);
  await expect(widget.position).toHaveText('2 av 3');
});

test('the feed is refreshed with a conditional request, without a flash, and survives a network drop', async ({ page, request }, info) => {
  const key = `kiosk-${info.testId}`;
  const feed = `${FEEDS}/flaky/mixed.json?fail=0&key=${key}`;
  const widget = await openKiosk(page, { feed, refresh: '1' });
  await widget.rotationButton.click(); // so that only a refresh could replace the slide
  const slide = await widget.slide.elementHandle();
  await page.clock.runFor(60_000);
  await expect.poll(() => request.get(`${FEEDS}/flaky/count?key=${key}`).then((r) => r.json())).toBe(2);
  // The refresh asked with the feed's ETag and got 304 Not Modified.
  expect(await request.get(`${FEEDS}/flaky/not-modified?key=${key}`).then((r) => r.json())).toBe(1);
  // The same stories again: the slide on screen is the same DOM node.
  await page.waitForTimeout(200);
  expect(await slide.evaluate((node) => node.isConnected)).toBe(true);
  await page.context().setOffline(true);
  await page.clock.runFor(60_000);
  await page.waitForTimeout(300);
  await expect(widget.slide).toHaveCount(1);
  await page.context().setOffline(false);
});

test('a refresh that brings a new story keeps the story on screen in the same node', async ({ page }, info) => {
  const feed = `${FEEDS}/growing/mixed.json?key=${info.testId}`;
  const widget = await openKiosk(page, { feed, refresh: '1', lang: 'en' });
  await widget.nextButton.click();
  await widget.nextButton.click();
  await expect(widget.position).toHaveText('3 of 4');
  const title = await widget.title.textContent();
  const slide = await widget.slide.elementHandle();
  await page.clock.runFor(60_500);
  // One story more, in front: the same story stays on screen, one place
  // further on, in the same DOM node (no fade, no flash).
  await expect(widget.position).toHaveText('4 of 5');
  await expect(widget.title).toHaveText(title);
  expect(await slide.evaluate((node) => node.isConnected)).toBe(true);
  await expect(widget.slide).toHaveAttribute('aria-label', '4 of 5');
  await widget.previousButton.click();
  await widget.previousButton.click();
  await widget.previousButton.click();
  await expect(widget.title).toHaveText('A story added later');
});

test('a refresh that only moves the story on screen does not delay the next slide', async ({ page }, info) => {
  const feed = `${FEEDS}/growing/mixed.json?key=${info.testId}`;
  const widget = await openKiosk(page, { feed, refresh: '1', lang: 'en' });
  // Slides change at 7, 14, …, 56 s (back to the first of four), 63 s; the
  // refresh at 60 s puts a story in front of the one on screen.
  await page.clock.runFor(60_500);
  await expect(widget.position).toHaveText('2 of 5');
  await page.clock.runFor(2_000);
  await expect(widget.position).toHaveText('2 of 5');
  await page.clock.runFor(600);
  await expect(widget.position).toHaveText('3 of 5');
});

test('mode="kiosk" on a page element works the same way', async ({ page }) => {
  await page.goto(widgetPage({ feed: 'tagged.json', lang: 'en', mode: 'kiosk', audience: 'all', pagecss: 'saman-stories { height: 600px }' }));
  const widget = new StoryWidget(page);
  await widget.waitForStories();
  expect(Math.round((await widget.host.boundingBox()).height)).toBe(600);
  await expect(widget.slide.locator('.saman-address')).toHaveText('fjordvik.kommune.example/historier/helse');
});
