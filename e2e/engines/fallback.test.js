// What browsers that cannot run the widget get, in the engine: the loader's
// fallback text, with a link to the stories page when the embedder gave one
// (href), and a console message naming the fix. Older browsers are
// simulated by the probe (probe.js) taking the feature away before the
// loader runs, or by a page policy that blocks WebAssembly.
import { describe } from 'node:test';
import { test, assert, waitFor, widgetPage, probeRecord, PAGE, WIDGET } from './harness.js';
import { PIECES } from './story-widget.js';

/** Waits for the fallback and returns its text and links. */
const fallbackOf = (widget) =>
  waitFor('the fallback', () =>
    widget.inside((host) => {
      const fallback = host.shadowRoot.querySelector('.saman-fallback');
      if (!fallback) return null;
      return {
        text: fallback.textContent.trim(),
        links: [...fallback.querySelectorAll('a')].map((a) => [a.textContent, a.href]),
        role: fallback.querySelector('[role=status]') ? 'status' : null,
      };
    }),
  );

const consoleSays = (browser, words) =>
  waitFor(`a console error with ${words}`, async () =>
    (await probeRecord(browser)).console.some((m) => m.type === 'error' && m.text.includes(words)),
  );

describe('fallback', () => {
  test('a browser without WebAssembly gets the fallback text and link', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'nb', href: '/historier', 'engines-probe': 'no-wasm' }));
    assert.equal((await probeRecord(browser)).features.WebAssembly, 'undefined');
    const fallback = await fallbackOf(widget);
    assert.deepEqual(fallback, {
      text: 'Historiene kunne ikke lastes. Prøv igjen senere. Se alle historiene',
      links: [['Se alle historiene', `${PAGE}/historier`]],
      role: 'status',
    });
    await consoleSays(browser, 'this browser has no WebAssembly');
  });

  test('WebAssembly blocked by the page’s CSP gives the fallback and names the fix', async ({ browser, widget, visit }) => {
    await visit('/csp-no-wasm/strict.html');
    const fallback = await fallbackOf(widget);
    assert.deepEqual(fallback.links, []);
    assert.match(fallback.text, /^The stories could not be loaded\./);
    await consoleSays(browser, "'wasm-unsafe-eval'");
  });

  test('a missing wasm file gives the fallback text and link', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'nn', href: 'https://kommune.example/historier', widget: `${WIDGET}/no-wasm` }));
    const fallback = await fallbackOf(widget);
    assert.deepEqual(fallback.links, [['Sjå alle historiene', 'https://kommune.example/historier']]);
    await consoleSays(browser, `saman-stories: could not load the widget from ${WIDGET}/no-wasm/`);
  });

  test('without constructable stylesheets the loader’s <style> styles the widget', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'mixed.json', lang: 'en', 'engines-probe': 'no-adopted-stylesheets' }));
    await widget.waitForStories(waitFor);
    const styling = await widget.inside((host) => ({
      adopted: 'adoptedStyleSheets' in host.shadowRoot,
      styleElements: host.shadowRoot.querySelectorAll('style').length,
    }));
    assert.deepEqual(styling, { adopted: false, styleElements: 1 });
    assert.equal(await widget.style(PIECES.rotationButton, 'background-color'), 'rgb(0, 91, 153)');
    assert.equal(await widget.style('.saman', 'background-color'), 'rgb(255, 255, 255)');
    assert.deepEqual((await probeRecord(browser)).features, { WebAssembly: 'object', adoptedStyleSheets: false });
  });
});
