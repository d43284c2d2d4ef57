/*
 * saman-stories.js: the one file a page includes.
 *
 *   <script src="https://cdn.example/saman-stories.js" data-feed="…" async></script>
 *   <saman-stories feed="…" audience="colleagues" lang="nb"></saman-stories>
 *
 * It defines the <saman-stories> element, gives each one a shadow root with
 * the widget's styles and a placeholder that reserves its space, loads the
 * WebAssembly widget once (relative to this script's own URL) and mounts it.
 * The script form becomes an element right after the script tag.
 *
 * The build (scripts/build-loader.mjs) fills in the SAMAN_* constants with the
 * hashed file names and the stylesheet, then minifies this file. This must
 * stay a classic script: document.currentScript is null in modules.
 */
(function () {
  'use strict';

  var TAG = 'saman-stories';
  /* Public attributes; each has a data- twin on the script tag. */
  var ATTRIBUTES = [
    'feed', 'audience', 'lang', 'interval', 'layout', 'heading-level', 'label', 'href', 'fill',
    'color-scheme', 'mode', 'refresh', 'tags', 'storyteller', 'slides-per-view',
  ];

  /* What a widget shows when the widget itself cannot run (no WebAssembly,
     its files missing or blocked): the error text of src/i18n.rs and, when
     the embedder gave the stories page as href, a link to it. */
  var FALLBACK = {
    nb: ['Historiene kunne ikke lastes. Prøv igjen senere.', 'Se alle historiene'],
    nn: ['Historiene kunne ikkje lastast. Prøv igjen seinare.', 'Sjå alle historiene'],
    en: ['The stories could not be loaded. Please try again later.', 'See all the stories'],
  };
  var GLUE_FILE = SAMAN_GLUE_FILE;
  var WASM_FILE = SAMAN_WASM_FILE;
  var CSS_TEXT = SAMAN_CSS_TEXT;

  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : findOwnScriptUrl();
  var baseUrl = new URL('.', scriptUrl || document.baseURI).href;
  var widgetPromise = null;
  var sheet = null;

  function findOwnScriptUrl() {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/saman-stories\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return null;
  }

  function report(message, error) {
    console.error('saman-stories: ' + message, error || '');
  }

  /* The glue and the wasm, fetched and compiled once for every widget. A
     crash replaces the instance: each one has its generation, and the glue
     of generation N > 0 is imported as a new module (?instance=N). */
  var generation = 0;
  var live = new Set();

  function loadWidget() {
    if (!widgetPromise && typeof WebAssembly !== 'object') {
      widgetPromise = Promise.reject(new Error('this browser has no WebAssembly'));
    }
    if (!widgetPromise) {
      var own = generation;
      /* Started together: the wasm downloads while the glue loads. */
      var wasm = fetch(baseUrl + WASM_FILE);
      wasm.catch(function () { /* reported through widgetPromise */ });
      widgetPromise = import(baseUrl + GLUE_FILE + (own ? '?instance=' + own : '')).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          glue.onTrap(function (error, args) { recoverFromCrash(own, error, args); });
          return { glue: glue, generation: own };
        });
      });
    }
    return widgetPromise;
  }

  /* A widget panicked and its instance trapped. The widget that crashed (it
     said so with a saman-stories-crash event, or the event being handled
     came from inside it) gets the fallback; every other widget of that
     instance starts again on a fresh one. */
  var MAX_GENERATIONS = 3;

  function recoverFromCrash(crashed, error, args) {
    if (crashed !== generation) return;
    generation++;
    widgetPromise = null;
    /* A crash that keeps coming back: give every widget its fallback. */
    var giveUp = generation >= MAX_GENERATIONS;
    var event = args && args[0];
    var path = event && typeof event.composedPath === 'function' ? event.composedPath() : [];
    live.forEach(function (element) {
      if (element._generation !== crashed) return;
      if (giveUp || path.indexOf(element) !== -1) element._crashed = true;
      var container = element._container;
      /* Never call into the trapped instance again: no free(). */
      element._widget = null;
      element._unmount();
      if (element._crashed) {
        element._container = container;
        element.shadowRoot.appendChild(container);
        showFallback(element, container);
      } else {
        element._render();
      }
    });
    report('a widget crashed and was replaced by its fallback; the other widgets started again', error);
  }

  function adoptStyles(root) {
    if ('adoptedStyleSheets' in root) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS_TEXT);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      /* Old browsers: an inline <style>, which a strict CSP may block. */
      var style = document.createElement('style');
      style.textContent = CSS_TEXT;
      root.appendChild(style);
    }
  }

  function div(className, children) {
    var element = document.createElement('div');
    element.className = className;
    (children || []).forEach(function (child) { element.appendChild(child); });
    return element;
  }

  /* The same shape as the widget's loading state (status_message), so the
     space is reserved before the wasm arrives and nothing moves after. */
  function placeholder(layout) {
    var frame = div('saman-frame saman-status saman-status--loading', [
      div('saman-controls'),
      div('saman-story-layout', [div('saman-media'), div('saman-caption')]),
    ]);
    frame.setAttribute('aria-busy', 'true');
    var parts = [frame];
    if (layout !== 'list') parts.push(div('saman-footer'));
    return div('saman', parts);
  }

  /* light, dark or auto (the visitor's system setting): the color-scheme
     attribute, else what the page declares — Designsystemet's
     data-color-scheme on an ancestor, or CSS color-scheme — else light. A
     page that declares nothing stays light whatever the visitor's system. */
  function colorScheme(element) {
    var schemes = ['light', 'dark', 'auto'];
    var asked = element.getAttribute('color-scheme');
    if (schemes.indexOf(asked) !== -1) return asked;
    var marked = element.closest('[data-color-scheme]');
    var declared = marked && marked.getAttribute('data-color-scheme');
    if (schemes.indexOf(declared) !== -1) return declared;
    var parent = element.parentElement || document.documentElement;
    var words = (getComputedStyle(parent).colorScheme || '').split(/\s+/);
    var dark = words.indexOf('dark') !== -1;
    return dark && words.indexOf('light') !== -1 ? 'auto' : dark ? 'dark' : 'light';
  }

  /* The class of the container in the shadow root: it carries the scheme. */
  function rootClass(element) {
    return 'saman-root saman-root--' + colorScheme(element);
  }

  /* A page may switch themes after load (a dark-mode toggle): follow it.
     One pair of observers for the page, started with the first widget:
     data-color-scheme anywhere, and class or style on <html> and <body>
     (where pages set CSS color-scheme). Not class changes deeper in the
     page: those are frequent and never a theme. */
  var schemeObservers = null;
  function followColorSchemes() {
    if (schemeObservers || typeof MutationObserver !== 'function') return;
    var update = function () {
      live.forEach(function (element) {
        var container = element._container;
        var className = container && rootClass(element);
        if (container && container.className !== className) container.className = className;
      });
    };
    schemeObservers = [new MutationObserver(update), new MutationObserver(update)];
    schemeObservers[0].observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-color-scheme'] });
    [document.documentElement, document.body].forEach(function (node) {
      if (node) schemeObservers[1].observe(node, { attributes: true, attributeFilter: ['class', 'style'] });
    });
  }

  /* The element's lang, else the page's, else bokmål (as src/config.rs). */
  function fallbackLanguage(element) {
    var tags = [element.getAttribute('lang'), document.documentElement.getAttribute('lang'), 'nb'];
    for (var i = 0; i < tags.length; i++) {
      var primary = (tags[i] || '').trim().toLowerCase().split(/[-_]/)[0];
      if (primary === 'no') primary = 'nb';
      if (FALLBACK[primary]) return primary;
    }
    return 'nb';
  }

  /* Starts the feed request now, so that it downloads together with the
     glue and the wasm instead of after them; the widget takes it over
     (src/browser/feed_request.rs, Prefetched). */
  function prefetchFeed(element) {
    var feed = (element.getAttribute('feed') || '').trim();
    if (!feed || typeof AbortController !== 'function') return undefined;
    try {
      var parsed = new URL(feed, document.baseURI);
      /* Feeds are http(s) only (src/embed.rs); the widget reports others. */
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
      var url = parsed.href;
      var controller = new AbortController();
      var started = performance.now();
      var response = fetch(url, { signal: controller.signal });
      response.catch(function () { /* the widget reports it */ });
      /* `started`: the widget's 15 s limit counts from here. */
      return { url: url, response: response, controller: controller, started: started };
    } catch (error) {
      return undefined; /* not a URL: the widget reports it */
    }
  }

  /* Replaces the placeholder with the fallback text and link. */
  function showFallback(element, container) {
    var text = FALLBACK[fallbackLanguage(element)];
    var message = document.createElement('p');
    message.className = 'saman-status-text';
    message.setAttribute('role', 'status');
    message.textContent = text[0];
    var link = null;
    try {
      link = new URL(element.getAttribute('href') || '', document.baseURI);
    } catch (error) { /* not a URL: no link */ }
    if (link && element.getAttribute('href') && (link.protocol === 'https:' || link.protocol === 'http:')) {
      var anchor = document.createElement('a');
      anchor.className = 'saman-link';
      anchor.href = link.href;
      anchor.textContent = text[1];
      message.appendChild(document.createTextNode(' '));
      message.appendChild(anchor);
    }
    container.textContent = '';
    container.appendChild(div('saman saman-fallback', [message]));
  }

  class SamanStories extends HTMLElement {
    static get observedAttributes() { return ATTRIBUTES; }

    constructor() {
      super();
      /* Sent by the widget's panic hook (src/browser/crash.rs); only the
         current instance's word counts. */
      this.addEventListener('saman-stories-crash', function () {
        if (this._generation === generation) this._crashed = true;
      });
    }

    connectedCallback() {
      live.add(this);
      this._render();
    }

    disconnectedCallback() {
      live.delete(this);
      this._unmount();
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this._container && oldValue !== newValue) {
        this._unmount();
        this._render();
      }
    }

    _render() {
      if (this._container) return;
      var root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (!root.firstChild) adoptStyles(root);
      var container = div(rootClass(this), [placeholder(this.getAttribute('layout'))]);
      followColorSchemes();
      root.appendChild(container);
      this._container = container;
      var element = this;
      if (this._crashed) {
        showFallback(element, container);
        return;
      }
      var prefetched = this._prefetched = prefetchFeed(this);
      loadWidget().then(function (instance) {
        /* The element may have left the page while the widget loaded. */
        if (element._container !== container) return;
        /* The instance crashed meanwhile: start again on the new one. */
        if (instance.generation !== generation) {
          element._unmount();
          element._render();
          return;
        }
        container.textContent = '';
        try {
          element._generation = instance.generation;
          element._widget = instance.glue.mount(element, container, prefetched);
        } catch (error) {
          element._crashed = true;
          if (prefetched) prefetched.controller.abort();
          showFallback(element, container);
          report('the widget failed to start', error);
          /* A trap in mount leaves the instance unusable for the others too. */
          if (error instanceof WebAssembly.RuntimeError) recoverFromCrash(instance.generation, error);
        }
      }, function (error) {
        if (prefetched) prefetched.controller.abort();
        if (element._container === container) showFallback(element, container);
        report('could not load the widget from ' + baseUrl + ' (check that ' + GLUE_FILE + ' and ' +
          WASM_FILE + ' are served there with CORS and application/wasm, and that the page\'s ' +
          "Content-Security-Policy allows script-src " + new URL(baseUrl).origin + " 'wasm-unsafe-eval')", error);
      });
    }

    _unmount() {
      if (this._prefetched) {
        /* A request the widget never took over, or one still running. */
        this._prefetched.controller.abort();
        this._prefetched = null;
      }
      if (this._widget) {
        try { this._widget.free(); } catch (error) { report('failed to stop a widget', error); }
        this._widget = null;
      }
      if (this._container) {
        this._container.remove();
        this._container = null;
      }
    }
  }

  /* For leak tests: how many widgets, timers and feed requests are alive. */
  SamanStories.debugCounts = function () {
    return loadWidget().then(function (instance) { return instance.glue.debug_counts(); });
  };

  /* Browsers without custom elements or shadow DOM (before Chrome 54,
     Firefox 63, Safari 10.1) cannot run the widget: every <saman-stories>
     without content of its own gets the fallback text and link, as plain
     page content, and the page no error. */
  var canRun = typeof customElements === 'object' && customElements !== null &&
    typeof HTMLElement.prototype.attachShadow === 'function';
  if (canRun && !customElements.get(TAG)) customElements.define(TAG, SamanStories);

  /* Script form: <script src=".../saman-stories.js" data-feed="…"> renders
     where the tag stands. With data-from-query (dist/embed.html and
     kiosk.html), the attributes come from the page's query string, with
     the script's data- attributes as defaults. */
  var fromQuery = script && script.hasAttribute('data-from-query');
  if (script && (fromQuery || script.hasAttribute('data-feed'))) {
    var element = document.createElement(TAG);
    var query = new URLSearchParams(location.search);
    ATTRIBUTES.forEach(function (name) {
      var value = (fromQuery && query.get(name)) || script.getAttribute('data-' + name);
      if (value !== null) element.setAttribute(name, value);
    });
    if (fromQuery) element.setAttribute('fill', '');
    if (script.parentNode && script.parentNode !== document.head) {
      script.parentNode.insertBefore(element, script.nextSibling);
    } else if (document.body) {
      document.body.appendChild(element);
    } else {
      /* A synchronous script in <head>: there is no body yet. */
      document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(element); });
    }
  }

  if (!canRun) {
    var fallbackEverywhere = function () {
      var elements = document.getElementsByTagName(TAG);
      for (var i = 0; i < elements.length; i++) {
        if (!elements[i].firstChild) showFallback(elements[i], elements[i]);
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fallbackEverywhere);
    else fallbackEverywhere();
  }
})();
