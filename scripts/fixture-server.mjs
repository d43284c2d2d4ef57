// The feed server of the tests: serves tests/fixtures/ from its own origin
// with CORS, plus routes that misbehave on purpose:
//   /status/404, /status/500, …   answer with that status
//   /slow/NAME.json?ms=N           answer NAME.json after N ms
//   /no-cors/NAME.json             answer without Access-Control-Allow-Origin
//   /flaky/NAME.json?fail=N&key=K  answer 503 to the first N requests (per key K),
//                                  then NAME.json with an ETag (and 304 Not
//                                  Modified to a request that has it);
//                                  /flaky/count?key=K tells how many requests
//                                  key K got, /flaky/not-modified?key=K how
//                                  many were answered 304
//   /truncated/NAME.json           send half of NAME.json, then cut the connection
//   /generated/KIND.json           a hostile feed made on the fly (see HOSTILE)
//
//   node scripts/fixture-server.mjs PORT
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

export const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

/** Starts the fixture feed server on `port` (0: any free port). */
export async function startFixtureServer(port = 0) {
  return startStaticServer({ root: FIXTURES, port, route: misbehave });
}

const feed = (items, extra = {}) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', ...extra, items });
const story = (i, extra = {}) => ({
  id: `story-${i}`,
  url: `stories/${i}.html`,
  title: `Story number ${i}`,
  summary: 'Småbarnsforeldre fortel om kveldsope helsestasjon og lengre opningstider. '.repeat(3),
  image: 'img/shared.svg',
  date_published: '2026-10-14T09:00:00+02:00',
  _saman: { audience: i % 3 === 0 ? 'colleagues' : 'residents', image_alt: `Picture ${i}` },
  ...extra,
});

/** Hostile feeds, made when asked for: name → body (a string or bytes). */
const HOSTILE = {
  // About 5 MB: 12,000 stories, 8,000 of them for residents.
  big: () => feed(Array.from({ length: 12000 }, (_, i) => story(i))),
  // A title with bytes that are not UTF-8.
  'invalid-utf8': () =>
    Buffer.concat([
      Buffer.from(feed([story(1, { title: 'BROKEN_BYTES' })]).split('BROKEN_BYTES')[0] + 'Bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' bytes' + feed([story(1, { title: 'BROKEN_BYTES' })]).split('BROKEN_BYTES')[1]),
    ]),
  deep: () => `{"items": ${'['.repeat(100000)}${']'.repeat(100000)}}`,
  'huge-strings': () => feed([story(1, { title: 'Ø'.repeat(2_000_000), summary: 'word '.repeat(400_000) })]),
  'wrong-types': () =>
    feed([
      story(1),
      { id: 2, title: 'Numeric id is fine', _saman: { audience: 'residents' } },
      { id: ['x'], title: 'Array id' },
      { id: 'obj-title', title: { text: 'not a string' } },
      { id: 'bad-audience', title: 'Unknown audience', _saman: { audience: 42 } },
      { id: 'dup', title: 'First of two' },
      { id: 'dup', title: 'Second of two' },
      null,
      'a string item',
      { id: 'bad-fields', title: 'Every other field wrong', url: 7, image: [], summary: {}, date_published: 'yesterday', tags: 'x', authors: 'y', language: 5 },
    ]),
  scripts: () =>
    feed([
      story(1, {
        title: '<script>window.__pwned = "title"</script>Title',
        summary: '<img src=x onerror="window.__pwned = \'summary\'">',
        url: 'javascript:window.__pwned = "url"',
        image: 'javascript:window.__pwned = "image"',
        _saman: { audience: 'all', image_alt: '" onerror="window.__pwned = \'alt\'' },
      }),
      story(2, {
        title: 'Links that run code',
        content_html: '<a href="javascript:x" onclick="window.__pwned=1">link</a><svg onload="window.__pwned=2"></svg>',
        summary: undefined,
        url: ' vbscript:msgbox(1)',
        external_url: 'data:text/html,<script>window.__pwned=3</script>',
        image: 'data:image/svg+xml,<svg onload="window.__pwned=4"/>',
        banner_image: 'java\tscript:window.__pwned=5',
        _saman: { audience: 'all' },
      }),
    ]),
  'not-json-feed': () => '<?xml version="1.0"?><rss><channel><title>RSS</title></channel></rss>',
};

/** Requests per key of the /flaky/ route, and how many got 304. */
const flakyCounts = new Map();
const notModifiedCounts = new Map();

async function misbehave(req, res, url) {
  if (url.pathname === '/flaky/count' || url.pathname === '/flaky/not-modified') {
    const counts = url.pathname === '/flaky/count' ? flakyCounts : notModifiedCounts;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(counts.get(url.searchParams.get('key')) ?? 0));
    return true;
  }
  const flaky = url.pathname.match(/^\/flaky\/([\w-]+\.json)$/);
  if (flaky) {
    const key = url.searchParams.get('key') ?? '';
    const count = (flakyCounts.get(key) ?? 0) + 1;
    flakyCounts.set(key, count);
    if (count <= Number(url.searchParams.get('fail') ?? 1)) {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('temporarily unavailable');
    } else {
      const etag = `"${flaky[1]}-v1"`;
      if (req.headers['if-none-match'] === etag) {
        notModifiedCounts.set(key, (notModifiedCounts.get(key) ?? 0) + 1);
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/feed+json', ETag: etag, 'Cache-Control': 'no-cache' });
        res.end(await readFile(join(FIXTURES, flaky[1])));
      }
    }
    return true;
  }
  // /growing/<fixture>?key=K: the fixture the first time, then with one more
  // story at the front (a feed that changed between two refreshes).
  const growing = url.pathname.match(/^\/growing\/([\w-]+\.json)$/);
  if (growing) {
    const key = `growing:${url.searchParams.get('key') ?? ''}`;
    const count = (flakyCounts.get(key) ?? 0) + 1;
    flakyCounts.set(key, count);
    const feed = JSON.parse(await readFile(join(FIXTURES, growing[1]), 'utf8'));
    if (count > 1) feed.items.unshift({ id: 'added-later', title: 'A story added later', _saman: { audience: 'all' } });
    res.writeHead(200, { 'Content-Type': 'application/feed+json', 'Cache-Control': 'no-cache' });
    res.end(JSON.stringify(feed));
    return true;
  }
  const generated = url.pathname.match(/^\/generated\/([\w-]+)\.json$/);
  if (generated && HOSTILE[generated[1]]) {
    res.writeHead(200, { 'Content-Type': 'application/feed+json' });
    res.end(HOSTILE[generated[1]]());
    return true;
  }
  const truncated = url.pathname.match(/^\/truncated\/([\w-]+\.json)$/);
  if (truncated) {
    const body = await readFile(join(FIXTURES, truncated[1]));
    res.writeHead(200, { 'Content-Type': 'application/feed+json', 'Content-Length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => res.destroy(), 50));
    return true;
  }
  const status = url.pathname.match(/^\/status\/(\d{3})$/);
  if (status) {
    res.writeHead(Number(status[1]), { 'Content-Type': 'text/plain' });
    res.end(`status ${status[1]}`);
    return true;
  }
  const slow = url.pathname.match(/^\/slow\/([\w-]+\.json)$/);
  if (slow) {
    const ms = Number(url.searchParams.get('ms') || 10000);
    const body = await readFile(join(FIXTURES, slow[1]));
    const timer = setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/feed+json' });
      res.end(body);
    }, ms);
    req.on('close', () => clearTimeout(timer));
    return true;
  }
  const noCors = url.pathname.match(/^\/no-cors\/([\w-]+\.json)$/);
  if (noCors) {
    res.removeHeader('Access-Control-Allow-Origin');
    res.writeHead(200, { 'Content-Type': 'application/feed+json' });
    res.end(await readFile(join(FIXTURES, noCors[1])));
    return true;
  }
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startFixtureServer(Number(process.argv[2] || 0));
  console.log(`fixture feeds on ${server.origin}`);
}
