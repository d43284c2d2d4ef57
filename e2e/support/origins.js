// The origins of the end-to-end test servers: the host page, the widget's
// dist/, the fixture feeds and the demo feed each live on their own, as in
// production (a municipal page, a CDN, the feed's server).
export const PAGE = 'http://127.0.0.1:4170';
export const WIDGET = 'http://127.0.0.1:4171';
export const FEEDS = 'http://127.0.0.1:4172';
export const DEMO_FEED = 'http://127.0.0.1:4173';

/** The Content-Security-Policy of the strict page, as the foundation issue gives it. */
export const STRICT_CSP =
  `default-src 'none'; script-src ${WIDGET} 'wasm-unsafe-eval'; style-src ${WIDGET}; ` +
  `connect-src ${WIDGET} ${FEEDS}; img-src ${FEEDS}`;

/** The strict policy without 'wasm-unsafe-eval': WebAssembly cannot run. */
export const NO_WASM_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
