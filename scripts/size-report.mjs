// Prints what a page downloads to show the widget: the loader (with the
// stylesheet inside), the wasm-bindgen glue and the wasm, raw, gzip -9 and
// brotli -q 11, as measured on dist/ after `trunk build --release`.
//
//   node scripts/size-report.mjs [--json]
//
// e2e/bytes.spec.js guards the total (brotli).
// To see what takes room in the wasm, by crate: `node scripts/size-by-crate.mjs`
// (needs `cargo install twiggy`); for single items, run twiggy on the named
// wasm it builds (`twiggy top -n 40 …/named.wasm`, `twiggy paths …`).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { transformSync } from 'esbuild';

export function measure(dist = 'dist') {
  const files = readdirSync(dist);
  const pick = (re) => files.find((f) => re.test(f));
  const parts = [
    ['loader', 'saman-stories.js'],
    ['glue', pick(/^saman-stories-[0-9a-f]+\.js$/)],
    ['wasm', pick(/^saman-stories-[0-9a-f]+_bg\.wasm$/)],
  ];
  const rows = parts.map(([part, file]) => {
    if (!file) throw new Error(`no ${part} file in ${dist}/: run trunk build --release first`);
    return { part, file, ...sizes(readFileSync(`${dist}/${file}`)) };
  });
  // The stylesheet ships inside the loader; shown on its own for reference.
  const css = transformSync(readFileSync('style/widget.css', 'utf8'), { loader: 'css', minify: true }).code;
  const cssRow = { part: 'css (inside loader)', file: 'style/widget.css', ...sizes(Buffer.from(css)) };
  const total = rows.reduce(
    (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, css: cssRow, total };
}

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('part                 raw        gzip       brotli');
    for (const r of [...report.rows, report.css]) {
      console.log(`${r.part.padEnd(20)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
    }
    const t = report.total;
    console.log(`${'total (downloaded)'.padEnd(20)}${kb(t.raw)}${kb(t.gzip)}${kb(t.brotli)}`);
    console.log(`brotli total: ${t.brotli} bytes (limit 110000 in e2e/bytes.spec.js, aim 90000; KB above are 1,024 bytes)`);
  }
}
