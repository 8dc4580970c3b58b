/**
 * One worker of `npm run check:corpora` (cli/check-corpora.ts): reads pages one at a time through
 * the `analyze` command's own path (cli/analyze.ts, analyzePage) and answers with the report, or
 * with what was thrown, its kind kept (a message alone cannot tell a missing file from a TypeError).
 */
import { isDeepStrictEqual } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { isArticleReport } from '../utils/validate-report';
import { analyzePage } from './analyze';

export interface PageJob {
  file: string;
}

export interface Thrown {
  name: string;
  message: string;
  /** Node's code for file and zlib errors ("ENOENT", "Z_DATA_ERROR"): the input, not the analysis. */
  code: string | null;
  stack: string | null;
}

export type PageAnswer =
  | { file: string; ms: number; report: Record<string, unknown>; schema: boolean }
  | { file: string; ms: number; thrown: Thrown };

function describe(error: unknown): Thrown {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error), code: null, stack: null };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : null,
    stack: error.stack?.split('\n').slice(0, 8).join('\n') ?? null,
  };
}

parentPort?.on('message', async ({ file }: PageJob) => {
  const started = performance.now();
  let answer: PageAnswer;
  try {
    const report = await analyzePage(file, { whole: false, url: null });
    // The history's check of a whole report (utils/validate-stored.ts, which the popup's checks of
    // what a page sends are part of), and what messaging and storage keep of it: JSON.
    const schema = isArticleReport(report) && isDeepStrictEqual(JSON.parse(JSON.stringify(report)), report);
    answer = { file, ms: performance.now() - started, report: { ...report }, schema };
  } catch (error) {
    answer = { file, ms: performance.now() - started, thrown: describe(error) };
  }
  parentPort?.postMessage(answer);
});
