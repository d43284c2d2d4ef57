// Takes the README's picture of the configurator page (configure.html) with
// the demo's residents feed, in Chromium, into docs/images/configurator.png:
// the settings form and the live preview at phone width, light and dark.
// Needs dist/ with the configurator (scripts/demo or scripts/test build it)
// and demo/feed/. Run: node scripts/configurator-picture.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.mjs';

process.env.SAMAN_E2E_PORT ??= '6170';
const { WIDGET, DEMO_FEED } = await import('../e2e/support/origins.js');
await import('../e2e/support/servers.mjs');

const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
const settings = new URLSearchParams({ feed: `${DEMO_FEED}/residents.json`, lang: 'nn', interval: '10', ui: 'nn' });
await page.goto(`${WIDGET}/configure.html?${settings}`);
await page.locator('section.report').waitFor();
await page.waitForFunction(() => {
  const widgets = [...document.querySelectorAll('saman-stories')];
  return widgets.length === 6 && widgets.every((el) => el.shadowRoot?.querySelector('.saman-slide'));
});
await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode?.().catch(() => {}))));
await page.waitForTimeout(300);
// The settings and the preview at phone width: the form and
// the real widget side by side in one picture (the report above and the
// code below are in the tests).
const top = (await page.locator('section[aria-labelledby="settings-heading"]').boundingBox()).y;
const phone = await page.locator('.preview-width--phone').boundingBox();
await page.screenshot({
  path: 'docs/images/configurator.png',
  fullPage: true,
  clip: { x: 0, y: top, width: 1280, height: phone.y + phone.height + 16 - top },
});
await browser.close();
console.log('wrote docs/images/configurator.png');
process.exit(0);
