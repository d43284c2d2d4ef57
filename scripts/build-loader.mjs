// Trunk post-build hook: turns Trunk's output into what a page embeds.
//
// - trims the wasm and its glue (scripts/trim-wasm.mjs: unused exported
//   classes and exports, long import names) and minifies the glue
//   (Trunk's own minifier breaks it);
// - writes saman-stories.js, the loader, with the hashed glue and wasm file
//   names and the minified stylesheet filled in, minified;
// - replaces Trunk's index.html with a note on how to embed;
// - writes a .br and a .gz twin of every file, for servers that send
//   precompressed files (nginx: gzip_static).
//
// Runs with TRUNK_STAGING_DIR set by Trunk (see Trunk.toml).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { trimWasmAndGlue, wasmOpt } from './trim-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('build-loader.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

const files = readdirSync(staging);
const one = (pattern, what) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one ${what} in ${staging}, found ${JSON.stringify(found)}`);
  return found[0];
};
const glueFile = one(/^saman-stories-[0-9a-f]+\.js$/, 'wasm-bindgen glue');
const wasmFile = one(/^saman-stories-[0-9a-f]+_bg\.wasm$/, 'wasm file');

const gluePath = join(staging, glueFile);
const wasmPath = join(staging, wasmFile);
// wasm-opt runs again on the trimmed wasm with the flags Trunk used.
const wasmOptFlags = readFileSync('index.html', 'utf8').match(/data-wasm-opt-params="([^"]*)"/)[1].trim().split(/\s+/);
const trimmed = trimWasmAndGlue(readFileSync(gluePath, 'utf8'), readFileSync(wasmPath), (bytes) =>
  wasmOpt(bytes, ['-Oz', ...wasmOptFlags]),
);
writeFileSync(wasmPath, trimmed.wasm);
const glue = transformSync(guardClosures(trimmed.glue), {
  loader: 'js',
  format: 'esm',
  minify: true,
  // Drops the glue's helpers that only the removed classes and imports used.
  treeShaking: true,
  target: 'es2020',
});
writeFileSync(gluePath, glue.code);
const { classes, dropped, deadImports, renamed } = trimmed.report;
console.log(
  `saman-stories: trimmed the wasm: classes ${classes.join(', ') || 'none'} removed; ` +
    `${dropped.length} unused exports dropped, ${deadImports} imports with them; ${renamed} names shortened`,
);

/**
 * Every call from the browser into the widget (events, timers, promises)
 * goes through the glue's closure wrapper `real`. A panic in the release
 * build traps there; this wraps each `real` so the trap goes to the
 * loader's handler (exported as `onTrap`) instead of escaping into the host
 * page as an uncaught exception. See src/browser/crash.rs.
 */
function guardClosures(source) {
  const opening = 'const real = (...args) => {';
  const count = source.split(opening).length - 1;
  if (count < 1) throw new Error('build-loader.mjs: the glue has no closure wrapper to guard; check the wasm-bindgen version');
  const guarded = source.replaceAll(
    opening,
    'const real = (...args) => { try { return realUnguarded(...args); } catch (error) { samanTrap(error, args); } };\n' +
      '    const realUnguarded = (...args) => {',
  );
  return `${guarded}
let samanTrapHandler = null;
function samanTrap(error, args) {
  if (!samanTrapHandler) throw error;
  samanTrapHandler(error, args);
}
/** Lets the loader hear about traps instead of the page. */
export function onTrap(handler) {
  samanTrapHandler = handler;
}
`;
}

const css = transformSync(readFileSync('style/widget.css', 'utf8'), { loader: 'css', minify: true });
const source = readFileSync('loader/saman-stories.js', 'utf8');
const loader = transformSync(source, {
  loader: 'js',
  minify: true,
  target: 'es2020',
  define: {
    SAMAN_GLUE_FILE: JSON.stringify(glueFile),
    SAMAN_WASM_FILE: JSON.stringify(wasmFile),
    SAMAN_CSS_TEXT: JSON.stringify(css.code.trim()),
  },
});
writeFileSync(join(staging, 'saman-stories.js'), loader.code);

writeFileSync(
  join(staging, 'index.html'),
  `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>saman-stories</title></head>
<body>
<h1>saman-stories</h1>
<p>Host this folder on any origin and include one script on your pages:</p>
<pre>&lt;script src="https://YOUR-HOST/saman-stories.js" data-feed="https://YOUR-KOMMUNE/historier.json" data-audience="residents" async&gt;&lt;/script&gt;</pre>
<p>This build: loader <code>saman-stories.js</code>, glue <code>${glueFile}</code>, WebAssembly <code>${wasmFile}</code>.</p>
</body>
</html>
`,
);
// Pages that show one widget filling the window, with the settings from the
// query string: embed.html for an <iframe>, kiosk.html for info screens.
// Their addresses are what people link to, so they keep their names; their
// stylesheet is named by its content, like the glue and the wasm.
const embedCss = 'html,body{height:100%;margin:0;background:transparent}body{display:flex;flex-direction:column}saman-stories{flex:1}\n';
const embedCssFile = `embed-${createHash('sha256').update(embedCss).digest('hex').slice(0, 16)}.css`;
const framePage = (title, defaults) => `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${embedCssFile}">
</head>
<body>
<script src="saman-stories.js" data-from-query${defaults}></script>
</body>
</html>
`;
writeFileSync(join(staging, 'embed.html'), framePage('Historier', ''));
writeFileSync(join(staging, 'kiosk.html'), framePage('Historier – infoskjerm', ' data-mode="kiosk"'));
writeFileSync(join(staging, embedCssFile), embedCss);

for (const file of readdirSync(staging).filter((f) => /\.(js|wasm|css|html)$/.test(f))) {
  const bytes = readFileSync(join(staging, file));
  writeFileSync(join(staging, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(staging, `${file}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}

console.log(`saman-stories: wrote saman-stories.js (glue ${glueFile}, wasm ${wasmFile})`);
