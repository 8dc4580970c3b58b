/**
 * Sentences with Intl.Segmenter in the article's language, repaired where it splits too eagerly:
 * after abbreviations ("Mr.", "Dr.", "M.", "z. B.", "etc."), initials ("J. R. R.") and ordinal
 * or decimal numbers ("14. November").
 */
import { bmpRegExp } from './bmp-regexp';

const ABBREVIATIONS = new Set(
  [
    // en
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sr',
    'jr',
    'st',
    'mt',
    'gen',
    'gov',
    'sen',
    'rep',
    'lt',
    'col',
    'sgt',
    'capt',
    'cmdr',
    'adm',
    'rev',
    'inc',
    'ltd',
    'co',
    'corp',
    'vs',
    'etc',
    'e.g',
    'i.e',
    'no',
    'approx',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'u.s',
    'u.k',
    // fr
    'm',
    'mm',
    'mme',
    'mmes',
    'mlle',
    'me',
    'cf',
    'env',
    'av',
    'apr. j.-c',
    'p',
    'pp',
    'vol',
    'chap',
    // de
    'hr',
    'fr',
    'z',
    'b',
    'z.b',
    'bzw',
    'ca',
    'usw',
    'vgl',
    'evtl',
    'ggf',
    'inkl',
    'nr',
    'str',
    'bspw',
    'd.h',
    'u.a',
    's',
    // es, it, pt, nl
    'sra',
    'srta',
    'ud',
    'uds',
    'dra',
    'sig',
    'sigg',
    'dott',
    'ing',
    'avv',
    'on',
    'sr',
    'dhr',
    'mevr',
    'bijv',
  ].map((a) => a.toLowerCase()),
);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string | null): Intl.Segmenter {
  const key = lang ?? 'und';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

const WORD_BEFORE_DOT = bmpRegExp(String.raw`(?:^|[\s(«"“])([\p{L}.]{1,12}|\d{1,4})\.\s*$`, 'u');
const INITIAL = bmpRegExp(String.raw`^\p{Lu}$`, 'u');

/** True when a piece ending here was cut after an abbreviation, an initial or a number. */
function endsTooEarly(piece: string): boolean {
  const m = WORD_BEFORE_DOT.exec(piece);
  if (!m?.[1]) return false;
  const word = m[1];
  if (/^\d+$/.test(word)) return Number(word) <= 31; // "14. November", "3. Liga"
  if (INITIAL.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\.$/, ''));
}

/**
 * Intl.Segmenter slows down sharply on long strings (V8: a 100,000-character paragraph in 0.1 s,
 * one of 150,000 in 8 s): a longer text is segmented in windows, each window's last segment again
 * with what follows it. A sentence longer than a window is cut there.
 */
const SEGMENT_WINDOW = 10_000;

function* segments(text: string, lang: string | null): Generator<string> {
  const segmenter = segmenterFor(lang);
  let from = 0;
  while (text.length - from > SEGMENT_WINDOW) {
    const parts = Array.from(segmenter.segment(text.slice(from, from + SEGMENT_WINDOW)), (s) => s.segment);
    if (parts.length > 1) parts.pop();
    for (const part of parts) {
      yield part;
      from += part.length;
    }
  }
  for (const { segment } of segmenter.segment(text.slice(from))) yield segment;
}

/** Longer than any abbreviation test (12 letters and a dot): the test reads no further back. */
const TAIL = 40;

export function splitSentences(text: string, lang: string | null): string[] {
  const out: string[] = [];
  let pending = '';
  // The end of `pending`, as is and without its trailing spaces: a run of abbreviations ("J. R. R.
  // …") keeps a sentence pending, and reading all of it at each segment was quadratic.
  let tail = '';
  let end = '';
  for (const segment of segments(text, lang)) {
    pending += segment;
    if (segment.trim()) end = (tail + segment).trimEnd().slice(-TAIL);
    tail = (tail + segment).slice(-TAIL);
    if (endsTooEarly(end)) continue;
    const sentence = pending.trim();
    if (sentence) out.push(sentence);
    pending = tail = end = '';
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}
