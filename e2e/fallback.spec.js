// When the widget itself cannot run — its wasm missing, WebAssembly blocked
// by the page's CSP, or no WebAssembly at all — the loader shows a readable
// fallback (with a link to the stories page when the embedder gave one) and
// says in the console what to fix. The host page gets no uncaught error.
import { test, expect, widgetPage } from './support/test.js';
import { PAGE, WIDGET } from './support/origins.js';

const fallback = (widget) => widget.host.locator('.saman-fallback');

test('a missing wasm file gives the fallback text and link', async ({ page, widget, consoleMessages }) => {
  await page.goto(
    widgetPage({ feed: 'mixed.json', lang: 'nn', href: 'https://kommune.example/historier', widget: `${WIDGET}/no-wasm` }),
  );
  await expect(fallback(widget)).toContainText('Historiene kunne ikkje lastast. Prøv igjen seinare.');
  await expect(widget.host.getByRole('link', { name: 'Sjå alle historiene' })).toHaveAttribute(
    'href',
    'https://kommune.example/historier',
  );
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(expect.stringContaining(`saman-stories: could not load the widget from ${WIDGET}/no-wasm/`));
});

test('WebAssembly blocked by the page’s CSP gives the fallback and names the fix', async ({ page, widget, consoleMessages }) => {
  const response = await page.goto('/csp-no-wasm/strict.html');
  expect(response.headers()['content-security-policy']).not.toContain('wasm-unsafe-eval');
  await expect(fallback(widget)).toContainText('The stories could not be loaded.');
  await expect(widget.host.getByRole('link')).toHaveCount(0);
  await expect
    .poll(() => consoleMessages.map((m) => m.text))
    .toContainEqual(expect.stringContaining("'wasm-unsafe-eval'"));
});

test('a browser without WebAssembly gets the fallback', async ({ page, widget }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'nb', href: '/historier' }));
  await expect(fallback(widget)).toContainText('Historiene kunne ikke lastes.');
  await expect(widget.host.getByRole('link', { name: 'Se alle historiene' })).toHaveAttribute(
    'href',
    `${PAGE}/historier`,
  );
});

test('an href that is not a web address gives no link', async ({ page, widget }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en', href: 'javascript:alert(1)' }));
  await expect(fallback(widget)).toContainText('The stories could not be loaded.');
  await expect(widget.host.getByRole('link')).toHaveCount(0);
});
