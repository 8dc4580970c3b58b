/**
 * `npm run -s analyze -- [--whole] [--url URL] FILE...`: one JSON report per file, one per line,
 * in input order (DESIGN.md, "The report"). With no FILE, the bundled seed page.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyze, type ArticleReport } from '../core/report';
import { decodeHtml } from '../core/charset';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_PAGE = path.join(ROOT, 'tests/fixtures/seed/watson-visible-times.html');

interface Args {
  whole: boolean;
  url: string | null;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { whole: false, url: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--whole') args.whole = true;
    else if (arg === '--url') args.url = argv[++i] ?? null;
    else if (arg.startsWith('--url=')) args.url = arg.slice(6);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run -s analyze -- [--whole] [--url URL] FILE.html|FILE.html.gz ...\n');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  if (!args.files.length) args.files.push(SEED_PAGE);
  return args;
}

async function readHtml(file: string): Promise<string> {
  const bytes = await readFile(file);
  const raw = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return decodeHtml(raw);
}

/**
 * One file's report; throws what the analysis throws. `analyzeFile` is the command's per-file
 * error line around it; `npm run check:corpora` (cli/check-corpora.ts) calls this one to tell a
 * file it cannot read from a crash of the analysis.
 */
export async function analyzePage(
  file: string,
  options: { whole: boolean; url: string | null },
): Promise<ArticleReport> {
  const html = await readHtml(file);
  // No scripts, no subresources, and the page's console noise kept out of our output.
  const dom = new JSDOM(html, { url: options.url ?? 'http://localhost/', virtualConsole: new VirtualConsole() });
  try {
    return analyze(dom.window.document, { url: options.url, whole: options.whole });
  } finally {
    dom.window.close();
  }
}

export async function analyzeFile(
  file: string,
  options: { whole: boolean; url: string | null },
): Promise<Record<string, unknown>> {
  try {
    return { file, ...(await analyzePage(file, options)) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`analyze: ${(error as Error).message}\n`);
    process.exit(2);
  }
  for (const file of args.files) {
    process.stdout.write(`${JSON.stringify(await analyzeFile(file, args))}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
