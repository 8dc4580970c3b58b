/**
 * Sentences, as Intl.Segmenter would cut them (see segments()), repaired where it splits too eagerly:
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
 * Sentence boundaries by the rules of Unicode's UAX #29 (the rules Intl.Segmenter follows), for
 * the cases news text has. Intl.Segmenter itself is not used: the first one made in a tab's
 * renderer process costs 30 to 100 ms in Chromium 156 (ICU loads its break rules), on the
 * page's main thread, where the whole rest of our analysis after Readability's parse takes about
 * 15 ms at the median (docs/PERFORMANCE.md). It also slowed down sharply on long strings (a 150,000-character
 * paragraph: 8 s). This scan is one pass.
 *
 *   break after   a run of terminators (. ! ? and their CJK, Arabic and Devanagari forms), the
 *                 closing marks after it ( ) » " ’ …), the spaces after those, and one line
 *                 break; and after any line break;
 *   but not       after a full stop followed at once by a digit ("3.5") or, after a letter, by a
 *                 capital ("U.S", "Hello.World"); after a full stop whose next letter, past
 *                 digits, spaces and punctuation, is lower-case ("e.g. the", "x. (y) z"); before
 *                 a comma, a semicolon, a colon or another terminator.
 *
 * tests/unit/sentences.test.ts holds it to Intl.Segmenter on generated text and on the corpora's
 * paragraphs.
 */
const TERMINATORS =
  '.!?\u0589\u061F\u06D4\u0700-\u0702\u07F9\u0964\u0965\u104A\u104B\u1362\u1367\u1368\u166E\u1803\u1809\u1944\u1945\u203C\u203D\u2047-\u2049\u2024\u2E2E\u3002\uFE52\uFE56\uFE57\uFF01\uFF0E\uFF1F\uFF61';
const TERMINATOR = new RegExp(`^[${TERMINATORS}]`);
/** Full stops (UAX #29 ATerm): the only terminators a lower-case word or a number may follow. */
const FULL_STOP = /^[.\u2024\uFE52\uFF0E]$/;
/** Invisible format characters (soft hyphen, zero-width space and joiners): UAX #29 looks through them. */
const FORMAT = '\u00AD\u200B-\u200F\u2060-\u2064\uFEFF';
const FORMATS = new RegExp(`[${FORMAT}]+`, 'g');
const FORMAT_CHAR = new RegExp(`[${FORMAT}]`);
/**
 * A run of terminators, then closing marks (quotation marks, closing brackets), then spaces and
 * at most one line break; or a line break on its own.
 */
const BOUNDARY = bmpRegExp(
  String.raw`[${TERMINATORS}][${TERMINATORS}${FORMAT}]*[\p{Pe}\p{Pf}\p{Pi}\p{Ps}"'\u05F3\u2E42\u301D-\u301F\uFF02\uFF07${FORMAT}]*[^\S\n\r\u0085\u2028\u2029]*(?:[${FORMAT}]+[^\S\n\r\u0085\u2028\u2029]*)*(?:\r\n|[\n\r\u0085\u2028\u2029])?|\r\n|[\n\r\u0085\u2028\u2029]`,
  'gu',
);
/** What may follow a full stop and a lower-case letter still reads on (SB8): not a letter, a terminator or a break. */
const NEXT_LETTER = bmpRegExp(String.raw`[\p{L}${TERMINATORS}\n\r\u0085\u2028\u2029]`, 'gu');
/** A comma, colon, semicolon or dash after a terminator continues the sentence (SB8a's SContinue). */
const CONTINUES =
  /^[,:;\-\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();
const isCased = (ch: string): boolean => isLower(ch) || isUpper(ch);
const DIGIT = bmpRegExp(String.raw`^\p{Nd}$`, 'u');
const isDigit = (ch: string): boolean => DIGIT.test(ch);

/** Whether `text` breaks after the boundary match `m` (UAX #29's exceptions, see above). */
function breaksAfter(text: string, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  if (end >= text.length) return false;
  const run = m[0].replace(FORMATS, '');
  // A line break ends a sentence whatever comes next.
  if (LINE_BREAK.test(run[run.length - 1] ?? '')) return true;
  let after = end;
  while (after < text.length && FORMAT_CHAR.test(text[after] ?? '')) after++;
  const next = text[after] ?? '';
  if (CONTINUES.test(next) || TERMINATOR.test(next)) return false;
  // The run's terminators end at t: its last one decides, and what stands right after it.
  let t = 0;
  while (t < run.length && TERMINATOR.test(run[t] ?? '')) t++;
  if (!FULL_STOP.test(run[t - 1] ?? '')) return true;
  if (t === run.length) {
    // Nothing between the full stop and the next character: "3.5", "U.S", "Hello.World".
    if (isDigit(next)) return false;
    let before = m.index - 1;
    while (before > 0 && FORMAT_CHAR.test(text[before] ?? '')) before--;
    if (t === 1 && isUpper(next) && isCased(text[before] ?? '')) return false;
  }
  NEXT_LETTER.lastIndex = end;
  const letter = NEXT_LETTER.exec(text)?.[0] ?? '';
  return !isLower(letter);
}

/** The text's sentences, each with the spaces after it, as Intl.Segmenter gives them. */
export function* segments(text: string): Generator<string> {
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (breaksAfter(text, m)) {
      yield text.slice(from, end);
      from = end;
    }
    BOUNDARY.lastIndex = end;
  }
  if (from < text.length) yield text.slice(from);
}

/** Longer than any abbreviation test (12 letters and a dot): the test reads no further back. */
const TAIL = 40;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  // The end of `pending`, as is and without its trailing spaces: a run of abbreviations ("J. R. R.
  // …") keeps a sentence pending, and reading all of it at each segment was quadratic.
  let tail = '';
  let end = '';
  for (const segment of segments(text)) {
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
