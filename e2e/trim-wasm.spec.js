// What the build trims from wasm-bindgen's output (scripts/wasm-ld,
// scripts/trim-wasm.mjs): checked on the shipped dist/, and the trimming
// functions on small inputs of their own. The rest of the suite runs the
// trimmed widget in the browsers.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkGlueMatchesWasm,
  readExports,
  readImports,
  readSections,
  removeImportEntries,
  removeUnusedClasses,
  renameInGlue,
  rewriteExports,
  rewriteImports,
} from '../scripts/trim-wasm.mjs';

const dist = readdirSync('dist');
const wasmFile = dist.find((f) => /^saman-stories-[0-9a-f]+_bg\.wasm$/.test(f));
const glueFile = dist.find((f) => /^saman-stories-[0-9a-f]+\.js$/.test(f));

test.describe('the shipped widget', () => {
  const wasm = readFileSync(`dist/${wasmFile}`);
  const glue = readFileSync(`dist/${glueFile}`, 'utf8');
  const module = new WebAssembly.Module(wasm);

  test('carries no wasm-streams class, in the wasm or in the glue', () => {
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(names.filter((name) => /intounderlying/i.test(name))).toEqual([]);
    expect(glue).not.toMatch(/IntoUnderlying|intounderlying/);
    // The wasm-streams code itself is gone too: its import of the stream
    // controller's enqueue() went with it.
    expect(glue).not.toContain('.enqueue(');
  });

  test('exports only what the glue calls', () => {
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(names).toContain('memory');
    expect(names).toContain('mount');
    for (const name of names) {
      expect(glue, `export ${name}`).toMatch(new RegExp(`\\.${name}\\b`));
    }
    expect(names).not.toContain('main');
  });

  test('imports by short names, each of them in the glue', () => {
    const imports = WebAssembly.Module.imports(module);
    expect(imports.length).toBeGreaterThan(50);
    for (const { name } of imports) {
      expect(name, 'no hashed import name').toMatch(/^i[0-9a-z]+$/);
      expect(glue, `import ${name}`).toMatch(new RegExp(`[{,]${name}:function`));
    }
  });
});

// A module with one imported function, one exported function calling it
// and the memory, written by hand (WebAssembly binary format).
function tinyModule(importName, exportName) {
  const text = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]), // type 0: () -> ()
    ...section(2, [1, ...text('./glue.js'), ...text(importName), 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...text(exportName), 0, 1, ...text('memory'), 2, 0]),
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]), // call 0
  ]);
}

test.describe('the trimming functions', () => {
  test('rename imports and exports, or leave exports out, in a module that still compiles', () => {
    const bytes = tinyModule('__wbg_log_0123456789abcdef', 'run_h0123456789abcdef');
    const renamed = rewriteImports(
      rewriteExports(bytes, readSections(bytes), (name) => (name === 'memory' ? name : 'e0')),
      () => 'i0',
    );
    const module = new WebAssembly.Module(renamed);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: './glue.js', name: 'i0', kind: 'function' }]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(['e0', 'memory']);

    const without = rewriteExports(bytes, readSections(bytes), (name) => (name === 'memory' ? name : null));
    expect(WebAssembly.Module.exports(new WebAssembly.Module(without)).map((e) => e.name)).toEqual(['memory']);
    expect(readImports(without, readSections(without)).map((i) => i.name)).toEqual(['__wbg_log_0123456789abcdef']);
    expect(readExports(bytes, readSections(bytes)).map((e) => e.name)).toEqual(['run_h0123456789abcdef', 'memory']);
  });

  const classSource = (name) => `/**
 * ${name}, as wasm-bindgen 0.2.130 writes a class.
 */
export class ${name} {
    free() {
        ${name}Finalization.unregister(this);
        wasm.__wbg_${name.toLowerCase()}_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;
`;
  const registry = (name) =>
    `const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {}, unregister: () => {} }\n    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr, 1));\n`;

  test("remove wasm-streams' classes while nothing else mentions them, and keep every other class", () => {
    const source = `${classSource('IntoUnderlyingSink')}${classSource('IntoUnderlyingSource')}${classSource('Widget')}${classSource('Unused')}
export function mount() {
    return Widget.__wrap(wasm.mount(IntoUnderlyingSource));
}
${registry('IntoUnderlyingSink')}${registry('IntoUnderlyingSource')}${registry('Widget')}${registry('Unused')}`;
    const { source: trimmed, removed } = removeUnusedClasses(source);
    expect(removed).toEqual(['IntoUnderlyingSink']);
    expect(trimmed).not.toContain('IntoUnderlyingSink');
    for (const kept of ['IntoUnderlyingSource', 'Widget', 'Unused']) {
      expect(trimmed).toContain(`export class ${kept} {`);
      expect(trimmed).toContain(`${kept}Finalization = `);
    }
  });

  test('refuse a class in a shape they do not know', () => {
    const source = `export class IntoUnderlyingOdd {\n}\n`;
    expect(() => removeUnusedClasses(source)).toThrow(/class IntoUnderlyingOdd is not in the shape/);
  });

  test('refuse a glue that calls an export the wasm lacks, or lacks an import the wasm has', () => {
    const wasm = tinyModule('i0', 'e0');
    const glue = (body) => `function __wbg_get_imports() {\n    const import0 = {\n        i0: function() {},\n    };\n}\n${body}`;
    expect(() => checkGlueMatchesWasm(glue('wasm.e0(); wasm.memory;'), wasm)).not.toThrow();
    expect(() => checkGlueMatchesWasm(glue('wasm.e0(); wasm.e1();'), wasm)).toThrow(/calls exports the wasm lacks: e1/);
    expect(() => checkGlueMatchesWasm('wasm.e0();', wasm)).toThrow(/no import i0/);
    const broken = Buffer.from(wasm);
    broken[broken.length - 1] = 0x00; // the function body no longer ends
    expect(() => checkGlueMatchesWasm(glue('wasm.e0();'), broken)).toThrow(/not valid/);
  });

  test('drop import entries the wasm no longer has, and refuse a glue without one it has', () => {
    const source = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_a_0123456789abcdef: function(arg0) {
            arg0.a();
        },
        __wbg_b_0123456789abcdef: function(arg0) {
            arg0.b();
        },
    };
    return { './glue.js': import0 };
}
`;
    const { source: trimmed, removed } = removeImportEntries(source, new Set(['__wbg_b_0123456789abcdef']));
    expect(removed).toEqual(['__wbg_a_0123456789abcdef']);
    expect(trimmed).toContain('__wbg_b_0123456789abcdef: function(arg0) {\n            arg0.b();\n        },\n    };');
    expect(() => removeImportEntries(source, new Set(['__wbg_c_0123456789abcdef']))).toThrow(/no import __wbg_c/);
  });

  test('rename whole names only, and refuse a name that is not there', () => {
    const renames = new Map([
      ['invoke_h0123456789abcdef', 'e0'],
      ['invoke_h0123456789abcdef_15', 'e1'],
    ]);
    expect(renameInGlue('wasm.invoke_h0123456789abcdef(); wasm.invoke_h0123456789abcdef_15();', renames)).toBe(
      'wasm.e0(); wasm.e1();',
    );
    expect(() => renameInGlue('wasm.invoke_h0123456789abcdef();', renames)).toThrow(/_15 is not in the glue/);
  });
});

test.describe('scripts/wasm-ld', () => {
  // A stand-in for rust-lld that prints the arguments it gets, one per
  // line, and the lines of any @file among them.
  const folder = mkdtempSync(join(tmpdir(), 'saman-wasm-ld-'));
  writeFileSync(
    join(folder, 'rust-lld'),
    '#!/usr/bin/env bash\nfor arg in "$@"; do if [[ "$arg" == @* ]]; then cat "${arg#@}"; else echo "$arg"; fi; done\n',
  );
  chmodSync(join(folder, 'rust-lld'), 0o755);
  const link = (args) =>
    execFileSync('scripts/wasm-ld', args, { env: { ...process.env, PATH: `${folder}:${process.env.PATH}` } })
      .toString()
      .trim()
      .split('\n');
  const requested = ['-flavor', 'wasm', '--export', 'main', '--export', 'intounderlyingsource_pull_58a9338f50bce61c'];
  const rest = ['--export', '__wbindgen_describe_intounderlyingsink_write_58a9', '--export', 'mount_a6ec', '-o', 'out.wasm', 'in.o'];
  const expected = ['-flavor', 'wasm', '--export', 'main', '--export', 'mount_a6ec', '-o', 'out.wasm', 'in.o'];

  test("passes everything to rust-lld but the export requests for wasm-streams' classes", () => {
    expect(link([...requested, ...rest])).toEqual(expected);
  });

  test('filters a response file alike', () => {
    const file = join(folder, 'linker-arguments');
    writeFileSync(file, `${[...requested.slice(2), ...rest].join('\n')}\n`);
    expect(link(['-flavor', 'wasm', `@${file}`])).toEqual(expected);
  });
});
