// The benchmark's two origins on 127.0.0.1, each holding every response for
// `delay` ms before sending it, to stand in for a network round trip.
//
// - The page origin serves the host pages: /ours.html?stories=N (the
//   widget's script form), /splide.html?stories=N (the Splide reference),
//   /blank.html (the same page with no carousel, for the memory baseline) and
//   /soak.html (the loader only, for insert/remove cycles).
// - The widget origin serves dist/ (a copy taken at start, so a rebuild
//   during the run cannot change or break what is measured), the reference (/bench/splide-embed.js and
//   Splide's JS and CSS under /splide/), the feeds (/feeds/stories-N.json)
//   and the stories' images (/feeds/img/<n>.svg), all with CORS and
//   Timing-Allow-Origin, so the page can read every request's timing.
//
// Loopback adds no latency of its own and no bandwidth limit: a request costs
// about one `delay`, like a round trip on an open connection.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../scripts/static-server.mjs';
import { feedJson, storySvg } from './feeds.mjs';

const SPLIDE_DIST = 'node_modules/@splidejs/splide/dist';
const STATIC_FILES = {
  '/bench/splide-embed.js': ['bench/splide-embed.js', 'text/javascript; charset=utf-8'],
  '/splide/splide.min.js': [`${SPLIDE_DIST}/js/splide.min.js`, 'text/javascript; charset=utf-8'],
  '/splide/splide.min.css': [`${SPLIDE_DIST}/css/splide.min.css`, 'text/css; charset=utf-8'],
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res, type, body) {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(body);
  return true;
}

/** The host page, the same for every case; `embed` is the carousel's markup. */
function hostPage(embed, head = '') {
  return `<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fjordvik kommune</title><link rel="icon" href="data:,">${head}</head>
<body>
<header><p>Fjordvik kommune</p></header>
<main>
<h1>Gode historier</h1>
<p>Her fortel vi om folk og tenester i kommunen.</p>
<h2>Historier for innbyggjarar</h2>
${embed}
<h2>Aktuelt</h2>
<p>Kommunestyret møtest torsdag kl. 18. Møtet blir strøymt.</p>
</main>
</body>
</html>`;
}

/** The host page for a path of the page origin (see the top of this file), or null. */
function pageFor(url, widget) {
  const feed = `${widget}/feeds/stories-${url.searchParams.get('stories')}.json`;
  switch (url.pathname) {
    case '/ours.html':
      return hostPage(
        `<script src="${widget}/saman-stories.js" data-feed="${feed}" data-audience="residents" data-lang="nb" async></script>`,
      );
    case '/splide.html':
      return hostPage(
        `<script src="${widget}/splide/splide.min.js" defer></script>\n` +
          `<script src="${widget}/bench/splide-embed.js" data-feed="${feed}" data-audience="residents" defer></script>`,
        `\n<link rel="stylesheet" href="${widget}/splide/splide.min.css">`,
      );
    case '/blank.html':
      return hostPage('');
    case '/soak.html':
      return hostPage('<div id="slot"></div>', `\n<script src="${widget}/saman-stories.js"></script>`);
    default:
      return null;
  }
}

/**
 * Starts both origins. `sizes` are the feeds' story counts. Resolves to
 * { page, widget, build, feedBytes, close() }: the two origins, the name of
 * the widget's hashed glue (which build is measured) and, per story count,
 * the size of its feed in bytes.
 */
export async function startServers({ delay, sizes }) {
  const dist = await mkdtemp(join(tmpdir(), 'saman-bench-dist-'));
  await cp('dist', dist, { recursive: true });
  const build = (await readdir(dist)).find((name) => /^saman-stories-[0-9a-f]+\.js$/.test(name)) ?? null;
  const feeds = new Map(sizes.map((count) => [`/feeds/stories-${count}.json`, feedJson(count)]));
  const delayed = (route) => async (req, res, url) => {
    await sleep(delay);
    return route(req, res, url);
  };

  const widget = await startStaticServer({
    root: dist,
    headers: () => ({ 'Timing-Allow-Origin': '*' }),
    route: delayed(async (req, res, url) => {
      if (feeds.has(url.pathname)) return send(res, 'application/feed+json; charset=utf-8', feeds.get(url.pathname));
      const image = url.pathname.match(/^\/feeds\/img\/(\d+)\.svg$/);
      if (image) return send(res, 'image/svg+xml', storySvg(Number(image[1])));
      const file = STATIC_FILES[url.pathname];
      if (file) return send(res, file[1], await readFile(file[0]));
      return false; // dist/, by the static server
    }),
  });

  const page = await startStaticServer({
    root: 'bench', // never reached: every path is a generated page or a 404
    cors: false,
    route: delayed(async (req, res, url) => {
      const html = pageFor(url, widget.origin);
      if (html !== null) return send(res, 'text/html; charset=utf-8', html);
      res.writeHead(404).end();
      return true;
    }),
  });

  return {
    page: page.origin,
    widget: widget.origin,
    build,
    feedBytes: Object.fromEntries(sizes.map((count) => [count, Buffer.byteLength(feeds.get(`/feeds/stories-${count}.json`))])),
    close: async () => {
      await Promise.all([page.close(), widget.close()]);
      await rm(dist, { recursive: true, force: true });
    },
  };
}
