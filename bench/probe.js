/*
 * probe.js: runs in every benchmark page before the page's own scripts
 * (Playwright's addInitScript) and records in window.__bench, in ms since
 * navigation start (performance.now()):
 *
 * - titleInDom: when the first story's title text is first in the DOM, seen
 *   by MutationObservers on the document, the widget's shadow root and the
 *   Splide root's class (narrow, so that observing costs the page little);
 * - firstStory: when that title has been painted: the first animation frame
 *   that contains it (a requestAnimationFrame callback sees it), timed by a
 *   message posted from that callback, which runs once the frame's style,
 *   layout and paint are done (one frame late if the title is inserted by
 *   an animation-frame callback that runs after this one);
 * - longTasks: every 'longtask' entry (PerformanceObserver, buffered).
 *
 * The first story's title is `.saman-slide .saman-title` in the open shadow
 * root of <saman-stories>, or for the Splide reference `.embed-title` in a
 * slide of a mounted Splide (`.splide.is-initialized`; Splide's stylesheet
 * hides the carousel until then).
 */
(function () {
  'use strict';

  var bench = (window.__bench = { titleInDom: null, firstStory: null, longTasks: [] });
  var roots = [];
  var observers = [];

  performance.setResourceTimingBufferSize(10000);
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    });
  }).observe({ type: 'longtask', buffered: true });

  function firstTitle() {
    var host = document.querySelector('saman-stories');
    var title = host
      ? host.shadowRoot && host.shadowRoot.querySelector('.saman-slide .saman-title')
      : document.querySelector('.splide.is-initialized .splide__slide .embed-title');
    return title && title.textContent.trim() ? title : null;
  }

  function observe(root, options) {
    if (roots.indexOf(root) !== -1) return;
    var observer = new MutationObserver(check);
    observer.observe(root, options);
    roots.push(root);
    observers.push(observer);
  }

  function check() {
    if (bench.titleInDom !== null) return;
    var host = document.querySelector('saman-stories');
    if (host && host.shadowRoot) observe(host.shadowRoot, { childList: true, subtree: true, characterData: true });
    var splide = document.querySelector('section.splide');
    if (splide) observe(splide, { attributes: true, attributeFilter: ['class'] });
    if (!firstTitle()) return;
    bench.titleInDom = performance.now();
    observers.forEach(function (observer) { observer.disconnect(); });
  }

  function onFrame() {
    check();
    if (bench.titleInDom === null) {
      requestAnimationFrame(onFrame);
      return;
    }
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { bench.firstStory = performance.now(); };
    channel.port2.postMessage(null);
  }

  observe(document, { childList: true, subtree: true });
  requestAnimationFrame(onFrame);
})();
