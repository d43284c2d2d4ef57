// The origins of the end-to-end test servers: the host page, the widget's
// dist/, the fixture feeds and the demo feed each live on their own, as in
// production (a municipal page, a CDN, the feed's server).
// Six ports from SAMAN_E2E_PORT (default 4170), so two runs can share a machine.
const BASE = Number(process.env.SAMAN_E2E_PORT || 4170);
const origin = (offset) => `http://127.0.0.1:${BASE + offset}`;
export const PAGE = origin(0);
export const WIDGET = origin(1);
export const FEEDS = origin(2);
export const DEMO_FEED = origin(3);
/** The two nginx servers of hosting.spec.js. */
export const NGINX_WIDGET = origin(4);
export const NGINX_FEED = origin(5);

/** The Content-Security-Policy of the strict page, as the foundation issue gives it. */
export const STRICT_CSP =
  `default-src 'none'; script-src ${WIDGET} 'wasm-unsafe-eval'; style-src ${WIDGET}; ` +
  `connect-src ${WIDGET} ${FEEDS}; img-src ${FEEDS}`;

/** The strict policy without 'wasm-unsafe-eval': WebAssembly cannot run. */
export const NO_WASM_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
