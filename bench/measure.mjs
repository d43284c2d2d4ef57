// Measures one page load in a fresh browser context (empty cache, new
// renderer) with probe.js installed, then reads, one second after the first
// story is painted:
//
// - firstStory / titleInDom: from probe.js, ms since navigation start;
// - requests: the document and every resource in start order, with start,
//   first byte and end in ms since navigation start (Resource Timing; the
//   servers send Timing-Allow-Origin);
// - roundTrips and the critical path, inferred from those times (see
//   criticalPath below);
// - domNodes: the carousel's nodes, elements and text: everything in the
//   widget's shadow root, or the Splide reference's <section> and everything
//   in it;
// - longTaskMs: the time spent in long tasks (tasks over 50 ms) from
//   navigation start to 1 s after the first story (a task crossing that
//   moment counts up to it);
// - jsHeap: bytes of JS heap in use in the page's renderer after a forced
//   garbage collection (CDP HeapProfiler.collectGarbage, then
//   Performance.getMetrics JSHeapUsedSize);
// - wasmMemory: bytes of the widget's WebAssembly linear memory, which is not
//   part of the JS heap (null for pages without the widget).
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const SETTLE_MS = 1000;
const TIMEOUT_MS = 30000;

/** Loads `url` once; `carousel: false` for a page without one (no first story to wait for). */
export async function measurePage(browser, url, { carousel = true } = {}) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ path: PROBE });
    await page.goto(url);
    if (carousel) {
      await page
        .waitForFunction(() => window.__bench.firstStory !== null, null, { timeout: TIMEOUT_MS, polling: 100 })
        .catch(() => {
          throw new Error(`no first story within ${TIMEOUT_MS / 1000} s; page errors: ${errors.join(' | ') || 'none'}`);
        });
    }
    await page.waitForTimeout(SETTLE_MS);
    const facts = await page.evaluate(readPage, SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    const { jsHeap } = await memoryAfterGc(cdp);
    const wasm = await wasmMemory(page, facts.requests.map((request) => request.url));
    return { ...facts, ...criticalPath(facts.requests, facts.titleInDom), jsHeap, wasmMemory: wasm };
  } finally {
    await context.close();
  }
}

/** In the page: what probe.js recorded, the carousel's DOM nodes and every request's timing. */
function readPage(settleMs) {
  const countNodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  };
  const host = document.querySelector('saman-stories');
  const splide = document.querySelector('section.splide');
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').map((entry) => ({
    url: entry.name,
    type: entry.initiatorType,
    start: entry.startTime,
    firstByte: entry.responseStart || entry.responseEnd,
    end: entry.responseEnd,
  }));
  const bench = window.__bench;
  const until = (bench.firstStory ?? 0) + settleMs;
  return {
    firstStory: bench.firstStory,
    titleInDom: bench.titleInDom,
    longTaskMs: bench.longTasks.reduce((sum, task) => sum + Math.max(0, Math.min(task.start + task.duration, until) - task.start), 0),
    domNodes: host ? countNodes(host.shadowRoot) : splide ? 1 + countNodes(splide) : null,
    requests: [
      { url: navigation.name, type: 'document', start: 0, firstByte: navigation.responseStart, end: navigation.responseEnd },
      ...resources.sort((a, b) => a.start - b.start),
    ],
  };
}

/**
 * The chain of requests the first story waited for, inferred from timing.
 * Among the requests that ended before the first story's title was in the
 * DOM (`titleInDom`; later ones, such as images, cannot be what it waited
 * for), a request counts as
 * waiting for an earlier one whose response had begun arriving before it
 * started (the browser or a script could only ask after reading it).
 * Following, from the deepest request, the deepest such predecessor (ties:
 * the one that ended last) gives the chain; its length is the number of
 * sequential round trips. Marks the chain's requests with `onPath`.
 */
export function criticalPath(requests, titleInDom) {
  const done = requests.filter((request) => titleInDom !== null && request.end <= titleInDom);
  const depth = new Map();
  const parent = new Map();
  for (const request of done) {
    let best = null;
    for (const earlier of done) {
      if (!depth.has(earlier) || earlier.firstByte > request.start) continue;
      if (!best || depth.get(earlier) > depth.get(best) || (depth.get(earlier) === depth.get(best) && earlier.end > best.end)) {
        best = earlier;
      }
    }
    depth.set(request, best ? depth.get(best) + 1 : 1);
    parent.set(request, best);
  }
  let last = null;
  for (const request of done) {
    if (!last || depth.get(request) > depth.get(last) || (depth.get(request) === depth.get(last) && request.end > last.end)) {
      last = request;
    }
  }
  for (let request = last; request; request = parent.get(request)) request.onPath = true;
  return { roundTrips: last ? depth.get(last) : null };
}

/**
 * After a forced garbage collection: JS heap bytes in use, and the DOM nodes
 * and event listeners alive in the renderer (detached ones included).
 */
export async function memoryAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? null;
  return { jsHeap: metric('JSHeapUsedSize'), domNodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/**
 * Bytes of the widget's WebAssembly memory: the glue module the page loaded
 * (saman-stories-<hash>.js, found among the page's request `urls`), imported
 * again (the same instance), hands back the wasm exports. Null when the page
 * has no widget.
 */
export async function wasmMemory(page, urls) {
  const glue = urls.find((url) => /\/saman-stories-[0-9a-f]+\.js$/.test(url));
  if (!glue) return null;
  return page.evaluate(async (url) => {
    try {
      const exports = await (await import(url)).default();
      return exports.memory.buffer.byteLength;
    } catch {
      return null;
    }
  }, glue);
}
