// Starts the servers of the end-to-end tests (Playwright's webServer).
//
// The widget server also has /test-build/ (see below). The page server answers:
// - /widget.html?feed=…&audience=…&lang=…&interval=…&layout=…&heading-level=…&label=…
//   &form=element|script&pagelang=…&widget=ORIGIN&tall=1&sync=1
//   &pagecss=CSS (a <style> in the page)&pagescheme=dark (data-color-scheme on <html>)
//   a page with one widget (feed names resolve against the fixture origin;
//   the loader comes from the widget origin unless `widget` names another);
// - /demo/  the demo page, wired to these origins;
// - /pasted.html?code=HTML&csp=POLICY  a page with HTML pasted into it as it
//   is (the code the configurator copies), sent with that
//   Content-Security-Policy when one is given;
// - /csp/…  pages from e2e/site/ sent with the strict Content-Security-Policy,
//   /csp-no-wasm/… the same without 'wasm-unsafe-eval';
// - anything else from e2e/site/, with {{WIDGET}}, {{FEEDS}}, {{PAGE}} filled in.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { MIME_TYPES, startStaticServer } from '../../scripts/static-server.mjs';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { PAGE, WIDGET, FEEDS, DEMO_FEED, STRICT_CSP, NO_WASM_CSP } from './origins.js';

const port = (origin) => Number(new URL(origin).port);
const fill = (html) =>
  html.replaceAll('{{WIDGET}}', WIDGET).replaceAll('{{FEEDS}}', FEEDS).replaceAll('{{PAGE}}', PAGE);
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function widgetPage(url) {
  const params = url.searchParams;
  const form = params.get('form') || 'element';
  const widgetOrigin = params.get('widget') || WIDGET;
  const attributes = [
    'feed', 'audience', 'lang', 'interval', 'layout', 'heading-level', 'label', 'href', 'fill',
    'color-scheme', 'mode', 'refresh', 'tags', 'storyteller', 'slides-per-view',
  ]
    .filter((name) => params.has(name))
    .map((name) => {
      let value = params.get(name);
      // A bare name is a fixture feed; a URL (any scheme) or a path stays as it is.
      if (name === 'feed' && !/^([a-z][a-z0-9+.-]*:|\/)/i.test(value)) value = `${FEEDS}/${value}`;
      return `${form === 'script' ? 'data-' : ''}${name}="${escape(value)}"`;
    })
    .join(' ');
  // sync=1: the loader without async (in <head> for the element form), so
  // the placeholder exists before the first paint.
  const sync = params.has('sync');
  const loader = `${escape(widgetOrigin)}/saman-stories.js`;
  const widget =
    form === 'script'
      ? `<script src="${loader}" ${attributes}${sync ? '' : ' async'}></script>`
      : `<saman-stories ${attributes}></saman-stories>${sync ? '' : `\n<script src="${loader}" async></script>`}`;
  const head = form === 'element' && sync ? `<script src="${loader}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="${escape(params.get('pagelang') || 'nb')}"${params.has('pagescheme') ? ` data-color-scheme="${escape(params.get('pagescheme'))}"` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Widget test page</title>${head}
${params.has('pagecss') ? `<style>${params.get('pagecss').replace(/</g, '')}</style>` : ''}</head>
<body>
<main>
<h1>Test page</h1>
<p><a id="before" href="#before">Link before the widget</a></p>
<h2>Stories</h2>
${params.has('below') ? '<div id="spacer" style="height: 3000px"></div>' : ''}<div id="slot">${widget}</div>
<p><a id="after" href="#after">Link after the widget</a></p>
${params.has('tall') ? '<div style="height: 3000px"></div><p id="far">Far below</p>' : ''}
</main>
</body>
</html>`;
}

/** A page with `code` pasted into its body, as a webmaster pastes a snippet. */
const pastedPage = (code) => `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pasted code</title></head>
<body>
<main>
<h1>A page with pasted code</h1>
<h2>Stories</h2>
${code}
</main>
</body>
</html>`;

const html = (res, body, headers = {}) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(body);
  return true;
};

// The widget server; under /no-wasm/ the same files, but the wasm is
// missing; under /test-build/ the build with test hooks (dist-test/, made by
// `trunk build --release --features test-hooks --dist dist-test`).
await startStaticServer({
  root: 'dist',
  port: port(WIDGET),
  route: async (req, res, url) => {
    const testBuild = url.pathname.match(/^\/test-build\/([\w.-]+)$/);
    if (testBuild) {
      const body = await readFile(`dist-test/${testBuild[1]}`).catch(() => null);
      if (!body) return false;
      res.writeHead(200, { 'Content-Type': MIME_TYPES[extname(testBuild[1])] || 'application/octet-stream' });
      res.end(body);
      return true;
    }
    const broken = url.pathname.match(/^\/no-wasm\/(.+)$/);
    if (!broken) return false;
    if (broken[1].endsWith('.wasm')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return true;
    }
    const body = await readFile(`dist/${broken[1]}`).catch(() => null);
    if (!body) return false;
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(body);
    return true;
  },
});
await startFixtureServer(port(FEEDS));
await startStaticServer({ root: 'demo/feed', port: port(DEMO_FEED) });
await startStaticServer({
  root: 'e2e/site',
  port: port(PAGE),
  cors: false,
  route: async (req, res, url) => {
    if (url.pathname === '/health') return html(res, 'ok');
    if (url.pathname === '/widget.html') return html(res, widgetPage(url));
    if (url.pathname === '/pasted.html') {
      const policy = url.searchParams.get('csp');
      return html(res, pastedPage(url.searchParams.get('code') ?? ''), policy ? { 'Content-Security-Policy': policy } : {});
    }
    if (url.pathname === '/demo/') {
      const template = await readFile('demo/page/index.html', 'utf8');
      return html(
        res,
        template
          .replaceAll('{{PAGE_ORIGIN}}', PAGE)
          .replaceAll('{{WIDGET_ORIGIN}}', WIDGET)
          .replaceAll('{{FEED_ORIGIN}}', DEMO_FEED)
          .replace('href="/demo.css"', 'href="/demo/demo.css"'),
      );
    }
    // Old libraries for the hostile legacy page.
    const vendor = { '/vendor/jquery.js': 'node_modules/jquery/dist/jquery.js', '/vendor/require.js': 'node_modules/requirejs/require.js' };
    if (vendor[url.pathname]) {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(await readFile(vendor[url.pathname]));
      return true;
    }
    if (url.pathname === '/demo/demo.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end(await readFile('demo/page/demo.css'));
      return true;
    }
    if (url.pathname.endsWith('.html') || url.pathname.endsWith('/')) {
      const file = (url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname).replace(/^\/csp-no-wasm\//, '/csp/');
      const body = await readFile(`e2e/site${file}`, 'utf8').catch(() => null);
      if (body === null) return false;
      const policy = url.pathname.startsWith('/csp/') ? STRICT_CSP : url.pathname.startsWith('/csp-no-wasm/') ? NO_WASM_CSP : null;
      const headers = policy ? { 'Content-Security-Policy': policy } : {};
      return html(res, fill(body), headers);
    }
    return false;
  },
});
console.log(`e2e servers: page ${PAGE}, widget ${WIDGET}, feeds ${FEEDS}, demo feed ${DEMO_FEED}`);
