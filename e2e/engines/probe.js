/*
 * The engine tests' probe: the proxy (proxy.js) puts this classic script
 * first in every HTML page, before the page's own scripts and the loader.
 * It records what classic WebDriver cannot see, in window.__samanProbe:
 * - errors: uncaught exceptions and unhandled promise rejections;
 * - console: console.error and console.warn calls, as { type, text };
 * - violations: Content-Security-Policy violations.
 * Options after "?" in its URL take a feature away before the loader runs,
 * as an older browser would lack it: "no-wasm" (no WebAssembly),
 * "no-adopted-stylesheets" (no constructable stylesheets in shadow roots),
 * "no-custom-elements" (no customElements registry),
 * "old-css" (the widget's stylesheet as the oldest supported browsers read
 * it: see pruneForOldBrowsers).
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
  if (options.indexOf('no-custom-elements') !== -1) {
    Object.defineProperty(window, 'customElements', { value: undefined, configurable: true, writable: true });
  }
  if (options.indexOf('no-adopted-stylesheets') !== -1) {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  }
  if (options.indexOf('old-css') !== -1) {
    /* The stylesheet reaches the shadow root by replaceSync (adopted) or as
       a <style> appended to it (the loader's fallback): prune it either way. */
    var replaceSync = CSSStyleSheet.prototype.replaceSync;
    CSSStyleSheet.prototype.replaceSync = function (text) {
      replaceSync.call(this, text);
      pruneForOldBrowsers(this);
    };
    var appendChild = Node.prototype.appendChild;
    Node.prototype.appendChild = function (node) {
      var added = appendChild.call(this, node);
      if (node instanceof HTMLStyleElement && this instanceof ShadowRoot && node.sheet) pruneForOldBrowsers(node.sheet);
      return added;
    };
  }

  /* What the page's own scripts now see, for the tests to check. */
  record.features = {
    WebAssembly: typeof WebAssembly,
    adoptedStyleSheets: 'adoptedStyleSheets' in Document.prototype,
    customElements: typeof customElements,
  };

  /*
   * What a browser of the oldest supported versions (README, "Supported
   * browsers") does with the stylesheet, by the CSS rule that a parser
   * drops what it does not know: no container queries (@container rules,
   * container-type, cq* units: Chrome < 105, Firefox < 110, Safari < 16),
   * no aspect-ratio (Firefox < 89), no light-dark() (Chrome < 123, Firefox
   * < 120, Safari < 17.5). light-dark() in a custom property is kept as
   * text there and makes the property using it invalid; an unknown function
   * name does the same here.
   */
  function pruneForOldBrowsers(sheet) {
    record.pruned = (record.pruned || 0) + 1;
    for (var i = sheet.cssRules.length - 1; i >= 0; i--) {
      var rule = sheet.cssRules[i];
      if (typeof CSSContainerRule !== 'undefined' && rule instanceof CSSContainerRule) {
        sheet.deleteRule(i);
      } else if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
        pruneForOldBrowsers(rule);
      } else if (rule.style) {
        pruneDeclarations(rule.style);
      }
    }
  }

  function pruneDeclarations(style) {
    for (var j = style.length - 1; j >= 0; j--) {
      var name = style[j];
      var value = style.getPropertyValue(name);
      if (/^(container-type|container-name|aspect-ratio)$/.test(name) || /\d(cqi|cqw|cqh|cqb|cqmin|cqmax)\b/.test(value)) {
        style.removeProperty(name);
      } else if (value.indexOf('light-dark(') !== -1) {
        style.setProperty(name, value.replace(/light-dark\(/g, 'no-such-function('), style.getPropertyPriority(name));
      }
    }
  }
})();
