// Takes the README's pictures of each theme, layout and the kiosk from the
// demo page, in Chromium, into docs/images/. Needs dist/ (trunk build
// --release) and demo/feed/. Run: node scripts/readme-pictures.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.mjs';

process.env.SAMAN_E2E_PORT ??= '6170';
const { PAGE, WIDGET, DEMO_FEED } = await import('../e2e/support/origins.js');
await import('../e2e/support/servers.mjs');

const browser = await chromium.launch(CHROMIUM);

/** Opens `url` at `width` with rotation stopped (reduced motion) and waits for every widget. */
async function open(url, width, height = 900) {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(url);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('saman-stories')].every((el) => el.shadowRoot?.querySelector('.saman-slide, .saman-list')),
  );
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode?.().catch(() => {}))));
  await page.waitForTimeout(300);
  return page;
}

const demo = await open(`${PAGE}/demo/`, 1100, 2400);
const shots = [
  ['carousel', 'section[aria-labelledby=innbyggjarar] saman-stories'],
  ['designsystemet', 'section.designsystemet'],
  ['dark', 'section.dark'],
  ['three-side-by-side', 'section[aria-labelledby=side-om-side] saman-stories'],
];
for (const [name, selector] of shots) {
  await demo.locator(selector).screenshot({ path: `docs/images/${name}.png` });
}
const list = demo.locator('section[aria-labelledby=liste] saman-stories');
const box = await list.boundingBox();
await demo.screenshot({ path: 'docs/images/list.png', clip: { ...box, height: Math.min(box.height, 700) }, fullPage: true });

const kiosk = await open(`${WIDGET}/kiosk.html?feed=${DEMO_FEED}/colleagues.json&audience=colleagues&lang=nb`, 1280, 720);
await kiosk.screenshot({ path: 'docs/images/kiosk.png' });

await browser.close();
console.log('wrote docs/images/{carousel,designsystemet,dark,three-side-by-side,list,kiosk}.png');
process.exit(0);
