/**
 * When a watched article is checked again (issue 7, item 5): often while it is young, when news
 * articles change most, then less and less, and not at all after the watch ends. Pure: times in,
 * time out, so the schedule is tested without a browser.
 *
 *   first 2 hours   every 15 minutes
 *   until 24 hours  every hour
 *   then            every day, until the watch ends (`days` after it started, 7 by default)
 */

/** One minute. The e2e build (`wxt build --mode e2e`) shrinks it so a test sees several checks. */
export const MINUTE = import.meta.env.MODE === 'e2e' ? 200 : 60_000;

export const WATCH_DAYS = { fallback: 7, min: 1, max: 30 } as const;

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The interval after a check made `age` after the watch started. */
function intervalAt(age: number): number {
  if (age < 2 * HOUR) return 15 * MINUTE;
  if (age < DAY) return HOUR;
  return DAY;
}

/**
 * The time of the next check after one made at `checkedAt` (ms) for a watch started at
 * `startedAt`, or null when the watch has ended: the last check falls on its end.
 */
export function nextCheckAt(startedAt: number, checkedAt: number, days: number = WATCH_DAYS.fallback): number | null {
  const end = startedAt + clampDays(days) * DAY;
  if (checkedAt >= end) return null;
  return Math.min(end, Math.max(checkedAt, startedAt) + intervalAt(checkedAt - startedAt));
}

/** A stored setting may be anything: a whole number of days within bounds. */
export function clampDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isFinite(days)) return WATCH_DAYS.fallback;
  return Math.min(WATCH_DAYS.max, Math.max(WATCH_DAYS.min, Math.round(days)));
}
