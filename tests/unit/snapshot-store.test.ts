/** The reader's article history in storage.local (WXT's in-memory fake browser). */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Snapshot } from '@/core/snapshot';
import { clearHistory, exportHistory, historySize, recordVisit } from '@/utils/snapshot-store';

const snap = (url: string, paragraphs: string[], at = '2024-11-14T08:12:00.000Z'): Snapshot => ({
  v: 1,
  url,
  at,
  title: 'Poutine envoie des milliers de Nord-Coréens à Koursk',
  published: '2024-11-14T05:48:00+01:00',
  modified: null,
  paragraphs,
  quotes: [],
  figures: [],
});
const URL_A = 'https://www.watson.ch/fr/international/russie/123-poutine';
const snapshotKeys = async (): Promise<string[]> =>
  Object.keys(await fakeBrowser.storage.local.get()).filter((k) => k.startsWith('snapshot:'));

describe('the article history', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has nothing before the first visit, then the version read, kept while nothing changes', async () => {
    const first = snap(URL_A, ['Près de 50 000 soldats.']);
    expect(await recordVisit(first)).toEqual({ previous: null });
    // Cosmetic only: the same version, still dated from the first reading.
    const again = snap(URL_A, ['Près de 50 000 soldats !'], '2024-11-15T09:00:00.000Z');
    expect(await recordVisit(again)).toEqual({ previous: first });
    const changed = snap(URL_A, ['Près de 60 000 soldats.'], '2024-11-16T09:00:00.000Z');
    expect(await recordVisit(changed)).toEqual({ previous: first });
    expect(await recordVisit(snap(URL_A, ['Près de 60 000 soldats.']))).toEqual({ previous: changed });
  });

  it('keeps no page without an address', async () => {
    expect(await recordVisit({ ...snap(URL_A, ['x y z']), url: null })).toEqual({ previous: null });
    expect(await snapshotKeys()).toEqual([]);
  });

  it('stays at its size over 2,000 articles, the oldest seen going first', async () => {
    await historySize.setValue(50);
    for (let i = 0; i < 2000; i++) await recordVisit(snap(`https://example.org/${i}`, [`Article ${i}.`]), i);
    const keys = await snapshotKeys();
    expect(keys).toHaveLength(50);
    expect(keys.sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `snapshot:https://example.org/${1950 + i}`).sort(),
    );
    // Seeing an old one again makes it the newest: the next eviction spares it.
    await recordVisit(snap('https://example.org/1950', ['Article 1950.']), 5000);
    await recordVisit(snap('https://example.org/new', ['New.']), 5001);
    expect(await snapshotKeys()).toContain('snapshot:https://example.org/1950');
    expect(await snapshotKeys()).not.toContain('snapshot:https://example.org/1951');
  });

  it('treats a corrupted entry as no history for that article, and replaces it; others stay', async () => {
    await recordVisit(snap('https://example.org/other', ['Other.']));
    await fakeBrowser.storage.local.set({ [`snapshot:${URL_A}`]: { v: 99, paragraphs: 'garbage' } });
    expect(await recordVisit(snap(URL_A, ['Près de 50 000 soldats.']))).toEqual({ previous: null });
    expect((await exportHistory()).map((s) => s.url).sort()).toEqual(['https://example.org/other', URL_A]);
  });

  it('survives a corrupted index', async () => {
    await fakeBrowser.storage.local.set({ snapshotIndex: 'not an index' });
    expect(await recordVisit(snap(URL_A, ['Près de 50 000 soldats.']))).toEqual({ previous: null });
    expect(await exportHistory()).toHaveLength(1);
  });

  it('exports every article and forgets them all on clear', async () => {
    await recordVisit(snap(URL_A, ['Un.']));
    await recordVisit(snap('https://example.org/2', ['Deux.']));
    expect(await exportHistory()).toHaveLength(2);
    await clearHistory();
    expect(await exportHistory()).toEqual([]);
    expect(await snapshotKeys()).toEqual([]);
  });
});
