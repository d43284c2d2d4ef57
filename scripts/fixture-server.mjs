// The feed server of the tests: serves tests/fixtures/ from its own origin
// with CORS, plus routes that misbehave on purpose:
//   /status/404, /status/500, …   answer with that status
//   /slow/NAME.json?ms=N           answer NAME.json after N ms
//   /no-cors/NAME.json             answer without Access-Control-Allow-Origin
//   /flaky/NAME.json?fail=N&key=K  answer 503 to the first N requests (per key K),
//                                  then NAME.json; /flaky/count?key=K tells how
//                                  many requests key K got
//   /truncated/NAME.json           send half of NAME.json, then cut the connection
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

/** Requests per key of the /flaky/ route. */
const flakyCounts = new Map();

async function misbehave(req, res, url) {
  if (url.pathname === '/flaky/count') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(flakyCounts.get(url.searchParams.get('key')) ?? 0));
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
      res.writeHead(200, { 'Content-Type': 'application/feed+json' });
      res.end(await readFile(join(FIXTURES, flaky[1])));
    }
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
