/**
 * The reader's history of articles (issue 7, item 2): the last version of each article Lede
 * analysed for them, so the next visit can say what changed. In storage.local, which survives
 * restarts; one key per article plus an index of when each was last seen, so the oldest go first
 * when the history is full (historySize, 500 by default). A version is stored only when its
 * content differs from the one kept (core/snapshot.ts, sameContent): the kept one's `at` then
 * stays "when you read it".
 *
 * What storage holds is checked before use: a corrupted or unknown entry counts as no history for
 * that article and is replaced; nothing else is touched.
 */
import { storage } from 'wxt/utils/storage';
import { sameContent, type Snapshot } from '@/core/snapshot';
import { isSnapshot } from './validate-report';

const PREFIX = 'local:snapshot:';
type SnapshotKey = `local:snapshot:${string}`;

/** How many articles the history keeps; the options page will change it (issue 8). */
export const historySize = storage.defineItem<number>('local:historySize', { fallback: 500, version: 1 });

/** Each stored article's key and when it was last seen (ms), for eviction. */
const snapshotIndex = storage.defineItem<Record<string, number>>('local:snapshotIndex', { fallback: {}, version: 1 });

const keyOf = (url: string): SnapshotKey => `${PREFIX}${url}`;

export interface Visit {
  /** The version the reader saw last time, or null on a first visit (or when none was kept). */
  previous: Snapshot | null;
}

/**
 * Records that the reader has seen `snapshot` now, and returns what they had seen before. A
 * page without an address is not kept.
 */
export async function recordVisit(snapshot: Snapshot, now = Date.now()): Promise<Visit> {
  const url = snapshot.url;
  if (!url) return { previous: null };
  const previous = await readSnapshot(url);
  // Unchanged: the kept version stays, with its date ("no change since you read it on …").
  if (!previous || !sameContent(previous, snapshot)) await storage.setItem(keyOf(url), snapshot);
  const index = { ...(await readIndex()), [url]: now };
  await evict(index, await historySize.getValue());
  return { previous };
}

async function readIndex(): Promise<Record<string, number>> {
  const index: unknown = await snapshotIndex.getValue().catch(() => ({}));
  // A corrupted index is rebuilt from nothing; the snapshots it lost are evicted by nobody, but
  // are found again by their key on the next visit.
  return typeof index === 'object' && index !== null && !Array.isArray(index) ? (index as Record<string, number>) : {};
}

/** Keeps the `size` most recently seen articles; the oldest go first. */
async function evict(index: Record<string, number>, size: number): Promise<void> {
  const limit = Number.isInteger(size) && size > 0 ? size : 500;
  const byAge = Object.entries(index)
    .filter(([, seen]) => typeof seen === 'number')
    .sort((a, b) => b[1] - a[1]);
  const gone = byAge.slice(limit).map(([url]) => url);
  if (gone.length) await storage.removeItems(gone.map(keyOf));
  await snapshotIndex.setValue(Object.fromEntries(byAge.slice(0, limit)));
}

/** The version of `url` the reader saw last, if one is kept. */
export async function readSnapshot(url: string): Promise<Snapshot | null> {
  const stored: unknown = await storage.getItem(keyOf(url)).catch(() => null);
  return isSnapshot(stored) ? stored : null;
}

/** Every kept snapshot, for export (JSON). */
export async function exportHistory(): Promise<Snapshot[]> {
  const urls = Object.keys(await readIndex());
  const items = await storage.getItems(urls.map(keyOf));
  return items.map(({ value }: { value: unknown }) => value).filter(isSnapshot);
}

/** Forgets every article. */
export async function clearHistory(): Promise<void> {
  const urls = Object.keys(await readIndex());
  await storage.removeItems(urls.map(keyOf));
  await snapshotIndex.removeValue();
}
