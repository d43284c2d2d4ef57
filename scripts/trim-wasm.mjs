// Trims what wasm-bindgen's output carries for nobody, as part of the
// widget's build (scripts/build-loader.mjs, Trunk's post-build hook):
//
// - **wasm-streams' classes.** Leptos always turns on server_fn's `browser`
//   feature, which brings wasm-streams and its three `#[wasm_bindgen]`
//   classes (IntoUnderlyingSource, …Sink, …ByteSource). scripts/wasm-ld
//   keeps their code out of the wasm; wasm-bindgen still writes the classes
//   into the glue, and they are removed there (only while nothing else in
//   the glue mentions them).
// - **Exports the glue does not call** (those classes' methods, `main`, the
//   abort-handler hooks of panic=unwind builds, a code-splitting marker) are
//   dropped from the wasm, and wasm-opt removes the code only they reached.
// - **Long import names.** wasm-bindgen names every import after the binding
//   plus a 16-digit hash (`__wbg_setTimeout_fbd69c6576710fc6`), written once
//   in the wasm and once in the glue; hashes do not compress. Each import,
//   and each export whose name carries such a hash, is renamed to a short
//   name in both files at once.
//
// Every step checks the shape it expects and throws otherwise, and at the
// end every export the glue calls must be in the wasm, so a wasm-bindgen
// that writes its glue differently fails the build instead of shipping a
// widget that cannot start. Everything here is plain data work on
// the two files; the e2e suite runs against its output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Trims `glue` (wasm-bindgen's unminified JavaScript, `--target web`) and
 * `wasm` (its module, already optimised) together. `optimise(bytes)` must
 * return the module run through wasm-opt again. Returns the new glue and
 * wasm and what was done, for the build's log.
 */
export function trimWasmAndGlue(glue, wasm, optimise) {
  const { source: withoutClasses, removed: classes } = removeUnusedClasses(glue);

  const sections = readSections(wasm);
  const exports = readExports(wasm, sections);
  const used = new Set(exports.filter((e) => new RegExp(`\\bwasm\\.${literal(e.name)}\\b`).test(withoutClasses)).map((e) => e.name));
  used.add('memory'); // the glue reads it as `wasm.memory`, kept whatever happens
  const dropped = exports.filter((e) => !used.has(e.name)).map((e) => e.name);
  const optimised = optimise(rewriteExports(wasm, sections, (name) => (used.has(name) ? name : null)));

  const importNames = readImports(optimised, readSections(optimised)).map((i) => i.name);
  const { source: withoutDeadImports, removed: deadImports } = removeImportEntries(withoutClasses, new Set(importNames));

  const renames = new Map();
  importNames.forEach((name, index) => renames.set(name, `i${index.toString(36)}`));
  let exportIndex = 0;
  for (const e of readExports(optimised, readSections(optimised))) {
    if (/_h?[0-9a-f]{16}(_\d+)?$/.test(e.name)) renames.set(e.name, `e${(exportIndex++).toString(36)}`);
  }
  const renamedWasm = rewriteImports(
    rewriteExports(optimised, readSections(optimised), (name) => renames.get(name) ?? name),
    (name) => renames.get(name) ?? name,
  );
  const renamedGlue = renameInGlue(withoutDeadImports, renames);
  checkGlueMatchesWasm(renamedGlue, renamedWasm);
  return {
    glue: renamedGlue,
    wasm: renamedWasm,
    report: { classes, dropped, deadImports: deadImports.length, renamed: renames.size },
  };
}

/** `text` as a regular expression that matches exactly it. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Throws unless the wasm is valid, every `wasm.NAME` the glue calls is one
 * of its exports, and every import it has is a key of the glue's import
 * object: the promises the glue and the wasm make each other.
 */
export function checkGlueMatchesWasm(glue, wasm) {
  if (!WebAssembly.validate(wasm)) throw new Error('trim-wasm: the trimmed wasm is not valid');
  const module = new WebAssembly.Module(wasm);
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const missing = [...new Set([...glue.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]))].filter((name) => !exports.has(name));
  if (missing.length) throw new Error(`trim-wasm: the glue calls exports the wasm lacks: ${missing.join(', ')}`);
  for (const { name } of WebAssembly.Module.imports(module)) {
    if (!new RegExp(`^ {8}${literal(name)}: `, 'm').test(glue)) throw new Error(`trim-wasm: the glue has no import ${name}`);
  }
}

/** Runs binaryen's wasm-opt on `bytes` with `args`, through a temporary folder. */
export function wasmOpt(bytes, args) {
  const folder = mkdtempSync(join(tmpdir(), 'saman-trim-'));
  try {
    writeFileSync(join(folder, 'in.wasm'), bytes);
    execFileSync('node_modules/.bin/wasm-opt', [...args, join(folder, 'in.wasm'), '-o', join(folder, 'out.wasm')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return readFileSync(join(folder, 'out.wasm'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Removes each `export class Name { … }` named by `pattern` that nothing
 * else in the glue mentions, with its `Symbol.dispose` line and its
 * FinalizationRegistry. Other classes stay: a page may construct them.
 */
export function removeUnusedClasses(source, pattern = /^IntoUnderlying/) {
  const removed = [];
  for (const [, name] of source.matchAll(/^export class (\w+) \{$/gm)) {
    if (!pattern.test(name)) continue;
    const block = new RegExp(`^(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)?export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm');
    const dispose = new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm');
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm');
    const without = source.replace(block, '').replace(dispose, '').replace(registry, '');
    const parts = [block, dispose, registry].map((re) => re.test(source));
    if (parts.includes(false)) throw new Error(`trim-wasm: class ${name} is not in the shape wasm-bindgen 0.2.130 writes`);
    if (new RegExp(`\\b${name}\\b`).test(without)) continue; // used by the rest of the glue
    source = without;
    removed.push(name);
  }
  return { source, removed };
}

/**
 * Removes the entries of the glue's import object (`name: function(…) {…},`
 * at eight spaces) whose names the wasm no longer imports.
 */
export function removeImportEntries(source, imported) {
  const start = source.indexOf('    const import0 = {\n');
  const end = source.indexOf('\n    };\n', start);
  if (start < 0 || end < 0) throw new Error('trim-wasm: the glue has no import object in the shape wasm-bindgen 0.2.130 writes');
  const body = source.slice(start, end + 1);
  const entries = body.split(/(?=^ {8}\w+: )/m);
  const removed = [];
  const kept = entries.filter((entry) => {
    const name = entry.match(/^ {8}(\w+): /)?.[1];
    if (!name || name === '__proto__' || imported.has(name)) return true;
    removed.push(name);
    return false;
  });
  for (const name of imported) {
    if (!kept.some((entry) => entry.startsWith(`        ${name}: `))) throw new Error(`trim-wasm: the glue has no import ${name}`);
  }
  return { source: source.slice(0, start) + kept.join('') + source.slice(end + 1), removed };
}

/** Renames every name of `renames` in the glue: each must be there as a whole word. */
export function renameInGlue(source, renames) {
  const names = [...renames.keys()].sort((a, b) => b.length - a.length);
  for (const name of names) {
    if (!new RegExp(`\\b${literal(name)}\\b`).test(source)) throw new Error(`trim-wasm: ${name} is not in the glue`);
  }
  const pattern = new RegExp(`\\b(?:${names.map(literal).join('|')})\\b`, 'g');
  return names.length ? source.replace(pattern, (name) => renames.get(name)) : source;
}

// --- The WebAssembly binary: just enough to read and rewrite its import
// and export sections (https://webassembly.github.io/spec/core/binary/).

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/** The module's sections: `{ id, start, end }` of each body. */
export function readSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) throw new Error('trim-wasm: not a WebAssembly module');
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    sections.push({ id, header: at, start, end: start + size });
    at = start + size;
  }
  return sections;
}

/** The entries of the export section (id 7): name, and the raw bytes after it. */
export function readExports(bytes, sections) {
  const section = sections.find((s) => s.id === 7);
  if (!section) return [];
  let [count, at] = readLeb(bytes, section.start);
  const entries = [];
  while (count--) {
    let exportName;
    [exportName, at] = readName(bytes, at);
    const descriptor = at;
    at = readLeb(bytes, at + 1)[1]; // kind, then an index
    entries.push({ name: exportName, rest: bytes.subarray(descriptor, at) });
  }
  if (at !== section.end) throw new Error('trim-wasm: the export section was not read to its end');
  return entries;
}

/** The entries of the import section (id 2): module, name, and the raw descriptor. */
export function readImports(bytes, sections) {
  const section = sections.find((s) => s.id === 2);
  if (!section) return [];
  let [count, at] = readLeb(bytes, section.start);
  const entries = [];
  while (count--) {
    let module;
    let importName;
    [module, at] = readName(bytes, at);
    [importName, at] = readName(bytes, at);
    const descriptor = at;
    const kind = bytes[at++];
    if (kind === 0) at = readLeb(bytes, at)[1]; // a function: its type
    else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // a table: its element type (one byte: funcref, externref)
      const flags = bytes[at++]; // limits: a minimum, then a maximum and a page size if flagged
      at = readLeb(bytes, at)[1];
      if (flags & 1) at = readLeb(bytes, at)[1];
      if (flags & 8) at = readLeb(bytes, at)[1];
    } else if (kind === 3) at += 2; // a global: value type, mutability
    else if (kind === 4) at = readLeb(bytes, at + 1)[1]; // a tag: attribute, type
    else throw new Error(`trim-wasm: import ${importName} has an unknown kind ${kind}`);
    entries.push({ module, name: importName, rest: bytes.subarray(descriptor, at) });
  }
  if (at !== section.end) throw new Error('trim-wasm: the import section was not read to its end');
  return entries;
}

function replaceSection(bytes, sections, id, body) {
  const section = sections.find((s) => s.id === id);
  return Buffer.concat([bytes.subarray(0, section.header), Buffer.from([id]), leb(body.length), body, bytes.subarray(section.end)]);
}

/** The module with each export renamed by `rename(name)`, or left out where it returns null. */
export function rewriteExports(bytes, sections, rename) {
  const kept = readExports(bytes, sections)
    .map((e) => ({ ...e, name: rename(e.name) }))
    .filter((e) => e.name !== null);
  const body = Buffer.concat([leb(kept.length), ...kept.flatMap((e) => [name(e.name), e.rest])]);
  return replaceSection(bytes, sections, 7, body);
}

/** The module with each import renamed by `rename(name)`. */
export function rewriteImports(bytes, rename) {
  const sections = readSections(bytes);
  const entries = readImports(bytes, sections);
  const body = Buffer.concat([leb(entries.length), ...entries.flatMap((i) => [name(i.module), name(rename(i.name)), i.rest])]);
  return replaceSection(bytes, sections, 2, body);
}
