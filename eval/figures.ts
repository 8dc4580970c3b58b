/**
 * Figure accuracy on the hand-made gold set (tests/fixtures/quotes-figures), with the rules of
 * ../shared/tools/score.py's `figures` metric, mirrored here so that the numbers can be had without
 * Python and per article:
 *   - a gold figure is matched by an unused output whose value is numerically equal (relative
 *     tolerance 1e-6); for a gold range (value..value_max) either end matches, and an extra output
 *     equal to the other end is absorbed (neither a true nor a false positive);
 *   - value+unit also needs unit_match(): units canonicalised (case, plural of the last word,
 *     symbols and codes -> names), equal or one contained in the other as whole words; a gold unit
 *     of null or "-" matches an output without unit;
 *   - matching pairs value+unit matches first, then value-only ones;
 *   - outputs left over that match a `figures_optional` item count neither way.
 * Micro P/R/F1 over all figures.
 *
 *   npx tsx eval/figures.ts [--verbose]     scores extractFigures() on the gold set
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../core/article';
import { extractFigures } from '../core/figures';

export interface GoldFigure {
  text?: string;
  value: number | string | null;
  value_max?: number | string | null;
  unit?: string | null;
  normalized_unit?: string | null;
}

export interface PredictedFigure {
  text?: string;
  value: number | null;
  unit: string | null;
}

export interface GoldFigureDoc {
  figures: GoldFigure[];
  figures_optional?: GoldFigure[];
}

export interface PRF {
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FigureScore {
  gold: number;
  predicted: number;
  value: PRF;
  valueUnit: PRF;
  optionalMatched: number;
}

// score.py's UNIT_SYNONYMS, word for word.
// prettier-ignore
const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  '%': 'percent', percentage: 'percent', 'per cent': 'percent', pct: 'percent', prozent: 'percent',
  pourcent: 'percent', 'percentage point': 'percentage point', pp: 'percentage point',
  $: 'dollar', us$: 'dollar', usd: 'dollar', 'us dollar': 'dollar', a$: 'australian dollar',
  aud: 'australian dollar', c$: 'canadian dollar', cad: 'canadian dollar', hk$: 'hong kong dollar',
  hkd: 'hong kong dollar', '€': 'euro', eur: 'euro', '£': 'pound sterling', gbp: 'pound sterling',
  'pound sterling': 'pound sterling', '¥': 'yen', jpy: 'yen', 'japanese yen': 'yen', cny: 'yuan',
  rmb: 'yuan', 'chinese yuan': 'yuan', chf: 'swiss franc', 'fr.': 'swiss franc', franken: 'swiss franc',
  rm: 'malaysian ringgit', myr: 'malaysian ringgit', ringgit: 'malaysian ringgit', ils: 'shekel',
  '₪': 'shekel', inr: 'rupee', '₹': 'rupee', cent: 'cent', '¢': 'cent',
  km: 'kilometre', kilometer: 'kilometre', m: 'metre', meter: 'metre', cm: 'centimetre',
  centimeter: 'centimetre', mm: 'millimetre', millimeter: 'millimetre', µm: 'micrometre',
  micrometer: 'micrometre', micron: 'micrometre', mi: 'mile', ft: 'foot', feet: 'foot',
  in: 'inch', '"': 'inch', yd: 'yard', kg: 'kilogram', g: 'gram', t: 'tonne', ton: 'tonne',
  lb: 'pound-mass', lbs: 'pound-mass', pound: 'pound', mph: 'mile per hour', 'km/h': 'kilometre per hour',
  kph: 'kilometre per hour', kmh: 'kilometre per hour', mpg: 'mile per gallon', '°c': 'celsius',
  'degrees celsius': 'celsius', '°f': 'fahrenheit', 'degrees fahrenheit': 'fahrenheit', '°': 'degree',
  l: 'litre', liter: 'litre', ml: 'millilitre', gb: 'gigabyte', mb: 'megabyte', tb: 'terabyte',
  kw: 'kilowatt', mw: 'megawatt', gw: 'gigawatt', kwh: 'kilowatt hour', hz: 'hertz',
  ghz: 'gigahertz', mhz: 'megahertz', hp: 'horsepower', yr: 'year', yrs: 'year', 'years old': 'year of age',
  'year old': 'year of age', 'y/o': 'year of age', min: 'minute', mins: 'minute', sec: 'second',
  s: 'second', h: 'hour', hr: 'hour', hrs: 'hour', 'sq m': 'square metre', 'm²': 'square metre',
  m2: 'square metre', 'km²': 'square kilometre', ppb: 'parts-per-billion', ppm: 'parts-per-million',
  bpd: 'barrel per day', psi: 'pound per square inch', ksi: 'kilopound per square inch',
  persons: 'people', person: 'people', personen: 'people', menschen: 'people',
};
const EMPTY_UNITS = new Set(['', '-', 'none', 'count', 'unit', 'number', 'dimensionless']);

/** score.py's canon_unit(): case, spaces, a final ".", the last word's plural, synonyms. */
export function canonUnit(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  let u = String(unit).toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  const direct = UNIT_SYNONYMS[u];
  if (direct !== undefined) return direct;
  const words = u.split(' ');
  let last = words[words.length - 1] ?? '';
  if (last.length > 3) {
    if (/(?:ches|shes|xes)$/.test(last)) last = last.slice(0, -2);
    else if (last.endsWith('ies')) last = `${last.slice(0, -3)}y`;
    else if (last.endsWith('s') && !/(?:ss|us|is)$/.test(last)) last = last.slice(0, -1);
    words[words.length - 1] = last;
  }
  u = words.join(' ');
  u = UNIT_SYNONYMS[u] ?? u;
  return EMPTY_UNITS.has(u) ? '' : u;
}

function contains(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}

/** score.py's unit_match(): equal canonical units, or one's words contiguous in the other's. */
export function unitMatch(gold: GoldFigure, predicted: string | null): boolean {
  const p = canonUnit(predicted);
  const golds = new Set([canonUnit(gold.unit), canonUnit(gold.normalized_unit)]);
  if (!p) return golds.has('');
  const pw = p.split(/\s+/);
  for (const g of golds) {
    if (!g) continue;
    if (g === p) return true;
    const gw = g.split(/\s+/);
    if (contains(gw, pw) || contains(pw, gw)) return true;
  }
  return false;
}

function num(x: unknown): number | null {
  if (typeof x === 'number') return x;
  if (typeof x !== 'string') return null;
  const v = Number(x.replace(/,/g, ''));
  return Number.isNaN(v) ? null : v;
}

function valueEq(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  return a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

function goldValues(g: GoldFigure): number[] {
  const values = [num(g.value)];
  if (g.value_max !== null && g.value_max !== undefined) values.push(num(g.value_max));
  return values.filter((v): v is number => v !== null);
}

export interface FigureMatch {
  /** gold index -> [output index, matched with its unit] */
  matched: Map<number, [number, boolean]>;
  /** outputs used: matched or absorbed as a range's other end */
  used: Set<number>;
  absorbed: number;
}

/** score.py's match_figures(). */
export function matchFigures(gold: readonly GoldFigure[], predicted: readonly PredictedFigure[]): FigureMatch {
  const used = new Set<number>();
  const matched = new Map<number, [number, boolean]>();
  for (const needUnit of [true, false]) {
    gold.forEach((g, i) => {
      if (matched.has(i)) return;
      const gv = goldValues(g);
      for (let j = 0; j < predicted.length; j++) {
        const p = predicted[j];
        if (!p || used.has(j) || !gv.some((x) => valueEq(p.value, x))) continue;
        if (needUnit && !unitMatch(g, p.unit)) continue;
        used.add(j);
        matched.set(i, [j, needUnit]);
        break;
      }
    });
  }
  let absorbed = 0;
  for (const [i, [j]] of matched) {
    const gv = goldValues(gold[i] as GoldFigure);
    if (gv.length !== 2) continue;
    const other = valueEq(predicted[j]?.value ?? null, gv[0] ?? null) ? gv[1] : gv[0];
    for (let k = 0; k < predicted.length; k++) {
      if (!used.has(k) && valueEq(predicted[k]?.value ?? null, other ?? null)) {
        used.add(k);
        absorbed++;
        break;
      }
    }
  }
  return { matched, used, absorbed };
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Micro scores over documents; `predicted[i]` are the outputs for `gold[i]`. */
export function scoreFigures(
  gold: readonly GoldFigureDoc[],
  predicted: readonly (readonly PredictedFigure[])[],
): FigureScore {
  let nGold = 0;
  let nPred = 0;
  let value = 0;
  let valueUnit = 0;
  let optionalMatched = 0;
  gold.forEach((doc, i) => {
    const outputs = predicted[i] ?? [];
    const m = matchFigures(doc.figures, outputs);
    const rest = outputs.filter((_, j) => !m.used.has(j));
    const optional = matchFigures(doc.figures_optional ?? [], rest);
    const hits = optional.matched.size + optional.absorbed;
    nGold += doc.figures.length;
    nPred += outputs.length - m.absorbed - hits;
    value += m.matched.size;
    valueUnit += [...m.matched.values()].filter(([, u]) => u).length;
    optionalMatched += hits;
  });
  return {
    gold: nGold,
    predicted: nPred,
    value: prf(value, nPred, nGold),
    valueUnit: prf(valueUnit, nPred, nGold),
    optionalMatched,
  };
}

// ------------------------------------------------------------------------------------------------
// The command

const ROOT = path.resolve(import.meta.dirname, '..');
const GOLD = path.join(ROOT, 'tests/fixtures/quotes-figures/gold.jsonl');

interface GoldLine extends GoldFigureDoc {
  id: string;
  set: string;
  html: string;
  url?: string | null;
  lang: string;
}

function pagePath(line: GoldLine): string {
  return line.set === 'seed'
    ? path.join(ROOT, line.html)
    : path.resolve(ROOT, '../shared/corpora', line.set, line.html);
}

function loadDocument(file: string, url: string | null | undefined): Document {
  const bytes = readFileSync(file);
  const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return new JSDOM(html, { url: url ?? 'http://localhost/', virtualConsole: new VirtualConsole() }).window.document;
}

function main(verbose: boolean): void {
  const lines = readFileSync(GOLD, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldLine);
  const outputs = lines.map((line) => {
    const article = extractArticle(loadDocument(pagePath(line), line.url), false);
    return extractFigures(article.blocks, article.lang);
  });
  if (verbose) {
    lines.forEach((line, i) => {
      const out = outputs[i] ?? [];
      const m = matchFigures(line.figures, out);
      const rest = out.map((p, j) => ({ p, j })).filter(({ j }) => !m.used.has(j));
      const opt = matchFigures(
        line.figures_optional ?? [],
        rest.map(({ p }) => p),
      );
      const optUsed = new Set([...opt.used].map((k) => rest[k]?.j));
      console.log(`\n### ${line.id} (${line.lang})`);
      line.figures.forEach((g, k) => {
        const hit = m.matched.get(k);
        const mark = !hit ? 'MISS' : hit[1] ? 'ok  ' : 'UNIT';
        const got = hit ? out[hit[0]] : undefined;
        console.log(
          `  ${mark} ${JSON.stringify(g.text)} ${g.value}${g.value_max ? `..${g.value_max}` : ''} ${g.unit}${hit && !hit[1] ? `  <- ${got?.unit}` : ''}`,
        );
      });
      out.forEach((p, j) => {
        if (!m.used.has(j))
          console.log(`  ${optUsed.has(j) ? 'opt ' : 'FP  '} ${JSON.stringify(p.text)} ${p.value} ${p.unit}`);
      });
    });
  }
  const s = scoreFigures(lines, outputs);
  const line = (name: string, x: PRF): string =>
    `${name} F1=${x.f1.toFixed(3)} P=${x.precision.toFixed(3)} R=${x.recall.toFixed(3)} (tp ${x.tp})`;
  console.log(
    `figures on ${lines.length} articles: gold=${s.gold} predicted=${s.predicted} optional matched=${s.optionalMatched}`,
  );
  console.log(line('figures-value     ', s.value));
  console.log(line('figures-value+unit', s.valueUnit));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.includes('--verbose'));
