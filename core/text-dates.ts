/**
 * Dates as pages print them for people, in English, French, German, Spanish and Italian:
 * "14.11.2024, 05:48", "14 novembre 2024 à 05h48", "November 14, 2024 5:48 PM EST",
 * "14. November 2024, 05:48 Uhr", "14 de noviembre de 2024", time-only updates ("mis à jour à
 * 10h09", "Updated 10:09 GMT") and relative times ("vor 3 Stunden", "il y a 2 heures",
 * "3 hours ago", "hace 2 horas", "2 ore fa"). Run-together dates, as in the seed page's
 * "14.11.2024, 05:4814.11.2024, 10:09", give one date each.
 *
 * Hand-written rather than chrono-node: chrono's parsers for the five languages cost about
 * 40 KB min+gzip of the 50 KB content-script budget; these patterns are a few KB, are compiled
 * once, read the run-together dates chrono splits wrongly, and give the label before each date
 * (published / updated), which chrono does not.
 */
import { lowerCopy } from './caseless';
import type { PageDate } from './dates';
import { bmpRegExp } from './bmp-regexp';
import { isPlausibleDate, wallClockMs } from './dates';
import { offsetForZoneName, ZONE_NAME_PATTERN } from './timezones';

export type DateRole = 'published' | 'modified';

export interface TextDate {
  date: PageDate;
  /** Position in the scanned text, so callers can keep page order. */
  index: number;
  /** What the words just before it say it is, if they say. */
  role: DateRole | null;
  /** How it was read: a full date, an update time on a known day, or a time relative to `now`. */
  kind: 'date' | 'time-only' | 'relative';
  /** The zone name the page printed after the time ("EST", "GMT+1"), if any. */
  zone: string | null;
}

export interface TextDateOptions {
  /** Reads "11/14/2024" the American way (from the page's language, en-US). */
  monthFirst?: boolean;
  /** The moment the page is read: relative times ("3 hours ago") are counted back from it. */
  now?: Date;
  /** The day an update time with no day of its own ("mis à jour à 10h09") belongs to. */
  day?: PageDate | null;
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
  const names: Record<string, number> = {
    sept: 9,
    jänner: 1,
    setiembre: 9,
    fevrier: 2,
    aout: 8,
    decembre: 12,
    maerz: 3,
    marz: 3,
  };
  for (const list of MONTH_LISTS) list.split(' ').forEach((name, i) => (names[name] = i + 1));
  return names;
})();

const MONTH = `(${Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
// A time: "05:48", "5.48", "05h48", "5:48 PM", "05:48 Uhr", "5:48:12".
const CLOCK = String.raw`(\d{1,2})\s*[:h.]\s*(\d{2})(?::\d{2})?(?:\s*(am|pm|a\.\s?m\.|p\.\s?m\.))?(?:\s*(?:uhr|h)(?![\p{L}]))?`;
// A time after a date, joined by ",", "à", "um", "at", "alle", "a las", "-", "|" or "·".
const TIME = String.raw`(?:\s*(?:,|-|–|\||·|/)?\s*(?:à|a|um|at|alle|ore|a\s+las|las|kl\.?)?\s*${CLOCK})?`;
// A date may follow a time with nothing between ("…05:4814.11.2024"), hence the second look-behind.
const START = String.raw`(?:(?<![\d.])|(?<=\d[:h]\d{2}))`;

// The date patterns are written in lower case ("t" is ISO's "T") and match case-insensitively on
// the text's lower-case copy (core/caseless.ts): compiled with /i they cost three times as much
// (13.5 ms against 4.1 ms in Node 20), on every page's first click.
const NUMERIC_DMY = bmpRegExp(`${START}(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2}(?![\\d.]))${TIME}`, 'gu');
const NUMERIC_YMD = bmpRegExp(`${START}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])(?:t|\\s+|,\\s*)?${TIME}`, 'gu');
const DAY_MONTH_YEAR = bmpRegExp(
  `${START}(\\d{1,2})(?:er|º|°|st|nd|rd|th)?\\.?\\s*(?:de\\s+|of\\s+)?${MONTH}\\s*(?:de\\s+|,\\s*)?(\\d{4})${TIME}`,
  'gu',
);
const MONTH_DAY_YEAR = bmpRegExp(`(?<![\\p{L}])${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'gu');

// A day and month with a time but no year ("Updated November 18 at 4:46 PM", "14 novembre à
// 10h09"): the year is the one of the date just before it.
const CLOCK_AFTER = String.raw`\s*(?:,|-|–|\||·)?\s*(?:à|a|um|at|alle|ore|a\s+las|las|kl\.?)?\s*${CLOCK}`;
const DAY_MONTH_TIME = bmpRegExp(
  `${START}(\\d{1,2})(?:er|º|°|st|nd|rd|th)?\\.?\\s*(?:de\\s+)?${MONTH}(?!\\s*(?:de\\s+|,\\s*)?\\d{4})${CLOCK_AFTER}`,
  'gu',
);
const MONTH_DAY_TIME = bmpRegExp(
  `(?<![\\p{L}])${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!,?\\s*\\d{4})(?![\\d:])${CLOCK_AFTER}`,
  'gu',
);
/** How far before a yearless date or an update time the date that lends it a year or day may be. */
const LEND_DISTANCE = 150;

/** A zone name right after a time; case-sensitive, so the French "et" is not Eastern time. */
const ZONE_AFTER = bmpRegExp(
  String.raw`\s*\(?((?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|${ZONE_NAME_PATTERN})\)?(?![\p{L}\d])`,
  'uy',
);

const MODIFIED_LABEL = String.raw`(?:last\s+)?(?:updated?|modified|revised|mis\s+à\s+jour|mise\s+à\s+jour|actualisé|modifié|aktualisiert|zuletzt\s+geändert|geändert|letzte\s+änderung|letzte\s+aktualisierung|stand|actualizad[oa]|actualización|modificado|aggiornat[oa]|aggiornamento|modificato|aktualizacja|zaktualizowano)`;
const PUBLISHED_LABEL = String.raw`(?:first\s+)?(?:published|posted|publié|publiée|mis\s+en\s+ligne|veröffentlicht|erschienen|erstellt|publiziert|publicad[oa]|pubblicat[oa]|publikacja|opublikowano|date\s+de\s+publication|fecha\s+de\s+publicación|data\s+di\s+pubblicazione)`;
const LABEL_TAIL = String.raw`\s*:?\s*(?:on|at|le|am|um|el|il|à|a\s+las|alle|,)?\s*:?\s*(?:the\s+)?`;
const MODIFIED_WORDS = bmpRegExp(`(?<![\\p{L}])${MODIFIED_LABEL}${LABEL_TAIL}$`, 'u');
const PUBLISHED_WORDS = bmpRegExp(`(?<![\\p{L}])${PUBLISHED_LABEL}${LABEL_TAIL}$`, 'u');

/** "mis à jour à 10h09", "Updated 10:09 GMT", "Aktualisiert um 10:09 Uhr": an update time with no day. */
const UPDATE_TIME = bmpRegExp(
  `(?<![\\p{L}])${MODIFIED_LABEL}\\s*:?\\s*(?:à|at|um|a\\s+las|alle|ore|,)?\\s*${CLOCK}(?!\\s*[./]\\s*\\d)`,
  'gu',
);

// Relative times: "3 hours ago", "7m ago", "vor 3 Stunden", "il y a 2 heures", "hace 2 horas", "2 ore fa".
const ONE = String.raw`an?|one|einer?|einem|une?|una?|un'`;
const UNITS: readonly [RegExp, number][] = [
  [/^(?:s|secs?|seconds?|sekunden?|secondes?|segundos?|secondi|secondo)$/i, 1],
  [/^(?:m|mins?\.?|minutes?|minuten?|minutos?|minuti|minuto)$/i, 60],
  [/^(?:h|hrs?|hours?|std\.?|stunden?|heures?|horas?|ore|ora)$/i, 3600],
  [/^(?:d|days?|tagen?|tag|jours?|días?|dias?|giorni|giorno)$/i, 86400],
  [/^(?:w|wks?|weeks?|wochen?|semaines?|semanas?|settimane|settimana)$/i, 7 * 86400],
];
const UNIT =
  '(s|secs?|seconds?|m|mins?\\.?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|sekunden?|minuten?|std\\.?|stunden?|tagen?|tag|wochen?|secondes?|heures?|jours?|semaines?|segundos?|minutos?|horas?|días?|dias?|semanas?|secondi|secondo|minuti|minuto|ore|ora|giorni|giorno|settimane|settimana)';
const RELATIVE = bmpRegExp(
  String.raw`(?<![\p{L}\d])(?:(\d{1,3}|${ONE})\s*${UNIT}\s+(?:ago|fa)|(?:vor|il\s+y\s+a|hace)\s+(\d{1,3}|${ONE})\s*${UNIT})(?![\p{L}])`,
  'gu',
);

/** `lower`: the text's lower-case copy (core/caseless.ts). */
function roleBefore(lower: string, index: number): DateRole | null {
  const before = lower.slice(Math.max(0, index - 40), index);
  if (MODIFIED_WORDS.test(before)) return 'modified';
  if (PUBLISHED_WORDS.test(before)) return 'published';
  return null;
}

function expandYear(year: string): number {
  const n = Number(year);
  return year.length === 2 ? 2000 + n : n;
}

function hour24(h: string, ampm?: string): number {
  let hour = Number(h);
  // "20:26 PM": a 24-hour clock with a stray marker.
  if (ampm && hour <= 12) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return hour;
}

function withTime(year: number, month: number, day: number, h?: string, m?: string, ampm?: string): PageDate {
  const hour = h === undefined ? null : hour24(h, ampm);
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

function secondsOf(count: string, unit: string): number {
  const n = /^\d+$/.test(count) ? Number(count) : 1;
  const seconds = UNITS.find(([re]) => re.test(unit))?.[1] ?? 0;
  return n * seconds;
}

/** `now` minus a relative amount, as a UTC time (a bare day for "3 days ago"). */
function relativeDate(now: Date, seconds: number): PageDate {
  const then = new Date(now.getTime() - seconds * 1000);
  const precise = seconds < 86400;
  return {
    year: then.getUTCFullYear(),
    month: then.getUTCMonth() + 1,
    day: then.getUTCDate(),
    hour: precise ? then.getUTCHours() : null,
    minute: precise ? then.getUTCMinutes() : null,
    second: precise ? 0 : null,
    offset: precise ? 0 : null,
  };
}

export interface UpdateTime {
  /** Where the time starts, and where its label does. */
  index: number;
  labelIndex: number;
  end: number;
  hour: number;
  minute: number;
  /** The zone name printed after it, if any. */
  zone: string | null;
}

let lastUpdateText: string | null = null;
let lastUpdateTimes: readonly UpdateTime[] = [];

/**
 * Update times printed without a day: "mis à jour à 10h09", "Updated 10:09 GMT", "Aktualisiert um
 * 10:09 Uhr". The page's text is read for them twice on a click (findTextDates and the page's own
 * dates, core/page-dates.ts), so the last answer is kept: the pattern is one of the dearest.
 */
export function findUpdateTimes(text: string): readonly UpdateTime[] {
  if (text !== lastUpdateText) {
    lastUpdateTimes = readUpdateTimes(text);
    lastUpdateText = text;
  }
  return lastUpdateTimes;
}

function readUpdateTimes(text: string): UpdateTime[] {
  const out: UpdateTime[] = [];
  for (const m of lowerCopy(text).matchAll(UPDATE_TIME)) {
    const end = m.index + m[0].length;
    ZONE_AFTER.lastIndex = end;
    out.push({
      index: m.index + m[0].search(/\d/),
      labelIndex: m.index,
      end,
      hour: hour24(m[1] ?? '', m[3]),
      minute: Number(m[2]),
      zone: ZONE_AFTER.exec(text)?.[1] ?? null,
    });
  }
  return out;
}

/** Every date in `text`, in order. Dotted dates are always day first. */
export function findTextDates(text: string, options: TextDateOptions | boolean = {}): TextDate[] {
  // The patterns are written in lower case and read the text's lower-case copy (core/caseless.ts).
  const lower = lowerCopy(text);
  const { monthFirst = false, now, day } = typeof options === 'boolean' ? { monthFirst: options } : options;
  // Lookups below are by position in `found`, kept in text order once the full dates are in: a
  // scan of all of it for each date was quadratic (a 300,000-character page of dates: minutes).
  const found: TextDate[] = [];
  const ends = new Map<TextDate, number>();
  const taken = new Set<number>();
  let inOrder = false;
  /** The longest date read: a look back for the date that covers a place stops that far back. */
  let longest = 0;
  /** The position in `found` of the first date at or after `index`. */
  const firstFrom = (index: number): number => {
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((found[mid] as TextDate).index < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Adds a date; a zone printed after it gives its offset, else `fallbackOffset` (a lender's). */
  const add = (
    index: number,
    end: number,
    date: PageDate,
    kind: TextDate['kind'] = 'date',
    fallbackOffset: number | null = null,
  ): TextDate | null => {
    if (taken.has(index)) return null;
    let zone: string | null = null;
    if (date.hour !== null && date.offset === null) {
      ZONE_AFTER.lastIndex = end;
      zone = ZONE_AFTER.exec(text)?.[1] ?? null;
      date.offset = zone ? offsetForZoneName(zone, wallClockMs(date)) : fallbackOffset;
    }
    if (!isPlausibleDate(date)) return null;
    const entry: TextDate = { date, index, role: roleBefore(lower, index), kind, zone };
    if (inOrder) found.splice(firstFrom(index), 0, entry);
    else found.push(entry);
    taken.add(index);
    ends.set(entry, end);
    longest = Math.max(longest, end - index);
    return entry;
  };
  for (const m of lower.matchAll(NUMERIC_DMY)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const slash = m[0].includes('/');
    const [d, month] = slash && monthFirst ? [b, a] : [a, b];
    add(m.index, m.index + m[0].length, withTime(expandYear(m[3] ?? ''), month, d, m[4], m[5], m[6]));
  }
  for (const m of lower.matchAll(NUMERIC_YMD)) {
    add(m.index, m.index + m[0].length, withTime(Number(m[1]), Number(m[3]), Number(m[4]), m[5], m[6], m[7]));
  }
  for (const m of lower.matchAll(DAY_MONTH_YEAR)) {
    add(m.index, m.index + m[0].length, withTime(Number(m[3]), monthNumber(m[2]), Number(m[1]), m[4], m[5], m[6]));
  }
  for (const m of lower.matchAll(MONTH_DAY_YEAR)) {
    add(m.index, m.index + m[0].length, withTime(Number(m[3]), monthNumber(m[1]), Number(m[2]), m[4], m[5], m[6]));
  }
  found.sort((x, y) => x.index - y.index);
  inOrder = true;
  /** The full date just before `index` (on the same line, as it were), else the caller's day. */
  const lender = (index: number): PageDate | null | undefined => {
    for (let i = firstFrom(index) - 1; i >= 0; i--) {
      const f = found[i] as TextDate;
      if (index - f.index > LEND_DISTANCE) break;
      if (f.kind === 'date') return f.date;
    }
    return day;
  };
  const yearless: [RegExpMatchArray, number, number][] = [
    ...[...lower.matchAll(DAY_MONTH_TIME)].map((m): [RegExpMatchArray, number, number] => [m, 1, 2]),
    ...[...lower.matchAll(MONTH_DAY_TIME)].map((m): [RegExpMatchArray, number, number] => [m, 2, 1]),
  ];
  for (const [m, dayGroup, monthGroup] of yearless) {
    const at = m.index ?? 0;
    const base = lender(at);
    if (!base) continue;
    const month = monthNumber(m[monthGroup]);
    // A date a little before the lender's, in January after December, is in the next year.
    const year = month < base.month - 6 ? base.year + 1 : base.year;
    add(at, at + m[0].length, withTime(year, month, Number(m[dayGroup]), m[3], m[4], m[5]), 'date', base.offset);
  }
  // An update time with no day takes the day printed right after it ("Updated at 5:36 PM CST on
  // Nov 18, 2019"), else the day of the date before it, else the caller's day.
  const covered = (index: number): boolean => {
    for (let i = firstFrom(index + 1) - 1; i >= 0; i--) {
      const f = found[i] as TextDate;
      if (index - f.index >= longest) return false;
      if (index < (ends.get(f) ?? 0)) return true;
    }
    return false;
  };
  const dayAfter = (end: number): TextDate | undefined => {
    for (let i = firstFrom(end); i < found.length; i++) {
      const f = found[i] as TextDate;
      if (f.index - end > 16) return undefined;
      if (f.kind === 'date' && f.date.hour === null) return f;
    }
    return undefined;
  };
  for (const update of findUpdateTimes(text)) {
    if (covered(update.index)) continue;
    const after = dayAfter(update.end);
    const base = after?.date ?? lender(update.labelIndex);
    if (!base) continue;
    if (after) {
      found.splice(firstFrom(after.index), 1);
      taken.delete(after.index);
    }
    const date = withTime(base.year, base.month, base.day, String(update.hour), String(update.minute));
    const added = add(update.index, update.end, date, 'time-only', base.offset);
    if (added) added.role = 'modified';
  }
  inOrder = false;
  if (now) {
    for (const m of lower.matchAll(RELATIVE)) {
      const seconds = secondsOf(m[1] ?? m[3] ?? '', m[2] ?? m[4] ?? '');
      if (seconds > 0) add(m.index, m.index + m[0].length, relativeDate(now, seconds), 'relative');
    }
  }
  return found.sort((x, y) => x.index - y.index);
}
