/**
 * `npm run bench`: Lede's cost on a reader's click, measured in real Chromium and Firefox with the
 * bench build (`wxt build --mode bench`: the production code plus the User Timing measures of
 * utils/bench-marks.ts), against plain Readability timed the same way. Prints every figure of
 * issue 9 and its budget, PASS or FAIL, in one run.
 *
 *   pages      all of ../shared/corpora/aeb, plus the largest pages of the other corpora
 *   per page   plain Readability in one fresh load; a click in another (analysis, first render
 *              of the popup, highlights); every --trace-every'th click traced for its longest
 *              main-thread task; every --fixed-every'th followed by the fixed-report popup
 *   scaling    the median AEB article grown 1×…16× (its paragraphs repeated), --scaling-reps each
 *   memory     --memory pages: the page's V8 heap after forced GCs (bench/chromium.ts)
 *   profiles   --profile pages clicked under the CPU profiler: top self times (bench/profile.ts)
 *   Firefox    --firefox AEB pages, Readability and click, and the fixed-report popup
 *
 * Every click starts with the off-page parser closed (a reader's first click after five idle
 * minutes); every --warm-every'th page is clicked again with it open (the next click).
 *
 * Options: --aeb N (first N AEB pages), --others N (largest pages per other corpus), --firefox N
 * (0: no Firefox), --memory N, --snapshots N (of the memory pages), --profile N, --trace-every N,
 * --fixed-every N, --scaling-reps N, --json FILE (every measurement, for docs/PERFORMANCE.md).
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyze } from '../core/report';
import { ChromiumBench, CHROMIUM_BENCH_BUILD, type ClickResult, type FixedPopup, type MemoryResult } from './chromium';
import { FirefoxBench, type FirefoxClick } from './firefox';
import { corpusPages, largestPages, medianArticle, readPageHtml, startPageServer, type BenchPage } from './pages';
import { emptyCosts, ProfileNamer, topCosts, type CpuProfile } from './profile';
import { budgetLine, header, kb, max, median, ms, p95, row, times, type BudgetResult } from './stats';
import { CONTENT_SCRIPT } from '../utils/messages';

const OTHER_SETS = ['fundus-a', 'htmldate-a', 'readability-pages'];
const SIZES = [1, 2, 4, 8, 16];
const MB = 1024 * 1024;

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

const options = {
  aeb: option('aeb', Infinity),
  others: option('others', 3),
  firefox: option('firefox', 10),
  memory: option('memory', 6),
  snapshots: option('snapshots', 1),
  profile: option('profile', 6),
  traceEvery: Math.max(1, option('trace-every', 12)),
  fixedEvery: Math.max(1, option('fixed-every', 8)),
  warmEvery: Math.max(1, option('warm-every', 4)),
  scalingReps: Math.max(1, option('scaling-reps', 2)),
  json: process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined,
};

/** `count` items spread evenly over `items`. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

interface ScalingRun {
  times: number;
  readability: number;
  readabilityWarm: number;
  analyze: number | null;
  analyzeWarm: number | null;
  task: number | null;
}

const log = (text: string): void => void process.stderr.write(`${text}\n`);

interface PageRun {
  page: BenchPage;
  /** Plain Readability, first run in a fresh page, and again right after. */
  readability: number;
  readabilityWarm: number;
  /** Lede's analysis run a second time in the Readability load (warm). */
  analysisWarm: number | null;
  click: ClickResult;
  /** The same click again, the parser open from the first (every --warm-every'th page). */
  next: ClickResult | null;
}

interface Failure {
  where: string;
  error: string;
}

async function attempt<T>(failures: Failure[], where: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    failures.push({ where, error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) });
    log(`  failed: ${where}: ${failures.at(-1)?.error}`);
    return null;
  }
}

function machine(): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {
    // cpus().length stands.
  }
  return [
    `machine: ${nproc} cores (nproc), ${cpu}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const lines: string[] = [];
  const print = (line = ''): void => {
    lines.push(line);
    console.log(line);
  };
  const failures: Failure[] = [];
  const aeb = corpusPages('aeb').slice(0, options.aeb);
  const others = OTHER_SETS.flatMap((set) => largestPages(set, options.others));
  const scaling = medianArticle(aeb);
  const server = await startPageServer(scaling);

  // The popup's baseline: the median AEB page's report, read here once, shown without analysis.
  const dom = new JSDOM(readPageHtml(scaling), { url: server.url(scaling), virtualConsole: new VirtualConsole() });
  const fixedReport = analyze(dom.window.document, { url: server.url(scaling) });
  dom.window.close();

  const loadAtStart = loadavg()[0] ?? 0;
  log(`bench: ${aeb.length} AEB pages + ${others.length} others; Chromium first`);
  const chromium = await ChromiumBench.launch(server.origin);
  const runs: PageRun[] = [];
  const fixed: FixedPopup[] = [];
  const scalingRuns: ScalingRun[] = [];
  const memory: { page: BenchPage; result: MemoryResult }[] = [];
  const costs = emptyCosts();
  let profiled = 0;
  try {
    // Warm-up, not counted: the browser's first extension popup and first script compilation.
    for (const page of aeb.slice(0, 2)) {
      await attempt(failures, 'warm-up', () => chromium.readability(server.url(page)));
      await attempt(failures, 'warm-up', () => chromium.click(server.url(page)));
    }
    await attempt(failures, 'warm-up', () => chromium.fixedPopup(server.url(scaling), fixedReport));

    const all = [...aeb, ...others];
    for (const [i, page] of all.entries()) {
      const url = server.url(page);
      const readability = await attempt(failures, `${page.set}/${page.file} readability`, () =>
        chromium.readability(url),
      );
      const click = await attempt(failures, `${page.set}/${page.file} click`, () =>
        chromium.click(url, { trace: i % options.traceEvery === 0 }),
      );
      const next =
        click && i % options.warmEvery === 0
          ? await attempt(failures, `${page.set}/${page.file} click, parser open`, () =>
              chromium.click(url, { parser: 'open' }),
            )
          : null;
      if (readability && click) {
        runs.push({
          page,
          readability: readability.cold,
          readabilityWarm: readability.warm,
          analysisWarm: readability.analysisWarm,
          click,
          next,
        });
      }
      if (i % options.fixedEvery === 0) {
        const baseline = await attempt(failures, 'fixed popup', () => chromium.fixedPopup(url, fixedReport));
        if (baseline) fixed.push(baseline);
      }
      if ((i + 1) % 20 === 0)
        log(`  chromium ${i + 1}/${all.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }

    log(`  scaling run, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (let rep = 0; rep < options.scalingReps; rep++) {
      for (const size of SIZES) {
        const url = server.grownUrl(size);
        const readability = await attempt(failures, `scaling ${size}× readability`, () => chromium.readability(url));
        const click = await attempt(failures, `scaling ${size}× click`, () =>
          chromium.click(url, { trace: rep === 0 }),
        );
        if (readability && click)
          scalingRuns.push({
            times: size,
            readability: readability.cold,
            readabilityWarm: readability.warm,
            analyze: click.analyze,
            analyzeWarm: readability.analysisWarm,
            task: click.longestTask?.ours ?? null,
          });
      }
    }

    log(`  memory, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const [i, page] of spread(aeb, options.memory).entries()) {
      const result = await attempt(failures, `${page.file} memory`, () =>
        chromium.memory(server.url(page), { snapshots: i < options.snapshots }),
      );
      if (result) memory.push({ page, result });
    }

    log(`  CPU profiles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const namer = new ProfileNamer(CONTENT_SCRIPT, CHROMIUM_BENCH_BUILD);
    for (const page of spread(aeb, options.profile)) {
      const click = await attempt(failures, `${page.file} profile`, () =>
        chromium.click(server.url(page), { profile: true }),
      );
      if (click?.profile) {
        namer.addProfile(click.profile as CpuProfile, costs);
        profiled++;
      }
    }
  } finally {
    await chromium.close();
  }

  let firefoxVersion = 'not run';
  const firefoxRuns: {
    readability: number;
    readabilityWarm: number;
    analysisWarm: number | null;
    click: FirefoxClick;
  }[] = [];
  const firefoxFixed: number[] = [];
  if (options.firefox > 0) {
    log(`  Firefox, ${options.firefox} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const firefox = await FirefoxBench.launch(server.origin);
    firefoxVersion = firefox.version;
    try {
      const [first] = aeb;
      if (first) {
        await attempt(failures, 'firefox warm-up', () => firefox.readability(server.url(first)));
        await attempt(failures, 'firefox warm-up', () => firefox.click(server.url(first)));
      }
      for (const [i, page] of spread(aeb, options.firefox).entries()) {
        const url = server.url(page);
        const readability = await attempt(failures, `firefox ${page.file} readability`, () => firefox.readability(url));
        const click = await attempt(failures, `firefox ${page.file} click`, () => firefox.click(url));
        if (readability && click)
          firefoxRuns.push({
            readability: readability.cold,
            readabilityWarm: readability.warm,
            analysisWarm: readability.analysisWarm,
            click,
          });
        if (i % 2 === 0) {
          const baseline = await attempt(failures, 'firefox fixed popup', () => firefox.fixedPopup(fixedReport));
          if (baseline !== null) firefoxFixed.push(baseline);
        }
      }
    } finally {
      await firefox.close();
    }
  }
  await server.stop();

  // ---- The report ----
  const analysed = (r: PageRun): boolean => r.click.state === 'ready' && r.click.analyze !== null;
  const aebRuns = runs.filter((r) => r.page.set === 'aeb');
  const aebAnalysed = aebRuns.filter(analysed);
  const otherAnalysed = runs.filter((r) => r.page.set !== 'aeb' && analysed(r));
  const read = (rs: PageRun[]): number[] => rs.map((r) => r.readability);
  const full = (rs: PageRun[]): number[] => rs.map((r) => r.click.analyze as number);
  // The analysis's own tasks on the page's main thread: serializing the page, checking the answer.
  const onPageOf = (r: PageRun): number => r.click.steps.reduce((a, b) => a + b, 0);
  const onPage = (rs: PageRun[]): number[] => rs.map(onPageOf);
  const onPageRatios = (rs: PageRun[]): number[] => rs.map((r) => onPageOf(r) / r.readability);
  const hl = (rs: PageRun[]): number[] => rs.flatMap((r) => (r.click.highlight === null ? [] : [r.click.highlight]));
  const traced = runs.filter((r) => r.click.longestTask);
  const nextRuns = aebAnalysed.filter((r) => r.next?.state === 'ready' && r.next.analyze !== null);

  print(`Lede benchmark (npm run bench), ${new Date().toISOString()}`);
  print(`browsers: Chromium ${chromium.version} (headless, CDP); Firefox ${firefoxVersion} (headless, BiDi)`);
  for (const line of machine()) print(line);
  print(
    `load average when Chromium started: ${loadAtStart.toFixed(2)} (others' jobs share the 2 cores: see docs/PERFORMANCE.md)`,
  );
  print(
    `pages: ${aebRuns.length} of ${aeb.length} AEB (${aebAnalysed.length} analysed, ${aebRuns.length - aebAnalysed.length} not articles), ` +
      `${runs.length - aebRuns.length} largest of ${OTHER_SETS.join(', ')}; 1 run per page (Readability and click in separate fresh loads); ` +
      `2 warm-up pages not counted`,
  );
  print(
    `runs: every page once, the parser closed; 1 in ${options.warmEvery} clicked again, the parser open (${nextRuns.length}); ` +
      `1 click in ${options.traceEvery} traced, 1 in ${options.fixedEvery} followed by the fixed-report popup ` +
      `(${fixed.length}); scaling ${options.scalingReps}× per size; memory on ${memory.length} pages (${options.snapshots} with heap snapshots); ` +
      `CPU profiles of ${profiled} clicks; Firefox on ${firefoxRuns.length} pages`,
  );
  print();
  print('Chromium, inside the content script (ms)');
  print(
    "  Lede reads the page off-page (utils/content-answers.ts): on the page's main thread it serializes the page " +
      'and checks the answer; Readability and the analysis run in the parser (an offscreen document), ' +
      'closed before each click, as after five minutes without one.',
  );
  print(header('AEB, pages Lede analysed'));
  print(row('plain Readability (clone + parse)', read(aebAnalysed)));
  print(row("Lede on the page's main thread (serialize, check)", onPage(aebAnalysed)));
  print(row("Lede's full analysis, off-page (answer to analyze)", full(aebAnalysed)));
  print(
    row(
      '  the next click, parser open',
      nextRuns.map((r) => r.next?.analyze as number),
    ),
  );
  print(row('highlights (answer to highlight)', hl(aebAnalysed)));
  print(
    row(
      '  of which registering them with the browser',
      aebAnalysed.flatMap((r) => (r.click.highlightRegister === null ? [] : [r.click.highlightRegister])),
    ),
  );
  const highlighted = aebAnalysed.filter((r) => r.click.highlight !== null);
  print(
    `    read the whole page, no article region from the parser (or the page refused it): ${highlighted.filter((r) => r.click.wholePage).length} of ${highlighted.length} pages`,
  );
  print(row('on the main thread / Readability, per page', onPageRatios(aebAnalysed), times));
  const ratios = aebAnalysed.map((r) => (r.click.analyze as number) / r.readability);
  print(row('off-page analysis / Readability, per page', ratios, times));
  const warmRuns = aebAnalysed.filter((r) => r.analysisWarm !== null);
  print(
    row(
      'plain Readability, 2nd run on the page (warm)',
      warmRuns.map((r) => r.readabilityWarm),
    ),
  );
  print(
    row(
      "Lede's analysis, 2nd run on the page (warm)",
      warmRuns.map((r) => r.analysisWarm as number),
    ),
  );
  print(
    row(
      'warm analysis / warm Readability, per page',
      warmRuns.map((r) => (r.analysisWarm as number) / r.readabilityWarm),
      times,
    ),
  );
  print(header(`largest pages of the other corpora (${otherAnalysed.length})`));
  print(row('plain Readability (clone + parse)', read(otherAnalysed)));
  print(row("Lede on the page's main thread", onPage(otherAnalysed)));
  print(row('on the main thread / Readability, per page', onPageRatios(otherAnalysed), times));
  print(row("Lede's full analysis, off-page", full(otherAnalysed)));
  print(row('highlights', hl(otherAnalysed)));
  print(
    row(
      'off-page analysis / Readability, per page',
      otherAnalysed.map((r) => (r.click.analyze as number) / r.readability),
      times,
    ),
  );

  print();
  print(
    `Longest main-thread task (Chromium traces of 1 click in ${options.traceEvery}; ms). ` +
      "PerformanceObserver 'longtask' and 'long-animation-frame' in the page do not see the content script's message tasks.",
  );
  // Readability no longer runs on the page's main thread: every task of ours counts whole.
  const taskBeyond = traced.filter(analysed).map((r) => ({ r, beyond: r.click.longestTask?.ours ?? 0 }));
  print(header('traced clicks'));
  print(
    row(
      'longest task holding our work',
      traced.map((r) => r.click.longestTask?.ours ?? 0),
    ),
  );
  print(
    row(
      'longest task of the page at all, during the click',
      traced.map((r) => r.click.longestTask?.any ?? 0),
    ),
  );
  const worstTask = taskBeyond.sort((a, b) => b.beyond - a.beyond)[0];
  if (worstTask)
    print(
      `  worst traced: ${worstTask.r.page.set}/${path.basename(worstTask.r.page.file)}: task ${ms(worstTask.r.click.longestTask?.ours ?? NaN)}, Readability ${ms(worstTask.r.readability)}`,
    );
  // Each step of the analysis and the highlights run in one task each: the trace finds each task
  // a few ms longer than its measure, so the measures give every page's figure.
  const estimates = aebAnalysed.map((r) => ({ r, beyond: Math.max(...r.click.steps, r.click.highlight ?? 0) }));
  print(header('every analysed page, from the measures'));
  print(
    row(
      'max(steps of the analysis, highlights)',
      estimates.map((e) => e.beyond),
    ),
  );
  print(
    row(
      'steps of the analysis (tasks)',
      aebAnalysed.map((r) => r.click.steps.length),
    ),
  );
  const worstEstimate = estimates.sort((a, b) => b.beyond - a.beyond)[0];
  print(`  over 50 ms on ${estimates.filter((e) => e.beyond > 50).length} of ${estimates.length} pages`);
  if (worstEstimate)
    print(
      `  worst: ${path.basename(worstEstimate.r.page.file)}: analysis ${ms(worstEstimate.r.click.analyze ?? NaN)} in steps ${worstEstimate.r.click.steps.map(ms).join(' + ')}, highlights ${ms(worstEstimate.r.click.highlight ?? NaN)}, Readability ${ms(worstEstimate.r.readability)}`,
    );

  print();
  print('Popup, from the click on the toolbar button to the report (summary) in its DOM (ms)');
  const ready = aebAnalysed.map((r) => r.click.clickToReady);
  print(header('Chromium, real popup'));
  print(row('Lede popup on the page (click → summary)', ready));
  const readyNext = nextRuns.map((r) => r.next?.clickToReady as number);
  print(row('  the next click, parser open', readyNext));
  print(
    row(
      'same popup, fixed report (click → summary)',
      fixed.map((f) => f.clickToReady),
    ),
  );
  print(
    row(
      'Lede popup: click → popup document start',
      aebAnalysed.map((r) => r.click.clickToPopupStart),
    ),
  );
  print(
    row(
      '  popup document start → summary',
      aebAnalysed.map((r) => r.click.popupToReady),
    ),
  );
  print(
    row(
      'fixed report: click → popup document start',
      fixed.map((f) => f.clickToPopupStart),
    ),
  );
  print(
    row(
      '  popup document start → summary',
      fixed.map((f) => f.popupToReady),
    ),
  );
  const phases = aebAnalysed.flatMap((r) => (r.click.phases ? [r.click.phases] : []));
  print(
    row(
      'Lede: click → analysis starts in the page',
      phases.map((p) => p.beforeAnalysis),
    ),
  );
  print(
    row(
      '  analysis',
      phases.map((p) => p.analysis),
    ),
  );
  print(
    row(
      '  analysis ends → summary in the popup DOM',
      phases.map((p) => p.afterAnalysis),
    ),
  );
  print(`  ${aebAnalysed.filter((r) => !r.click.summary).length} analysed pages rendered no summary list`);

  print();
  print(
    `Scaling: the median AEB article (${path.basename(scaling.file).slice(0, 16)}…, ${kb(scaling.bytes)}) grown, median of ${options.scalingReps} (ms)`,
  );
  print('  first run in a fresh page (as clicked), and again on the same page (warm: code compiled)');
  print(
    `  ${'size'.padEnd(6)}${'Readability'.padStart(12)}${'analysis'.padStart(10)}${'task'.padStart(8)}${'vs 1×'.padStart(8)}${'vs prev'.padStart(9)}` +
      `${'warm R.'.padStart(10)}${'warm an.'.padStart(10)}${'vs 1×'.padStart(8)}${'vs prev'.padStart(9)}`,
  );
  type ScaleKey = 'readability' | 'readabilityWarm' | 'analyze' | 'analyzeWarm' | 'task';
  const scaleOf = (size: number | undefined, key: ScaleKey): number =>
    median(scalingRuns.filter((s) => s.times === size).flatMap((s) => (s[key] === null ? [] : [s[key] as number])));
  for (const [i, size] of SIZES.entries()) {
    const step = (key: ScaleKey, base: number | undefined): string =>
      base === undefined ? '' : times(scaleOf(size, key) / scaleOf(base, key));
    print(
      `  ${`${size}×`.padEnd(6)}${ms(scaleOf(size, 'readability')).padStart(12)}${ms(scaleOf(size, 'analyze')).padStart(10)}` +
        `${ms(scaleOf(size, 'task')).padStart(8)}${step('analyze', 1).padStart(8)}${step('analyze', SIZES[i - 1]).padStart(9)}` +
        `${ms(scaleOf(size, 'readabilityWarm')).padStart(10)}${ms(scaleOf(size, 'analyzeWarm')).padStart(10)}` +
        `${step('analyzeWarm', 1).padStart(8)}${step('analyzeWarm', SIZES[i - 1]).padStart(9)}`,
    );
  }

  print();
  print(`Memory: the page's V8 heap after forced GCs (CDP), ${memory.length} AEB pages`);
  print(header('KB'));
  const mem = (f: (m: MemoryResult) => number): number[] => memory.map((m) => f(m.result) / 1024);
  const kbf = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '–');
  print(
    row(
      'heap before the click',
      mem((m) => m.before),
      kbf,
    ),
  );
  print(
    row(
      '+ content script injected (its code)',
      mem((m) => m.injected - m.before),
      kbf,
    ),
  );
  print(
    row(
      '+ analysis and highlights (report kept)',
      mem((m) => m.analysed - m.injected),
      kbf,
    ),
  );
  print(
    row(
      '  of which the report (freed when dropped)',
      mem((m) => m.analysed - m.dropped),
      kbf,
    ),
  );
  print(
    row(
      'left after the report is dropped, vs injected',
      mem((m) => m.dropped - m.injected),
      kbf,
    ),
  );
  print(
    row(
      'left after the report is dropped, vs before',
      mem((m) => m.dropped - m.before),
      kbf,
    ),
  );
  print(
    `  report dropped (highlights gone) on ${memory.filter((m) => m.result.droppedReport).length}/${memory.length} pages`,
  );
  const snapshots = memory.flatMap((m) => (m.result.snapshots ? [m.result.snapshots] : []));
  print(`  heap snapshots on ${snapshots.length} of the pages, dropped vs injected:`);
  print(
    row(
      '  compiled code (bytecode, JIT code, feedback)',
      snapshots.map((m) => (m.dropped.code - m.injected.code) / 1024),
      kbf,
    ),
  );
  print(
    row(
      '  everything else (objects, strings, DOM)',
      snapshots.map((m) => (m.dropped.data - m.injected.data) / 1024),
      kbf,
    ),
  );

  print();
  print(`CPU profile: ${profiled} clicks on AEB pages, self time in the content script (${ms(costs.total)} ms in all)`);
  for (const [fn, time] of topCosts(costs.functions, 15))
    print(`  ${ms(time).padStart(8)} ms ${((100 * time) / costs.total).toFixed(1).padStart(5)} %  ${fn}`);
  print(
    `  ${ms(costs.gc).padStart(8)} ms ${((100 * costs.gc) / costs.total).toFixed(1).padStart(5)} %  (garbage collector, whole page)`,
  );
  print('  by step of the click (the calls under each included):');
  for (const [step, time] of topCosts(costs.steps, 25))
    print(`  ${ms(time).padStart(8)} ms ${((100 * time) / costs.total).toFixed(1).padStart(5)} %  ${step}`);
  print('  by file:');
  for (const [file, time] of topCosts(costs.files, 10))
    print(`  ${ms(time).padStart(8)} ms ${((100 * time) / costs.total).toFixed(1).padStart(5)} %  ${file}`);

  print();
  const ffAnalysed = firefoxRuns.filter((r) => r.click.state === 'ready' && r.click.analyze !== null);
  print(
    `Firefox ${firefoxVersion}: ${firefoxRuns.length} AEB pages spread over the set (${ffAnalysed.length} analysed; ms)`,
  );
  if (firefoxRuns.length) {
    print(header('inside the content script'));
    print(
      row(
        'plain Readability (clone + parse)',
        ffAnalysed.map((r) => r.readability),
      ),
    );
    print(
      row(
        "Lede on the page's main thread",
        ffAnalysed.map((r) => r.click.onPage),
      ),
    );
    print(
      row(
        "Lede's full analysis, off-page (parser kept open)",
        ffAnalysed.map((r) => r.click.analyze as number),
      ),
    );
    print(
      row(
        'highlights',
        ffAnalysed.flatMap((r) => (r.click.highlight === null ? [] : [r.click.highlight])),
      ),
    );
    print(
      row(
        'analysis / Readability, per page',
        ffAnalysed.map((r) => (r.click.analyze as number) / r.readability),
        times,
      ),
    );
    const ffWarm = ffAnalysed.filter((r) => r.analysisWarm !== null);
    print(
      row(
        'plain Readability again (warm)',
        ffWarm.map((r) => r.readabilityWarm),
      ),
    );
    print(
      row(
        "Lede's analysis again (warm)",
        ffWarm.map((r) => r.analysisWarm as number),
      ),
    );
    print(
      row(
        'warm analysis / warm Readability, per page',
        ffWarm.map((r) => (r.analysisWarm as number) / r.readabilityWarm),
        times,
      ),
    );
    print(header('popup in a tab (no toolbar popup over BiDi)'));
    print(
      row(
        'Lede popup, document start → summary',
        ffAnalysed.map((r) => r.click.popupToReady),
      ),
    );
    print(row('fixed report, document start → summary', firefoxFixed));
    print('  no long tasks (Firefox has no longtask/LoAF entries) and no heap figures (no GC or heap over BiDi)');
  }

  print();
  print('Budgets (issue 9), Chromium, AEB pages Lede analysed');
  const budgets: BudgetResult[] = [];
  const ratioOf = (a: number, b: number): number => a / b;
  const medianRatio = ratioOf(median(onPage(aebAnalysed)), median(read(aebAnalysed)));
  const p95Ratio = ratioOf(p95(onPage(aebAnalysed)), p95(read(aebAnalysed)));
  budgets.push({
    name: "analysis on the page's main thread / Readability, medians",
    measured: times(medianRatio),
    limit: '≤ 1.25×',
    pass: medianRatio <= 1.25,
  });
  budgets.push({
    name: "analysis on the page's main thread / Readability, p95s",
    measured: times(p95Ratio),
    limit: '≤ 1.5×',
    pass: p95Ratio <= 1.5,
  });
  const highlightShare = ratioOf(median(hl(aebAnalysed)), median(read(aebAnalysed)));
  budgets.push({
    name: 'highlights / Readability, medians',
    measured: `${(100 * highlightShare).toFixed(1)} %`,
    limit: '≤ 10 %',
    pass: highlightShare <= 0.1,
  });
  const growth = scaleOf(16, 'analyze') / scaleOf(1, 'analyze');
  budgets.push({
    name: 'analysis of the 16× page / the 1× page (as clicked)',
    measured: times(growth),
    limit: '≤ 18×',
    pass: growth <= 18,
  });
  const warmGrowth = scaleOf(16, 'analyzeWarm') / scaleOf(1, 'analyzeWarm');
  budgets.push({
    name: '  the same, warm (the work itself, no compilation)',
    measured: times(warmGrowth),
    limit: '≤ 18×',
    pass: warmGrowth <= 18,
  });
  const worstBeyond = max([worstTask?.beyond, worstEstimate?.beyond].filter((v): v is number => v !== undefined));
  budgets.push({
    name: 'longest task of ours (no Readability in the page; worst page)',
    measured: `${ms(worstBeyond)} ms`,
    limit: '≤ 50 ms',
    pass: Number.isFinite(worstBeyond) ? worstBeyond <= 50 : null,
  });
  const popupRatio = ratioOf(median(ready), median(fixed.map((f) => f.clickToReady)));
  budgets.push({
    name: 'popup click → summary / fixed report, medians (parser closed)',
    measured: times(popupRatio),
    limit: '≤ 1.5×',
    pass: popupRatio <= 1.5,
  });
  const nextRatio = ratioOf(median(readyNext), median(fixed.map((f) => f.clickToReady)));
  budgets.push({
    name: '  the same, the next click (parser open)',
    measured: times(nextRatio),
    limit: '≤ 1.5×',
    pass: readyNext.length ? nextRatio <= 1.5 : null,
  });
  const beyondReport = max(mem((m) => m.dropped - m.before)) * 1024;
  budgets.push({
    name: 'heap after, beyond the report, vs before (worst page)',
    measured: kb(beyondReport),
    limit: '≤ 1024 KB',
    pass: memory.length ? beyondReport <= MB : null,
  });
  const beyondData = max(snapshots.map((m) => m.dropped.data - m.injected.data));
  budgets.push({
    name: '  the same, data only: no compiled code (worst)',
    measured: kb(beyondData),
    limit: '≤ 1024 KB',
    pass: snapshots.length ? beyondData <= MB : null,
  });
  for (const budget of budgets) print(budgetLine(budget));

  print();
  print(`${failures.length} failed measurements${failures.length ? ':' : ''}`);
  for (const failure of failures.slice(0, 10)) print(`  ${failure.where}: ${failure.error}`);
  print(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);

  if (options.json) {
    mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
    writeFileSync(
      options.json,
      JSON.stringify(
        {
          lines,
          runs,
          fixed,
          scalingRuns,
          memory,
          firefoxRuns,
          firefoxFixed,
          failures,
          costs: { ...costs, functions: [...costs.functions], files: [...costs.files], steps: [...costs.steps] },
        },
        null,
        1,
      ),
    );
  }
}

await main();
