// Every engine test file, in one process, so that the files share the
// engine's browser session (starting one takes seconds). run.mjs runs this
// under `node --test` with SAMAN_ENGINE set; SAMAN_ENGINE_FILES (comma-
// separated name prefixes) picks some files.
import { readdirSync } from 'node:fs';

const wanted = (process.env.SAMAN_ENGINE_FILES || '').split(',').filter(Boolean);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.test.js'))
  .filter((name) => !wanted.length || wanted.some((prefix) => name.startsWith(prefix)))
  .sort();
if (!files.length) throw new Error(`no engine test file starts with ${wanted.join(' or ')}`);
for (const name of files) await import(`./${name}`);
