// The options page (issue 7, items 2 and 5), the same checks in both browsers: the build declares
// it; after one article read in the popup it counts one article, exports it as JSON and clears
// it after a confirmation, so the next popup on that article has nothing to compare with; a watch
// started in the popup is listed there and stopped through the background.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { SEED_EXPECTED } from './cases';
import { describePopup, waitForPopupState, withScreenshot } from './popup';

export interface OptionsContext {
  browserName: string;
  /** The build the browser runs, e.g. `.output/chrome-mv3`. */
  buildDir: string;
  /** The served address of a fixture. */
  url(fixture: string): string;
  /** Opens `url` in a tab and the popup over it, as the reader's click on Lede's button does. */
  openPopup(url: string): Promise<{ popup: Page; page: Page }>;
  /** Opens the popup again over the same page, as the reader's next click does. */
  reopenPopup(popup: Page, page: Page): Promise<Page>;
  /** Opens an extension page (`options.html`) in a tab of its own. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  /** The site's host permission, as the reader's "Allow" in the browser's prompt gives it. */
  allowSite(origin: string): Promise<void>;
}

/** What the test reads of an export: the file's name and its text. */
interface CapturedDownload {
  name: string;
  text: string;
}

interface HistoryFile {
  format: string;
  version: number;
  exportedAt: string;
  articles: { url: string | null; title: string | null }[];
}

/** The extension API from a page's own world (Firefox has `browser`, Chromium `chrome`). */
const API = '(globalThis.browser ?? globalThis.chrome)';

async function openOptions(context: OptionsContext): Promise<Page> {
  const options = await context.openExtensionPage('options.html');
  await options.waitForSelector('[data-testid="history-count"][data-count]', { timeout: 10_000 });
  return options;
}

const keptCount = (options: Page): Promise<string | null> =>
  options.$eval('[data-testid="history-count"]', (el) => el.getAttribute('data-count'));

/** Waits until the popup has heard back from the background (its visit is kept): the watch switch shows then. */
async function waitForVisit(popup: Page): Promise<void> {
  expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
  await popup.waitForSelector('[data-testid="watch"]', { timeout: 10_000 });
}

/**
 * Catches the next download the page starts: the blob handed to URL.createObjectURL and the
 * name of the `<a download>` clicked. The click is cancelled, so no file lands on disk.
 */
async function catchNextDownload(page: Page): Promise<() => Promise<CapturedDownload>> {
  const key = `lede-e2e-download-${Date.now()}`;
  await page.evaluate((globalKey) => {
    const store = globalThis as unknown as Record<string, Promise<CapturedDownload>>;
    let blobText: Promise<string> = Promise.reject(new Error('no blob was made'));
    blobText.catch(() => undefined);
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blobText = object.text();
      return create(object);
    };
    store[globalKey] = new Promise((resolve, reject) => {
      document.addEventListener(
        'click',
        (event) => {
          const link = event.target;
          if (!(link instanceof HTMLAnchorElement) || !link.download) return;
          event.preventDefault();
          blobText.then((text) => resolve({ name: link.download, text }), reject);
        },
        true,
      );
    });
  }, key);
  return () =>
    page.evaluate(
      (globalKey) => (globalThis as unknown as Record<string, Promise<CapturedDownload>>)[globalKey],
      key,
    ) as Promise<CapturedDownload>;
}

export function defineOptionsTests(context: OptionsContext): void {
  test('the build declares the options page, opened in a tab of its own', async () => {
    const manifest = JSON.parse(await readFile(path.join(context.buildDir, 'manifest.json'), 'utf8')) as {
      options_ui?: { page?: string; open_in_tab?: boolean };
    };
    expect(manifest.options_ui).toEqual(expect.objectContaining({ page: 'options.html', open_in_tab: true }));
    // And the browser took it: the installed extension's manifest says so too.
    const options = await context.openExtensionPage('options.html');
    try {
      const declared = (await options.evaluate(`${API}.runtime.getManifest().options_ui`)) as {
        page?: string;
        open_in_tab?: boolean;
      };
      expect(declared.open_in_tab).toBe(true);
      expect(declared.page).toMatch(/options\.html$/);
      expect(await options.$$eval('h1', (headings) => headings.map((h) => h.textContent))).toEqual(['Lede settings']);
    } finally {
      await options.close();
    }
  });

  test('one article read: the options page counts it, exports it as JSON, and clears it after a confirmation', async () => {
    const url = context.url('seed/watson-visible-times.html');
    const { popup, page } = await context.openPopup(url);
    await waitForVisit(popup);

    const options = await openOptions(context);
    await withScreenshot(options, context.browserName, 'options-history', async () => {
      expect(await keptCount(options)).toBe('1');
      expect(await options.$eval('[data-testid="history-count"]', (el) => el.textContent)).toBe('Articles kept: 1');

      const download = await catchNextDownload(options);
      await options.click('[data-testid="export-history"]');
      const file = await download();
      expect(file.name).toMatch(/^lede-history-\d{4}-\d{2}-\d{2}\.json$/);
      const history = JSON.parse(file.text) as HistoryFile;
      expect(history).toEqual(expect.objectContaining({ format: 'lede-history', version: 1 }));
      expect(Math.abs(Date.parse(history.exportedAt) - Date.now())).toBeLessThan(60_000);
      expect(history.articles).toHaveLength(1);
      expect(history.articles[0]?.url).toBe(url);
      expect(history.articles[0]?.title).toBe(SEED_EXPECTED.title);

      await options.click('[data-testid="clear-history"]');
      await options.waitForSelector('[data-testid="clear-confirmation"]', { timeout: 5_000 });
      // Nothing is gone before the confirmation.
      expect(await keptCount(options)).toBe('1');
      await options.click('[data-testid="clear-confirm"]');
      await options.waitForSelector('[data-testid="history-count"][data-count="0"]', { timeout: 5_000 });
      expect(await options.$eval('[data-testid="history-status"]', (el) => el.textContent)).toBe('History cleared.');
    });

    // The reader comes back to the article: a first visit again, nothing to compare with.
    const again = await context.reopenPopup(popup, page);
    await waitForVisit(again);
    expect(await again.$('[data-testid="no-change"], [data-testid="changes"]')).toBeNull();
    // And it is kept again, as the one article.
    const after = await openOptions(context);
    expect(await keptCount(after)).toBe('1');
  });

  test('a watch started in the popup is listed, and "Stop watching" ends it through the background', async () => {
    await context.allowSite('http://127.0.0.1/*');
    const url = context.url('seed/watson-visible-times.html?e2e=options-watch');
    const { popup, page } = await context.openPopup(url);
    await waitForVisit(popup);
    await popup.click('[data-testid="watch"]');
    await popup.waitForSelector('[data-testid="watch"][aria-checked="true"]', { timeout: 10_000 });

    const options = await openOptions(context);
    await withScreenshot(options, context.browserName, 'options-watch', async () => {
      const row = await options.waitForSelector('[data-testid="watch-row"]', { timeout: 10_000 });
      const shown = await row?.evaluate((li) => ({
        title: li.querySelector('a')?.textContent ?? null,
        href: li.querySelector('a')?.getAttribute('href') ?? null,
        check: li.querySelector('[data-testid="watch-check"]')?.textContent ?? null,
        next: li.querySelector('[data-testid="watch-next"]')?.textContent ?? null,
      }));
      expect(shown).toEqual({
        title: SEED_EXPECTED.title,
        href: url,
        check: 'Not checked yet',
        next: expect.stringMatching(/^Next check /),
      });
    });

    await options.click('[data-testid="stop-watching"]');
    // The background removes it; the list follows storage on its own.
    await options.waitForSelector('[data-testid="watch-empty"]', { timeout: 10_000 });
    expect(await options.evaluate(`${API}.storage.local.get('watches').then((r) => r.watches)`)).toEqual({});
    expect(await options.evaluate(`${API}.alarms.get('lede-watch').then((a) => a ?? null)`)).toBeNull();

    const again = await context.reopenPopup(popup, page);
    await waitForVisit(again);
    expect(await again.$eval('[data-testid="watch"]', (el) => el.getAttribute('aria-checked'))).toBe('false');
  });
}
