/** Settings as storage holds them: declared once, versioned, migrated, and normalized when read. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  HIGHLIGHT_DEFAULTS,
  highlightSettings,
  normalizeHighlightSettings,
  normalizeSummarySettings,
  summarySettings,
} from '@/utils/storage';

describe('highlight settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrate version 1 (the on/off switch alone) to version 2, keeping the reader’s choice', async () => {
    // What Lede 0.1 wrote: the boolean, with WXT's version meta 1.
    await fakeBrowser.storage.local.set({ highlightsOn: false, highlightsOn$: { v: 1 } });
    // WXT migrates when a page defines the item, as it does when it loads: a fresh module here.
    vi.resetModules();
    const { highlightSettings: loaded } = await import('@/utils/storage');
    expect(await loaded.getValue()).toEqual({ on: false, quote: '#ffc400', figure: '#409cff' });
    expect((await fakeBrowser.storage.local.get('highlightsOn$')).highlightsOn$).toEqual({ v: 2 });
  });

  it('start from the defaults on a new install', async () => {
    expect(await highlightSettings.getValue()).toEqual(HIGHLIGHT_DEFAULTS);
  });

  it('take only #rrggbb colours: anything else could inject CSS into the page', () => {
    expect(normalizeHighlightSettings({ on: true, quote: '#ABCDEF', figure: 'red;}*{display:none' })).toEqual({
      on: true,
      quote: '#abcdef',
      figure: HIGHLIGHT_DEFAULTS.figure,
    });
    expect(normalizeHighlightSettings('garbage')).toEqual(HIGHLIGHT_DEFAULTS);
  });
});

describe('summary settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep 0 (by length) to 7 sentences, and the on-device model on unless turned off', async () => {
    expect(await summarySettings.getValue()).toEqual({ sentences: 0, onDevice: true });
    expect(normalizeSummarySettings({ sentences: 12, onDevice: false })).toEqual({ sentences: 7, onDevice: false });
    expect(normalizeSummarySettings({ sentences: 2.5 })).toEqual({ sentences: 0, onDevice: true });
    expect(normalizeSummarySettings(null)).toEqual({ sentences: 0, onDevice: true });
  });
});
