// A panic inside the WebAssembly is caught and becomes the fallback of the
// widget that panicked only: the others keep working (on a fresh instance)
// and the host page sees no uncaught exception (support/test.js).
// `debug-crash="next|load"` is the widget's test hook that panics on purpose;
// only the test build has it (served under /test-build/), and the shipped
// build is proven to have none.
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect } from './support/test.js';
import { StoryWidget } from './support/story-widget.js';
import { FEEDS, WIDGET } from './support/origins.js';

async function twoWidgets(page, crashPoint) {
  await page.goto('/empty.html');
  await page.evaluate(
    ({ feeds, widget, crashPoint }) => {
      for (const [label, crash] of [['Crashing', crashPoint], ['Healthy', null]]) {
        const element = document.createElement('saman-stories');
        element.setAttribute('feed', `${feeds}/mixed.json`);
        element.setAttribute('lang', 'en');
        element.setAttribute('label', label);
        if (crash) element.setAttribute('debug-crash', crash);
        document.querySelector('main').append(element);
      }
      window.crashEvents = 0;
      document.querySelector('saman-stories').addEventListener('saman-stories-crash', () => window.crashEvents++);
      const script = document.createElement('script');
      script.src = `${widget}/test-build/saman-stories.js`;
      document.body.append(script);
    },
    { feeds: FEEDS, widget: WIDGET, crashPoint },
  );
  return [StoryWidget.nth(page, 0), StoryWidget.nth(page, 1)];
}

test('a panic in a click handler leaves only that widget with its fallback', async ({ page, consoleMessages }) => {
  const [crashing, healthy] = await twoWidgets(page, 'next');
  await crashing.waitForStories();
  await healthy.waitForStories();
  await crashing.nextButton.click();
  await expect(crashing.host.locator('.saman-fallback')).toHaveText('The stories could not be loaded. Please try again later.');
  expect(await page.evaluate(() => window.crashEvents)).toBe(1);
  // The healthy widget was started again and works.
  await healthy.waitForStories();
  await healthy.nextButton.click();
  await expect(healthy.position).toHaveText('2 of 4');
  expect(consoleMessages.map((m) => m.text)).toContainEqual(
    expect.stringContaining('saman-stories: the widget crashed: panicked at'),
  );
  const counts = await page.evaluate(() => customElements.get('saman-stories').debugCounts());
  expect(counts.widgets).toBe(1);
});

test('a panic while the feed loads is blamed on the right widget too', async ({ page }) => {
  const [crashing, healthy] = await twoWidgets(page, 'load');
  await expect(crashing.host.locator('.saman-fallback')).toBeVisible();
  await healthy.waitForStories();
  await healthy.nextButton.click();
  await expect(healthy.position).toHaveText('2 of 4');
  expect(await page.evaluate(() => window.crashEvents)).toBe(1);
});

test('only the test build has the crash hook; the shipped dist/ has no test hook at all', () => {
  const wasm = (dir) => readFileSync(`${dir}/${readdirSync(dir).find((f) => /^saman-stories-[0-9a-f]+_bg\.wasm$/.test(f))}`);
  expect(wasm('dist-test').includes('debug-crash')).toBe(true);
  expect(wasm('dist').includes('debug-crash')).toBe(false);
});
