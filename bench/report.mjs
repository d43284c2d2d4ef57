// Turns the benchmark's raw runs into medians and ratios, and formats them
// as the printed report: the table (case × metric: ours, Splide, ratio), what
// each metric means, the critical path of the median run of each case, and
// the soak section.

const MIB = 1024 * 1024;
const KIB = 1024;

/** The metrics of the table, in order: key, label, decimals, bytes per unit (for memory). */
const METRICS = [
  ['firstStory', 'first story, ms', 0],
  ['roundTrips', 'round trips before first story', 0],
  ['domNodes', 'DOM nodes (elements + text)', 0],
  ['longTaskMs', 'long tasks, ms', 0],
  ['jsHeap', 'JS heap above blank page, MiB', 2, MIB],
  ['wasmMemory', 'wasm memory, MiB', 2, MIB],
  ['memory', 'JS heap + wasm memory, MiB', 2, MIB],
];

const NOTES = [
  'first story: navigation start to the painted frame that shows the first story\'s title text',
  '  (ours: .saman-slide .saman-title in the shadow root; Splide: the first slide\'s title once mounted).',
  'round trips: longest chain of requests, each started after the previous one\'s response began,',
  '  among those finished before the title was in the DOM (inferred from Resource Timing).',
  'DOM nodes: ours, everything in the widget\'s shadow root; Splide, its <section> and everything in it.',
  'long tasks: time in main-thread tasks over 50 ms, from navigation to 1 s after the first story.',
  'JS heap: V8 heap in use after a forced GC, minus the same host page without a carousel;',
  '  it excludes DOM (Blink) memory, decoded images and the wasm memory.',
  'wasm memory: the widget\'s WebAssembly linear memory; it only grows, so it is the peak of the load.',
  'JS heap + wasm memory: what the memory ratio compares; the reference\'s DOM memory is not in it.',
  'ours/Splide: ratio of the medians; below 1, ours is faster or smaller.',
];

/** The median; of an even number of values, the lower middle one (a value a run really had). */
export function median(values) {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
}

/** One run's metrics, with the JS heap taken above the blank page's. */
function runMetrics(run, blankHeap) {
  const jsHeap = run.jsHeap - blankHeap;
  return { ...run, jsHeap, memory: jsHeap + (run.wasmMemory ?? 0) };
}

/** Medians of every metric over `runs`, plus the run with the median first story. */
export function summarize(runs, blankHeap) {
  const metrics = runs.map((run) => runMetrics(run, blankHeap));
  const medians = Object.fromEntries(
    METRICS.map(([key]) => [key, median(metrics.map((run) => run[key]))]).concat([
      ['titleInDom', median(metrics.map((run) => run.titleInDom))],
    ]),
  );
  const byFirstStory = [...metrics].sort((a, b) => a.firstStory - b.firstStory);
  return { medians, medianRun: byFirstStory[Math.floor((byFirstStory.length - 1) / 2)], runs: metrics };
}

/** ours/Splide for every metric both have (null when either is missing or Splide's is 0). */
export function ratios(ours, peer) {
  return Object.fromEntries(
    METRICS.map(([key]) => [key, ours[key] === null || !peer[key] ? null : ours[key] / peer[key]]),
  );
}

const pad = (text, width) => String(text).padStart(width);
const padEnd = (text, width) => String(text).padEnd(width);

function formatValue(value, decimals, unit = 1) {
  return value === null || value === undefined ? '–' : (value / unit).toFixed(decimals);
}

/** The header line: what ran, where and when. */
export function formatHeader(results) {
  const { machine, options } = results;
  return [
    `saman-stories (${results.build}) vs Splide ${results.splideVersion}, ${results.date}`,
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}, Chromium ${machine.chromium} headless, Node ${machine.node}`,
    `load average ${machine.loadAverage.toFixed(1)} when the runs began (other work on the machine slows and spreads the timings)`,
    `+${options.delay} ms per response, median of ${options.runs} run${options.runs === 1 ? '' : 's'}, fresh browser context (cold cache) per run`,
  ].join('\n');
}

/** The table: per case, per metric, ours, Splide and ours/Splide. */
export function formatTable(results) {
  const lines = [
    `${padEnd('stories', 22)}${padEnd('metric', 34)}${pad('ours', 10)}${pad('Splide', 10)}${pad('ours/Splide', 13)}`,
  ];
  for (const c of results.cases) {
    METRICS.forEach(([key, label, decimals, unit], i) => {
      const name = i === 0 ? `${c.stories} (${c.inView} in view)` : '';
      lines.push(
        padEnd(name, 22) +
          padEnd(label, 34) +
          pad(formatValue(c.ours.medians[key], decimals, unit), 10) +
          pad(formatValue(c.splide.medians[key], decimals, unit), 10) +
          pad(formatValue(c.ratio[key], 2), 13),
      );
    });
  }
  lines.push('', `Blank host page JS heap (subtracted above): ${formatValue(results.blankPageJsHeap, 2, MIB)} MiB.`);
  return [...lines, ...NOTES].join('\n');
}

/** A URL as `page:/path` or `widget:/path`. */
function shortUrl(url, origins) {
  for (const [name, origin] of Object.entries(origins)) {
    if (url.startsWith(origin)) return `${name}:${url.slice(origin.length)}`;
  }
  return url;
}

function formatRequests(run, origins) {
  const lines = [`        start  1st byte       end`];
  for (const request of run.requests) {
    const mark = request.onPath ? '*' : request.end > run.titleInDom ? 'a' : ' ';
    lines.push(
      `    ${mark} ${pad(request.start.toFixed(0), 6)} ${pad(request.firstByte.toFixed(0), 9)} ${pad(request.end.toFixed(0), 9)}  ` +
        `${padEnd(request.type, 8)} ${shortUrl(request.url, origins)}`,
    );
  }
  return lines;
}

/** For each case, ours and Splide: the requests of the run with the median first story. */
export function formatCriticalPaths(results) {
  const lines = [
    'Requests of the run with the median first story, in start order, ms since navigation start',
    '(* = on the inferred critical path, a = ended after the title was in the DOM):',
  ];
  for (const c of results.cases) {
    for (const [name, summary] of [['ours', c.ours], ['Splide', c.splide]]) {
      const run = summary.medianRun;
      lines.push(
        '',
        `  ${c.stories} stories (${(c.feedBytes / 1000).toFixed(0)} kB feed), ${name}: ${run.roundTrips} round trips; ` +
          `title in DOM ${run.titleInDom.toFixed(0)} ms, ` +
          `painted ${run.firstStory.toFixed(0)} ms`,
        ...formatRequests(run, results.origins),
      );
    }
  }
  return lines.join('\n');
}

function formatLive(live) {
  return live ? `${live.widgets}/${live.timers}/${live.requests}/${live.listeners}` : '–';
}

const signed = (value, decimals) => `${value >= 0 ? '+' : ''}${value.toFixed(decimals)}`;

/**
 * One part of the soak: a row per measure, a column per checkpoint, and the
 * change first → last; `control` adds the blank page's JS heap.
 */
function formatSoakPart(title, points, control = null) {
  const first = points[0];
  const last = points.at(-1);
  const row = (label, cells, change = '') =>
    `  ${padEnd(label, 40)}${cells.map((cell) => pad(cell, 11)).join('')}${pad(change, 10)}`;
  const bytes = (label, key, series = points) =>
    row(label, series.map((point) => formatValue(point[key], 1, KIB)),
      series.at(-1)[key] === null ? '–' : signed((series.at(-1)[key] - series[0][key]) / KIB, 1));
  const count = (label, key) => row(label, points.map((point) => String(point[key])), signed(last[key] - first[key], 0));
  return [
    row(title, points.map((point) => `after ${point.after}`), 'change'),
    ...(first.position ? [row('slide shown', points.map((point) => point.position))] : []),
    bytes('JS heap, KiB', 'jsHeap'),
    ...(control ? [bytes('  control: blank page, same steps', 'jsHeap', control)] : []),
    bytes('wasm memory, KiB', 'wasmMemory'),
    count('DOM nodes in the renderer', 'domNodes'),
    count('JS event listeners in the renderer', 'listeners'),
    row('live widgets/timers/requests/listeners', points.map((point) => formatLive(point.live))),
  ];
}

/** The soak section: memory as rotations and insert/remove cycles add up. */
export function formatSoak(soak) {
  return [
    `Soak (ours only; ${soak.stories}-story feed, ${soak.inView} in view; no added delay; after a forced GC):`,
    ...formatSoakPart('rotations (fake clock, 7 s per step)', soak.rotations.points, soak.rotations.control),
    ...formatSoakPart('insert/remove cycles (none left after)', soak.cycles.points),
    `Each step rotates once, so after n steps the slide shown is n mod ${soak.inView} + 1.`,
    'JS heap is the whole page\'s; change = last − first; "live" is the widget\'s own count (debugCounts()).',
    `The soak's Chromium runs with ${soak.jsFlags}: without optimising tiers the JS heap`,
    '  holds objects, not the machine code V8 compiles for hot functions (which adds ~70 KiB and levels off).',
  ].join('\n');
}
