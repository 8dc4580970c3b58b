/**
 * Time zones for local times that pages print without an offset ("14.11.2024, 05:48").
 *
 * A zone is inferred only where the page's country has a single zone: from the site's
 * top-level domain, then the language region (`fr-CH`, `fr_CH`). The offset is computed for the
 * date itself with Intl, so summer time is right. Multi-zone countries (US, CA, AU, RU, BR, MX…)
 * give no zone: guessing one there could shift a day.
 */

/** Countries with one civil time zone, by ISO 3166 code, as the tz database has them. */
const SINGLE_ZONE: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CH: 'Europe/Zurich',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  UK: 'Europe/London',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  LI: 'Europe/Vaduz',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MC: 'Europe/Monaco',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw',
  RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  SM: 'Europe/San_Marino',
  VA: 'Europe/Vatican',
  UA: 'Europe/Kyiv',
  TR: 'Europe/Istanbul',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  TW: 'Asia/Taipei',
  SG: 'Asia/Singapore',
  PH: 'Asia/Manila',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  PK: 'Asia/Karachi',
  BD: 'Asia/Dhaka',
  AE: 'Asia/Dubai',
  SA: 'Asia/Riyadh',
  QA: 'Asia/Qatar',
  EG: 'Africa/Cairo',
  ZA: 'Africa/Johannesburg',
  NG: 'Africa/Lagos',
  KE: 'Africa/Nairobi',
  MA: 'Africa/Casablanca',
  NZ: 'Pacific/Auckland',
  AR: 'America/Argentina/Buenos_Aires',
  CO: 'America/Bogota',
  PE: 'America/Lima',
  VE: 'America/Caracas',
  UY: 'America/Montevideo',
};

/** Generic and multi-country TLDs say nothing about a zone. */
function countryOfHost(host: string): string | null {
  const match = /\.([a-z]{2})$/i.exec(host);
  return match?.[1] ? match[1].toUpperCase() : null;
}

function countryOfLocale(locale: string): string | null {
  const match = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(locale.trim());
  return match?.[1] ? match[1].toUpperCase() : null;
}

export interface ZoneGuess {
  zone: string;
  /** Why, for the timestamp's `source`: ".ch", "fr-CH". */
  evidence: string;
}

/** The zone of the page's country, from its host names first, then its locales. */
export function inferZone(hosts: readonly string[], locales: readonly string[]): ZoneGuess | null {
  for (const host of hosts) {
    const country = countryOfHost(host);
    const zone = country ? SINGLE_ZONE[country] : undefined;
    if (zone && country) return { zone, evidence: `.${country.toLowerCase()}` };
  }
  for (const locale of locales) {
    const country = countryOfLocale(locale);
    const zone = country ? SINGLE_ZONE[country] : undefined;
    if (zone) return { zone, evidence: locale };
  }
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC, in minutes, at the instant `utcMs`. */
export function offsetAt(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The offset, in minutes, that the zone's clocks had at this local wall-clock time. */
export function offsetForLocalTime(zone: string, wallClockAsUtcMs: number): number {
  // Two passes settle the offset across a summer-time change.
  const first = offsetAt(zone, wallClockAsUtcMs);
  const second = offsetAt(zone, wallClockAsUtcMs - first * 60000);
  return second;
}

/**
 * Zone names pages print after a time ("10:28 p.m. ET", "05:48 MEZ"). The DST-qualified ones are
 * fixed offsets; the bare US ones ("ET") name a zone whose offset depends on the date. Only
 * names that mean one thing are here: "IST" (India, Ireland, Israel) and "CST" in Chinese pages
 * are left out, so they give no offset rather than a wrong one. Upper case only, so the French
 * "et" is never Eastern time.
 */
const ZONE_NAMES: Readonly<Record<string, number | string>> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  MEZ: 60,
  CEST: 120,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  ACST: 570,
  ACDT: 630,
  AWST: 480,
  NZST: 720,
  NZDT: 780,
  HST: -600,
  AKST: -540,
  AKDT: -480,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
};

/** Every zone name, longest first, for a regex alternation. */
export const ZONE_NAME_PATTERN = Object.keys(ZONE_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * The offset a zone name stands for at this local wall-clock time, in minutes east of UTC;
 * null for an unknown name. "GMT+10", "UTC-05:00" and "+0100" are read as they are written.
 */
export function offsetForZoneName(name: string, wallClockAsUtcMs: number): number | null {
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(name.trim());
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? null : numeric[1] === '-' ? -minutes : minutes;
  }
  const zone = ZONE_NAMES[name.trim().toUpperCase()];
  if (zone === undefined) return null;
  return typeof zone === 'number' ? zone : offsetForLocalTime(zone, wallClockAsUtcMs);
}

export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}
