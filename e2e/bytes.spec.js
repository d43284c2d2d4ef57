// The byte budget (brotli, for loader, glue and wasm) and what
// dist/ promises to servers and CDNs, checked on the built artifact:
// deterministic, so enforced here rather than left to the benchmark.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { measure } from '../scripts/size-report.mjs';

/**
 * Loader + glue + wasm (the stylesheet is inside the loader), brotli -q 11:
 * at most 110,000 bytes, the widget's hard limit (the aim is 90,000).
 * DEVELOPERS.md, "How the widget stays small", says where the bytes go.
 */
const BUDGET_BYTES = 110_000;

test(`loader, glue, wasm and stylesheet together are at most ${BUDGET_BYTES} bytes brotli`, () => {
  const report = measure('dist');
  const parts = Object.fromEntries(report.rows.map((r) => [r.part, r.brotli]));
  console.log(`brotli bytes: ${JSON.stringify(parts)}, total ${report.total.brotli}`);
  expect(report.rows.map((r) => r.part)).toEqual(['loader', 'glue', 'wasm']);
  // The configurator page (configure.html and its files) is not part of the embed.
  expect(report.rows.filter((r) => !/^saman-stories(-[0-9a-f]+(_bg)?)?\.(js|wasm)$/.test(r.file))).toEqual([]);
  expect(report.total.brotli).toBeLessThanOrEqual(BUDGET_BYTES);
});

const dist = readdirSync('dist');
const originals = dist.filter((f) => !/\.(br|gz)$/.test(f));

test('every text file and each wasm have a .br and a .gz twin with the same content', () => {
  // One wasm for the widget, one for the configurator page.
  expect(originals.filter((f) => /^saman-stories-[0-9a-f]+_bg\.wasm$/.test(f))).toHaveLength(1);
  expect(originals.filter((f) => /^configure-[0-9a-f]+_bg\.wasm$/.test(f))).toHaveLength(1);
  expect(originals.filter((f) => /\.wasm$/.test(f))).toHaveLength(2);
  for (const file of originals) {
    const bytes = readFileSync(`dist/${file}`);
    expect(gunzipSync(readFileSync(`dist/${file}.gz`)).equals(bytes), `${file}.gz`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`dist/${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
  }
});

test('every file but the loader and the pages people link to is named by its content', () => {
  const fixedNames = ['saman-stories.js', 'index.html', 'embed.html', 'kiosk.html', 'configure.html'];
  const hashed = originals.filter((f) => !fixedNames.includes(f));
  expect(originals.filter((f) => fixedNames.includes(f)).sort()).toEqual([...fixedNames].sort());
  expect(hashed.length).toBeGreaterThanOrEqual(3);
  for (const file of hashed) expect(file).toMatch(/^[a-z-]+-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/);
});
