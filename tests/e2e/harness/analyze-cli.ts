// Runs the real `analyze` CLI on a fixture, so a test can check that the popup shows what the
// CLI prints for the same file (the core must give identical reports in Node and in the page).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface CliTimestamp {
  iso: string;
  source: string;
}

/** The fields of the CLI's JSON line that the e2e tests compare; the line has more. */
export interface CliReport {
  file: string;
  readerable: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: CliTimestamp | null;
  modified: CliTimestamp | null;
  summary: string[];
  error?: string;
}

/** `flags` e.g. `['--whole']`, as the popup's "try anyway" analyses the whole page. */
export async function analyzeWithCli(fixturePath: string, flags: readonly string[] = []): Promise<CliReport> {
  // The project's own tsx, not a global one: same TypeScript handling as `npm run analyze`.
  const tsx = path.resolve('node_modules/.bin/tsx');
  const { stdout, stderr } = await execFileAsync(tsx, ['cli/analyze.ts', ...flags, fixturePath], { timeout: 60_000 });
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) {
    throw new Error(`E2E: analyze printed ${lines.length} lines for one file:\n${stdout}\nstderr:\n${stderr}`);
  }
  const report = JSON.parse(lines[0] as string) as CliReport;
  if (report.error) throw new Error(`E2E: analyze failed on ${fixturePath}: ${report.error}`);
  return report;
}
