// The soak section: does the widget's memory stay flat while it runs?
//
// - Rotations: the widget's script form on a page with Playwright's fake
//   clock installed and paused before the page loads, so the carousel only
//   rotates when the clock is moved; each step runs the clock 7 s (the
//   default interval). Measured after 10, 500 and 1,000 rotations (the middle
//   point tells a leak, which grows steadily, from a one-off warm-up). The
//   same steps on the host page without a widget are the control: what the
//   fake clock itself adds to the JS heap.
// - Insert/remove cycles: a page that includes the loader; each cycle
//   appends a <saman-stories> element, waits until its first story's title
//   is in its shadow root, and removes it. Measured after 10, 100 and 200
//   cycles, with no widget left on the page.
//
// Each measurement, after a forced garbage collection: the page's JS heap,
// the widget's WebAssembly memory, the renderer's live DOM nodes and JS event
// listeners (CDP Performance.getMetrics), and the widget's own count of live
// resources (customElements.get('saman-stories').debugCounts()).
import { memoryAfterGc, wasmMemory } from './measure.mjs';

const INTERVAL_MS = 7000;
const TITLE = '.saman-slide .saman-title';

/** The URLs `page` requests from now on (wasmMemory looks for the glue among them). */
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** One measurement: memory after a forced GC, and the widget's live resources. */
async function snapshot(page, cdp, urls) {
  return {
    ...(await memoryAfterGc(cdp)),
    wasmMemory: await wasmMemory(page, urls),
    live: await page.evaluate(() => customElements.get('saman-stories').debugCounts()),
  };
}

/** Opens `url` in a new context whose clock is installed and paused before the page loads. */
async function openWithPausedClock(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = recordRequests(page);
  const start = new Date('2026-11-28T08:00:00Z');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 1000));
  await page.goto(url);
  return { context, page, urls, cdp: await context.newCDPSession(page) };
}

/**
 * Memory after each of `checkpoints` rotations of a widget reading the feed
 * of `stories` (`points`), and the JS heap of the blank page after as many
 * clock steps (`control`).
 */
export async function soakRotations(browser, origins, { stories, checkpoints = [10, 500, 1000] }) {
  const { context, page, urls, cdp } = await openWithPausedClock(browser, `${origins.page}/ours.html?stories=${stories}`);
  const result = { stories, points: [], control: [] };
  try {
    await page.locator(`saman-stories ${TITLE}`).waitFor();
    const position = page.locator('saman-stories .saman-position');
    result.positionAtStart = await position.textContent();
    let done = 0;
    for (const target of checkpoints) {
      for (; done < target; done++) await page.clock.runFor(INTERVAL_MS);
      result.points.push({ after: target, position: await position.textContent(), ...(await snapshot(page, cdp, urls)) });
    }
  } finally {
    await context.close();
  }
  const blank = await openWithPausedClock(browser, `${origins.page}/blank.html`);
  try {
    let done = 0;
    for (const target of checkpoints) {
      for (; done < target; done++) await blank.page.clock.runFor(INTERVAL_MS);
      result.control.push({ after: target, jsHeap: (await memoryAfterGc(blank.cdp)).jsHeap });
    }
  } finally {
    await blank.context.close();
  }
  return result;
}

/** Memory after each of `checkpoints` insert/remove cycles of a widget reading the feed of `stories`. */
export async function soakCycles(browser, origins, { stories, checkpoints = [10, 100, 200] }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const urls = recordRequests(page);
    await page.goto(`${origins.page}/soak.html`);
    const cdp = await context.newCDPSession(page);
    const feed = `${origins.widget}/feeds/stories-${stories}.json`;
    const result = { stories, points: [] };
    let done = 0;
    for (const target of checkpoints) {
      await page.evaluate(insertAndRemove, { feed, times: target - done, title: TITLE });
      done = target;
      result.points.push({ after: target, ...(await snapshot(page, cdp, urls)) });
    }
    return result;
  } finally {
    await context.close();
  }
}

/** In the page: `times` times, add a widget, wait for its first story, remove it. */
async function insertAndRemove({ feed, times, title }) {
  const slot = document.getElementById('slot');
  for (let i = 0; i < times; i++) {
    const widget = document.createElement('saman-stories');
    widget.setAttribute('feed', feed);
    widget.setAttribute('audience', 'residents');
    widget.setAttribute('lang', 'nb');
    slot.appendChild(widget);
    await new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`cycle ${i}: no story after 10 s`)), 10000);
      const observer = new MutationObserver(() => {
        if (!widget.shadowRoot.querySelector(title)) return;
        observer.disconnect();
        clearTimeout(timeout);
        resolve();
      });
      observer.observe(widget.shadowRoot, { childList: true, subtree: true });
    });
    widget.remove();
  }
}
