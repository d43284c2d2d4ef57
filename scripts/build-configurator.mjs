// Trunk post-build hook of the configurator (crates/configurator/Trunk.toml).
//
// Copies configure.html and its hashed files (configure-<hash>.js, .wasm,
// .css) from Trunk's staging folder into dist/, next to the widget's files,
// each with a .br and a .gz twin like every file there. Files of an earlier
// configurator build are removed first; the widget's files are never
// touched. dist/ must hold the widget already (`trunk build --release`
// first), since the page's preview includes its loader.
//
// Runs with TRUNK_STAGING_DIR set by Trunk.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('build-configurator.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(join(dist, 'saman-stories.js'))) {
  throw new Error(`no widget in ${dist}: run \`trunk build --release\` first, then build the configurator`);
}

/** The configurator's files: its page and the files named by their content. */
const isOurs = (file) => file === 'configure.html' || /^configure-[0-9a-f]+(_bg)?\.(js|wasm|css)$/.test(file);

const built = readdirSync(staging).filter((file) => statSync(join(staging, file)).isFile());
const strangers = built.filter((file) => !isOurs(file));
if (strangers.length) throw new Error(`unexpected files in the configurator's build: ${strangers.join(', ')}`);
if (!built.includes('configure.html')) throw new Error(`no configure.html in ${staging}`);

for (const file of readdirSync(dist)) {
  if (isOurs(file.replace(/\.(br|gz)$/, ''))) rmSync(join(dist, file));
}
for (const file of built) {
  const bytes = readFileSync(join(staging, file));
  copyFileSync(join(staging, file), join(dist, file));
  writeFileSync(join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(dist, `${file}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
console.log(`saman-stories: wrote ${built.sort().join(', ')} into dist/`);
