// Hostile feed text and a strict Content-Security-Policy page, in the engine.
import { describe } from 'node:test';
import { test, assert, waitFor, eventually, widgetPage, probeRecord } from './harness.js';
import { PIECES } from './story-widget.js';

describe('security', () => {
  test('feed text meant to run is shown as text or dropped, and never runs', async ({ browser, widget, visit }) => {
    await visit(widgetPage({ feed: 'generated/scripts.json', lang: 'en' }));
    await widget.waitForStories(waitFor);
    for (let i = 0; i < 2; i++) {
      const inside = await widget.inside((host) => {
        const all = [...host.shadowRoot.querySelectorAll('*')];
        return {
          scripts: host.shadowRoot.querySelectorAll('script, iframe, object, embed').length,
          handlers: all.flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
          urls: all.flatMap((n) => ['href', 'src'].map((a) => n.getAttribute(a)).filter(Boolean)),
        };
      });
      assert.equal(inside.scripts, 0);
      assert.deepEqual(inside.handlers, []);
      for (const url of inside.urls) assert.match(url, /^https?:\/\//);
      const { position } = await widget.state();
      await widget.click(PIECES.nextButton);
      await waitFor('the next story', async () => (await widget.state()).position !== position);
    }
    assert.equal((await widget.state()).title, '<script>window.__pwned = "title"</script>Title');
    await widget.click(PIECES.nextButton);
    // Give any injected handler (onerror, onload) time to fire.
    await new Promise((ok) => setTimeout(ok, 300));
    assert.equal(await browser.run(() => window.__pwned ?? null), null);
  });

  test('the widget works, styled, under a strict CSP without unsafe-inline', async ({ browser, widget, visit }) => {
    await visit('/csp/strict.html');
    await widget.waitForStories(waitFor);
    const image = await waitFor('the picture to load', () =>
      widget.inside((host) => {
        const img = host.shadowRoot.querySelector('.saman-slide img');
        return img && img.complete && img.naturalWidth > 0 ? { alt: img.alt } : null;
      }),
    );
    assert.equal(image.alt, 'Resident picture one');
    // The adopted stylesheet applied: the buttons carry the accent colour.
    assert.equal(await widget.style(PIECES.rotationButton, 'background-color'), 'rgb(0, 91, 153)');
    const record = await probeRecord(browser);
    // Firefox and WebKitGTK ask for the page's /favicon.ico on their own,
    // which this policy's img-src refuses: the browser's request, not the widget's.
    assert.deepEqual(record.violations.filter((v) => !v.endsWith('/favicon.ico')), []);
    assert.deepEqual(record.console.filter((m) => m.type === 'error'), []);
    // The page really has the policy: an inline script of its own is refused.
    await eventually(
      () =>
        browser.run(() => {
          const script = document.createElement('script');
          script.textContent = 'window.__inline = 1';
          document.body.append(script);
          return window.__inline ?? null;
        }),
      null,
    );
    await waitFor('the refusal to be reported', async () =>
      (await probeRecord(browser)).violations.some((v) => v.startsWith('script-src')),
    );
  });
});
