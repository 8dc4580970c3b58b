/**
 * `npm run eval`: Lede's accuracy on the shared corpora, each with its benchmark's own metric,
 * side by side with plain Readability.js in the same run.
 *
 *   aeb                article text, AEB shingle F1; the scorer is first checked against the
 *                      benchmark's stored readability_js output (published F1 0.947)
 *   readability-pages  title / byline / excerpt agreement with Readability's expected metadata
 *   htmldate-a, fundus-a, readability-pages (or --set dates): published date beside Readability's
 *                      publishedTime, by each benchmark's own rule (eval/dates.ts)
 *   updated-times      published and updated times on our hand-labelled gold set
 *   quotes-figures     quotes, speakers and figures on our hand-annotated gold set, scored by
 *                      ../shared/tools/score.py
 *   summary            ROUGE of Lede's summary, Lead-3 and TextRank against editors' descriptions (eval/summary.ts)
 *
 * Options: --set NAME (repeatable), --limit N, --worse (list every page Lede loses on),
 * --misses (list every updated-time miss), --without RULE (repeatable: leave a clean-up rule of
 * core/cleanup.ts out, to measure what it is worth on aeb).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyze } from '../core/report';
import { CLEANUP_RULES, type CleanupRule } from '../core/cleanup';
import { normalizeSpace } from '../core/text';
import { snapshotOf } from '../core/snapshot';
import { corpusScore, documentF1, shingleCounts, type Counts } from './aeb-metric';
import { evalUpdatedTimes } from './updated-times';
import { evalQuotesFigures } from './quotes-figures';
import { evalDates } from './dates';
import { evalSummary } from './summary';

const CORPORA = path.resolve(import.meta.dirname, '../../shared/corpora');
const NOW = new Date('2026-11-25T00:00:00Z');

interface Gold {
  id: string;
  html: string;
  url?: string;
  body?: string;
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
}

function readGold(set: string, limit: number): Gold[] {
  const lines = readFileSync(path.join(CORPORA, set, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.slice(0, limit).map((l) => JSON.parse(l) as Gold);
}

function parsePage(set: string, gold: Gold, url: string): Document {
  const html = gunzipSync(readFileSync(path.join(CORPORA, set, gold.html))).toString('utf8');
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

function plainReadability(doc: Document): {
  text: string;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
} {
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  return {
    text: parsed?.textContent ?? '',
    title: parsed?.title ?? null,
    byline: parsed?.byline ?? null,
    excerpt: parsed?.excerpt ?? null,
  };
}

const pct = (x: number): string => x.toFixed(3);

function referenceCheck(): void {
  const raw = JSON.parse(
    gunzipSync(readFileSync(path.join(CORPORA, 'aeb/reference-output/readability_js.json.gz'))).toString('utf8'),
  ) as {
    output?: Record<string, { articleBody?: string }>;
  } & Record<string, { articleBody?: string }>;
  const output = raw.output ?? raw;
  const docs = readGold('aeb', Infinity).map((g) => shingleCounts(g.body ?? '', output[g.id]?.articleBody ?? ''));
  const s = corpusScore(docs);
  console.log(
    `aeb scorer check: stored readability_js output scores F1 ${pct(s.f1)} P ${pct(s.precision)} R ${pct(s.recall)} (published: 0.947 / 0.914 / 0.982)`,
  );
}

function evalAeb(limit: number, listAll: boolean): void {
  referenceCheck();
  const plain: Counts[] = [];
  const lede: Counts[] = [];
  const losses: { id: string; plain: number; lede: number }[] = [];
  // What the history keeps per article (issue 7: a mean of at most 20 KB).
  const snapshotBytes: number[] = [];
  for (const gold of readGold('aeb', limit)) {
    const doc = parsePage('aeb', gold, gold.url ?? 'http://localhost/');
    const p = shingleCounts(gold.body ?? '', plainReadability(doc).text);
    const report = analyze(doc, { url: gold.url ?? null, now: NOW, skipCleanupRules: without });
    const l = shingleCounts(gold.body ?? '', report.text);
    snapshotBytes.push(new TextEncoder().encode(JSON.stringify(snapshotOf(report, NOW))).length);
    plain.push(p);
    lede.push(l);
    const [pf, lf] = [documentF1(p), documentF1(l)];
    if (lf < pf - (listAll ? 0 : 0.05)) losses.push({ id: gold.id, plain: pf, lede: lf });
  }
  const [ps, ls] = [corpusScore(plain), corpusScore(lede)];
  console.log(`\naeb article text (${ls.n} pages)      F1      P       R`);
  // Leaving one rule out moves F1 by 0.0001 to 0.003: four decimals then.
  const fmt = without.size ? (x: number): string => x.toFixed(4) : pct;
  console.log(`  plain Readability.js 0.6.0      ${fmt(ps.f1)}   ${fmt(ps.precision)}   ${fmt(ps.recall)}`);
  const name = without.size ? `Lede without ${[...without].join(', ')}` : 'Lede';
  console.log(`  ${name.padEnd(32)}${fmt(ls.f1)}   ${fmt(ls.precision)}   ${fmt(ls.recall)}`);
  console.log(
    `  pages where Lede loses ${listAll ? 'any' : 'more than 0.05'} F1 to plain Readability: ${losses.length}`,
  );
  for (const loss of losses.sort((a, b) => a.lede - a.plain - (b.lede - b.plain))) {
    console.log(`    ${loss.id.slice(0, 16)}  plain ${pct(loss.plain)}  Lede ${pct(loss.lede)}`);
  }
  const sorted = [...snapshotBytes].sort((a, b) => a - b);
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const mean = sorted.reduce((sum, b) => sum + b, 0) / (sorted.length || 1);
  console.log(
    `  snapshot (history entry, JSON): mean ${kb(mean)}, median ${kb(sorted[sorted.length >> 1] ?? 0)}, largest ${kb(sorted.at(-1) ?? 0)} (issue 7: mean ≤ 20 KB)`,
  );
}

function agree(a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeSpace(a ?? '').toLowerCase() === normalizeSpace(b ?? '').toLowerCase();
}

function evalReadabilityPages(limit: number): void {
  const fields = ['title', 'byline', 'excerpt'] as const;
  const plain = { title: 0, byline: 0, excerpt: 0 };
  const lede = { title: 0, byline: 0, excerpt: 0 };
  const golds = readGold('readability-pages', limit);
  for (const gold of golds) {
    // Readability's own tests parse every page at this address.
    const doc = parsePage('readability-pages', gold, 'http://fakehost/test/page.html');
    const p = plainReadability(doc);
    const l = analyze(doc, { url: 'http://fakehost/test/page.html', now: NOW });
    for (const f of fields) {
      if (agree(p[f], gold[f])) plain[f]++;
      if (agree(l[f], gold[f])) lede[f]++;
    }
  }
  console.log(`\nreadability-pages metadata agreement (${golds.length} pages)   title   byline   excerpt`);
  const row = (name: string, c: typeof plain): string =>
    `  ${name.padEnd(34)}${fields.map((f) => pct(c[f] / golds.length).padStart(8)).join(' ')}`;
  console.log(row('plain Readability.js 0.6.0', plain));
  console.log(row('Lede', lede));
}

const args = process.argv.slice(2);
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
const limitArg = args.indexOf('--limit');
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity;
const run = (name: string): boolean => !sets.length || sets.includes(name);
const without = new Set(
  args
    .flatMap((a, i) => (args[i - 1] === '--without' ? [a] : []))
    .filter((a): a is CleanupRule => {
      if ((CLEANUP_RULES as readonly string[]).includes(a)) return true;
      throw new Error(`--without ${a}: no such clean-up rule (${CLEANUP_RULES.join(', ')})`);
    }),
);
if (run('aeb')) evalAeb(limit, args.includes('--worse'));
if (run('readability-pages')) evalReadabilityPages(limit);
evalDates((set) => run(set) || run('dates'), limit, args.includes('--misses'));
if (run('updated-times')) evalUpdatedTimes(args.includes('--misses'));
if (run('quotes-figures')) evalQuotesFigures();
if (run('summary')) evalSummary(limit);
