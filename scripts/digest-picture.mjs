// Takes the editors' guide's pictures of a newsletter digest, in Chromium,
// into docs/images/: the residents' digest of the demo feed as a mail
// program shows it (digest.png), and the same with pictures blocked, as many
// mail programs show it until the reader allows them (digest-pictures-off.png).
// Needs demo/feed/ and cargo. Run: node scripts/digest-picture.mjs
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

// The demo's pictures, served on 127.0.0.1, stand in for the web server's.
const pictures = await startStaticServer({ root: 'demo/feed' });
const digest = spawnSync(
  'cargo',
  ['run', '-q', '-p', 'saman-feed', '--', 'digest', 'demo/feed/residents.json', '--view', 'residents',
    '--count', '3', '--lang', 'nn', '--today', '2026-11-28', '--base-url', `${pictures.origin}/`],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
// Exit code 1 is expected: the demo's pictures are SVG, which digest warns
// about (mail programs do not show SVG; the browser here does).
if (digest.status !== 0 && digest.status !== 1) throw new Error(`saman-feed digest failed (${digest.status})`);
const html = digest.stdout;

const browser = await chromium.launch(CHROMIUM);
for (const [name, blockPictures] of [['digest', false], ['digest-pictures-off', true]]) {
  const page = await browser.newPage({ viewport: { width: 680, height: 900 } });
  if (blockPictures) await page.route('**/bilete/**', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode?.().catch(() => {}))));
  await page.locator('body > table').screenshot({ path: `docs/images/${name}.png` });
  await page.close();
}
await browser.close();
await pictures.close();
console.log('wrote docs/images/digest.png and docs/images/digest-pictures-off.png');
