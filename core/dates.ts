/**
 * Dates as pages write them for machines (ISO 8601 and its loose variants, RFC 2822), kept as the
 * page's wall-clock time plus its offset, so that no day is ever shifted by a conversion.
 */

export interface PageDate {
  year: number;
  month: number; // 1-12
  day: number;
  /** Null when only the day is known. */
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** Minutes east of UTC; null when the page gives no offset. */
  offset: number | null;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function isPlausibleDate(d: PageDate): boolean {
  if (d.year < 1990 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > new Date(Date.UTC(d.year, d.month, 0)).getUTCDate()) return false;
  if (d.hour !== null && (d.hour > 23 || d.hour < 0)) return false;
  if (d.minute !== null && (d.minute > 59 || d.minute < 0)) return false;
  if (d.second !== null && (d.second > 60 || d.second < 0)) return false;
  return d.offset === null || Math.abs(d.offset) <= 14 * 60;
}

/** The wall-clock time read as if it were UTC: comparable between dates with the same offset. */
export function wallClockMs(d: PageDate): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour ?? 0, d.minute ?? 0, d.second ?? 0);
}

/** The instant, when the offset is known (a bare day is taken at its start). */
export function instantMs(d: PageDate): number | null {
  return d.offset === null ? null : wallClockMs(d) - d.offset * 60000;
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

export function toIso(d: PageDate): string {
  const day = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (d.hour === null) return day;
  const time = `${pad(d.hour)}:${pad(d.minute ?? 0)}:${pad(d.second ?? 0)}`;
  return `${day}T${time}${d.offset === null ? '' : formatOffset(d.offset)}`;
}

const ISO =
  /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?/i;
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "Thu, 14 Nov 2024 05:48:00 +0100" (RFC 2822, some feeds and meta tags).
const RFC2822 =
  /^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|GMT|[+-]\d{4})?/i;

function parseOffset(text: string | undefined): number | null {
  if (!text) return null;
  if (/^(z|ut|utc|gmt)$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function num(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

/** Parses a machine-readable date; null when it is not one or is not a real date. */
export function parseMachineDate(text: string): PageDate | null {
  let d: PageDate | null = null;
  const iso = ISO.exec(text);
  if (iso) {
    d = {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: num(iso[4]),
      minute: num(iso[5]),
      second: iso[4] === undefined ? null : Number(iso[6] ?? 0),
      offset: iso[4] === undefined ? null : parseOffset(iso[7]),
    };
  } else {
    const rfc = RFC2822.exec(text);
    const month = rfc?.[2] ? MONTHS_EN.indexOf(rfc[2].toLowerCase().slice(0, 3)) + 1 : 0;
    if (rfc && month > 0) {
      d = {
        year: Number(rfc[3]),
        month,
        day: Number(rfc[1]),
        hour: Number(rfc[4]),
        minute: Number(rfc[5]),
        second: Number(rfc[6] ?? 0),
        offset: parseOffset(rfc[7]),
      };
    }
  }
  return d && isPlausibleDate(d) ? d : null;
}
