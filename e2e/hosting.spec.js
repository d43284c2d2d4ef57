// The hosting instructions work as written: nginx with docs/hosting/*.conf
// serves dist/ and a feed with the headers the README promises, and a page
// on another origin shows the widget from there.
import { test, expect, widgetPage } from './support/test.js';
import { startNginx } from './support/nginx.js';
import { NGINX_WIDGET, NGINX_FEED } from './support/origins.js';

const WIDGET_PORT = Number(new URL(NGINX_WIDGET).port);
const FEED_PORT = Number(new URL(NGINX_FEED).port);
let stop;

test.beforeAll(async () => {
  stop = await startNginx([
    { port: WIDGET_PORT, root: 'dist', include: 'nginx-widget.conf' },
    { port: FEED_PORT, root: 'tests/fixtures', include: 'nginx-feed.conf' },
  ]);
});
test.afterAll(async () => stop && (await stop()));

test('nginx serves the widget and the feed with the documented headers', async ({ request }) => {
  const base = `http://127.0.0.1:${WIDGET_PORT}`;
  const loader = await request.get(`${base}/saman-stories.js`);
  expect(loader.status()).toBe(200);
  expect(loader.headers()['content-type']).toBe('text/javascript');
  expect(loader.headers()['cache-control']).toBe('public, max-age=300');
  const source = await loader.text();
  const [glue] = source.match(/saman-stories-[0-9a-f]+\.js/);
  const [wasm] = source.match(/saman-stories-[0-9a-f]+_bg\.wasm/);
  for (const [file, type] of [[glue, 'text/javascript'], [wasm, 'application/wasm']]) {
    const response = await request.get(`${base}/${file}`, { headers: { Origin: 'https://kommune.example' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(type);
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  }
  // The info-screen page's stylesheet is named by its content too.
  const kiosk = await (await request.get(`${base}/kiosk.html`)).text();
  const [stylesheet] = kiosk.match(/embed-[0-9a-f]{16}\.css/);
  const css = await request.get(`${base}/${stylesheet}`);
  expect(css.headers()['content-type']).toBe('text/css');
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // The precompressed twin is sent as it is.
  const packed = await request.get(`${base}/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(packed.headers()['content-encoding']).toBe('gzip');
  const feed = await request.get(`http://127.0.0.1:${FEED_PORT}/mixed.json`);
  expect(feed.headers()['content-type']).toBe('application/feed+json');
  expect(feed.headers()['access-control-allow-origin']).toBe('*');
});

test('a page on another origin shows the widget hosted by nginx', async ({ page, widget }) => {
  await page.goto(
    widgetPage({
      widget: `http://127.0.0.1:${WIDGET_PORT}`,
      feed: `http://127.0.0.1:${FEED_PORT}/mixed.json`,
      lang: 'en',
    }),
  );
  await widget.waitForStories();
  await expect(widget.title).toHaveText('Resident story one');
});
