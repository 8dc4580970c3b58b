// Runs the real `analyze` CLI once on several files: each start of the CLI (tsx, jsdom, the core)
// takes seconds on this machine, so the reader tests analyse all their pages in one process.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CliReport } from './analyze-cli';

const execFileAsync = promisify(execFile);

/** The CLI's report with the fields the reader tests compare (the line has more). */
export interface CliArticleReport extends CliReport {
  excerpt: string | null;
  /** The article's text, paragraphs separated by a blank line. */
  text: string;
}

/** One report per file, keyed by the path as given. Throws if the CLI fails on any of them. */
export async function analyzeFilesWithCli(files: readonly string[]): Promise<Map<string, CliArticleReport>> {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const { stdout, stderr } = await execFileAsync(tsx, ['cli/analyze.ts', ...files], {
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== files.length) {
    throw new Error(`E2E: analyze printed ${lines.length} lines for ${files.length} files.\nstderr:\n${stderr}`);
  }
  const reports = new Map<string, CliArticleReport>();
  lines.forEach((line, index) => {
    const report = JSON.parse(line) as CliArticleReport;
    const file = files[index] as string;
    if (report.error) throw new Error(`E2E: analyze failed on ${file}: ${report.error}`);
    reports.set(file, report);
  });
  return reports;
}
