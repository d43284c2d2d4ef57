// The benchmark: saman-stories against a Splide 4 reference, in one run.
//
//   node bench/run.mjs [--runs 5] [--delay 100] [--sizes 20,500,5000] [--no-soak]
//
// It serves a host page from one origin and the widget (dist/), the Splide
// reference and generated feeds of each size from another, every response
// held --delay ms to stand in for a network round trip (servers.mjs,
// feeds.mjs). Debian's Chromium, headless, loads each case --runs times, in
// a fresh browser context each time (cold cache), alternating which carousel
// goes first, and measure.mjs reads the first story's time, the requests,
// DOM nodes, long tasks and memory; a page without a carousel, loaded the
// same way, gives the memory baseline. It prints medians, ours/Splide
// ratios and each case's requests, then the soak section (soak.mjs), and
// writes everything, every run included, to bench/results/latest.json.
//
// It needs dist/ (scripts/demo or `trunk build --release`) and node_modules
// (npm install). It is a measurement, not a test: it never fails on numbers.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { residentsInView } from './feeds.mjs';
import { measurePage } from './measure.mjs';
import { formatCriticalPaths, formatHeader, formatSoak, formatTable, median, ratios, summarize } from './report.mjs';
import { startServers } from './servers.mjs';
import { CHROMIUM } from '../scripts/chromium.mjs';
import { soakCycles, soakRotations } from './soak.mjs';

const SPLIDE_PACKAGE = 'node_modules/@splidejs/splide/package.json';
const SOAK_STORIES = 20;
const RESULTS = 'bench/results/latest.json';

function readOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      delay: { type: 'string', default: '100' },
      sizes: { type: 'string', default: '20,500,5000' },
      'no-soak': { type: 'boolean', default: false },
    },
  });
  const options = {
    runs: Number(values.runs),
    delay: Number(values.delay),
    sizes: values.sizes.split(',').map(Number),
    soak: !values['no-soak'],
  };
  const valid = Number.isInteger(options.runs) && options.runs > 0 && options.delay >= 0 &&
    options.sizes.every((size) => Number.isInteger(size) && size > 0);
  if (!valid) fail('usage: node bench/run.mjs [--runs N>0] [--delay MS>=0] [--sizes 20,500,5000] [--no-soak]');
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function checkPrerequisites() {
  if (!existsSync('dist/saman-stories.js')) {
    fail('dist/ has no built widget. Build it first with `scripts/demo` (builds and serves the demo) ' +
      'or `trunk build --release`, then run `node bench/run.mjs` again.');
  }
  if (!existsSync(SPLIDE_PACKAGE) || !existsSync('node_modules/playwright-core')) {
    fail('Splide or Playwright is missing from node_modules: run `npm install --no-audit --no-fund` first.');
  }
  if (!existsSync(CHROMIUM.executablePath)) {
    fail(`no Chromium at ${CHROMIUM.executablePath}: run scripts/setup (it installs Debian's chromium).`);
  }
}

/** Loads every case `runs` times; returns the blank page's heaps and, per size, ours' and Splide's runs. */
async function measureCases(browser, servers, { runs, sizes }) {
  const blankHeaps = [];
  const cases = new Map(sizes.map((size) => [size, { ours: [], splide: [] }]));
  for (let run = 1; run <= runs; run++) {
    blankHeaps.push((await measurePage(browser, `${servers.page}/blank.html`, { carousel: false })).jsHeap);
    for (const size of sizes) {
      for (const kind of run % 2 ? ['ours', 'splide'] : ['splide', 'ours']) {
        const url = `${servers.page}/${kind}.html?stories=${size}`;
        const result = await measurePage(browser, url).catch((error) => {
          throw new Error(`${url}: ${error.message}`);
        });
        cases.get(size)[kind].push(result);
        console.error(`run ${run}/${runs}: ${size} stories, ${kind}: first story ${result.firstStory.toFixed(0)} ms`);
      }
    }
  }
  return { blankHeaps, cases };
}

/**
 * V8 flags for the soak's browser: no optimising tiers, so the JS heap holds
 * objects only. With them on, the heap also grows by the machine code V8
 * compiles as functions get hot (the widget's, the glue's and the fake
 * clock's): about 70 KiB over 1,000 rotations, levelling off by about
 * 2,500, which reads like a leak but is not (heap snapshots, 2026-11-28).
 */
const SOAK_JS_FLAGS = '--js-flags=--no-opt --no-maglev --no-sparkplug --no-wasm-tier-up';

/** The soak section, on servers and a browser of its own, with no added delay. */
async function soak() {
  const servers = await startServers({ delay: 0, sizes: [SOAK_STORIES] });
  const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, SOAK_JS_FLAGS] });
  try {
    console.error('soak: 1,000 rotations');
    const rotations = await soakRotations(browser, servers, { stories: SOAK_STORIES });
    console.error('soak: 200 insert/remove cycles');
    const cycles = await soakCycles(browser, servers, { stories: SOAK_STORIES });
    return { stories: SOAK_STORIES, inView: residentsInView(SOAK_STORIES), delay: 0, jsFlags: SOAK_JS_FLAGS, rotations, cycles };
  } finally {
    await browser.close();
    await servers.close();
  }
}

/** The machine; `loadAverage` is the 1-minute load average when the runs began. */
function machine(browser, loadAverage) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    chromium: browser.version(),
    node: process.version.slice(1),
    loadAverage,
  };
}

async function main() {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  const options = readOptions();
  checkPrerequisites();
  const servers = await startServers({ delay: options.delay, sizes: options.sizes });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const loadAverage = os.loadavg()[0];
    const { blankHeaps, cases } = await measureCases(browser, servers, options);
    const blankPageJsHeap = median(blankHeaps);
    const results = {
      date: new Date().toISOString(),
      splideVersion: JSON.parse(readFileSync(SPLIDE_PACKAGE, 'utf8')).version,
      build: servers.build,
      machine: machine(browser, loadAverage),
      options,
      origins: { page: servers.page, widget: servers.widget },
      blankPageJsHeap,
      cases: options.sizes.map((stories) => {
        const ours = summarize(cases.get(stories).ours, blankPageJsHeap);
        const splide = summarize(cases.get(stories).splide, blankPageJsHeap);
        return {
          stories,
          inView: residentsInView(stories),
          feedBytes: servers.feedBytes[stories],
          ours,
          splide,
          ratio: ratios(ours.medians, splide.medians),
        };
      }),
      soak: options.soak ? await soak() : null,
    };
    console.log([formatHeader(results), formatTable(results), formatCriticalPaths(results)].join('\n\n'));
    if (results.soak) console.log(`\n${formatSoak(results.soak)}`);
    await mkdir('bench/results', { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nAll runs: ${RESULTS}`);
  } finally {
    await browser.close();
    await servers.close();
  }
}

await main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
