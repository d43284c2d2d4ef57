// What browsers that cannot run the widget get, in the engine: the loader's
// fallback text, with a link to the stories page when the embedder gave one
// (href), and a console message naming the fix. Older browsers are
// simulated by the probe (probe.js) taking the feature away before the
// loader runs, or by a page policy that blocks WebAssembly.
import { describe } from 'node:test';
import { test, assert, waitFor, widgetPage, probeRecord, PAGE, WIDGET } from './harness.js';
import { PIECES } from './story-widget.js';

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

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

  for (const form of ['script', 'element']) {
    test(`a browser without custom elements gets the fallback text and link as page content (${form} form)`, async ({ browser, visit }) => {
      await visit(widgetPage({ form, feed: 'mixed.json', lang: 'nn', href: '/historier', 'engines-probe': 'no-custom-elements' }));
      assert.equal((await probeRecord(browser)).features.customElements, 'undefined');
      const shown = await waitFor('the fallback', () =>
        browser.run(() => {
          const element = document.querySelector('saman-stories');
          const link = element && element.querySelector('a');
          return link ? { shadow: Boolean(element.shadowRoot), text: element.textContent.trim(), link: [link.textContent, link.href] } : null;
        }),
      );
      assert.deepEqual(shown, {
        shadow: false,
        text: 'Historiene kunne ikkje lastast. Prøv igjen seinare. Sjå alle historiene',
        link: ['Sjå alle historiene', `${PAGE}/historier`],
      });
    });
  }

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
    assert.deepEqual((await probeRecord(browser)).features, { WebAssembly: 'object', adoptedStyleSheets: false, customElements: 'object' });
  });

  for (const [scheme, params, surface] of [
    ['light', {}, 'rgb(255, 255, 255)'],
    ['dark', { pagescheme: 'dark' }, 'rgb(28, 31, 35)'],
  ]) {
    test(`with the oldest supported browsers' CSS, the widget stays usable and readable (${scheme} page)`, async ({ browser, widget, visit }) => {
      await visit(widgetPage({ feed: 'mixed.json', lang: 'en', ...params, 'engines-probe': 'no-adopted-stylesheets,old-css' }));
      const state = await widget.waitForStories(waitFor);
      assert.equal(state.position, '1 of 4');
      // The simulation took effect: no container queries reached the widget.
      const sheet = await widget.inside((host) => {
        const style = host.shadowRoot.querySelector('style');
        const rules = [...style.sheet.cssRules];
        return {
          containerRules: rules.filter((r) => r.constructor.name === 'CSSContainerRule').length,
          containerType: getComputedStyle(host).containerType ?? 'normal',
        };
      });
      assert.deepEqual(sheet, { containerRules: 0, containerType: 'normal' });
      assert.ok((await probeRecord(browser)).pruned > 0);
      // Readable: our colours, with text at 4.5:1 and controls at 3:1.
      const colours = await widget.inside((host) => {
        const read = (selector, property) => getComputedStyle(host.shadowRoot.querySelector(selector))[property];
        return {
          surface: read('.saman', 'backgroundColor'),
          text: read('.saman-slide .saman-title', 'color'),
          summary: read('.saman-slide .saman-summary', 'color'),
          button: read('button.saman-next', 'backgroundColor'),
          buttonText: read('button.saman-next', 'color'),
        };
      });
      assert.equal(colours.surface, surface);
      assert.ok(contrast(colours.text, colours.surface) >= 4.5, JSON.stringify(colours));
      assert.ok(contrast(colours.summary, colours.surface) >= 4.5, JSON.stringify(colours));
      assert.ok(contrast(colours.button, colours.surface) >= 3, JSON.stringify(colours));
      assert.ok(contrast(colours.buttonText, colours.button) >= 4.5, JSON.stringify(colours));
      // Usable: the one-column layout (picture over text) fits the widget,
      // and every control is there and at least 44 px square.
      const layout = await widget.inside((host) => {
        const box = (selector) => host.shadowRoot.querySelector(selector).getBoundingClientRect();
        const frame = box('.saman');
        const caption = box('.saman-slide .saman-caption');
        return {
          pictureAboveText: box('.saman-slide .saman-media').bottom <= caption.top + 1,
          captionInside: caption.left >= frame.left && caption.right <= frame.right + 0.5,
          buttons: [...host.shadowRoot.querySelectorAll('button')].map((b) => {
            const r = b.getBoundingClientRect();
            return r.width >= 44 && r.height >= 44 && r.top >= frame.top && r.bottom <= frame.bottom;
          }),
          noSideScroll: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        };
      });
      assert.deepEqual(layout, { pictureAboveText: true, captionInside: true, buttons: [true, true, true, true], noSideScroll: true });
      // And operable by keyboard: the stop button first, Next moves on.
      await browser.run(() => document.getElementById('before').focus());
      await browser.press('Tab');
      assert.equal((await widget.state()).rotation, 'Start automatic slide show');
      await browser.press('Tab', 'Tab', 'Enter');
      await waitFor('the second story', async () => (await widget.state()).position === '2 of 4');
    });
  }
});
