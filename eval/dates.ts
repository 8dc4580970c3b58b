/**
 * Published-time accuracy with each benchmark's own rule (as ../shared/tools/score.py has them),
 * Lede beside plain Readability.js's `publishedTime` in the same run:
 *   htmldate-a          exact day: correct = TP, wrong = FP, none = FN, gold null: none = TN
 *   fundus-a            date-time within 60 s, offsets included
 *   readability-pages   the same two, on Readability's own expected `publishedTime`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractTimestamps } from '../core/timestamps';
import { instantMs, parseMachineDate, toIso, wallClockMs, type PageDate } from '../core/dates';

const CORPORA = path.resolve(import.meta.dirname, '../../shared/corpora');
const NOW = new Date('2026-11-25T00:00:00Z');

interface DateGold {
  id: string;
  html: string;
  url?: string;
  date?: string | null;
  datetime?: string | null;
}

export interface DatePrediction {
  id: string;
  lede: string | null;
  plain: string | null;
}

function normalize(iso: string | null | undefined): string | null {
  const date = iso ? parseMachineDate(iso) : null;
  return date ? toIso(date) : null;
}

/** The predicted day, in the gold's offset when both sides have one (score.py's predicted_day). */
function predictedDay(iso: string | null, gold: DateGold): string | null {
  if (!iso) return null;
  const p = parseMachineDate(iso);
  const g = gold.datetime ? parseMachineDate(gold.datetime) : null;
  const instant = p ? instantMs(p) : null;
  if (p && g && g.offset !== null && g.hour !== null && p.hour !== null && instant !== null) {
    return new Date(instant + g.offset * 60000).toISOString().slice(0, 10);
  }
  return iso.slice(0, 10);
}

/** Within 60 s of the gold instant, or of its wall-clock time when either side has no offset. */
function withinMinute(iso: string | null, goldIso: string | null | undefined): boolean {
  const p = iso ? parseMachineDate(iso) : null;
  const g = goldIso ? parseMachineDate(goldIso) : null;
  if (!p || !g || p.hour === null || g.hour === null) return false;
  const both = (d: PageDate): number => instantMs(d) ?? wallClockMs(d);
  const diff = p.offset !== null && g.offset !== null ? both(p) - both(g) : wallClockMs(p) - wallClockMs(g);
  return Math.abs(diff) <= 60_000;
}

export function predictDates(
  set: string,
  url: (gold: DateGold) => string | null,
  limit = Infinity,
): { golds: DateGold[]; predictions: DatePrediction[] } {
  const golds = readFileSync(path.join(CORPORA, set, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((l) => JSON.parse(l) as DateGold);
  const predictions = golds.map((gold) => {
    const html = gunzipSync(readFileSync(path.join(CORPORA, set, gold.html))).toString('utf8');
    const pageUrl = url(gold);
    const dom = new JSDOM(html, { url: pageUrl ?? 'http://localhost/', virtualConsole: new VirtualConsole() });
    try {
      const doc = dom.window.document;
      const lede = extractTimestamps(doc, pageUrl, NOW).published?.iso ?? null;
      const plain = normalize(new Readability(doc.cloneNode(true) as Document).parse()?.publishedTime);
      return { id: gold.id, lede, plain };
    } finally {
      dom.window.close();
    }
  });
  return { golds, predictions };
}

export interface DayScore {
  accuracy: number;
  precision: number;
  recall: number;
  n: number;
}

export function scoreDays(golds: DateGold[], predicted: (string | null)[]): DayScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  golds.forEach((gold, i) => {
    const day = predictedDay(predicted[i] ?? null, gold);
    if (!gold.date) {
      if (day) fp++;
      else tn++;
    } else if (!day) fn++;
    else if (day === gold.date) tp++;
    else fp++;
  });
  return {
    accuracy: (tp + tn) / golds.length,
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
    n: golds.length,
  };
}

export function scoreDateTimes(golds: DateGold[], predicted: (string | null)[]): { accuracy: number; n: number } {
  const withTime = golds.filter((g) => g.datetime);
  const correct = golds.filter((g, i) => g.datetime && withinMinute(predicted[i] ?? null, g.datetime)).length;
  return { accuracy: correct / (withTime.length || 1), n: withTime.length };
}

const f = (x: number): string => x.toFixed(3);

export function evalDates(sets: (name: string) => boolean, limit: number, listMisses: boolean): void {
  const runs: [string, (g: DateGold) => string | null][] = [
    ['htmldate-a', (g) => g.url ?? null],
    ['fundus-a', (g) => g.url ?? null],
    // Readability's own tests give every page this address.
    ['readability-pages', () => 'http://fakehost/test/page.html'],
  ];
  for (const [set, url] of runs) {
    if (!sets(set)) continue;
    const { golds, predictions } = predictDates(set, url, limit);
    const dated = golds
      .map((g, i) => [g, predictions[i]] as const)
      .filter(([g]) => set !== 'readability-pages' || g.date);
    const g = dated.map(([gold]) => gold);
    const lede = dated.map(([, p]) => p?.lede ?? null);
    const plain = dated.map(([, p]) => p?.plain ?? null);
    const [ld, pd] = [scoreDays(g, lede), scoreDays(g, plain)];
    const [lt, pt] = [scoreDateTimes(g, lede), scoreDateTimes(g, plain)];
    console.log(`\n${set} published date (${g.length} pages)       day acc   P       R       date-time±60s (${lt.n})`);
    console.log(
      `  plain Readability.js publishedTime  ${f(pd.accuracy)}   ${f(pd.precision)}   ${f(pd.recall)}   ${f(pt.accuracy)}`,
    );
    console.log(
      `  Lede                                ${f(ld.accuracy)}   ${f(ld.precision)}   ${f(ld.recall)}   ${f(lt.accuracy)}`,
    );
    if (listMisses) {
      dated.forEach(([gold, p]) => {
        const day = predictedDay(p?.lede ?? null, gold);
        if (day !== (gold.date ?? null))
          console.log(`    miss ${gold.id}  gold ${gold.datetime ?? gold.date}  lede ${p?.lede}`);
      });
    }
  }
}
