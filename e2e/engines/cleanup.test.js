// Removal frees everything, in the engine: the loader's live counts of
// widgets, timers, requests and listeners go back to zero.
import { describe } from 'node:test';
import { test, assert, waitFor, eventually, widgetPage } from './harness.js';

const NOTHING = { widgets: 0, timers: 0, requests: 0, listeners: 0 };

describe('cleanup', () => {
  test('removing the element stops its timers and frees it', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en' }));
    await widget.waitForStories(waitFor);
    // One widget with its rotation timer and its listeners (how many of
    // each is the widget's own business: e2e/embed.spec.js pins them).
    const alive = await widget.counts();
    assert.equal(alive.widgets, 1);
    assert.ok(alive.timers >= 1 && alive.listeners >= 1, JSON.stringify(alive));
    await browser.run(() => document.querySelector('saman-stories').remove());
    await eventually(() => widget.counts(), NOTHING);
  });

  test('removing the element while its feed loads aborts the request', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'slow/mixed.json?ms=10000', lang: 'en' }));
    await waitFor('the feed request', async () => (await widget.counts()).requests === 1);
    await browser.run(() => document.querySelector('saman-stories').remove());
    await eventually(() => widget.counts(), NOTHING);
  });

  test('a page that adds and removes widgets fifty times ends with nothing alive', async ({ browser, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en' }));
    await waitFor('the first widget', () => browser.run(() => Boolean(document.querySelector('saman-stories')?.shadowRoot?.querySelector('.saman-slide'))));
    const left = await browser.run(async () => {
      const template = document.querySelector('saman-stories');
      for (let i = 0; i < 50; i++) {
        const element = template.cloneNode();
        document.body.append(element);
        await new Promise((ok) => setTimeout(ok, i % 5 === 0 ? 50 : 0));
        element.remove();
      }
      template.remove();
      return customElements.get('saman-stories').debugCounts();
    });
    await eventually(async () => (left.widgets === 0 ? left : browser.run(() => customElements.get('saman-stories').debugCounts())), NOTHING);
  });
});
