/**
 * Quotes and figures on the hand-annotated gold set (tests/fixtures/quotes-figures): Lede's
 * reports are written as JSON Lines and scored by the shared reference scorer
 * (../shared/tools/score.py: quote P/R/F1 by character overlap ≥ 0.5, speaker accuracy, figure
 * value F1 and value+unit F1), so the numbers are the scorer's own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyze } from '../core/report';

const ROOT = path.resolve(import.meta.dirname, '..');
const GOLD = path.join(ROOT, 'tests/fixtures/quotes-figures/gold.jsonl');
const CORPORA = path.resolve(ROOT, '../shared/corpora');
const SCORER = path.resolve(ROOT, '../shared/tools/score.py');
const NOW = new Date('2026-11-25T00:00:00Z');

interface Gold {
  id: string;
  set: string;
  html: string;
  url: string | null;
}

function pagePath(gold: Gold): string {
  return gold.set === 'seed' ? path.join(ROOT, gold.html) : path.join(CORPORA, gold.set, gold.html);
}

export function evalQuotesFigures(): void {
  const golds = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold);
  const lines = golds.map((gold) => {
    const file = pagePath(gold);
    const bytes = readFileSync(file);
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    const dom = new JSDOM(html, { url: gold.url ?? 'http://localhost/', virtualConsole: new VirtualConsole() });
    try {
      return JSON.stringify({ file, ...analyze(dom.window.document, { url: gold.url, now: NOW }) });
    } finally {
      dom.window.close();
    }
  });
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const out = path.join(ROOT, '.tmp/quotes-figures.jsonl');
  writeFileSync(out, `${lines.join('\n')}\n`);
  const scored = execFileSync('python3', [SCORER, GOLD, out], { encoding: 'utf8' });
  console.log(
    `\nquotes and figures, hand-annotated gold (${golds.length} articles; scored by ../shared/tools/score.py)`,
  );
  for (const line of scored.split('\n')) if (/quote|speaker|figure/i.test(line)) console.log(`  ${line.trim()}`);
}
