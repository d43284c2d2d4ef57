// The test function of the suite. In every test:
// - an uncaught exception in the host page fails the test;
// - privacy holds: every request goes to one of the suite's own origins (the
//   page, the widget, the feeds and their images; nothing else), and the
//   page ends with no cookies and nothing in localStorage, sessionStorage
//   or IndexedDB.
import { test as base, expect } from '@playwright/test';
import { StoryWidget } from './story-widget.js';
import { PAGE, WIDGET, FEEDS, DEMO_FEED, NGINX_WIDGET, NGINX_FEED } from './origins.js';

/** Every origin a test page may contact: the servers of support/servers.mjs,
 * the nginx of hosting.spec.js, and the closed port of the "connection
 * refused" feed. */
const ALLOWED_ORIGINS = new Set([PAGE, WIDGET, FEEDS, DEMO_FEED, NGINX_WIDGET, NGINX_FEED, 'http://127.0.0.1:9']);

export { expect };

export const test = base.extend({
  pageErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(errors);
      expect(errors, 'uncaught exceptions in the host page').toEqual([]);
    },
    { auto: true },
  ],
  privacy: [
    async ({ page, context }, use) => {
      const contacted = new Set();
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'http:' || url.protocol === 'https:') contacted.add(url.origin);
      });
      await use(contacted);
      expect([...contacted].filter((origin) => !ALLOWED_ORIGINS.has(origin)), 'requests to other origins').toEqual([]);
      expect(await context.cookies(), 'cookies').toEqual([]);
      if (!page.isClosed() && page.url().startsWith('http')) {
        const stored = await page.evaluate(async () => ({
          localStorage: localStorage.length,
          sessionStorage: sessionStorage.length,
          indexedDB: (await indexedDB.databases()).length,
        }));
        expect(stored, 'storage written').toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: 0 });
      }
    },
    { auto: true },
  ],
  /** Console messages of the page, as { type, text }. Ask for it before navigating. */
  consoleMessages: async ({ page }, use) => {
    const messages = [];
    page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
    await use(messages);
  },
  widget: async ({ page }, use) => {
    await use(new StoryWidget(page));
  },
});

/** Installs Playwright's fake clock, paused: the page's timers run only when
 * the test moves the clock (page.clock.runFor). Call before navigating. */
export async function pauseClock(page) {
  const start = new Date('2026-11-28T10:00:00Z');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 1000));
}

/** Opens a page with one widget of mixed.json (English unless `params` say
 * otherwise) on a paused clock, and waits for its stories. */
export async function openWithPausedClock(page, widget, params = {}) {
  await pauseClock(page);
  await page.goto(widgetPage({ feed: 'mixed.json', lang: 'en', ...params }));
  await widget.waitForStories();
}

/** The URL of a generated page with one widget (see support/servers.mjs). */
export function widgetPage(params) {
  return `/widget.html?${new URLSearchParams(params)}`;
}
