/**
 * Published and updated times on the hand-labelled gold set (tests/fixtures/updated-times, 67
 * pages with evidence notes). A value is right when it is the expected instant within 60 s
 * (wall-clock compare when either side has no offset); a bare-day expectation is matched by day;
 * an expected `modified: null` (no real update) must be predicted null. Plain Readability has no
 * updated time, so its column shows what "never report an update" scores.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractTimestamps } from '../core/timestamps';
import { instantMs, parseMachineDate, toIso, wallClockMs } from '../core/dates';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPORA = path.resolve(ROOT, '../shared/corpora');
const GOLD = path.join(ROOT, 'tests/fixtures/updated-times/gold.jsonl');
const NOW = new Date('2026-11-25T00:00:00Z');

interface Gold {
  set: string;
  html: string;
  url: string | null;
  published: string | null;
  modified: string | null;
}

/** True when `predicted` is the expected time (or day), or both are null. */
export function sameTime(predicted: string | null, expected: string | null): boolean {
  if (expected === null || predicted === null) return expected === predicted;
  const e = parseMachineDate(expected);
  const p = parseMachineDate(predicted);
  if (!e || !p) return false;
  if (e.hour === null) return predicted.slice(0, 10) === expected.slice(0, 10);
  if (p.hour === null) return false;
  const pi = instantMs(p);
  const ei = instantMs(e);
  const diff = pi !== null && ei !== null ? pi - ei : wallClockMs(p) - wallClockMs(e);
  return Math.abs(diff) <= 60_000;
}

export function evalUpdatedTimes(listMisses = false): void {
  const golds = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold);
  let pub = 0;
  let plainPub = 0;
  let mod = 0;
  let modWithUpdate = 0;
  let modNoUpdate = 0;
  const withUpdate = golds.filter((g) => g.modified !== null).length;
  for (const gold of golds) {
    const html = gunzipSync(readFileSync(path.join(CORPORA, gold.set, gold.html))).toString('utf8');
    const dom = new JSDOM(html, { url: gold.url ?? 'http://localhost/', virtualConsole: new VirtualConsole() });
    const doc = dom.window.document;
    const { published, modified } = extractTimestamps(doc, gold.url, NOW);
    const plainRaw = new Readability(doc.cloneNode(true) as Document).parse()?.publishedTime;
    const plainDate = plainRaw ? parseMachineDate(plainRaw) : null;
    dom.window.close();
    const okPub = sameTime(published?.iso ?? null, gold.published);
    const okMod = sameTime(modified?.iso ?? null, gold.modified);
    pub += Number(okPub);
    plainPub += Number(sameTime(plainDate ? toIso(plainDate) : null, gold.published));
    mod += Number(okMod);
    if (gold.modified !== null) modWithUpdate += Number(okMod);
    else modNoUpdate += Number(okMod);
    if (listMisses && (!okPub || !okMod)) {
      console.log(
        `    miss ${gold.set}/${gold.html.slice(5, 30)} pub ${published?.iso} (${gold.published}) mod ${modified?.iso} (${gold.modified})`,
      );
    }
  }
  const f = (n: number, d: number): string => (d ? n / d : 0).toFixed(3);
  const n = golds.length;
  console.log(
    `\nupdated times, hand-labelled gold (${n} pages: ${withUpdate} updated, ${n - withUpdate} not)   published   updated   (updated / no update)`,
  );
  console.log(
    `  plain Readability.js                                     ${f(plainPub, n)}       ${f(n - withUpdate, n)}     (0.000 / 1.000)`,
  );
  console.log(
    `  Lede                                                     ${f(pub, n)}       ${f(mod, n)}     (${f(modWithUpdate, withUpdate)} / ${f(modNoUpdate, n - withUpdate)})`,
  );
}
