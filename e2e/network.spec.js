// Broken networks: a bounded timeout, retries with backoff for transient
// failures, the error state with a reason, recovery when the feed comes
// back, and no request after the widget is gone.
import { test, expect, widgetPage, pauseClock } from './support/test.js';
import { FEEDS } from './support/origins.js';

const ERROR_EN = 'The stories could not be loaded. Please try again later.';

/** Opens a page whose timers only run when the test moves the clock. */
async function openPaused(page, params) {
  await pauseClock(page);
  await page.goto(widgetPage({ lang: 'en', ...params }));
}

const flakyCount = (request, key) => request.get(`${FEEDS}/flaky/count?key=${key}`).then((r) => r.json());

test('a transient failure is retried with backoff and the widget recovers', async ({ page, widget, consoleMessages, request }, info) => {
  const key = `recover-${info.testId}`;
  await openPaused(page, { feed: `flaky/mixed.json?fail=2&key=${key}` });
  await expect(widget.status).toHaveText(ERROR_EN);
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(`saman-stories: ${FEEDS}/flaky/mixed.json?fail=2&key=${key}: the feed server answered HTTP 503; trying again in 2 s`);
  await page.clock.runFor(1999);
  expect(await flakyCount(request, key)).toBe(1);
  await page.clock.runFor(1);
  await expect.poll(() => flakyCount(request, key)).toBe(2);
  await expect.poll(() => consoleMessages.some((m) => m.text.endsWith('trying again in 4 s'))).toBe(true);
  await page.clock.runFor(4000);
  await widget.waitForStories();
  await expect(widget.title).toHaveText('Resident story one');
  expect(await flakyCount(request, key)).toBe(3);
});

test('a feed that never answers times out after 15 s with the error state', async ({ page, widget, consoleMessages }) => {
  await openPaused(page, { feed: 'slow/mixed.json?ms=120000' });
  // The widget's own loading text, not the loader's placeholder: only then
  // has the widget taken the request over and started its 15 s timeout.
  await expect(widget.status).toHaveText('Loading stories …');
  await page.clock.runFor(14_999);
  await expect(widget.status).toHaveClass(/saman-status--loading/);
  await page.clock.runFor(1);
  await expect(widget.status).toHaveText(ERROR_EN);
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(expect.stringContaining('the feed did not arrive within 15 seconds; trying again in 2 s'));
});

test('the 15 s count starts when the loader sends the request, not when the widget takes it over', async ({ page, widget }) => {
  // Hold the wasm back while 10 s pass on the page's clock: the loader's
  // request for the feed is already under way all that time.
  let release;
  const wasmHeld = new Promise((resolve) => (release = resolve));
  let feedRequested = false;
  page.on('request', (request) => request.url().includes('/slow/') && (feedRequested = true));
  await page.route(/_bg\.wasm$/, async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await openPaused(page, { feed: 'slow/mixed.json?ms=120000' });
  await expect.poll(() => feedRequested).toBe(true);
  await page.clock.runFor(10_000);
  release();
  await expect(widget.status).toHaveText('Loading stories …');
  await page.clock.runFor(4_999);
  await expect(widget.status).toHaveClass(/saman-status--loading/);
  await page.clock.runFor(1);
  await expect(widget.status).toHaveText(ERROR_EN);
});

test('a body cut off mid-way is a network error, not a broken widget', async ({ page, widget, consoleMessages }) => {
  await openPaused(page, { feed: 'truncated/mixed.json' });
  await expect(widget.status).toHaveText(ERROR_EN);
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(expect.stringContaining('the feed could not be fetched'));
});

test('a slow feed (10 s) keeps the loading state, then shows the stories', async ({ page, widget }) => {
  test.setTimeout(40_000);
  await page.goto(widgetPage({ feed: 'slow/mixed.json?ms=10000', lang: 'en' }));
  await expect(widget.status).toHaveText('Loading stories …');
  await page.waitForTimeout(8000);
  await expect(widget.status).toHaveText('Loading stories …');
  await expect(widget.slide).toHaveCount(1, { timeout: 10_000 });
});

test('a missing feed (404) is not asked for again', async ({ page, widget }) => {
  const requests = [];
  page.on('request', (r) => r.url().includes('/status/404') && requests.push(r.url()));
  await openPaused(page, { feed: 'status/404' });
  await expect(widget.status).toHaveText(ERROR_EN);
  await page.clock.runFor(300_000);
  await page.waitForTimeout(200);
  expect(requests).toHaveLength(1);
});

test('no request runs after the widget is removed', async ({ page, widget, request }, info) => {
  const key = `removed-${info.testId}`;
  await openPaused(page, { feed: `flaky/mixed.json?fail=1000&key=${key}` });
  await expect(widget.status).toHaveText(ERROR_EN);
  await page.evaluate(() => document.querySelector('saman-stories').remove());
  await page.clock.runFor(600_000);
  await page.waitForTimeout(200);
  expect(await flakyCount(request, key)).toBe(1);
  expect(await page.evaluate(() => customElements.get('saman-stories').debugCounts())).toEqual({
    widgets: 0,
    timers: 0,
    requests: 0,
    listeners: 0,
  });
});
