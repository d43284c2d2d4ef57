// A small static file server for the demo and the end-to-end tests.
//
// It serves a folder with the headers a widget host needs (CORS, the right
// MIME types, caching), optional extra routes, and optional response headers
// per request (for Content-Security-Policy pages). It binds 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server. Options:
 * - root: folder to serve;
 * - port: 0 for any free port;
 * - cors: send Access-Control-Allow-Origin: * (default true);
 * - headers(url): extra response headers for a request;
 * - route(req, res, url): handle a request yourself and return true.
 * Resolves to { server, origin, close() }.
 */
export async function startStaticServer({ root, port = 0, cors = true, headers, route } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const common = { ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}), ...(headers ? headers(url) : {}) };
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
    try {
      if (route && (await route(req, res, url))) return;
      let path = normalize(join(rootDir, decodeURIComponent(url.pathname)));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) return send(res, 403, 'forbidden');
      let info = await stat(path).catch(() => null);
      if (info && info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info) return send(res, 404, 'not found');
      const type = MIME_TYPES[extname(path).toLowerCase()] || 'application/octet-stream';
      // Hashed files never change; everything else is revalidated.
      const hashed = /-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(path);
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : await readFile(path));
    } catch (error) {
      if (!res.headersSent) send(res, 500, String(error));
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
