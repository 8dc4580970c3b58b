/**
 * Storage faults (issue 10, item 6) on the real store code and WXT's fake browser: a full quota
 * (each browser's own error), any failed write or read, and every corrupted shape storage may
 * hold, for the history, the settings and the watches. What must hold: the reader's data as it
 * was, a visit answered (with why it was not kept), valid values read, and each loss reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '@/core/report';
import type { ArticleReport } from '@/core/types';
import type { Snapshot } from '@/core/snapshot';
import { answerVisit } from '@/utils/visits';
import { exportHistory, historySize, readSnapshot, recordVisit } from '@/utils/snapshot-store';
import {
  HIGHLIGHT_DEFAULTS,
  normalizeHighlightSettings,
  normalizeReaderSettings,
  normalizeSummarySettings,
  READER_DEFAULTS,
  readerSettings,
  SUMMARY_DEFAULTS,
  summarySettings,
} from '@/utils/storage';
import { readSettings, readWatches, startWatch, stopWatch, watchedVersion } from '@/utils/watch-store';
import { MAX_WATCHES } from '@/utils/watch-limits';
import { WATCH_DAYS } from '@/utils/watch-schedule';
import { parse, SEED_DIR } from '../support/pages';
import {
  bytesInUse,
  failLocalWrites,
  FIREFOX_FULL_OTHER_ERROR,
  limitLocalStorage,
  limitLocalStorageAsFirefox,
  QUOTA_ERRORS,
} from '../support/storage-quota';

const URL_SEED = 'https://www.watson.ch/fr/international/russie/poutine-nord-coreens';
const SEED = readFileSync(path.join(SEED_DIR, 'watson-visible-times.html'), 'utf8');
// One character longer: a version the same size as the one kept would still fit in a full storage.
const EDITED = SEED.replace('environ 2 000 dollars', 'environ 12 500 dollars');

const snap = (url: string, paragraphs: string[], at = '2024-11-14T08:12:00.000Z'): Snapshot => ({
  v: 1,
  url,
  at,
  title: `Article ${url}`,
  published: null,
  modified: null,
  paragraphs,
  quotes: [],
  figures: [],
});

const visitOf = (report: ArticleReport) => ({ type: 'popup→background:visit' as const, report });
const everything = async (): Promise<Record<string, unknown>> => fakeBrowser.storage.local.get();
const snapshotKeys = async (): Promise<string[]> =>
  Object.keys(await everything())
    .filter((key) => key.startsWith('snapshot:'))
    .sort();
const indexed = async (): Promise<string[]> => {
  const { snapshotIndex } = await fakeBrowser.storage.local.get('snapshotIndex');
  return Object.keys(snapshotIndex as object)
    .map((url) => `snapshot:${url}`)
    .sort();
};

let seedReport: ArticleReport;
let editedReport: ArticleReport;
let warn: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  const now = new Date('2026-01-01T00:00:00Z');
  seedReport = analyze(parse(SEED, URL_SEED), { url: URL_SEED, now });
  editedReport = analyze(parse(EDITED, URL_SEED), { url: URL_SEED, now });
  expect(EDITED).not.toBe(SEED);
});

beforeEach(() => {
  fakeBrowser.reset();
  // The background's strings: the key, and what was put in it.
  fakeBrowser.i18n.getMessage = vi.fn((key: string) => key);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => vi.restoreAllMocks());

describe.each(Object.entries(QUOTA_ERRORS))('the history with storage full (%s)', (_browser, quotaError) => {
  it('a first visit that cannot be written changes nothing, and the answer says why', async () => {
    await recordVisit(snap('https://example.org/kept', ['Kept.']), 1);
    const before = await everything();
    const { refused } = limitLocalStorage(await bytesInUse(), quotaError);

    const answer = await answerVisit(visitOf(seedReport), new Date('2024-11-14T08:12:00Z'));
    expect(answer).toEqual({ since: null, watched: false, unsaved: 'historyFull' });
    expect(refused).toHaveLength(1);
    expect(await everything()).toEqual(before);
    expect(warn).toHaveBeenCalledWith('Lede: history: this visit could not be kept', expect.anything());
  });

  it('a changed article still shows what changed; the version read before is not overwritten', async () => {
    await answerVisit(visitOf(seedReport), new Date('2024-11-14T08:12:00Z'));
    const before = await everything();
    limitLocalStorage(await bytesInUse(), quotaError);

    const answer = await answerVisit(visitOf(editedReport), new Date('2024-11-16T09:00:00Z'));
    expect(answer.unsaved).toBe('historyFull');
    expect(answer.since?.changed).toBe(true);
    expect(answer.since?.diff.figures).toEqual([{ before: '2 000 dollars', after: '12 500 dollars' }]);
    expect(await everything()).toEqual(before);
    expect((await readSnapshot(URL_SEED))?.at).toBe('2024-11-14T08:12:00.000Z');
  });

  it('a full history evicts nothing when the new version cannot be written', async () => {
    await historySize.setValue(10);
    for (let i = 0; i < 10; i++) await recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), i);
    const before = await everything();
    limitLocalStorage(await bytesInUse(), quotaError);

    const { error } = await recordVisit(snap('https://example.org/new', ['New.']), 100);
    expect(String(error)).toMatch(/quota/i);
    expect(await everything()).toEqual(before);
    expect(await snapshotKeys()).toHaveLength(10);
  });

  it('once there is room again, the next visit is kept', async () => {
    limitLocalStorage(await bytesInUse(), quotaError);
    expect((await answerVisit(visitOf(seedReport))).unsaved).toBe('historyFull');
    vi.restoreAllMocks();
    expect(await answerVisit(visitOf(seedReport))).toEqual({ since: null, watched: false });
    expect(await snapshotKeys()).toEqual([`snapshot:${URL_SEED}`]);
  });

  it('a watch that cannot be written leaves the list and the ended watch’s newer version; stopping one still works', async () => {
    for (let i = 0; i < MAX_WATCHES; i++) await startWatch(`https://example.org/${i}`, null, i);
    const { watches } = (await fakeBrowser.storage.local.get('watches')) as { watches: Record<string, object> };
    // The oldest has ended, and a check had found a newer version of it.
    const oldest = 'https://example.org/0';
    await fakeBrowser.storage.local.set({ watches: { ...watches, [oldest]: { ...watches[oldest], nextCheck: null } } });
    await fakeBrowser.storage.local.set({
      'watchVersion:https://example.org/0': snap('https://example.org/0', ['N.']),
    });
    const before = await everything();
    limitLocalStorage(await bytesInUse(), quotaError);

    await expect(startWatch('https://example.org/new', null)).rejects.toThrow(/quota/i);
    expect(await everything()).toEqual(before);
    // Stopping a watch frees room, so a full storage takes it.
    await stopWatch('https://example.org/1');
    expect((await readWatches()).map((w) => w.url)).not.toContain('https://example.org/1');
  });
});

describe('the history with Firefox’s storage full, as Firefox fails its writes', () => {
  it('a write refused with "An unexpected error occurred" is tried again, and the quota error gives the reason', async () => {
    await recordVisit(snap('https://example.org/kept', ['Kept.']), 1);
    const before = await everything();
    const { refused } = limitLocalStorageAsFirefox(await bytesInUse());
    expect((await answerVisit(visitOf(seedReport))).unsaved).toBe('historyFull');
    expect(refused).toHaveLength(2);
    expect(await everything()).toEqual(before);
  });

  it('a write that fails once for another reason is kept at the second try', async () => {
    const area = fakeBrowser.storage.local as unknown as { set(items: object): Promise<void> };
    const set = area.set.bind(area);
    vi.spyOn(area, 'set')
      .mockImplementationOnce(async () => {
        throw FIREFOX_FULL_OTHER_ERROR();
      })
      .mockImplementation(set);
    expect(await answerVisit(visitOf(seedReport))).toEqual({ since: null, watched: false });
    expect(await snapshotKeys()).toEqual([`snapshot:${URL_SEED}`]);
  });

  it('a quota error is not tried again', async () => {
    const { refused } = limitLocalStorage(await bytesInUse(), QUOTA_ERRORS.firefox);
    expect((await answerVisit(visitOf(seedReport))).unsaved).toBe('historyFull');
    expect(refused).toHaveLength(1);
  });
});

describe('the history when storage fails otherwise', () => {
  it('any rejected write: the answer gives the browser’s reason, and nothing changes', async () => {
    await recordVisit(snap('https://example.org/kept', ['Kept.']), 1);
    const before = await everything();
    failLocalWrites(() => new Error('IO error: .../000005.ldb: No space left on device'));
    expect((await answerVisit(visitOf(seedReport))).unsaved).toBe('IO error: .../000005.ldb: No space left on device');
    expect(await everything()).toEqual(before);
  });

  it('a read that fails stops the visit before any write: what could not be read is not overwritten', async () => {
    await recordVisit(snap(URL_SEED, ['Read before.']), 1);
    const before = await everything();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Database is closed'));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await answerVisit(visitOf(seedReport))).unsaved).toBe('Database is closed');
    expect(set).not.toHaveBeenCalled();
    vi.mocked(fakeBrowser.storage.local.get).mockRestore();
    expect(await everything()).toEqual(before);
  });

  it('an eviction that fails keeps the visit, and leaves no snapshot out of the index', async () => {
    await historySize.setValue(10);
    for (let i = 0; i < 10; i++) await recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), i);
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('remove failed'));
    expect(await recordVisit(snap('https://example.org/new', ['New.']), 100)).toEqual({ previous: null });
    expect(await snapshotKeys()).toHaveLength(11);
    expect(await indexed()).toEqual(await snapshotKeys());
    // The next visit evicts what is due.
    vi.mocked(fakeBrowser.storage.local.remove).mockRestore();
    await recordVisit(snap('https://example.org/newer', ['Newer.']), 101);
    expect(await snapshotKeys()).toHaveLength(10);
    expect(await snapshotKeys()).not.toContain('snapshot:https://example.org/0');
    expect(await indexed()).toEqual(await snapshotKeys());
  });

  it('visits sent together are kept one after the other: none is lost from the index', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), i)),
    );
    expect(await snapshotKeys()).toHaveLength(20);
    expect(await indexed()).toEqual(await snapshotKeys());
  });

  it('the watch’s “seen” failing does not lose the visit’s answer', async () => {
    await answerVisit(visitOf(seedReport), new Date('2024-11-14T08:12:00Z'));
    await startWatch(URL_SEED, null);
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('remove failed'));
    const answer = await answerVisit(visitOf(editedReport), new Date('2024-11-16T09:00:00Z'));
    expect(answer.since?.changed).toBe(true);
    expect(answer.watched).toBe(true);
    expect(answer.unsaved).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Lede: watch: the change could not be marked as seen', expect.anything());
  });
});

/** Every shape a stored version may have that is no version Lede can read. */
const UNREADABLE_VERSIONS: [string, unknown][] = [
  ['a string', 'garbage'],
  ['a number', 42],
  ['false', false],
  ['an array', [1, 2, 3]],
  ['an empty object', {}],
  ['missing fields', { v: 1, url: URL_SEED, at: '2024-11-14T08:12:00.000Z' }],
  ['paragraphs of the wrong type', { ...snap(URL_SEED, []), paragraphs: 'garbage' }],
  ['a date that is none', { ...snap(URL_SEED, ['x']), at: 'yesterday-ish' }],
  ['a newer Lede’s version (v: 2)', { ...snap(URL_SEED, ['x']), v: 2 }],
  [
    'a huge one (more paragraphs than any article)',
    snap(
      URL_SEED,
      Array.from({ length: 20_001 }, (_, i) => `p${i}`),
    ),
  ],
  ['a string of 6 MB', 'x'.repeat(6_000_000)],
];

describe('the history reads whatever storage holds', () => {
  it.each(UNREADABLE_VERSIONS)(
    'a kept version that is %s counts as none, is replaced, and is reported',
    async (_, value) => {
      await recordVisit(snap('https://example.org/other', ['Other.']), 1);
      await fakeBrowser.storage.local.set({ [`snapshot:${URL_SEED}`]: value });
      const started = Date.now();
      const answer = await answerVisit(visitOf(seedReport));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer).toEqual({ since: null, watched: false });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the version kept of .* is unreadable/));
      expect((await readSnapshot(URL_SEED))?.title).toBe(seedReport.title);
      expect((await exportHistory()).map((s) => s.url).sort()).toEqual(['https://example.org/other', URL_SEED]);
    },
  );

  it.each([
    ['a string', 'not an index'],
    ['a number', 7],
    ['an array', ['https://example.org/0']],
    ['true', true],
  ])('an index that is %s is rebuilt from the kept snapshots, so none escapes eviction', async (_, value) => {
    await historySize.setValue(10);
    for (let i = 0; i < 10; i++)
      await recordVisit(
        snap(`https://example.org/${i}`, [`Article ${i}.`], new Date(i * 1000).toISOString()),
        i * 1000,
      );
    await fakeBrowser.storage.local.set({ snapshotIndex: value, 'snapshot:https://example.org/bad': 'garbage' });
    await recordVisit(snap(URL_SEED, ['New.']), 100_000);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/index was unreadable; rebuilt from the 11 articles/));
    // Eleven kept and one new, ten allowed: the unreadable one and the oldest two went.
    expect(await snapshotKeys()).toEqual(
      [URL_SEED, ...Array.from({ length: 9 }, (_, i) => `https://example.org/${i + 1}`)]
        .map((url) => `snapshot:${url}`)
        .sort(),
    );
    expect(await indexed()).toEqual(await snapshotKeys());
  });

  it('an index entry whose time is no number stays indexed, as the oldest', async () => {
    await historySize.setValue(10);
    for (let i = 0; i < 10; i++) await recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), 1000 + i);
    const { snapshotIndex } = (await fakeBrowser.storage.local.get('snapshotIndex')) as {
      snapshotIndex: Record<string, unknown>;
    };
    await fakeBrowser.storage.local.set({ snapshotIndex: { ...snapshotIndex, 'https://example.org/5': 'soon' } });
    await recordVisit(snap(URL_SEED, ['New.']), 5000);
    expect(await snapshotKeys()).not.toContain('snapshot:https://example.org/5');
    expect(await snapshotKeys()).toContain('snapshot:https://example.org/0');
    expect(await indexed()).toEqual(await snapshotKeys());
  });

  it.each([
    ['a string', 'lots', 500],
    ['a negative number', -5, 10],
    ['1 (would evict all but one)', 1, 10],
    ['a fraction', 12.4, 12],
    ['a huge number', 1e12, 5000],
    ['an object', { size: 3 }, 500],
  ])('a history size that is %s is read within 10–5,000', async (_, value, kept) => {
    await fakeBrowser.storage.local.set({ historySize: value });
    for (let i = 0; i < 15; i++) await recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), i);
    expect(await snapshotKeys()).toHaveLength(Math.min(15, kept));
  });

  it('export and clear find every kept snapshot, also one an older Lede left out of the index', async () => {
    await recordVisit(snap('https://example.org/1', ['One.']), 1);
    await fakeBrowser.storage.local.set({
      'snapshot:https://example.org/orphan': snap('https://example.org/orphan', ['O.']),
    });
    expect((await exportHistory()).map((s) => s.url).sort()).toEqual([
      'https://example.org/1',
      'https://example.org/orphan',
    ]);
    const { clearHistory } = await import('@/utils/snapshot-store');
    await clearHistory();
    expect(await snapshotKeys()).toEqual([]);
  });
});

/** Shapes any setting may hold after corruption, a hand edit or another version of Lede. */
const CORRUPTED = ['garbage', 42, true, [], {}, [1, 'two'], { nested: { deep: true } }];

describe('settings read whatever storage holds', () => {
  it.each(CORRUPTED)('each item holding %j reads as valid settings', async (value) => {
    expect(normalizeReaderSettings(value)).toEqual(READER_DEFAULTS);
    expect(normalizeSummarySettings(value)).toEqual(SUMMARY_DEFAULTS);
    expect(normalizeHighlightSettings(value)).toEqual(HIGHLIGHT_DEFAULTS);
    await fakeBrowser.storage.local.set({ watchSettings: value });
    expect(await readSettings()).toEqual({ days: WATCH_DAYS.fallback, notify: false });
  });

  it('fields of the wrong type or out of bounds are each brought back, the rest kept', () => {
    expect(normalizeReaderSettings({ theme: 'dark', font: 7, fontSize: 1e9, lineWidth: -3, lineHeight: 'x' })).toEqual({
      ...READER_DEFAULTS,
      theme: 'dark',
      fontSize: 32,
      lineWidth: 45,
    });
    expect(normalizeSummarySettings({ sentences: 1e9, onDevice: false })).toEqual({ sentences: 7, onDevice: false });
    expect(normalizeHighlightSettings({ on: false, quote: 'url(javascript:x)', figure: '#00FF00' })).toEqual({
      on: false,
      quote: HIGHLIGHT_DEFAULTS.quote,
      figure: '#00ff00',
    });
  });

  it('settings from a newer Lede (a higher WXT version mark) are read, not refused', async () => {
    await fakeBrowser.storage.local.set({
      readerSettings: { theme: 'sepia', fontSize: 24, futureField: 'x' },
      readerSettings$: { v: 9 },
      summarySettings: { sentences: 3, onDevice: false, mode: 'new' },
      summarySettings$: { v: 9 },
    });
    expect(normalizeReaderSettings(await readerSettings.getValue())).toEqual({
      ...READER_DEFAULTS,
      theme: 'sepia',
      fontSize: 24,
    });
    expect(normalizeSummarySettings(await summarySettings.getValue())).toEqual({ sentences: 3, onDevice: false });
  });
});

describe('highlight settings across versions (WXT migrations)', () => {
  /** The item as a page defines it when it loads: WXT migrates then. */
  const load = async () => {
    vi.resetModules();
    return (await import('@/utils/storage')).highlightSettings;
  };

  it('from a newer Lede (v3): WXT refuses to migrate down and logs it; the value is read as valid settings', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      highlightsOn: { on: false, quote: '#112233', figure: '#445566', style: 'underline' },
      highlightsOn$: { v: 3 },
    });
    const item = await load();
    expect(normalizeHighlightSettings(await item.getValue())).toEqual({
      on: false,
      quote: '#112233',
      figure: '#445566',
    });
    expect(String(error.mock.calls[0]?.[1])).toMatch(/Version downgrade detected \(v3 -> v2\)/);
    // Nothing was rewritten by the refusal: the newer Lede finds its value as it left it.
    expect((await fakeBrowser.storage.local.get('highlightsOn$')).highlightsOn$).toEqual({ v: 3 });
  });

  it('a version 2 value whose version mark is lost keeps its colours', async () => {
    await fakeBrowser.storage.local.set({ highlightsOn: { on: false, quote: '#112233', figure: '#445566' } });
    const item = await load();
    expect(await item.getValue()).toEqual({ on: false, quote: '#112233', figure: '#445566' });
  });

  it.each([
    ['corrupted', 'garbage'],
    ['a number', { v: 'two' }],
  ])('a version mark that is %s still gives valid settings', async (_, meta) => {
    await fakeBrowser.storage.local.set({ highlightsOn: false, highlightsOn$: meta });
    const item = await load();
    expect(normalizeHighlightSettings(await item.getValue())).toEqual({ ...HIGHLIGHT_DEFAULTS, on: false });
  });

  it.each(Object.entries(QUOTA_ERRORS))(
    'a migration that cannot be written (%s) keeps the reader’s choice for this read, and the old value',
    async (_browser, quotaError) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await fakeBrowser.storage.local.set({ highlightsOn: false, highlightsOn$: { v: 1 } });
      limitLocalStorage(await bytesInUse(), quotaError);
      const item = await load();
      expect(normalizeHighlightSettings(await item.getValue())).toEqual({ ...HIGHLIGHT_DEFAULTS, on: false });
      expect(error).toHaveBeenCalled();
      expect(await everything()).toEqual({ highlightsOn: false, highlightsOn$: { v: 1 } });
    },
  );
});

describe('watches read whatever storage holds', () => {
  const good = { url: 'https://example.org/w', startedAt: 1000, nextCheck: 2000 };

  it.each([
    ['a string', 'garbage'],
    ['an array of junk', [1, 'two', null]],
    ['entries without an address', { a: { startedAt: 1, nextCheck: 2 } }],
    ['entries with a start that is no time', { a: { url: 'https://example.org/a', startedAt: '1', nextCheck: 2 } }],
  ])('a list that is %s reads as no watches, and says so', async (_, value) => {
    await fakeBrowser.storage.local.set({ watches: value });
    expect(await readWatches()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable entries left out/));
  });

  it('NaN and Infinity (Firefox’s storage keeps them) make a watch unreadable; a bad field for show is dropped', async () => {
    const area = fakeBrowser.storage.local as unknown as { get(keys?: unknown): Promise<Record<string, unknown>> };
    vi.spyOn(area, 'get').mockResolvedValue({
      watches: {
        nan: { ...good, url: 'https://example.org/nan', startedAt: Number.NaN },
        inf: { ...good, url: 'https://example.org/inf', nextCheck: Number.POSITIVE_INFINITY },
        ok: { ...good, title: 42, result: 'exploded', unseen: 'yes', lastCheck: 'then' },
      },
    });
    expect(await readWatches()).toEqual([
      {
        ...good,
        title: null,
        lastCheck: null,
        result: null,
        error: null,
        changedAt: null,
        unseen: false,
      },
    ]);
  });

  it.each(UNREADABLE_VERSIONS)('a newer version found that is %s counts as none', async (_, value) => {
    await fakeBrowser.storage.local.set({ [`watchVersion:${URL_SEED}`]: value });
    expect(await watchedVersion(URL_SEED)).toBeNull();
  });
});
