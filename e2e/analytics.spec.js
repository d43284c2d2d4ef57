// The events the widget fires for the embedder's own analytics (src/analytics.rs):
// each exactly when stated, with exactly the documented `detail`, bubbling
// out of the shadow root to the document, and never while nobody can see
// the widget. support/test.js proves in every test that no request goes
// anywhere but to the suite's own origins.
import { test, expect, widgetPage, pauseClock } from './support/test.js';
import { FEEDS } from './support/origins.js';

const INTERVAL = 7000;
const EVENTS = ['ready', 'error', 'show', 'open', 'rotation'].map((name) => `saman-stories-${name}`);

/** Records every widget event on the document, as { type, detail, slides } (the slides in the DOM then). */
async function recordEvents(page) {
  await page.addInitScript((names) => {
    window.widgetEvents = [];
    for (const name of names) {
      document.addEventListener(name, (event) => {
        const host = event.composedPath()[0];
        window.widgetEvents.push({
          type: event.type,
          detail: event.detail,
          bubbles: event.bubbles,
          composed: event.composed,
          slides: host.shadowRoot ? host.shadowRoot.querySelectorAll('.saman-slide, .saman-list-item').length : -1,
        });
      });
    }
    // Links lead nowhere during the test: the event is what counts.
    document.addEventListener('click', (event) => event.preventDefault());
    document.addEventListener('auxclick', (event) => event.preventDefault());
  }, EVENTS);
}

const events = (page, type) =>
  page.evaluate((type) => window.widgetEvents.filter((e) => !type || e.type === type), type);

const details = async (page, type) => (await events(page, type)).map((e) => e.detail);

async function open(page, widget, params, loaded = () => widget.waitForStories()) {
  await recordEvents(page);
  await pauseClock(page);
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
  await loaded();
  // The viewport observer reports on the next rendering step (real time).
  await page.waitForTimeout(300);
}

const STORY_ONE = {
  id: 'res-1',
  title: 'Resident story one',
  url: `${FEEDS}/stories/res-1.html`,
  position: 1,
  total: 4,
  view: 'residents',
};

test('ready fires once, when the stories are in the DOM, bubbling and composed', async ({ page, widget }) => {
  await open(page, widget, {});
  const ready = await events(page, 'saman-stories-ready');
  expect(ready).toEqual([
    { type: 'saman-stories-ready', detail: { view: 'residents', total: 4, lang: 'en' }, bubbles: true, composed: true, slides: 1 },
  ]);
  await page.clock.runFor(INTERVAL * 2);
  expect(await details(page, 'saman-stories-ready')).toHaveLength(1);
  expect(await details(page, 'saman-stories-error')).toEqual([]);
});

test('an empty view is ready with no stories', async ({ page, widget }) => {
  await recordEvents(page);
  await page.goto(widgetPage({ feed: 'colleagues-only.json', lang: 'nn' }));
  await expect(widget.status).toHaveClass(/saman-status--empty/);
  await expect.poll(() => details(page, 'saman-stories-ready')).toEqual([{ view: 'residents', total: 0, lang: 'nn' }]);
});

for (const [feed, reason] of [
  ['missing.json', 'http-404'],
  ['malformed.json', 'unreadable'],
  ['data:application/json,{}', 'bad-feed-url'],
]) {
  test(`error fires with the reason ${reason}`, async ({ page, widget }) => {
    await recordEvents(page);
    await page.goto(widgetPage({ feed, lang: 'en' }));
    await expect(widget.status).toHaveClass(/saman-status--error/);
    await expect.poll(() => details(page, 'saman-stories-error')).toEqual([{ reason }]);
    expect(await details(page, 'saman-stories-ready')).toEqual([]);
  });
}

test('show fires after one second on screen, once per story however often it comes back', async ({ page, widget }) => {
  await open(page, widget, {});
  await page.clock.runFor(999);
  expect(await details(page, 'saman-stories-show')).toEqual([]);
  await page.clock.runFor(1);
  expect(await details(page, 'saman-stories-show')).toEqual([STORY_ONE]);
  // Rotation brings the others, then story one again: one event each.
  await page.clock.runFor(INTERVAL * 4);
  await expect(widget.position).toHaveText('1 of 4');
  await page.clock.runFor(1000);
  const shown = await details(page, 'saman-stories-show');
  expect(shown.map((d) => [d.id, d.position])).toEqual([['res-1', 1], ['all-1', 2], ['res-2', 3], ['no-audience', 4]]);
  // A story without a safe address has a null url.
  expect(shown[2]).toEqual({ ...shown[2], url: null });
});

test('a story shown for less than a second does not count', async ({ page, widget }) => {
  await open(page, widget, {});
  await page.clock.runFor(500);
  await widget.nextButton.click();
  await page.clock.runFor(999);
  expect(await details(page, 'saman-stories-show')).toEqual([]);
  await page.clock.runFor(1);
  expect((await details(page, 'saman-stories-show')).map((d) => d.id)).toEqual(['all-1']);
});

test('nothing counts as shown while the widget is off-screen or the page is hidden', async ({ page, widget }) => {
  await open(page, widget, { below: '1' });
  await page.clock.runFor(INTERVAL * 2);
  expect(await details(page, 'saman-stories-show')).toEqual([]);
  await widget.host.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.clock.runFor(1000);
  expect((await details(page, 'saman-stories-show')).map((d) => d.id)).toEqual(['res-1']);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await widget.nextButton.click();
  await page.clock.runFor(INTERVAL);
  expect((await details(page, 'saman-stories-show')).map((d) => d.id)).toEqual(['res-1']);
});

test('open fires when a visitor follows a story by mouse, keyboard or middle button', async ({ page, widget }) => {
  await open(page, widget, {});
  const link = widget.slide.getByRole('link');
  await link.click();
  await link.focus();
  await page.keyboard.press('Enter');
  await link.click({ button: 'middle' });
  await link.click({ button: 'right' });
  const opened = { id: 'res-1', url: `${FEEDS}/stories/res-1.html`, position: 1 };
  expect(await details(page, 'saman-stories-open')).toEqual([opened, opened, opened]);
});

test('open in the list layout names the story and its place', async ({ page, widget }) => {
  await open(page, widget, { layout: 'list' }, () => expect(widget.list.locator('li')).toHaveCount(4));
  // The second story's link is its own address elsewhere; the third has none.
  await widget.list.getByRole('link').nth(1).click();
  expect(await details(page, 'saman-stories-open')).toEqual([
    { id: 'all-1', url: 'https://elsewhere.example/all-1', position: 2 },
  ]);
});

test('rotation fires when a visitor stops or starts it, with the cause', async ({ page, widget }) => {
  await open(page, widget, {});
  await widget.rotationButton.click();
  await widget.rotationButton.click();
  await widget.nextButton.click();
  await widget.nextButton.click(); // already stopped: nothing to announce
  await widget.rotationButton.click();
  await page.keyboard.press('Tab'); // keyboard focus inside stops it
  expect(await details(page, 'saman-stories-rotation')).toEqual([
    { playing: false, cause: 'button' },
    { playing: true, cause: 'button' },
    { playing: false, cause: 'navigation' },
    { playing: true, cause: 'button' },
    { playing: false, cause: 'focus' },
  ]);
  // Hovering pauses, but that is not the visitor stopping anything.
  await widget.rotationButton.click();
  await widget.slides.hover();
  await page.mouse.move(0, 0);
  expect((await details(page, 'saman-stories-rotation')).at(-1)).toEqual({ playing: true, cause: 'button' });
});

test('forwarding the events to Matomo, as the README shows, makes no request of its own', async ({ page, widget }) => {
  await page.addInitScript(() => {
    window._paq = [];
    document.addEventListener('saman-stories-show', (event) => {
      window._paq.push(['trackEvent', 'Historier', 'Vist', event.detail.title]);
    });
  });
  await open(page, widget, {});
  await page.clock.runFor(1000);
  expect(await page.evaluate(() => window._paq)).toEqual([['trackEvent', 'Historier', 'Vist', 'Resident story one']]);
});
