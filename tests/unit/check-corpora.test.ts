/**
 * `npm run check:corpora` itself (cli/check-corpora.ts): what it counts as a failure and what as a
 * file's own expected error, its exit code, and its one line per file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_DIR } from '../support/pages';

const run = promisify(execFile);
const SEED = path.join(SEED_DIR, 'watson-visible-times.html');

async function checkCorpora(
  ...args: string[]
): Promise<{ code: number; stdout: string; lines: Record<string, unknown>[] }> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'check-corpora-')), 'out.jsonl');
  const result = await run(process.execPath, ['--import', 'tsx', 'cli/check-corpora.ts', '--out', out, ...args], {
    cwd: ROOT,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...result, lines };
}

describe('npm run check:corpora', () => {
  it('passes a page with its report, and lists a missing file and a broken gzip as their own errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pages-'));
    const broken = path.join(dir, 'broken.html.gz');
    writeFileSync(broken, 'not gzip');
    const missing = path.join(dir, 'missing.html');
    const { code, stdout, lines } = await checkCorpora(SEED, broken, missing);
    expect(code).toBe(0);
    expect(stdout).toContain('reports 1, errors 2, timeouts 0');
    expect(stdout).toContain('PASS');
    const byFile = new Map(lines.map((l) => [path.basename(String(l.file)), l]));
    expect(byFile.get('watson-visible-times.html')).toMatchObject({
      title: 'Poutine envoie des milliers de Nord-Coréens à Koursk en urgence',
    });
    expect(byFile.get('broken.html.gz')).toMatchObject({ kind: 'input:Z_DATA_ERROR' });
    expect(byFile.get('missing.html')).toMatchObject({ kind: 'input:ENOENT' });
  });

  it('fails on a page past its time limit, and goes on with the next', async () => {
    const { code, stdout, lines } = await checkCorpora('--timeout', '1', '--jobs', '1', SEED, SEED);
    expect(code).toBe(1);
    expect(stdout).toContain('timeouts 2');
    expect(stdout).toContain('FAIL: 2 pages crashed, hung or were refused');
    expect(lines.map((l) => l.kind)).toEqual(['timeout', 'timeout']);
  });
});
