// The critical path: the loader starts the feed request, the wasm download
// and the glue import at the same time, so the first story needs the loader
// plus about two round trips (issue: performance).
import { test, expect, widgetPage } from './support/test.js';

test('the feed request starts before the wasm has even arrived', async ({ page, widget }) => {
  const feedRequests = [];
  page.on('request', (r) => r.url().endsWith('/mixed.json') && feedRequests.push(r.url()));
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en' }));
  await widget.waitForStories();
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const find = (pattern) => entries.find((e) => pattern.test(e.name));
    return {
      feedStart: find(/\/mixed\.json$/).startTime,
      wasmStart: find(/_bg\.wasm$/).startTime,
      wasmEnd: find(/_bg\.wasm$/).responseEnd,
      glueEnd: find(/saman-stories-[0-9a-f]+\.js$/).responseEnd,
    };
  });
  // Without the loader's head start, the feed could only be asked for once
  // the wasm had arrived, compiled and run.
  expect(timing.feedStart).toBeLessThan(timing.wasmEnd);
  expect(timing.feedStart).toBeLessThan(timing.glueEnd);
  expect(feedRequests).toHaveLength(1);
});
