/*
 * The engine tests' probe: the proxy (proxy.js) puts this classic script
 * first in every HTML page, before the page's own scripts and the loader.
 * It records what classic WebDriver cannot see, in window.__samanProbe:
 * - errors: uncaught exceptions and unhandled promise rejections;
 * - console: console.error and console.warn calls, as { type, text };
 * - violations: Content-Security-Policy violations.
 * Options after "?" in its URL take a feature away before the loader runs,
 * as an older browser would lack it: "no-wasm" (no WebAssembly),
 * "no-adopted-stylesheets" (no constructable stylesheets in shadow roots).
 */
(function () {
  'use strict';
  var record = { errors: [], console: [], violations: [] };
  window.__samanProbe = record;

  /* The message and, where there is one, the stack (Firefox's and
     WebKit's stacks do not repeat the message). */
  function describe(error, fallback) {
    if (!error || typeof error !== 'object') return String(fallback);
    return String(error) + (error.stack ? '\n' + error.stack : '');
  }

  window.addEventListener('error', function (event) {
    record.errors.push('uncaught: ' + describe(event.error, event.message));
  });
  window.addEventListener('unhandledrejection', function (event) {
    record.errors.push('unhandled rejection: ' + describe(event.reason, String(event.reason)));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    record.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
  ['error', 'warn'].forEach(function (type) {
    var original = console[type];
    console[type] = function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
      record.console.push({ type: type, text: parts.join(' ').trim() });
      return original.apply(console, arguments);
    };
  });

  var script = document.currentScript;
  var options = script && script.src.indexOf('?') !== -1 ? decodeURIComponent(script.src.split('?')[1]).split(',') : [];
  if (options.indexOf('no-wasm') !== -1) {
    delete window.WebAssembly;
    // SpiderMonkey resolves standard globals lazily and brings a deleted
    // one back on the next look-up: shadow it instead.
    if (typeof WebAssembly !== 'undefined') {
      Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true, writable: true });
    }
  }
  if (options.indexOf('no-adopted-stylesheets') !== -1) {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  }
  /* What the page's own scripts now see, for the tests to check. */
  record.features = { WebAssembly: typeof WebAssembly, adoptedStyleSheets: 'adoptedStyleSheets' in Document.prototype };
})();
