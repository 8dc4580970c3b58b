/** The `analyze` command as a reader runs it: real files in, JSON Lines out, errors per file. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, ROOT, SEED_DIR } from '../support/pages';

const run = promisify(execFile);

async function analyzeCli(...args: string[]): Promise<Record<string, unknown>[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/analyze.ts', ...args], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run analyze', () => {
  it('analyses the bundled seed page when given no file', async () => {
    const [report] = await analyzeCli();
    expect(report?.file).toBe(path.join(SEED_DIR, 'watson-visible-times.html'));
    expect(report?.title).toBe('Poutine envoie des milliers de Nord-Coréens à Koursk en urgence');
    expect(report?.published).toMatchObject({ iso: '2024-11-14T05:48:00+01:00' });
    expect(report?.modified).toMatchObject({ iso: '2024-11-14T10:09:00+01:00' });
  });

  it('prints one line per file in input order, .html.gz included, and an error line for a bad file', async () => {
    const gz = path.join(CORPORA, 'aeb/html/042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz');
    const missing = path.join(ROOT, 'tests/fixtures/does-not-exist.html');
    const seed = path.join(SEED_DIR, 'watson-metadata.html');
    const lines = await analyzeCli(gz, missing, seed);
    expect(lines.map((l) => l.file)).toEqual([gz, missing, seed]);
    // A WSJ page behind its paywall: the visible opening is the article.
    expect(lines[0]?.text).toContain('Gaming used to be so simple.');
    expect(lines[0]?.title).toBe('Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay');
    expect(lines[1]).toEqual({ file: missing, error: expect.stringContaining('ENOENT') });
    expect(lines[2]?.title).toBe('Poutine envoie des milliers de Nord-Coréens à Koursk en urgence');
  });

  it('analyses the whole body with --whole, and uses --url for the page address', async () => {
    const [report] = await analyzeCli(
      '--whole',
      '--url',
      'https://www.watson.ch/fr/x',
      path.join(SEED_DIR, 'watson-visible-times.html'),
    );
    expect(report?.extraction).toBe('whole');
    expect(report?.url).toBe('https://www.watson.ch/fr/x');
    // The whole page keeps what Readability would drop: the comments notice, for one.
    expect(report?.text).toContain('Comme nous voulons continuer à modérer personnellement');
  });

  it('reports the contract fields on every line', async () => {
    const [report] = await analyzeCli();
    for (const field of [
      'file',
      'url',
      'readerable',
      'lang',
      'title',
      'byline',
      'siteName',
      'text',
      'published',
      'modified',
      'updates',
      'quotes',
      'figures',
      'summary',
    ]) {
      expect(report).toHaveProperty(field);
    }
  });
});
