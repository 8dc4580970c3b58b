/**
 * `npm run -s diff -- OLD.html NEW.html [--url URL]`: what changed between two versions of an
 * article (issue 7, item 4), as one JSON object: title, changes, figures, quotes and times.
 * Both files are read and parsed exactly as `npm run analyze` does (cli/analyze.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffSnapshots } from '../core/article-diff';
import { snapshotOf } from '../core/snapshot';
import type { ArticleReport } from '../core/types';
import { analyzeFile } from './analyze';

const USAGE = 'usage: npm run -s diff -- OLD.html|OLD.html.gz NEW.html|NEW.html.gz [--url URL]\n';

interface Args {
  url: string | null;
  files: [string, string];
}

function parseArgs(argv: string[]): Args {
  let url: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--url') url = argv[++i] ?? null;
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (url === null && argv.some((a) => a === '--url')) throw new Error('--url needs a value');
  const [before, after] = files;
  if (files.length !== 2 || before === undefined || after === undefined) {
    throw new Error(`expected two files, got ${files.length}`);
  }
  return { url, files: [before, after] };
}

async function reportOf(file: string, url: string | null): Promise<ArticleReport> {
  const result = await analyzeFile(file, { whole: false, url });
  if (typeof result.error === 'string') throw new Error(`cannot read ${file}: ${result.error}`);
  // analyzeFile returns the report spread beside its file name.
  return result as unknown as ArticleReport;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`diff: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const at = new Date();
  try {
    const before = snapshotOf(await reportOf(args.files[0], args.url), at);
    const after = snapshotOf(await reportOf(args.files[1], args.url), at);
    const diff = diffSnapshots(before, after);
    process.stdout.write(`${JSON.stringify(diff)}\n`);
  } catch (error) {
    process.stderr.write(`diff: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
