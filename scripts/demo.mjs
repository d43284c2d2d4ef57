// Serves the demo: a municipal page, the widget (dist/) and the story feed,
// each from its own origin on 127.0.0.1, as they would be in production.
//
//   node scripts/demo.mjs        (ports 8080, 8081, 8082; override with PORT)
import { readFile } from 'node:fs/promises';
import { startStaticServer } from './static-server.mjs';

const first = Number(process.env.PORT || 8080);
const widget = await startStaticServer({ root: 'dist', port: first + 1 });
const feed = await startStaticServer({ root: 'demo/feed', port: first + 2 });
const page = await startStaticServer({
  root: 'demo/page',
  port: first,
  cors: false,
  route: async (req, res, url) => {
    if (url.pathname !== '/' && url.pathname !== '/index.html') return false;
    const template = await readFile('demo/page/index.html', 'utf8');
    const html = template
      .replaceAll('{{PAGE_ORIGIN}}', `http://127.0.0.1:${first}`)
      .replaceAll('{{WIDGET_ORIGIN}}', widget.origin)
      .replaceAll('{{FEED_ORIGIN}}', feed.origin);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(html);
    return true;
  },
});
console.log(`saman-stories demo: ${page.origin}/  (widget ${widget.origin}, feed ${feed.origin}); Ctrl+C stops it`);
console.log(`the configurator: ${widget.origin}/configure.html?feed=${encodeURIComponent(`${feed.origin}/residents.json`)}`);
