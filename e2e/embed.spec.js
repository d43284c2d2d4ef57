// Embedding: the script form, the element form (before and after the loader,
// inserted later by the page), relative feed URLs, removal, several widgets.
import { test, expect, widgetPage, pauseClock } from './support/test.js';
import { StoryWidget } from './support/story-widget.js';
import { WIDGET, FEEDS } from './support/origins.js';

test('the script form renders right where the script tag stands', async ({ page, widget }) => {
  await page.goto(widgetPage({ form: 'script', feed: 'mixed.json', audience: 'residents', lang: 'nn' }));
  await widget.waitForStories();
  const placement = await page.evaluate(() => {
    const script = document.querySelector('script[data-feed]');
    return { next: script.nextElementSibling?.tagName, parent: script.parentElement.id };
  });
  expect(placement).toEqual({ next: 'SAMAN-STORIES', parent: 'slot' });
  await expect(widget.host).toHaveAttribute('audience', 'residents');
  await expect(widget.host).toHaveAttribute('lang', 'nn');
  await expect(widget.position).toHaveText('1 av 4');
});

test('the element form works when the element comes before the loader', async ({ page, widget }) => {
  await page.goto(widgetPage({ form: 'element', feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  await expect(widget.title).toHaveText('Resident story one');
});

test('elements that a page script inserts later render too, each with its own settings', async ({ page }) => {
  await page.goto('/empty.html');
  await page.evaluate(
    async ({ widgetOrigin, feeds }) => {
      const script = document.createElement('script');
      script.src = `${widgetOrigin}/saman-stories.js`;
      document.body.append(script);
      await new Promise((ok) => script.addEventListener('load', ok));
      for (const audience of ['residents', 'colleagues']) {
        const element = document.createElement('saman-stories');
        element.setAttribute('feed', `${feeds}/mixed.json`);
        element.setAttribute('audience', audience);
        element.setAttribute('lang', 'en');
        document.body.append(element);
      }
    },
    { widgetOrigin: WIDGET, feeds: FEEDS },
  );
  const [residents, colleagues] = [StoryWidget.nth(page, 0), StoryWidget.nth(page, 1)];
  await expect(residents.title).toHaveText('Resident story one');
  await expect(colleagues.title).toHaveText('Internal colleague story one');
});

test('a relative feed URL resolves against the page', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: '/feeds/page-feed.json', lang: 'en' }));
  await widget.waitForStories();
  await expect(widget.title).toHaveText('A feed from the page’s own origin');
});

test('the loader finds the widget relative to its own URL, not the page', async ({ page, widget }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(widgetPage({ feed: 'mixed.json' }));
  await widget.waitForStories();
  const assets = requests.filter((url) => /saman-stories-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url));
  expect(assets).toHaveLength(2);
  for (const url of assets) expect(url.startsWith(`${WIDGET}/`)).toBe(true);
});

test('removing the element stops its timers and frees it', async ({ page, widget }) => {
  await pauseClock(page);
  await page.goto(widgetPage({ feed: 'mixed.json' }));
  await widget.waitForStories();
  const counts = () => page.evaluate(() => customElements.get('saman-stories').debugCounts());
  // Two timers: the rotation's, and the one after which the story on
  // screen counts as shown (analytics), once the viewport observer has
  // said the widget is seen. Three listeners beyond the widget's own DOM:
  // the reduced-motion media query, the page's visibilitychange and the
  // viewport observer.
  await expect.poll(counts).toEqual({ widgets: 1, timers: 2, requests: 1, listeners: 3 });
  // The browser's own account of the document's listeners, not the widget's.
  const cdp = await page.context().newCDPSession(page);
  const documentListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.map((listener) => listener.type);
  };
  expect(await documentListeners()).toContain('visibilitychange');
  await page.evaluate(() => document.querySelector('saman-stories').remove());
  expect(await counts()).toEqual({ widgets: 0, timers: 0, requests: 0, listeners: 0 });
  expect(await documentListeners()).not.toContain('visibilitychange');
});

test('removing the element while its feed loads aborts the request', async ({ page, widget }) => {
  const aborted = new Promise((ok) =>
    page.on('requestfailed', (request) => request.url().includes('/slow/') && ok(request.failure().errorText)),
  );
  await page.goto(widgetPage({ feed: 'slow/mixed.json?ms=10000' }));
  await expect(widget.status).toHaveClass(/saman-status--loading/);
  await page.waitForFunction(async () => (await customElements.get('saman-stories').debugCounts()).requests === 1);
  await page.evaluate(() => document.querySelector('saman-stories').remove());
  expect(await aborted).toBe('net::ERR_ABORTED');
  expect(await page.evaluate(() => customElements.get('saman-stories').debugCounts())).toEqual({
    widgets: 0,
    timers: 0,
    requests: 0,
    listeners: 0,
  });
});

test('moving the element re-mounts it without leaking the old widget', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json' }));
  await widget.waitForStories();
  await page.evaluate(() => document.querySelector('main').prepend(document.querySelector('saman-stories')));
  await widget.waitForStories();
  const counts = await page.evaluate(() => customElements.get('saman-stories').debugCounts());
  expect(counts.widgets).toBe(1);
});

test('changing an attribute re-renders with the new setting', async ({ page, widget }) => {
  await page.goto(widgetPage({ feed: 'mixed.json', audience: 'residents', lang: 'en' }));
  await expect(widget.title).toHaveText('Resident story one');
  await widget.host.evaluate((el) => el.setAttribute('audience', 'colleagues'));
  await expect(widget.title).toHaveText('Internal colleague story one');
  await expect(widget.region).toHaveAttribute('aria-label', 'Stories for employees');
});

test('two widgets on one page keep their own state', async ({ page }) => {
  await page.goto('/two-widgets.html');
  const [first, second] = [StoryWidget.nth(page, 0), StoryWidget.nth(page, 1)];
  await first.waitForStories();
  await second.waitForStories();
  await first.nextButton.click();
  await expect(first.position).toHaveText('2 of 4');
  await expect(second.position).toHaveText('1 of 4');
  await expect(first.rotationButton).toHaveText('Start automatic slide show');
  await expect(second.rotationButton).toHaveText('Stop automatic slide show');
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll('saman-stories')].flatMap((el) =>
      [...el.shadowRoot.querySelectorAll('[id]')].map((node) => node.id),
    ),
  );
  expect(ids).toHaveLength(2);
  expect(new Set(ids).size).toBe(2);
  await expect(first.region).toHaveAttribute('aria-label', 'Stories for residents');
  await expect(second.region).toHaveAttribute('aria-label', 'Stories for employees');
});

test('including the loader twice defines the element once and still works', async ({ page, widget }) => {
  await page.goto('/loader-twice.html');
  await widget.waitForStories();
  await expect(page.locator('saman-stories')).toHaveCount(1);
});

test('rotating 600 times leaves the widget\'s memory where it was', async ({ page, widget }) => {
  test.setTimeout(90_000);
  const glue = new Promise((resolve) =>
    page.on('request', (request) => /\/saman-stories-[0-9a-f]+\.js$/.test(request.url()) && resolve(request.url())),
  );
  await pauseClock(page);
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  // The glue module is the page's own instance: its memory is the widget's.
  const wasmBytes = async () =>
    page.evaluate(async (url) => (await import(url)).default().then((exports) => exports.memory.buffer.byteLength), await glue);
  const rotate = async (times) => {
    for (let i = 0; i < times; i++) await page.clock.runFor(7000);
  };
  await rotate(100); // warm-up: the allocator settles
  const before = await wasmBytes();
  await rotate(600);
  // Memory grows in 64 KiB pages; a few hundred bytes per rotation would
  // take several.
  expect(await wasmBytes()).toBe(before);
  await expect(widget.position).toHaveText(`${((700 % 4) + 1)} of 4`);
});
