/**
 * Dates as pages write them for machines (ISO 8601 and its loose variants, RFC 2822), kept as the
 * page's wall-clock time plus its offset, so that no day is ever shifted by a conversion.
 */
import { offsetForZoneName } from './timezones';

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

// "2024-11-14T05:48:00+01:00", "2024/11/14 05:48", "20241114", with odd fractions ("08:684Z").
const ISO =
  /^\s*(\d{4})([-/.]?)(\d{2})\2(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,:]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT|utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}\b)?)?/;
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONE = String.raw`(Z|[+-]\d{4}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}\b)?`;
// "Thu, 14 Nov 2024 05:48:00 +0100" (RFC 2822, some feeds and meta tags).
const RFC2822 = new RegExp(
  String.raw`^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*` + ZONE,
  'i',
);
// "Tue, Sep 15 2020 10:01:41 EDT" (JavaScript's Date.toString and some CMSes).
const MONTH_FIRST = new RegExp(
  String.raw`^\s*(?:[a-z]{3},?\s+)?([a-z]{3})[a-z]*\s+(\d{1,2}),?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*` + ZONE,
  'i',
);

function parseOffset(text: string | undefined, wallClock: number): number | null {
  return text ? offsetForZoneName(text, wallClock) : null;
}

function num(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function monthNumber(name: string | undefined): number {
  return name ? MONTHS_EN.indexOf(name.toLowerCase().slice(0, 3)) + 1 : 0;
}

function dated(
  year: number,
  month: number,
  day: number,
  hour: number | null,
  minute: number | null,
  second: number | null,
  zone: string | undefined,
): PageDate {
  const d: PageDate = { year, month, day, hour, minute, second, offset: null };
  if (hour !== null) d.offset = parseOffset(zone, wallClockMs(d));
  return d;
}

/** Parses a machine-readable date; null when it is not one or is not a real date. */
export function parseMachineDate(text: string): PageDate | null {
  let d: PageDate | null = null;
  const iso = ISO.exec(text);
  const rfc = iso ? null : (RFC2822.exec(text) ?? null);
  const monthFirst = iso || rfc ? null : MONTH_FIRST.exec(text);
  if (iso) {
    const hour = num(iso[5]);
    d = dated(
      Number(iso[1]),
      Number(iso[3]),
      Number(iso[4]),
      hour,
      num(iso[6]),
      hour === null ? null : Number(iso[7] ?? 0),
      iso[8],
    );
  } else if (rfc && monthNumber(rfc[2]) > 0) {
    d = dated(
      Number(rfc[3]),
      monthNumber(rfc[2]),
      Number(rfc[1]),
      Number(rfc[4]),
      Number(rfc[5]),
      Number(rfc[6] ?? 0),
      rfc[7],
    );
  } else if (monthFirst && monthNumber(monthFirst[1]) > 0) {
    const m = monthFirst;
    d = dated(Number(m[3]), monthNumber(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7]);
  }
  return d && isPlausibleDate(d) ? d : null;
}
