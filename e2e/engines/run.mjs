// Runs the engine tests (e2e/engines/*.test.js) in Firefox ESR and
// WebKitGTK against dist/, with the Playwright suite's servers:
//
//   node e2e/engines/run.mjs                   both engines
//   node e2e/engines/run.mjs webkit            one engine
//   node e2e/engines/run.mjs firefox carousel  only the files whose name starts so
//
// It starts the servers of e2e/support/servers.mjs in this process (on
// ports from SAMAN_E2E_PORT, default 4370 here, so that a Playwright run on
// 4170 can share the machine), then runs suite.mjs under `node --test`
// once per engine, one after the other. WebKitGTK's MiniBrowser needs a
// display: without one, this script starts itself again under xvfb-run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
process.chdir(ROOT);

const ENGINE_NAMES = ['firefox', 'webkit'];
const args = process.argv.slice(2);
const engines = args.filter((a) => ENGINE_NAMES.includes(a));
const files = args.filter((a) => !ENGINE_NAMES.includes(a));
const selected = engines.length ? engines : ENGINE_NAMES;

if (selected.includes('webkit') && !process.env.DISPLAY) {
  // A virtual X display for MiniBrowser, for this run only.
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  if (!existsSync('dist/saman-stories.js')) {
    console.error('e2e/engines: no dist/ — run `trunk build --release` first');
    process.exit(2);
  }
  process.env.SAMAN_E2E_PORT ??= '4370';
  await import('../support/servers.mjs');

  const results = [];
  for (const engine of selected) {
    const started = Date.now();
    const code = await new Promise((done) => {
      const child = spawn(process.execPath, ['--test', '--test-reporter=spec', 'e2e/engines/suite.mjs'], {
        stdio: 'inherit',
        env: { ...process.env, SAMAN_ENGINE: engine, SAMAN_ENGINE_FILES: files.join(',') },
      });
      child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    });
    results.push({ engine, code, seconds: Math.round((Date.now() - started) / 1000) });
  }
  for (const { engine, code, seconds } of results) {
    console.log(`e2e/engines: ${engine} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  }
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
}
