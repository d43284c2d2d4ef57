// Error, empty and loading states in the engine: a short message in the UI
// language inside the widget, the cause in the console (recorded by the
// probe), and nothing uncaught in the host page.
import { describe } from 'node:test';
import { test, assert, waitFor, widgetPage, probeRecord, FEEDS } from './harness.js';

const ERROR_NN = 'Historiene kunne ikkje lastast. Prøv igjen seinare.';

/** Waits for the widget's status text (not the loading placeholder's). */
const statusOf = (widget) =>
  waitFor('the widget to show a status', async () => {
    const state = await widget.state();
    return state.status ? state : null;
  });

/** Waits until the console has an error from the widget containing `cause`. */
const consoleCause = (browser, cause) =>
  waitFor(`a console error naming "${cause}"`, async () => {
    const record = await probeRecord(browser);
    return record.console.find((m) => m.type === 'error' && m.text.startsWith('saman-stories: ') && m.text.includes(cause));
  });

describe('states', () => {
  for (const [name, feed, cause] of [
    ['404', 'status/404', 'the feed server answered HTTP 404'],
    ['malformed JSON', 'malformed.json', 'the feed is unreadable: invalid JSON at line 4, column 38: expected value'],
    ['CORS refused', 'no-cors/mixed.json', 'the feed could not be fetched'],
    ['connection refused', 'http://127.0.0.1:9/historier.json', 'the feed could not be fetched'],
    ['not a JSON Feed', 'not-a-feed.json', 'not a JSON Feed: it has no "items" array'],
  ]) {
    test(`${name}: the error state in the UI language and the cause in the console`, async ({ browser, widget, visit }) => {
      await visit(widgetPage({ feed, lang: 'nn' }));
      const state = await statusOf(widget);
      assert.equal(state.status, ERROR_NN);
      assert.match(state.statusClass, /saman-status--error/);
      await consoleCause(browser, cause);
    });
  }

  test('bad items are skipped with a console warning and the good ones shown', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en' }));
    await widget.waitForStories(waitFor);
    const { console: messages } = await probeRecord(browser);
    assert.ok(
      messages.some((m) => m.type === 'warn' && m.text === `saman-stories: ${FEEDS}/mixed.json: item 5 skipped: it has no "id"`),
      JSON.stringify(messages),
    );
  });

  test('an empty feed shows the empty state', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'empty.json', lang: 'nb' }));
    const state = await statusOf(widget);
    assert.equal(state.status, 'Ingen historier å vise akkurat nå.');
    assert.match(state.statusClass, /saman-status--empty/);
  });

  test('the loading state is shown, reserves the carousel’s space, and gives way to the stories', async ({ widget, visit }) => {
    await visit(widgetPage({ feed: 'slow/mixed.json?ms=1500', lang: 'en' }));
    const loading = await waitFor('the loading text', async () => {
      const text = await widget.inside((host) => host.shadowRoot.querySelector('.saman-status--loading')?.textContent.trim());
      return text === 'Loading stories …' ? text : null;
    });
    assert.equal(loading, 'Loading stories …');
    const heightWhileLoading = await widget.inside((host) => host.getBoundingClientRect().height);
    await widget.waitForStories(waitFor);
    const heightLoaded = await widget.inside((host) => host.getBoundingClientRect().height);
    assert.ok(heightWhileLoading > 300, `the loading state is ${heightWhileLoading} px tall`);
    assert.ok(
      Math.abs(heightLoaded - heightWhileLoading) <= heightLoaded * 0.1,
      `loading ${heightWhileLoading} px, loaded ${heightLoaded} px`,
    );
  }, { width: 480 });
});
