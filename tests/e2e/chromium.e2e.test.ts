// Lede in Chromium, through the genuine toolbar popup (activeTab is granted, as for a reader's
// click). The popup must show what the CLI reports for the same file.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { analyzeWithCli } from './harness/analyze-cli';
import { NOT_AN_ARTICLE_FIXTURE, SEED_CASES, SEED_EXPECTED, SEED_LINES, fixtureFile } from './harness/cases';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { clickAndSettle, describePopup, readPopupReport, waitForPopupState, withScreenshot } from './harness/popup';
import { startFixtureServer, type FixtureServer } from './harness/server';
import {
  defineChangeTests,
  defineHighlightTests,
  defineReanalysisTests,
  type HighlightContext,
} from './harness/highlights-suite';

const BROWSER = 'chromium';

describe('Lede popup in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium();
  });

  afterEach(async () => {
    // The next test's popup must open over its own page, not a leftover one.
    await Promise.all(openedPages.splice(0).map((page) => page.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  function served(fixture: string): string {
    if (!server) throw new Error('The fixture server did not start');
    return server.url(fixture);
  }

  /** Opens `url` in a tab and the real popup over it. */
  async function popupOver(url: string): Promise<Page> {
    if (!chromium) throw new Error('Chromium did not start');
    const newsPage = await chromium.browser.newPage();
    openedPages.push(newsPage);
    await newsPage.goto(url, { waitUntil: 'load' });
    const popup = await chromium.openRealPopup(newsPage);
    openedPages.push(popup);
    return popup;
  }

  for (const seed of SEED_CASES) {
    test(`${seed.name}: shows what the CLI reports (title, byline, site, both timestamps, summary)`, async () => {
      const cli = await analyzeWithCli(fixtureFile(seed.fixture));
      expect(cli.title).toBe(SEED_EXPECTED.title);
      expect(cli.published?.iso).toBe(SEED_EXPECTED.published);
      expect(cli.modified?.iso).toBe(SEED_EXPECTED.modified);

      const popup = await popupOver(served(seed.fixture));
      await withScreenshot(popup, BROWSER, seed.name, async () => {
        const state = await waitForPopupState(popup);
        expect(state, await describePopup(popup)).toBe('ready');
        const shown = await readPopupReport(popup);
        expect(shown.title).toBe(cli.title);
        expect(shown.published).toBe(cli.published?.iso);
        expect(shown.modified).toBe(cli.modified?.iso);
        expect(shown.lines.published).toMatch(SEED_LINES.published);
        expect(shown.lines.modified).toMatch(SEED_LINES.modified);
        expect(shown.hovers.published).toContain(cli.published?.source);
        expect(shown.byline).toBe(cli.byline);
        expect(shown.site).toBe(cli.siteName);
        expect(shown.summary.length).toBeGreaterThanOrEqual(1);
        expect(shown.summary).toEqual(cli.summary);
      });
    });
  }

  test('a section front shows not-article, and "try anyway" analyses the whole page', async () => {
    const whole = await analyzeWithCli(fixtureFile(NOT_AN_ARTICLE_FIXTURE), ['--whole']);
    expect(whole.readerable).toBe(false);
    expect(whole.title).toBeTruthy();
    const popup = await popupOver(served(NOT_AN_ARTICLE_FIXTURE));
    await withScreenshot(popup, BROWSER, 'not-article', async () => {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('not-article');
      const after = await clickAndSettle(popup, 'try-anyway', 'not-article');
      expect(after, await describePopup(popup)).toBe('ready');
      expect((await readPopupReport(popup)).title).toBe(whole.title);
    });
  });

  test('chrome://version shows unsupported', async () => {
    const popup = await popupOver('chrome://version');
    await withScreenshot(popup, BROWSER, 'unsupported', async () => {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('unsupported');
    });
  });
  const highlightContext: HighlightContext = {
    browserName: BROWSER,
    setEdits: (edits) => server?.setEdits(edits),
    async open(fixture, beforePopup) {
      if (!chromium) throw new Error('Chromium did not start');
      const page = await chromium.browser.newPage();
      openedPages.push(page);
      await page.goto(served(fixture), { waitUntil: 'load' });
      await beforePopup(page);
      const popup = await chromium.openRealPopup(page);
      openedPages.push(popup);
      return { popup, page };
    },
    async reopen(popup, page) {
      if (!chromium) throw new Error('Chromium did not start');
      // A click elsewhere closes a real popup; the next click on the button opens a new one.
      await popup.close();
      const again = await chromium.openRealPopup(page);
      openedPages.push(again);
      return again;
    },
  };
  defineHighlightTests(highlightContext);
  defineReanalysisTests(highlightContext);
  defineChangeTests(highlightContext);
});
