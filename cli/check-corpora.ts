/**
 * `npm run check:corpora -- [--timeout MS] [--jobs N] [--out FILE] [DIR|FILE...]`: every page of
 * every shared corpus (default: all of ../shared/corpora) through the `analyze` command's code
 * path, to prove that no real page crashes or hangs the analysis (issue 10, item 1).
 *
 *   files ─> pool of N worker threads (2 cores: 2) ─> one page at a time per worker
 *             a page past its time limit: its worker is terminated and replaced, the run goes on
 *          ─> one JSON line per file in --out (the report, or the error and its kind)
 *          ─> summary: pages, reports, errors by kind, timeouts, slowest pages, wall time
 *
 * Exit code 1 when a page crashed the analysis (an exception of the analysis, a worker lost to
 * memory or the stack), hit the time limit, or gave a report the popup would refuse. A file that
 * cannot be read (missing, bad gzip) is an expected per-file error, as in `analyze`, and is listed.
 */
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageAnswer, Thrown } from './check-corpora-worker';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = path.resolve(ROOT, '../shared/corpora');
/**
 * Node 20 does not run the parent's `--import tsx` in a worker thread: the worker registers tsx
 * itself, then loads the TypeScript module.
 */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./check-corpora-worker.ts', import.meta.url).href)}); })`;
const PAGE = /\.html?(?:\.gz)?$/i;
const USAGE = 'usage: npm run check:corpora -- [--timeout MS] [--jobs N] [--out FILE] [DIR|FILE ...]\n';

interface Options {
  timeoutMs: number;
  jobs: number;
  out: string;
  inputs: string[];
}

/**
 * A page's time limit. The slowest corpus page (readability-pages wikipedia-2) takes 6-7 s of CPU
 * in jsdom; the margin keeps a busy machine, where a page's wall time is several times its CPU
 * time, from passing for a hang.
 */
const TIMEOUT_MS = 30_000;

function parseArgs(argv: string[]): Options {
  const options: Options = {
    timeoutMs: TIMEOUT_MS,
    jobs: 2,
    out: path.join(ROOT, '.tmp/check-corpora.jsonl'),
    inputs: [],
  };
  const count = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--timeout') options.timeoutMs = count(arg, argv[++i]);
    else if (arg === '--jobs') options.jobs = count(arg, argv[++i]);
    else if (arg === '--out') options.out = path.resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.inputs.push(path.resolve(arg));
  }
  if (!options.inputs.length) {
    options.inputs = readdirSync(CORPORA, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(CORPORA, d.name));
  }
  return options;
}

interface Page {
  file: string;
  bytes: number;
}

function pagesIn(input: string): Page[] {
  const stat = statSync(input, { throwIfNoEntry: false });
  // A file that is not there is that file's error line, as in `analyze`.
  if (!stat?.isDirectory()) return [{ file: input, bytes: stat?.size ?? 0 }];
  return readdirSync(input, { recursive: true, encoding: 'utf8' })
    .filter((name) => PAGE.test(name))
    .map((name) => path.join(input, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, bytes: statSync(file).size }));
}

type Kind = 'report' | 'timeout' | 'invalid-report' | `input:${string}` | `crash:${string}`;

interface Outcome {
  file: string;
  ms: number;
  kind: Kind;
  report?: Record<string, unknown>;
  error?: Thrown;
}

/** Expected per-file errors are the input's (file system, gzip); anything else is the analysis failing. */
function kindOf(thrown: Thrown): Kind {
  if (thrown.code) return `input:${thrown.code}`;
  if (thrown.name === 'RangeError' && /call stack/i.test(thrown.message)) return 'crash:stack-overflow';
  return `crash:${thrown.name}`;
}

const isFailure = (kind: Kind): boolean => kind !== 'report' && !kind.startsWith('input:');

/**
 * One worker thread, replaced when a page kills it or runs past the limit. Its stack is the
 * 1 MB of Node's and Chromium's main thread (a worker's default is 4 MB), so a page too deep for
 * the `analyze` command or a content script is too deep here as well.
 */
class PageRunner {
  private worker: Worker | null = null;

  constructor(private readonly timeoutMs: number) {}

  run(file: string): Promise<Outcome> {
    const worker = (this.worker ??= new Worker(WORKER_BOOT, {
      eval: true,
      resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: 4096 },
    }));
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (outcome: Outcome, lost: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (lost) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (answer: PageAnswer): void => {
        if ('thrown' in answer) done({ file, ms: answer.ms, kind: kindOf(answer.thrown), error: answer.thrown }, false);
        else
          done(
            { file, ms: answer.ms, kind: answer.schema ? 'report' : 'invalid-report', report: answer.report },
            false,
          );
      };
      const onError = (error: Error): void => {
        const code = (error as { code?: string }).code;
        const kind: Kind = code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'crash:out-of-memory' : `crash:${error.name}`;
        const error_: Thrown = { name: error.name, message: error.message, code: null, stack: error.stack ?? null };
        done({ file, ms: performance.now() - started, kind, error: error_ }, true);
      };
      const onExit = (exitCode: number): void => {
        const thrown: Thrown = {
          name: 'WorkerExit',
          message: `worker exited with ${exitCode}`,
          code: null,
          stack: null,
        };
        done({ file, ms: performance.now() - started, kind: 'crash:worker-exit', error: thrown }, true);
      };
      const timer = setTimeout(() => {
        const thrown: Thrown = {
          name: 'Timeout',
          message: `no report after ${this.timeoutMs} ms`,
          code: null,
          stack: null,
        };
        done({ file, ms: performance.now() - started, kind: 'timeout', error: thrown }, true);
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ file });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  // Largest first: the long pages start early and the two workers finish together.
  const pages = options.inputs.flatMap(pagesIn).sort((a, b) => b.bytes - a.bytes);
  const started = performance.now();
  const outcomes: Outcome[] = [];
  let next = 0;
  const runners = Array.from({ length: Math.min(options.jobs, pages.length) }, () => new PageRunner(options.timeoutMs));
  await Promise.all(
    runners.map(async (runner) => {
      for (let page = pages[next++]; page; page = pages[next++]) outcomes.push(await runner.run(page.file));
      await runner.close();
    }),
  );
  const wallMs = performance.now() - started;

  outcomes.sort((a, b) => a.file.localeCompare(b.file));
  await mkdir(path.dirname(options.out), { recursive: true });
  const out = createWriteStream(options.out);
  for (const { file, ms, kind, report, error } of outcomes) {
    const where = path.relative(ROOT, file);
    const line =
      report && kind === 'report' ? { file: where, ms, ...report } : { file: where, ms, kind, error, report };
    out.write(`${JSON.stringify(line)}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

  const byKind = new Map<Kind, Outcome[]>();
  for (const o of outcomes) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
  const failures = outcomes.filter((o) => isFailure(o.kind));
  const errors = outcomes.filter((o) => o.kind !== 'report');
  const corpora = new Set(outcomes.map((o) => path.relative(CORPORA, o.file).split(path.sep)[0]));
  const lines = [
    `check:corpora: ${pages.length} pages (${[...corpora].join(', ')}), ${runners.length} workers, limit ${seconds(options.timeoutMs)} a page`,
    `  reports ${byKind.get('report')?.length ?? 0}, errors ${errors.length}, timeouts ${byKind.get('timeout')?.length ?? 0}`,
  ];
  const kinds = [...byKind].filter(([kind]) => kind !== 'report');
  lines.push(`  errors by kind: ${kinds.length ? kinds.map(([k, list]) => `${k} ${list.length}`).join(', ') : 'none'}`);
  for (const o of errors) {
    lines.push(
      `    ${o.kind}  ${path.relative(ROOT, o.file)}: ${o.error?.message ?? 'report refused by the popup check'}`,
    );
  }
  lines.push('  slowest pages:');
  for (const o of [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    lines.push(`    ${seconds(o.ms).padStart(8)}  ${path.relative(ROOT, o.file)}`);
  }
  const analysisMs = outcomes.reduce((sum, o) => sum + o.ms, 0);
  lines.push(
    `  total ${seconds(wallMs)} wall, ${seconds(analysisMs)} of analysis; every line in ${path.relative(ROOT, options.out)}`,
  );
  lines.push(
    failures.length ? `FAIL: ${failures.length} pages crashed, hung or were refused` : 'PASS: no page crashed or hung',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return failures.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`check:corpora: ${(error as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
