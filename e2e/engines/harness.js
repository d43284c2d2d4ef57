// The engine tests' test function and helpers (node:test), for the engine
// named by SAMAN_ENGINE (see engines.js). run.mjs starts the suite's
// servers and runs every *.test.js file once per engine.
//
// Every test gets the engine's shared session (`browser`), with its
// requests recorded by the proxy, and ends with the same checks as the
// Playwright suite's (e2e/support/test.js): no uncaught exception or
// unhandled rejection in the page, and no request to an origin outside the
// suite's.
import { test as nodeTest, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './engines.js';
import { startProxy } from './proxy.js';
import { StoryWidget } from './story-widget.js';
import { PAGE, WIDGET, FEEDS, DEMO_FEED } from '../support/origins.js';

export { assert };

/** The engine under test: "firefox" or "webkit". */
export const ENGINE = process.env.SAMAN_ENGINE;
if (!ENGINES[ENGINE]) throw new Error(`SAMAN_ENGINE must be one of ${Object.keys(ENGINES).join(', ')}, not ${ENGINE}`);

/** Every origin a test page may contact: the suite's servers, and the
 * closed port of the "connection refused" feed. */
const ALLOWED_ORIGINS = new Set([PAGE, WIDGET, FEEDS, DEMO_FEED, 'http://127.0.0.1:9']);

const proxy = await startProxy();
const open = new Set();
let shared = null;

/** A new driver and session in the engine, with the visitor's preferences
 * given (`{ reducedMotion, darkSystem }`). */
async function startBrowser(preferences = {}) {
  const started = await ENGINES[ENGINE].start({ proxyPort: proxy.port, ...preferences });
  open.add(started);
  return started;
}

async function stopBrowser(started) {
  open.delete(started);
  await started.session.close();
  await started.driver.stop();
}

after(async () => {
  for (const started of [...open]) await stopBrowser(started);
  await proxy.close();
});

/**
 * A test in the engine: `fn({ browser, widget, visit })`, where `visit(url)`
 * loads a page (a path on the page origin or a full URL) and `widget` is
 * the page's first widget. `options.preferences` opens a session of its own.
 */
export function test(name, fn, options = {}) {
  nodeTest(name, { timeout: options.timeout ?? 60_000 }, async () => {
    // A session with preferences of its own lives for its test only: under
    // one X display, a second WebKitGTK window keeps the keyboard from the
    // shared one even after it is asked to switch back.
    const own = options.preferences ? await startBrowser(options.preferences) : null;
    const browser = own ? own.session : (shared ??= (await startBrowser()).session);
    try {
      await browser.resize(options.width ?? 1280, options.height ?? 900);
      proxy.clear();
      // Each page is checked before the next one replaces it.
      const visit = async (url) => {
        await browser.switchToFrame(null);
        await expectNothingUncaught(browser);
        await browser.navigate(new URL(url, PAGE).href);
      };
      await fn({ browser, widget: new StoryWidget(browser), visit });
      await browser.switchToFrame(null);
      await expectNothingUncaught(browser);
      expectOnlySuiteOrigins();
    } finally {
      if (own) await stopBrowser(own);
    }
  });
}

/** The probe's record of the current page (probe.js). */
export function probeRecord(browser) {
  return browser.run(() => window.__samanProbe ?? null);
}

async function expectNothingUncaught(browser) {
  const record = await probeRecord(browser);
  if (record === null) return; // not one of the suite's pages (about:blank)
  assert.deepEqual(record.errors, [], 'uncaught exceptions in the host page');
}

function expectOnlySuiteOrigins() {
  const outside = [...new Set(proxy.requests().map((r) => r.origin))].filter((origin) => !ALLOWED_ORIGINS.has(origin));
  assert.deepEqual(outside, [], 'requests to other origins');
}

/** The requests of the current test, as recorded by the proxy. */
export const requests = () => proxy.requests();

/** Forgets the current test's requests (for the tests of the checks themselves). */
export const forgetRequests = () => proxy.clear();

/** The URL of a generated page with one widget (see support/servers.mjs). */
export function widgetPage(params) {
  return `/widget.html?${new URLSearchParams(params)}`;
}

/**
 * Polls `check(browser)` until it returns a truthy value and returns that
 * value; fails after `timeout` ms with `what` and the last value seen.
 */
export async function waitFor(what, check, { timeout = 10_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (true) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/** Polls until `read()` deep-equals `expected` (after `timeout` ms, the assertion's own message). */
export async function eventually(read, expected, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (true) {
    const value = await read();
    try {
      assert.deepEqual(value, expected);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export { PAGE, WIDGET, FEEDS };
