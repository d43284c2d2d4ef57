// The checks every engine test ends with have teeth: the proxy records a
// page's request to another origin (and never lets it out), the probe
// records uncaught errors, and the window has the size a test asks for.
import { describe } from 'node:test';
import { test, assert, waitFor, requests, forgetRequests, probeRecord } from './harness.js';

describe('the checks themselves', () => {
  test('a request to another origin is recorded and refused', async ({ browser, visit }) => {
    await visit('/empty.html');
    const outcome = await browser.run(async () => {
      const image = new Image();
      image.src = 'http://example.org/tracker.png';
      const loaded = new Promise((ok) => {
        image.onload = () => ok('loaded');
        image.onerror = () => ok('refused');
      });
      const fetched = await fetch('https://example.com/beacon').then(() => 'fetched', () => 'refused');
      return [await loaded, fetched];
    });
    assert.deepEqual(outcome, ['refused', 'refused']);
    const origins = requests().map((r) => r.origin);
    assert.ok(origins.includes('http://example.org'), JSON.stringify(origins));
    // Firefox names the https origin (CONNECT); WebKitGTK opens TLS to the
    // proxy, which sees only that an https request was tried.
    assert.ok(origins.includes('https://example.com') || origins.includes('https://(no name)'), JSON.stringify(origins));
    forgetRequests();
  });

  test('an uncaught exception and an unhandled rejection are recorded', async ({ browser, visit }) => {
    await visit('/empty.html');
    // As the page's own script: the driver's scripts run apart from the page.
    await browser.run(() => {
      const script = document.createElement('script');
      script.textContent = `
        setTimeout(() => { throw new Error('thrown on purpose'); });
        Promise.reject(new Error('rejected on purpose'));`;
      document.body.append(script);
    });
    const record = await waitFor('both errors', async () => {
      const { errors } = await probeRecord(browser);
      return errors.length >= 2 ? errors : null;
    });
    assert.ok(record.some((e) => e.includes('thrown on purpose')), JSON.stringify(record));
    assert.ok(record.some((e) => e.includes('rejected on purpose')), JSON.stringify(record));
    await browser.run(() => (window.__samanProbe.errors = []));
  });

  test('the window is as wide as a test asks', async ({ browser, visit }) => {
    await visit('/empty.html');
    const width = await browser.run(() => window.innerWidth);
    assert.ok(width > 480 && width <= 500, `innerWidth ${width} in a 500 px window`);
  }, { width: 500 });
});
