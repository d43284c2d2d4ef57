// The recording proxy between the browser and the suite's servers.
//
// Firefox and WebKitGTK are driven over classic WebDriver, which cannot see
// a page's requests or its uncaught errors. So every request of the browser
// goes through this HTTP proxy (the session's `proxy` capability):
// - it records the origin of every request, so a test fails when the page
//   asked anything outside the suite's origins (an https:// request arrives
//   as CONNECT, or from WebKitGTK as a TLS handshake with the proxy itself
//   whose server name is read; both are recorded and refused);
// - it forwards only to 127.0.0.1 and refuses everything else, so nothing
//   leaves the machine whatever a page tries; a refused or failed upstream
//   connection closes the browser's connection, which the page sees as the
//   same network error it would get without the proxy;
// - it puts `probe.js` first in every HTML page: a classic script from the
//   widget's origin (allowed by the strict CSP page) that records uncaught
//   errors, console errors and warnings and CSP violations, and can take a
//   feature away before the loader runs (see probe.js).
import { createServer, request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { WIDGET } from '../support/origins.js';

/** The path on the widget's origin where the proxy serves the probe. */
export const PROBE_PATH = '/__engines/probe.js';
/** The page query parameter that asks the probe to remove features (comma-separated). */
export const PROBE_PARAM = 'engines-probe';

/** Starts the proxy on a free port of 127.0.0.1. */
export async function startProxy() {
  const probeSource = await readFile(new URL('./probe.js', import.meta.url), 'utf8');
  /** Every request since the last `clear()`: { method, url, origin }. */
  let log = [];

  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url);
    } catch {
      res.writeHead(400).end('a proxy request needs an absolute URL');
      return;
    }
    log.push({ method: req.method, url: url.href, origin: url.origin });
    if (url.origin === WIDGET && url.pathname === PROBE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(probeSource);
      return;
    }
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
      req.socket.destroy();
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: url.port || 80, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (answer) => forward(url, answer, res),
    );
    upstream.on('error', () => req.socket.destroy());
    req.on('aborted', () => upstream.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  // https:// (and any other tunnel): recorded, never opened.
  server.on('connect', (req, socket) => {
    log.push({ method: 'CONNECT', url: `https://${req.url}/`, origin: `https://${req.url.replace(/:443$/, '')}` });
    socket.destroy();
  });
  // WebKitGTK's driver makes the sslProxy an https:// proxy: the browser
  // opens TLS to the proxy itself and would name its target only inside
  // it. The attempt is recorded as an https origin all the same (the
  // suite's origins are all http, so it fails the test) and refused.
  server.on('clientError', (error, socket) => {
    const name = error.rawPacket ? tlsServerName(error.rawPacket) : null;
    if (name !== null) log.push({ method: 'TLS', url: `https://${name}/`, origin: `https://${name}` });
    socket.destroy();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

  return {
    port: server.address().port,
    /** The requests since the last clear(). */
    requests: () => [...log],
    clear: () => {
      log = [];
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

/** Passes the answer on; an HTML page gets the probe as its first script. */
function forward(url, answer, res) {
  const headers = { ...answer.headers };
  const isHtml = /^text\/html/i.test(headers['content-type'] ?? '') && !headers['content-encoding'];
  if (!isHtml) {
    res.writeHead(answer.statusCode, answer.statusMessage, headers);
    answer.pipe(res);
    return;
  }
  const chunks = [];
  answer.on('data', (chunk) => chunks.push(chunk));
  answer.on('end', () => {
    const html = withProbe(Buffer.concat(chunks).toString('utf8'), url.searchParams.get(PROBE_PARAM));
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const body = Buffer.from(html);
    res.writeHead(answer.statusCode, answer.statusMessage, { ...headers, 'content-length': body.length });
    res.end(body);
  });
  answer.on('error', () => res.destroy());
}

/** The page with `<script src="…/probe.js">` right after `<head>` (or first). */
export function withProbe(html, options) {
  const src = `${WIDGET}${PROBE_PATH}${options ? `?${encodeURIComponent(options)}` : ''}`;
  const tag = `<script src="${src}"></script>`;
  const head = html.match(/<head(\s[^>]*)?>/i);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = html.match(/^\s*<!doctype[^>]*>/i);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + tag + html.slice(at);
}

/**
 * The server name (SNI) of a TLS ClientHello, "(no name)" for a handshake
 * without one (one to the proxy's IP address), or null when `bytes` is not
 * a TLS handshake.
 */
export function tlsServerName(bytes) {
  if (bytes.length < 6 || bytes[0] !== 0x16 || bytes[5] !== 0x01) return null;
  try {
    let at = 9 + 2 + 32; // record and handshake headers, client version, random
    at += 1 + bytes[at]; // session id
    at += 2 + bytes.readUInt16BE(at); // cipher suites
    at += 1 + bytes[at]; // compression methods
    const end = at + 2 + bytes.readUInt16BE(at);
    at += 2;
    while (at + 4 <= end) {
      const type = bytes.readUInt16BE(at);
      const length = bytes.readUInt16BE(at + 2);
      if (type === 0) {
        const nameLength = bytes.readUInt16BE(at + 7);
        return bytes.subarray(at + 9, at + 9 + nameLength).toString('latin1');
      }
      at += 4 + length;
    }
  } catch {
    /* cut short: a handshake all the same */
  }
  return '(no name)';
}
