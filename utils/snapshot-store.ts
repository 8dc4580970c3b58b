/**
 * The reader's history of articles (issue 7, item 2): the last version of each article Lede
 * analysed for them, so the next visit can say what changed. In storage.local, which survives
 * restarts; one key per article plus an index of when each was last seen, so the oldest go first
 * when the history is full (historySize, 500 by default). A version is stored only when its
 * content differs from the one kept (core/snapshot.ts, sameContent): the kept one's `at` then
 * stays "when you read it".
 *
 * Faults (issue 10, item 6), so that nothing kept is lost silently:
 *   - a version and its index entry go in one storage.local.set, which both browsers apply whole
 *     or not at all (Chrome checks the quota, then writes one LevelDB batch; Firefox writes one
 *     IndexedDB transaction). A failed write (a full quota) changes nothing, evicts nothing, and
 *     is returned, for the reader to be told;
 *   - eviction comes after a successful write, snapshots before their index entries: an index
 *     entry may outlive its snapshot (read as no history), a snapshot never its index entry;
 *   - a read that fails stops the visit before any write: what could not be read is not
 *     overwritten;
 *   - what storage holds is checked before use. An unreadable version counts as no history for
 *     that article and is replaced by the new one; an unreadable index is rebuilt from the stored
 *     snapshots; each is reported as a console warning (in the background, the history's writer).
 */
import { storage } from 'wxt/utils/storage';
import { sameContent, type Snapshot } from '@/core/snapshot';
import { isSnapshot } from './validate-stored';

const PREFIX = 'snapshot:';
type SnapshotKey = `local:snapshot:${string}`;

/** How many articles the history keeps (the options page sets it); a stored value outside is brought within. */
export const HISTORY_SIZE = { min: 10, max: 5000, fallback: 500 } as const;

export const historySize = storage.defineItem<number>('local:historySize', {
  fallback: HISTORY_SIZE.fallback,
  version: 1,
});

/** Whatever storage holds as the size: a corrupted 1 must not evict all but one article. */
export function normalizeHistorySize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return HISTORY_SIZE.fallback;
  return Math.min(HISTORY_SIZE.max, Math.max(HISTORY_SIZE.min, Math.round(value)));
}

/** Each stored article's key and when it was last seen (ms), for eviction. */
const snapshotIndex = storage.defineItem<Record<string, number>>('local:snapshotIndex', { fallback: {}, version: 1 });

const keyOf = (url: string): SnapshotKey => `local:${PREFIX}${url}`;

/**
 * More paragraphs than any article's version has (the largest of the 181 AEB pages has a few
 * hundred): a stored value past it is no version Lede wrote, and diffing it against the page could
 * hold the background for minutes.
 */
const MAX_PARAGRAPHS = 20_000;

/** A stored version Lede can compare with: this version's shape, within an article's size. */
export function isReadableSnapshot(value: unknown): value is Snapshot {
  return isSnapshot(value) && value.paragraphs.length <= MAX_PARAGRAPHS;
}

export interface Visit {
  /** The version the reader saw last time, or null on a first visit (or when none was kept). */
  previous: Snapshot | null;
  /** Why this version could not be kept, when it could not: the history stays as it was. */
  error?: unknown;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Records that the reader has seen `snapshot` now, and returns what they had seen before. A
 * page without an address is not kept. One visit at a time (the popup and a reader view may send
 * theirs together): each reads the index the one before wrote, so no entry is lost between them.
 */
export function recordVisit(snapshot: Snapshot, now = Date.now()): Promise<Visit> {
  const visit = queue.then(() => record(snapshot, now));
  queue = visit;
  return visit;
}

async function record(snapshot: Snapshot, now: number): Promise<Visit> {
  const url = snapshot.url;
  if (!url) return { previous: null };
  let previous: Snapshot | null = null;
  try {
    previous = readable(url, await storage.getItem(keyOf(url)));
    const index = { ...(await readIndex()), [url]: now };
    // Unchanged: the kept version stays, with its date ("no change since you read it on …").
    const changed = !previous || !sameContent(previous, snapshot);
    await retriedOnce(() =>
      storage.setItems([
        ...(changed ? [{ key: keyOf(url), value: snapshot }] : []),
        { item: snapshotIndex, value: index },
      ]),
    );
    await evict(index, normalizeHistorySize(await historySize.getValue().catch(() => null))).catch((error: unknown) =>
      console.warn('Lede: history: eviction failed; it is tried again at the next visit', error),
    );
    return { previous };
  } catch (error) {
    return { previous, error };
  }
}

/**
 * A write tried again once when it fails for another reason than the quota (it is whole or
 * nothing, so trying again is safe). With its storage full, Firefox (ESR 153) fails every other
 * write with "An unexpected error occurred", and the ones between with its QuotaExceededError: the
 * second try gives the reason (or, after a passing fault, the write).
 */
async function retriedOnce(write: () => Promise<void>): Promise<void> {
  await write().catch((error: unknown) => {
    if (isQuotaError(error)) throw error;
    return write();
  });
}

/**
 * A full storage: Chrome rejects a write with "QUOTA_BYTES quota exceeded" (Chromium 156 says
 * "Resource::kQuotaBytes quota exceeded"), Firefox with "QuotaExceededError: storage.local API call
 * exceeded its quota limitations.".
 */
export function isQuotaError(error: unknown): boolean {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  return /quota/i.test(`${name} ${message}`);
}

/** The value stored for `url` if it is a version Lede can read; an unreadable one is reported. */
function readable(url: string, stored: unknown): Snapshot | null {
  if (isReadableSnapshot(stored)) return stored;
  if (stored != null)
    console.warn(`Lede: history: the version kept of ${url} is unreadable and counts as none; a visit replaces it`);
  return null;
}

/** The index, every time a number; throws when storage cannot be read (nothing must be written then). */
async function readIndex(): Promise<Record<string, number>> {
  const stored: unknown = await snapshotIndex.getValue();
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return rebuildIndex();
  // A time that is no number counts as the oldest: its article goes first, but stays indexed
  // (an article out of the index would never be evicted, exported or cleared).
  return Object.fromEntries(
    Object.entries(stored).map(([url, seen]) => [url, typeof seen === 'number' && Number.isFinite(seen) ? seen : 0]),
  );
}

/** An unreadable index is rebuilt from the snapshots themselves, each seen when it was read. */
async function rebuildIndex(): Promise<Record<string, number>> {
  const index: Record<string, number> = {};
  for (const [key, value] of Object.entries(await storage.snapshot('local')))
    if (key.startsWith(PREFIX)) index[key.slice(PREFIX.length)] = isReadableSnapshot(value) ? Date.parse(value.at) : 0;
  console.warn(`Lede: history: the index was unreadable; rebuilt from the ${Object.keys(index).length} articles kept`);
  return index;
}

/** Keeps the `size` most recently seen articles; the oldest go first. */
async function evict(index: Record<string, number>, size: number): Promise<void> {
  const byAge = Object.entries(index).sort((a, b) => b[1] - a[1]);
  const gone = byAge.slice(size).map(([url]) => url);
  if (!gone.length) return;
  await storage.removeItems(gone.map(keyOf));
  await snapshotIndex.setValue(Object.fromEntries(byAge.slice(0, size)));
}

/** The version of `url` the reader saw last, if one is kept and readable. */
export async function readSnapshot(url: string): Promise<Snapshot | null> {
  return readable(url, await storage.getItem(keyOf(url)).catch(() => null));
}

/**
 * Every readable snapshot kept, for export (JSON) and the count. Found by their keys rather than
 * through the index, so none is left out: earlier versions of Lede could leave a snapshot out of
 * the index (a corrupted index was restarted empty).
 */
export async function exportHistory(): Promise<Snapshot[]> {
  const stored = await keptSnapshots();
  const articles = stored.filter(isReadableSnapshot);
  if (articles.length < stored.length)
    console.warn(`Lede: history: ${stored.length - articles.length} unreadable entries are left out`);
  return articles;
}

/** Forgets every article, indexed or not. */
export async function clearHistory(): Promise<void> {
  const keys = Object.keys(await storage.snapshot('local')).filter((key) => key.startsWith(PREFIX));
  await storage.removeItems(keys.map((key) => `local:${key}` as SnapshotKey));
  await snapshotIndex.removeValue();
}

async function keptSnapshots(): Promise<unknown[]> {
  return Object.entries(await storage.snapshot('local')).flatMap(([key, value]) =>
    key.startsWith(PREFIX) ? [value] : [],
  );
}
