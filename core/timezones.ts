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
function offsetAt(zone: string, utcMs: number): number {
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

export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}
