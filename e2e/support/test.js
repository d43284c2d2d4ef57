// The test function of the suite: every test fails if the host page gets an
// uncaught exception, and can read the console and the widget.
import { test as base, expect } from '@playwright/test';
import { StoryWidget } from './story-widget.js';

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

/** The URL of a generated page with one widget (see support/servers.mjs). */
export function widgetPage(params) {
  return `/widget.html?${new URLSearchParams(params)}`;
}
