// Hostile feeds in the browser, against the release build: each gives the
// good stories (bad items skipped, each skip logged once with its reason)
// or the error state — never a hang, a blank widget, running code or an
// exception in the host page.
import { test, expect, widgetPage } from './support/test.js';
import { FEEDS } from './support/origins.js';

const warnings = (messages) => messages.filter((m) => m.type === 'warning').map((m) => m.text);

test('a 5 MB feed of 12,000 stories shows its first story and keeps one slide in the DOM', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'generated/big.json', lang: 'en' }));
  await widget.waitForStories();
  await expect(widget.position).toHaveText('1 of 8000');
  await expect(widget.title).toHaveText('Story number 1');
  const nodes = await widget.host.evaluate((el) => el.shadowRoot.querySelectorAll('*').length);
  expect(nodes).toBeLessThan(150);
});

test('bytes that are not UTF-8 become replacement characters, not a failure', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'generated/invalid-utf8.json', lang: 'en' }));
  await widget.waitForStories();
  await expect(widget.title).toContainText('Bad');
  await expect(widget.title).toContainText('\uFFFD');
});

test('deeply nested JSON is the error state, not a stack overflow', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'generated/deep.json', lang: 'en' }));
  await expect(widget.status).toHaveClass(/saman-status--error/);
  expect(consoleMessages.map((m) => m.text)).toContainEqual(expect.stringContaining('recursion limit exceeded'));
});

test('enormous strings are cut to what a slide can show', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'generated/huge-strings.json', lang: 'en' }));
  await widget.waitForStories();
  expect((await widget.title.textContent()).length).toBeLessThanOrEqual(160);
  expect((await widget.slide.locator('.saman-summary').textContent()).length).toBeLessThanOrEqual(240);
});

test('wrong types, duplicates and junk items are skipped once each, with reasons', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'generated/wrong-types.json', audience: 'all', lang: 'en' }));
  await widget.waitForStories();
  const { titles } = await widget.visitEverySlide();
  expect(titles).toEqual(['Story number 1', 'Numeric id is fine', 'First of two', 'Every other field wrong']);
  const url = `${FEEDS}/generated/wrong-types.json`;
  expect(warnings(consoleMessages)).toEqual([
    `saman-stories: ${url}: item 2 skipped: it has no "id"`,
    `saman-stories: ${url}: item 3 (id "obj-title") skipped: it has no "title"`,
    `saman-stories: ${url}: item 4 (id "bad-audience") skipped: its audience "42" is not "residents", "colleagues" or "all"`,
    `saman-stories: ${url}: item 6 (id "dup") skipped: an earlier item has the same "id"`,
    `saman-stories: ${url}: item 7 skipped: it is not a JSON object`,
    `saman-stories: ${url}: item 8 skipped: it is not a JSON object`,
  ]);
});

test('content meant to run is shown as text or dropped, and never runs', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'generated/scripts.json', lang: 'en' }));
  await widget.waitForStories();
  for (let i = 0; i < 2; i++) {
    const inside = await widget.host.evaluate((el) => {
      const all = [...el.shadowRoot.querySelectorAll('*')];
      return {
        scripts: el.shadowRoot.querySelectorAll('script, iframe, object, embed').length,
        handlers: all.flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        urls: all.flatMap((n) => ['href', 'src'].map((a) => n.getAttribute(a)).filter(Boolean)),
      };
    });
    expect(inside.scripts).toBe(0);
    expect(inside.handlers).toEqual([]);
    for (const url of inside.urls) expect(url).toMatch(/^https?:\/\//);
    await widget.nextButton.click();
  }
  await expect(widget.title).toHaveText('<script>window.__pwned = "title"</script>Title');
  await widget.nextButton.click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('a document that is not JSON at all is the error state', async ({ page, widget, consoleMessages }) => {
  await page.goto(widgetPage({ feed: 'generated/not-json-feed.json', lang: 'en' }));
  await expect(widget.status).toHaveClass(/saman-status--error/);
  expect(consoleMessages.map((m) => m.text)).toContainEqual(expect.stringContaining('invalid JSON at line 1, column 1'));
});
