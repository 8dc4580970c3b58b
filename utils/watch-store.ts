/**
 * Watched articles (issue 7, item 5): which articles the reader asked Lede to re-check, how each
 * check went, and the newest version a check found. Written by the background only (the popup and
 * the options page ask it by message), read by the options page.
 *
 * The newest version found is kept apart from the reader's history (snapshot-store.ts): the
 * history holds what the reader read, so the popup still says everything that changed since
 * then, while the watch compares each check with the last version it found and tells the reader
 * once per change.
 */
import { storage } from 'wxt/utils/storage';
import type { Snapshot } from '@/core/snapshot';
import { isReadableSnapshot } from './snapshot-store';
import { clampDays, nextCheckAt, WATCH_DAYS } from './watch-schedule';

import { MAX_WATCHES } from './watch-limits';

export type CheckResult = 'same' | 'changed' | 'failed' | 'no-access' | 'not-article';

export interface Watch {
  /** The article's address without tracking parameters (the history's key, Snapshot.url). */
  url: string;
  title: string | null;
  startedAt: number;
  lastCheck: number | null;
  /** Null once the watch has ended. */
  nextCheck: number | null;
  /** The last check's result, and for a failure what went wrong. */
  result: CheckResult | null;
  error: string | null;
  /** When a check last found a new version. */
  changedAt: number | null;
  /** A new version the reader has not opened yet: counted in the toolbar badge. */
  unseen: boolean;
}

export interface WatchSettings {
  /** How long a watch lasts. */
  days: number;
  /** Show a notification on a change (needs the optional "notifications" permission). */
  notify: boolean;
}

export const watchSettings = storage.defineItem<WatchSettings>('local:watchSettings', {
  fallback: { days: WATCH_DAYS.fallback, notify: false },
  version: 1,
});

export const watchList = storage.defineItem<Record<string, Watch>>('local:watches', { fallback: {}, version: 1 });

const versionKey = (url: string): `local:watchVersion:${string}` => `local:watchVersion:${url}`;

const isTime = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t);
const RESULTS: readonly unknown[] = ['same', 'changed', 'failed', 'no-access', 'not-article'] satisfies CheckResult[];

/**
 * A stored watch as Lede can use it, or null when it is unreadable: without its address, its
 * start or its schedule (Firefox's storage keeps NaN and Infinity, which no alarm takes). A field
 * that is only for show and is wrong is dropped, and the watch kept.
 */
function readableWatch(w: unknown): Watch | null {
  const v = (typeof w === 'object' && w !== null ? w : {}) as Partial<Record<keyof Watch, unknown>>;
  if (typeof v.url !== 'string' || !isTime(v.startedAt) || !(v.nextCheck === null || isTime(v.nextCheck))) return null;
  return {
    url: v.url,
    title: typeof v.title === 'string' ? v.title : null,
    startedAt: v.startedAt,
    lastCheck: isTime(v.lastCheck) ? v.lastCheck : null,
    nextCheck: v.nextCheck,
    result: RESULTS.includes(v.result) ? (v.result as CheckResult) : null,
    error: typeof v.error === 'string' ? v.error : null,
    changedAt: isTime(v.changedAt) ? v.changedAt : null,
    unseen: v.unseen === true,
  };
}

export async function readSettings(): Promise<WatchSettings> {
  const stored = (await watchSettings.getValue().catch(() => null)) as Partial<WatchSettings> | null;
  return { days: clampDays(stored?.days), notify: stored?.notify === true };
}

/**
 * Every watch, newest first. What storage holds is checked: an unreadable entry is left out, said
 * in the console, and gone from storage at the next write of the list.
 */
export async function readWatches(): Promise<Watch[]> {
  const stored: unknown = await watchList.getValue().catch(() => ({}));
  const all = typeof stored === 'object' && stored !== null ? Object.values(stored) : [stored];
  const watches = all.map(readableWatch).filter((w): w is Watch => w !== null);
  if (watches.length < all.length)
    console.warn(`Lede: watch: ${all.length - watches.length} unreadable entries left out`);
  return watches.sort((a, b) => b.startedAt - a.startedAt);
}

async function writeWatches(watches: Watch[]): Promise<void> {
  await watchList.setValue(Object.fromEntries(watches.map((w) => [w.url, w])));
}

/**
 * Starts watching `url` (again: a watch that ended starts afresh). With MAX_WATCHES running, the
 * oldest that has ended makes room; if none has, the watch is refused (returns null).
 */
export async function startWatch(url: string, title: string | null, now = Date.now()): Promise<Watch | null> {
  const { days } = await readSettings();
  let watches = (await readWatches()).filter((w) => w.url !== url);
  let ended: Watch | undefined;
  if (watches.length >= MAX_WATCHES) {
    ended = watches.filter((w) => w.nextCheck === null).pop();
    if (!ended) return null;
    watches = watches.filter((w) => w !== ended);
  }
  const watch: Watch = {
    url,
    title,
    startedAt: now,
    lastCheck: null,
    nextCheck: nextCheckAt(now, now, days),
    result: null,
    error: null,
    changedAt: null,
    unseen: false,
  };
  await writeWatches([watch, ...watches]);
  // Only once the new list is written: a failed write leaves the ended watch as it was.
  if (ended) await storage.removeItem(versionKey(ended.url));
  return watch;
}

export async function stopWatch(url: string): Promise<void> {
  await writeWatches((await readWatches()).filter((w) => w.url !== url));
  await storage.removeItem(versionKey(url));
}

/** Applies `change` to the watch of `url`, if it is still watched. */
export async function updateWatch(url: string, change: Partial<Omit<Watch, 'url'>>): Promise<void> {
  const watches = await readWatches();
  await writeWatches(watches.map((w) => (w.url === url ? { ...w, ...change } : w)));
}

/**
 * The reader has opened the article: what they read is now in the history, so the watch starts
 * comparing from there and the badge no longer counts it.
 */
export async function markSeen(url: string): Promise<Watch | null> {
  const watch = (await readWatches()).find((w) => w.url === url) ?? null;
  if (!watch) return null;
  try {
    await storage.removeItem(versionKey(url));
    if (watch.unseen) await updateWatch(url, { unseen: false });
  } catch (error) {
    // The visit goes on (the reader's history is another write); the badge counts it until the next one.
    console.warn('Lede: watch: the change could not be marked as seen', error);
    return watch;
  }
  return { ...watch, unseen: false };
}

/** The newest version a check found, if one differs from what the reader read. */
export async function watchedVersion(url: string): Promise<Snapshot | null> {
  const stored: unknown = await storage.getItem(versionKey(url)).catch(() => null);
  return isReadableSnapshot(stored) ? stored : null;
}

export async function saveWatchedVersion(snapshot: Snapshot & { url: string }): Promise<void> {
  await storage.setItem(versionKey(snapshot.url), snapshot);
}
