// Storage faults in the real browsers (issue 10, item 6), the same checks in Chromium and Firefox.
// Values are written into storage.local from an extension page, through the extension's own
// storage API, as a corrupted profile, a hand edit or another version of Lede would leave them.
// Then: the popup over the seed page is ready with the right report, its visit replaces the
// corrupted history entry, the reader view and the options page work; and with storage really
// full (limited-storage.ts says how each browser is made to fill), the popup says the visit could
// not be saved, and what the history held is still there.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { SEED_EXPECTED } from './cases';
import { describePopup, pressControl, readPopupReport, waitForPopupState, withScreenshot } from './popup';
import type { ReaderDriver } from './reader-driver';
import { waitForReaderState } from './reader-page';

export interface StorageFaultsContext {
  browserName: 'chromium' | 'firefox';
  /** The served address of a fixture. */
  url(fixture: string): string;
  /** The extension as built. */
  driver(): ReaderDriver;
  /** The extension with a storage.local quota a test can fill (limited-storage.ts). */
  limitedDriver(): ReaderDriver;
}

const SEED = 'seed/watson-visible-times.html';

/** The extension API from a page's own world (Firefox has `browser`, Chromium `chrome`). */
const API = '(globalThis.browser ?? globalThis.chrome)';

/** The popup's notice, as en/messages.json words it with the reason for a full storage. */
const STORAGE_FULL_NOTICE =
  'Lede could not save this article to your history: its storage in your browser is full. Clearing the history in the settings makes room.';

/** Every item Lede stores, each holding what it should not (see utils/storage.ts, snapshot-store.ts, watch-store.ts). */
function corruptedStorage(seedUrl: string): Record<string, unknown> {
  return {
    // An older Lede's version 1: the highlights switch alone, off. WXT migrates it.
    highlightsOn: false,
    highlightsOn$: { v: 1 },
    // A newer Lede's version of the settings, fields of the wrong type.
    summarySettings: { sentences: 'many', onDevice: 'perhaps', mode: 'future' },
    summarySettings$: { v: 99 },
    // Of the reader's settings, the theme is right and kept, the line width is brought within its
    // bounds, and the rest are of no use: their defaults.
    readerSettings: { theme: 'dark', font: 42, fontSize: 'huge', lineWidth: -1, lineHeight: null },
    historySize: { size: 'big' },
    snapshotIndex: 'not an index',
    // The seed article's kept version, unreadable; and another article's.
    [`snapshot:${seedUrl}`]: { v: 99, paragraphs: 'garbage' },
    'snapshot:https://example.org/unreadable': [1, 2, 3],
    watches: { a: 'garbage', b: { url: 5 } },
    watchSettings: ['days'],
  };
}

/** Storage as the test wants it: what earlier tests left is cleared first. */
const setStorage = (page: Page, items: Record<string, unknown>): Promise<unknown> =>
  page.evaluate(`${API}.storage.local.clear().then(() => ${API}.storage.local.set(${JSON.stringify(items)}))`);

const readStorage = (page: Page, keys: string[] | null = null): Promise<Record<string, unknown>> =>
  page.evaluate(`${API}.storage.local.get(${JSON.stringify(keys)})`) as Promise<Record<string, unknown>>;

/** Waits for the background's answer to the popup's visit: the watch switch shows with it. */
async function waitForVisit(popup: Page): Promise<void> {
  expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
  await popup.waitForSelector('[data-testid="watch"]', { timeout: 15_000 });
}

/**
 * Fills storage.local until a write of 256 bytes fails, and returns the keys written. Chromium
 * says its quota and what is used (each key and its value's JSON): one write takes all but 256
 * bytes. Firefox says neither: ever smaller values of random text, each written until one is
 * refused (Firefox compresses what it stores; random text does not shrink).
 */
async function fillStorage(page: Page): Promise<string[]> {
  const { keys, probe } = (await page.evaluate(`(async () => {
    const api = ${API};
    const bytes = new Uint8Array(1 << 20);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(35 + (byte % 90));
    const keys = [];
    const quota = api.storage.local.QUOTA_BYTES;
    if (quota && api.storage.local.getBytesInUse) {
      const key = 'e2e-filler-0';
      const used = await api.storage.local.getBytesInUse(null);
      await api.storage.local.set({ [key]: 'x'.repeat(quota - used - key.length - 2 - 256) });
      keys.push(key);
    } else {
      // Three refusals in a row: a full Firefox storage fails every other write with "An unexpected
      // error occurred", which a smaller value may follow with success.
      for (const size of [1 << 20, 1 << 18, 1 << 16, 1 << 14, 1 << 12, 1 << 10, 1 << 8]) {
        for (let written = 0, refused = 0; written < 64 && refused < 3; written++) {
          const key = 'e2e-filler-' + keys.length;
          try {
            await api.storage.local.set({ [key]: text.slice(0, size) });
            keys.push(key);
            refused = 0;
          } catch {
            refused++;
          }
        }
      }
    }
    // Full means full: a small write is refused too, twice in a row.
    const probes = [];
    for (let i = 0; i < 2; i++)
      probes.push(await api.storage.local.set({ 'e2e-probe': text.slice(0, 1024) }).then(() => 'written', String));
    return { keys, probe: probes.includes('written') ? 'written' : probes.join(' / ') };
  })()`)) as { keys: string[]; probe: string };
  if (probe === 'written') throw new Error(`E2E: storage.local is not full after ${keys.length} writes`);
  return keys;
}

export function defineStorageFaultsTests(context: StorageFaultsContext): void {
  test('corrupted values in every item: the popup is ready with the right report and replaces the unreadable entry; the reader view and the options page work', async () => {
    const driver = context.driver();
    const url = context.url(SEED);
    const options = await driver.openExtensionPage('options.html');
    driver.opened.push(options);
    await setStorage(options, corruptedStorage(url));

    const { popup } = await driver.openArticle(url);
    await withScreenshot(popup, context.browserName, 'storage-corrupted', async () => {
      await waitForVisit(popup);
      const report = await readPopupReport(popup);
      expect({ title: report.title, published: report.published, modified: report.modified }).toEqual(SEED_EXPECTED);
      // The unreadable version is no version read before: a first visit, kept without complaint.
      expect(await popup.$('[data-testid="changes"], [data-testid="no-change"], [data-testid="unsaved"]')).toBeNull();
      // Version 1's "off", migrated.
      expect(await popup.$eval('[data-testid="toggle-highlights"]', (el) => el.getAttribute('aria-checked'))).toBe(
        'false',
      );
    });

    const stored = await readStorage(options);
    expect(stored[`snapshot:${url}`]).toEqual(
      expect.objectContaining({ v: 1, url, title: SEED_EXPECTED.title, paragraphs: expect.any(Array) }),
    );
    // Rebuilt from what was kept: the other unreadable entry stays indexed, to be evicted in its turn.
    expect(Object.keys(stored.snapshotIndex as object).sort()).toEqual([url, 'https://example.org/unreadable'].sort());
    expect(stored['snapshot:https://example.org/unreadable']).toEqual([1, 2, 3]);
    expect(stored.highlightsOn).toEqual({ on: false, quote: '#ffc400', figure: '#409cff' });
    expect(stored.highlightsOn$).toEqual({ v: 2 });
    // Read, not rewritten: a newer Lede finds its settings as it left them.
    expect(stored.summarySettings$).toEqual({ v: 99 });

    const reader = await driver.captureReader(async () =>
      pressControl(driver.browserName, await popup.$('[data-testid="open-reader"]')),
    );
    expect(await waitForReaderState(reader)).toBe('ready');
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'dark', { timeout: 5_000 });
    expect(
      await reader.evaluate(() => ({
        font: document.documentElement.dataset.font,
        size: document.documentElement.style.getPropertyValue('--font-size'),
        width: document.documentElement.style.getPropertyValue('--line-width'),
      })),
    ).toEqual({ font: 'serif', size: '20px', width: '45ch' });

    const fresh = await driver.openExtensionPage('options.html');
    driver.opened.push(fresh);
    await withScreenshot(fresh, context.browserName, 'storage-corrupted-options', async () => {
      await fresh.waitForSelector('[data-testid="history-count"][data-count]', { timeout: 10_000 });
      await fresh.waitForSelector('[data-testid="watch-empty"]', { timeout: 10_000 });
      // No named helpers in the callback: it is serialised into the page (see popup.ts).
      const shown = await fresh.evaluate(() => {
        const [size, sentences, theme, days] = ['history-size', 'summary-sentences', 'reader-theme', 'watch-days'].map(
          (id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value ?? null,
        );
        return {
          // The one readable article: the popup's visit (the reader view's, of the same page, changed nothing).
          count: document.querySelector('[data-testid="history-count"]')?.getAttribute('data-count'),
          size,
          highlightsOn: (document.querySelector('[data-testid="highlights-on"]') as HTMLInputElement | null)?.checked,
          sentences,
          theme,
          days,
        };
      });
      expect(shown).toEqual({ count: '1', size: '500', highlightsOn: false, sentences: '0', theme: 'dark', days: '7' });
    });
  });

  test('storage really full: the popup says the visit could not be saved, and the version read before stays', async () => {
    const driver = context.limitedDriver();
    const url = context.url(`${SEED}?e2e=storage-full`);
    const options = await driver.openExtensionPage('options.html');
    driver.opened.push(options);
    // The reader read an older version of the article a day ago.
    const before = {
      [`snapshot:${url}`]: {
        v: 1,
        url,
        at: new Date(Date.now() - 86_400_000).toISOString(),
        title: SEED_EXPECTED.title,
        published: SEED_EXPECTED.published,
        modified: null,
        paragraphs: ['Le Kremlin envoie des forces spéciales, selon une version plus ancienne de cet article.'],
        quotes: [],
        figures: [],
      },
      snapshotIndex: { [url]: Date.now() - 86_400_000 },
    };
    await setStorage(options, before);
    const fillers = await fillStorage(options);
    try {
      const { popup } = await driver.openArticle(url);
      await withScreenshot(popup, context.browserName, 'storage-full', async () => {
        await waitForVisit(popup);
        const notice = await popup.waitForSelector('[data-testid="unsaved"]', { timeout: 5_000 });
        expect(await notice?.evaluate((el) => el.textContent)).toBe(STORAGE_FULL_NOTICE);
        // What changed since the version read before is still shown.
        expect(await popup.$('[data-testid="changes"]')).not.toBeNull();
        expect(await readPopupReport(popup)).toEqual(expect.objectContaining({ title: SEED_EXPECTED.title }));
      });
      expect(await readStorage(options, Object.keys(before))).toEqual(before);
    } finally {
      await options.evaluate(`${API}.storage.local.remove(${JSON.stringify(fillers)})`);
    }
  });
}
