// Playwright runs Debian's Chromium (never a downloaded browser) against the
// release build in dist/, served with the fixture feeds from other origins.
import { defineConfig } from '@playwright/test';
import { PAGE } from './support/origins.js';
import { CHROMIUM } from '../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js$/,
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: PAGE,
    browserName: 'chromium',
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: 'node e2e/support/servers.mjs',
    cwd: '..',
    url: `${PAGE}/health`,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
