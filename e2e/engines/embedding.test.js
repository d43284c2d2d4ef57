// Both embed forms and late insertion, in the engine.
import { describe } from 'node:test';
import { test, assert, waitFor, widgetPage, requests, WIDGET, FEEDS } from './harness.js';
import { StoryWidget } from './story-widget.js';

describe('embedding', () => {
  test('the script form renders right where the script tag stands', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ form: 'script', feed: 'mixed.json', audience: 'residents', lang: 'nn' }));
    const state = await widget.waitForStories(waitFor);
    assert.equal(state.position, '1 av 4');
    assert.equal(state.label, 'Historier for innbyggjarar');
    const placement = await browser.run(() => {
      const script = document.querySelector('script[data-feed]');
      const element = script.nextElementSibling;
      return { next: element?.tagName, parent: script.parentElement.id, audience: element?.getAttribute('audience'), lang: element?.getAttribute('lang') };
    });
    assert.deepEqual(placement, { next: 'SAMAN-STORIES', parent: 'slot', audience: 'residents', lang: 'nn' });
  });

  test('the element form works with the loader after it, and with the loader in <head>', async ({ widget, visit }) => {
    await visit(widgetPage({ form: 'element', feed: 'mixed.json', lang: 'en' }));
    assert.equal((await widget.waitForStories(waitFor)).title, 'Resident story one');
    await visit(widgetPage({ form: 'element', feed: 'mixed.json', lang: 'en', sync: '1' }));
    assert.equal((await widget.waitForStories(waitFor)).title, 'Resident story one');
  });

  test('elements that a page script inserts later render too, each with its own settings', async ({ browser, visit }) => {
    await visit('/empty.html');
    await browser.run(
      async (widgetOrigin, feeds) => {
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
      WIDGET,
      FEEDS,
    );
    const [residents, colleagues] = [new StoryWidget(browser, 0), new StoryWidget(browser, 1)];
    assert.equal((await residents.waitForStories(waitFor)).title, 'Resident story one');
    assert.equal((await colleagues.waitForStories(waitFor)).title, 'Internal colleague story one');
  });

  test('the widget fetches its three files from its own origin, the feed and its picture, nothing else', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en' }));
    await widget.waitForStories(waitFor);
    await waitFor('the picture to load', () =>
      widget.inside((host) => {
        const img = host.shadowRoot.querySelector('.saman-slide img');
        return img && img.complete && img.naturalWidth > 0;
      }),
    );
    const fetched = requests()
      .map((r) => r.url)
      .filter((url) => url.startsWith(WIDGET) || url.startsWith(FEEDS))
      .filter((url) => !url.includes('/__engines/'))
      .map((url) => url.replace(/saman-stories-[0-9a-f]+/, 'saman-stories-HASH'));
    // The glue and the wasm are cached for a year (immutable), so an
    // earlier test of this session may have fetched them already.
    const expected = [
      `${WIDGET}/saman-stories.js`,
      `${WIDGET}/saman-stories-HASH.js`,
      `${WIDGET}/saman-stories-HASH_bg.wasm`,
      `${FEEDS}/mixed.json`,
      `${FEEDS}/img/res-1.svg`,
    ];
    assert.deepEqual([...new Set(fetched)].filter((url) => !expected.includes(url)), [], 'requests for other files');
    for (const url of [`${WIDGET}/saman-stories.js`, `${FEEDS}/mixed.json`]) assert.ok(fetched.includes(url), `no request for ${url}`);
    // No cookies and no storage written.
    const stored = await browser.run(async () => ({
      cookies: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
    }));
    assert.deepEqual(stored, { cookies: '', localStorage: 0, sessionStorage: 0 });
  });
});
