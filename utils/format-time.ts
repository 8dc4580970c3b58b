/**
 * Timestamps for people, in the reader's locale and time zone (Intl). Pure, with the locale and
 * zone passed in, so tests pin them.
 */

export interface DisplayTime {
  /** In the reader's zone; for a bare day or a time without offset, exactly as the page gave it. */
  text: string;
  /** The same instant in the page's own offset, when it differs from the reader's; else null. */
  pageText: string | null;
  /** Milliseconds since the epoch, when the instant is known. */
  instant: number | null;
}

export const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

function pageOffsetMinutes(iso: string): number | null {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return iso.endsWith('Z') ? 0 : null;
}

function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** The zone's offset at an instant, in minutes. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
    new Date(instant),
  );
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The calendar day of an instant in a zone, for "same day" tests. */
function dayIn(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/**
 * `sameDayAs`: an instant (the publication) on whose day, in the reader's zone, only the time is
 * worth showing: "Updated 10:09" under "Published 14 Nov 2024, 05:48".
 */
export function formatTimestamp(iso: string, locale: string, timeZone: string, sameDayAs?: number | null): DisplayTime {
  const dateStyle = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  if (BARE_DAY.test(iso)) {
    // A day alone is the page's day: no zone conversion, which could shift it.
    const text = new Intl.DateTimeFormat(locale, { ...dateStyle, timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
    return { text, pageText: null, instant: null };
  }
  const full = { ...dateStyle, hour: '2-digit', minute: '2-digit' } as const;
  if (!HAS_OFFSET.test(iso)) {
    // A wall-clock time in an unknown zone: shown as written.
    const text = new Intl.DateTimeFormat(locale, { ...full, timeZone: 'UTC' }).format(new Date(`${iso}Z`));
    return { text, pageText: null, instant: null };
  }
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return { text: iso, pageText: null, instant: null };
  const timeOnly =
    sameDayAs !== undefined && sameDayAs !== null && dayIn(sameDayAs, timeZone) === dayIn(instant, timeZone);
  const text = new Intl.DateTimeFormat(
    locale,
    timeOnly ? { hour: '2-digit', minute: '2-digit', timeZone } : { ...full, timeZone },
  ).format(instant);
  const pageOffset = pageOffsetMinutes(iso);
  let pageText: string | null = null;
  if (pageOffset !== null && pageOffset !== zoneOffset(instant, timeZone)) {
    const wall = new Intl.DateTimeFormat(locale, { ...full, timeZone: 'UTC' }).format(instant + pageOffset * 60000);
    pageText = `${wall} (${offsetName(pageOffset)})`;
  }
  return { text, pageText, instant };
}

/** "4 h 21 min", "2 d 3 h", "45 min": the gap between publication and update. */
export function formatGap(ms: number, locale: string): string {
  const minutes = Math.round(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute'): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value);
  if (days > 0) return [unit(days, 'day'), hours ? unit(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [unit(hours, 'hour'), mins ? unit(mins, 'minute') : ''].filter(Boolean).join(' ');
  return unit(mins, 'minute');
}

/** "3 days ago", in the reader's language. */
export function formatRelative(instant: number, now: number, locale: string): string {
  const seconds = (instant - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [
    [60, 'second'],
    [3600, 'minute'],
    [86400, 'hour'],
    [604800, 'day'],
    [2629800, 'week'],
    [31557600, 'month'],
  ];
  let divisor = 1;
  for (const [limit, unit] of steps) {
    if (Math.abs(seconds) < limit) return rtf.format(Math.round(seconds / divisor), unit);
    divisor = limit;
  }
  return rtf.format(Math.round(seconds / 31557600), 'year');
}
