// Privacy as a tested property. support/test.js checks every test's requests,
// cookies and storage; these tests prove that check has teeth, and pin down
// exactly what the widget fetches.
import { test, expect, widgetPage } from './support/test.js';
import { PAGE, WIDGET, FEEDS } from './support/origins.js';

test('the widget fetches its own three files, the feed and the feed’s images, and nothing else', async ({ page, widget }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  await expect.poll(() => widget.slide.locator('img').evaluate((img) => img.complete)).toBe(true);
  const fromWidget = requests.filter((url) => !url.startsWith(`${PAGE}/`));
  const files = fromWidget.map((url) => url.replace(/saman-stories-[0-9a-f]+/, 'saman-stories-HASH'));
  expect(files.sort()).toEqual(
    [
      `${WIDGET}/saman-stories.js`,
      `${WIDGET}/saman-stories-HASH.js`,
      `${WIDGET}/saman-stories-HASH_bg.wasm`,
      `${FEEDS}/mixed.json`,
      `${FEEDS}/img/res-1.svg`,
    ].sort(),
  );
});

test('the widget reads no cookies and sends none to the feed', async ({ page, context, widget }) => {
  await context.addCookies([{ name: 'session', value: 'secret', url: FEEDS }]);
  let cookieHeader = null;
  page.on('request', async (request) => {
    if (request.url().endsWith('/mixed.json')) cookieHeader = (await request.allHeaders()).cookie ?? '';
  });
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  // A cross-origin feed request carries no credentials.
  expect(cookieHeader).toBe('');
  await context.clearCookies();
});
