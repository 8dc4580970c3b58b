/**
 * Dates as pages print them for people, in English, French, German, Spanish and Italian:
 * "14.11.2024, 05:48", "14 novembre 2024 à 05h48", "November 14, 2024 5:48 PM",
 * "14. November 2024, 05:48 Uhr", "14 de noviembre de 2024". Run-together dates, as in the
 * seed page's "14.11.2024, 05:4814.11.2024, 10:09", give one date each.
 */
import type { PageDate } from './dates';
import { isPlausibleDate } from './dates';

export type DateRole = 'published' | 'modified';

export interface TextDate {
  date: PageDate;
  /** Position in the scanned text, so callers can keep page order. */
  index: number;
  /** What the words just before it say it is, if they say. */
  role: DateRole | null;
}

const MONTH_LISTS = [
  // en
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  // fr
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'janv févr mars avr mai juin juil août sept oct nov déc',
  // de
  'januar februar märz april mai juni juli august september oktober november dezember',
  'jan feb mär apr mai jun jul aug sep okt nov dez',
  // es
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'ene feb mar abr may jun jul ago sep oct nov dic',
  // it
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'gen feb mar apr mag giu lug ago set ott nov dic',
];
/** Month names and abbreviations, lower-case, with their number; unaccented spellings too. */
const MONTH_NAMES: Readonly<Record<string, number>> = (() => {
  const names: Record<string, number> = { sept: 9, jänner: 1, setiembre: 9, fevrier: 2, aout: 8, decembre: 12 };
  for (const list of MONTH_LISTS) list.split(' ').forEach((name, i) => (names[name] = i + 1));
  return names;
})();

const MONTH = `(${Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
// A time after a date: "05:48", "5.48", "05h48", "5:48 PM", "05:48 Uhr", joined by
// ",", "à", "um", "at", "alle", "a las", "-", "|" or "·".
const TIME = String.raw`(?:\s*(?:,|-|–|\||·)?\s*(?:à|a|um|at|alle|ore|a\s+las|las|kl\.?)?\s*(\d{1,2})\s*[:h.]\s*(\d{2})(?:\s*(am|pm|a\.m\.|p\.m\.))?(?:\s*(?:uhr|h))?)?`;
// A date may follow a time with nothing between ("…05:4814.11.2024"), hence the second look-behind.
const START = String.raw`(?:(?<![\d.])|(?<=\d[:h]\d{2}))`;

const NUMERIC_DMY = new RegExp(`${START}(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2}(?!\\d))${TIME}`, 'giu');
const NUMERIC_YMD = new RegExp(`${START}(\\d{4})-(\\d{2})-(\\d{2})(?:T|\\s+|,\\s*)?${TIME}`, 'giu');
const DAY_MONTH_YEAR = new RegExp(
  `${START}(\\d{1,2})(?:er|º|°)?\\.?\\s*(?:de\\s+)?${MONTH}\\s*(?:de\\s+)?(\\d{4})${TIME}`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'giu');

const MODIFIED_WORDS =
  /(updated?|last\s+modified|modified|mis\s+à\s+jour|mise\s+à\s+jour|actualisé|aktualisiert|geändert|stand|actualizad[oa]|actualización|aggiornat[oa]|aggiornamento|modificato)\s*:?\s*(le|am|el|il|on|at|à)?\s*$/iu;
const PUBLISHED_WORDS =
  /(published|posted|publié|publiée|veröffentlicht|erstellt|publicad[oa]|pubblicat[oa])\s*:?\s*(le|am|el|il|on|at|à)?\s*$/iu;

function roleBefore(text: string, index: number): DateRole | null {
  const before = text.slice(Math.max(0, index - 40), index);
  if (MODIFIED_WORDS.test(before)) return 'modified';
  if (PUBLISHED_WORDS.test(before)) return 'published';
  return null;
}

function expandYear(year: string): number {
  const n = Number(year);
  return year.length === 2 ? 2000 + n : n;
}

function withTime(year: number, month: number, day: number, h?: string, m?: string, ampm?: string): PageDate {
  let hour = h === undefined ? null : Number(h);
  if (hour !== null && ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return {
    year,
    month,
    day,
    hour,
    minute: m === undefined ? null : Number(m),
    second: hour === null ? null : 0,
    offset: null,
  };
}

function monthNumber(name: string | undefined): number {
  return name ? (MONTH_NAMES[name.toLowerCase()] ?? 0) : 0;
}

/**
 * Every date in `text`, in order. `monthFirst` reads "11/14/2024" the American way (from the
 * page's language, en-US); dotted dates are always day first.
 */
export function findTextDates(text: string, monthFirst = false): TextDate[] {
  const found: TextDate[] = [];
  const add = (index: number, date: PageDate): void => {
    if (isPlausibleDate(date) && !found.some((f) => f.index === index)) {
      found.push({ date, index, role: roleBefore(text, index) });
    }
  };
  for (const m of text.matchAll(NUMERIC_DMY)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const slash = m[0].includes('/');
    const [day, month] = slash && monthFirst ? [b, a] : [a, b];
    add(m.index, withTime(expandYear(m[3] ?? ''), month, day, m[4], m[5], m[6]));
  }
  for (const m of text.matchAll(NUMERIC_YMD)) {
    add(m.index, withTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]));
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    add(m.index, withTime(Number(m[3]), monthNumber(m[2]), Number(m[1]), m[4], m[5], m[6]));
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    add(m.index, withTime(Number(m[3]), monthNumber(m[1]), Number(m[2]), m[4], m[5], m[6]));
  }
  return found.sort((x, y) => x.index - y.index);
}
