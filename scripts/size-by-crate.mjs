// What takes the room in the widget's WebAssembly, by crate: builds the
// release wasm with function names kept, optimises it as Trunk does
// (wasm-opt -Oz), asks twiggy for every item and adds them up by the crate
// their name starts with. Prints a Markdown table (DEVELOPERS.md has one).
//
//   node scripts/size-by-crate.mjs            (needs `cargo install twiggy`)
//
// Sizes are raw bytes of code and data (the name section excluded), so the
// shares are what each crate costs before compression; brotli shrinks all
// of them by about the same factor.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trimWasmAndGlue, wasmOpt } from './trim-wasm.mjs';

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
const out = mkdtempSync(join(tmpdir(), 'saman-size-'));
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'saman-stories', '--quiet']);
run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', out, 'target/wasm32-unknown-unknown/release/saman-stories.wasm']);
// The same wasm-opt flags as index.html, plus -g to keep the names.
const flags = readFileSync('index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/)[1].trim().split(/\s+/);
run('wasm-opt', ['-Oz', '-g', ...flags, join(out, 'saman-stories_bg.wasm'), '-o', join(out, 'optimised.wasm')]);
// Trimmed as the build trims it (scripts/trim-wasm.mjs), names kept.
const trimmed = trimWasmAndGlue(readFileSync(join(out, 'saman-stories.js'), 'utf8'), readFileSync(join(out, 'optimised.wasm')), (bytes) =>
  wasmOpt(bytes, ['-Oz', '-g', ...flags]),
);
writeFileSync(join(out, 'named.wasm'), trimmed.wasm);
const csv = run('twiggy', ['top', '-f', 'csv', join(out, 'named.wasm')]).toString();

/** The crate an item belongs to, from its (demangled) name. */
export function crateOf(name) {
  if (name.startsWith('"function names"') || name.startsWith('"data names"')) return null;
  if (name.startsWith('data segment')) return 'data (strings, tables)';
  if (/shim|^(elem|table|type|import|export|global|code|memory|custom)\b|^__wbg|^__externref/.test(name)) {
    return 'wasm-bindgen glue (imports, exports, tables)';
  }
  // `<T as tachys::view::Render>::build` belongs to the trait's crate when
  // the type is a bare parameter; `<tachys::… as …>` to the type's.
  const asTrait = name.match(/^<(?:[^<>]|<(?:[^<>]|<[^<>]*>)*>)* as ([A-Za-z_][A-Za-z0-9_]*)/);
  const first = name.match(/^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)/);
  let crate = first ? first[1] : name;
  if (crate.length <= 2 && asTrait) crate = asTrait[1];
  if (crate === 'impl') crate = (name.match(/for ([A-Za-z_][A-Za-z0-9_]*)/) || [, crate])[1];
  return crate.replace(/\[[0-9a-f]+\]$/, '');
}

const totals = new Map();
for (const line of csv.trim().split('\n').slice(1)) {
  // Name,ShallowSize,ShallowSizePercent,…; the name may be quoted with commas inside.
  const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (!match) continue;
  const name = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
  const crate = crateOf(name);
  if (crate) totals.set(crate, (totals.get(crate) || 0) + Number(match[2]));
}
const all = [...totals.values()].reduce((a, b) => a + b, 0);
const groups = {
  'Leptos (tachys, reactive_graph, leptos, any_spawner, …)': ['tachys', 'reactive_graph', 'leptos', 'leptos_dom', 'any_spawner', 'or_poisoned', 'oco_ref', 'throw_error', 'slotmap', 'send_wrapper', 'futures_core', 'futures_util', 'futures_channel', 'indexmap', 'either_of', 'guardian', 'server_fn', 'wasm_streams'],
  'serde, serde_json': ['serde', 'serde_core', 'serde_json'],
  'story-feed (the feed model and its rules)': ['story_feed'],
  'saman-stories (our components and glue)': ['saman_stories', 'main', 'MountedWidget', '__wbg_mountedwidget_free'],
  'wasm-bindgen, js-sys, web-sys, gloo': ['wasm_bindgen', 'wasm_bindgen_futures', 'js_sys', 'web_sys', 'gloo_net', 'gloo_timers', 'gloo_utils', 'wasm-bindgen glue (imports, exports, tables)'],
  'Rust std, core, alloc, hashbrown, talc': ['core', 'alloc', 'std', 'hashbrown', 'talc', 'dlmalloc', 'char', 'str', 'u8', 'u32', 'u64', 'usize', 'i32', 'i64', 'isize', 'f64', '__rustc'],
  'data (strings, tables)': ['data (strings, tables)'],
};
const grouped = new Map();
for (const [crate, size] of totals) {
  const group = Object.entries(groups).find(([, crates]) => crates.includes(crate))?.[0] || 'other';
  grouped.set(group, (grouped.get(group) || 0) + size);
}
console.log(`| part | bytes (raw, -Oz) | share |\n|---|---:|---:|`);
for (const [group, size] of [...grouped].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${group} | ${size.toLocaleString('en')} | ${((100 * size) / all).toFixed(1)} % |`);
}
console.log(`| **total** | **${all.toLocaleString('en')}** | |`);
if (process.argv.includes('--crates')) {
  console.log('\nby crate:');
  for (const [crate, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(size).padStart(8)} ${crate}`);
}
