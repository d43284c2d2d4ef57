// Broken feeds and networks: a short message in the UI language inside the
// widget, a console message naming the cause, and no uncaught exception in
// the host page (checked for every test by support/test.js).
import { test, expect, widgetPage } from './support/test.js';
import { FEEDS } from './support/origins.js';

const ERROR_NN = 'Historiene kunne ikkje lastast. Prøv igjen seinare.';

const cases = [
  ['404', 'status/404', 'the feed server answered HTTP 404'],
  ['500', 'status/500', 'the feed server answered HTTP 500'],
  [
    'malformed JSON',
    'malformed.json',
    'the feed is unreadable: invalid JSON at line 4, column 38: expected value',
  ],
  ['CORS refused', 'no-cors/mixed.json', 'the feed could not be fetched'],
  ['connection refused', 'http://127.0.0.1:9/historier.json', 'the feed could not be fetched'],
];

for (const [name, feed, cause] of cases) {
  test(`${name}: error state in the UI language and the cause in the console`, async ({ page, widget, consoleMessages }) => {
    await page.goto(widgetPage({ feed, lang: 'nn' }));
    await expect(widget.status).toHaveText(ERROR_NN);
    await expect(widget.status).toHaveClass(/saman-status--error/);
    await expect
      .poll(() => consoleMessages.filter((m) => m.type === 'error' && m.text.startsWith('saman-stories: ')).map((m) => m.text))
      .toContainEqual(expect.stringContaining(cause));
  });
}

test('a JSON document that is not a feed is an error too', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'not-a-feed.json', lang: 'en' }));
  await expect(widget.status).toHaveText('The stories could not be loaded. Please try again later.');
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(`saman-stories: ${FEEDS}/not-a-feed.json: the feed is unreadable: not a JSON Feed: it has no "items" array`);
});

test('a widget without a feed attribute says what is missing', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ lang: 'en' }));
  await expect(widget.status).toHaveText('The stories could not be loaded. Please try again later.');
  expect(consoleMessages.map((m) => m.text)).toContainEqual(expect.stringContaining('no feed attribute'));
});

test('bad items are skipped with a console warning and the good ones shown', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  expect(consoleMessages).toContainEqual({
    type: 'warning',
    text: `saman-stories: ${FEEDS}/mixed.json: item 5 skipped: it has no "id"`,
  });
});

test('an empty feed shows the empty state', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'empty.json', lang: 'nb' }));
  await expect(widget.status).toHaveText('Ingen historier å vise akkurat nå.');
  await expect(widget.status).toHaveClass(/saman-status--empty/);
});

test('the loading state reserves the space the carousel takes', async ({ page, widget }) => {
  await page.setViewportSize({ width: 480, height: 900 });
  await page.goto(widgetPage({ feed: 'slow/mixed.json?ms=1500', lang: 'en' }));
  await expect(widget.status).toHaveText('Loading stories …');
  const loading = (await widget.host.boundingBox()).height;
  await widget.waitForStories();
  const loaded = (await widget.host.boundingBox()).height;
  expect(loading).toBeGreaterThan(300);
  expect(Math.abs(loaded - loading)).toBeLessThanOrEqual(loaded * 0.1);
});

test('a feed that is not an http(s) URL is refused, so no page can inject made-up stories', async ({ page, widget, consoleMessages }) => {
  const feed = 'data:application/json,{"items":[{"id":"x","title":"Made up"}]}';
  await page.goto(widgetPage({ feed, lang: 'en' }));
  await expect(widget.status).toHaveText('The stories could not be loaded. Please try again later.');
  expect(await widget.shadowHtml()).not.toContain('Made up');
  expect(consoleMessages.map((m) => m.text)).toContainEqual(expect.stringContaining('is not an http(s) URL'));
});
