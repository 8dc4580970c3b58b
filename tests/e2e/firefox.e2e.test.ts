// Lede in Firefox. The toolbar popup cannot be opened under automation here, so the popup runs
// in a tab as popup.html?tabId=N, after the harness has given the news tab the activeTab grant
// that a click on Lede's button gives (see grantActiveTabAsOnClick).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { analyzeWithCli } from './harness/analyze-cli';
import { NOT_AN_ARTICLE_FIXTURE, SEED_CASES, SEED_EXPECTED, SEED_LINES, fixtureFile } from './harness/cases';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { clickAndSettle, describePopup, readPopupReport, waitForPopupState, withScreenshot } from './harness/popup';
import { startFixtureServer, type FixtureServer } from './harness/server';
import {
  defineChangeTests,
  defineHighlightTests,
  defineReanalysisTests,
  type HighlightContext,
} from './harness/highlights-suite';

const BROWSER = 'firefox';

describe('Lede popup in Firefox (popup in a tab)', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });

  beforeEach(async () => {
    // Every test starts as right after install: no site granted yet.
    await firefox?.revokeHostPermissions();
  });

  afterEach(async () => {
    await Promise.all(openedPages.splice(0).map((page) => page.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
  });

  function served(fixture: string): string {
    if (!server) throw new Error('The fixture server did not start');
    return server.url(fixture);
  }

  async function popupForTab(url: string, clicked = true): Promise<Page> {
    if (!firefox) throw new Error('Firefox did not start');
    const { popup, newsPage } = await firefox.openPopupForTab(url, { clicked });
    openedPages.push(popup);
    // Closed after the test too: a later test on the same address must not find this tab.
    if (newsPage) openedPages.push(newsPage);
    return popup;
  }

  for (const seed of SEED_CASES) {
    test(`${seed.name}: shows what the CLI reports (title, byline, site, both timestamps, summary)`, async () => {
      const cli = await analyzeWithCli(fixtureFile(seed.fixture));
      expect(cli.title).toBe(SEED_EXPECTED.title);
      expect(cli.published?.iso).toBe(SEED_EXPECTED.published);
      expect(cli.modified?.iso).toBe(SEED_EXPECTED.modified);

      const popup = await popupForTab(served(seed.fixture));
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
    const popup = await popupForTab(served(NOT_AN_ARTICLE_FIXTURE));
    await withScreenshot(popup, BROWSER, 'not-article', async () => {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('not-article');
      const after = await clickAndSettle(popup, 'try-anyway', 'not-article');
      expect(after, await describePopup(popup)).toBe('ready');
      expect((await readPopupReport(popup)).title).toBe(whole.title);
    });
  });

  // addons.mozilla.org is on Firefox's restricted-domains list: no extension may script it. There
  // is no network here, so the tab shows Firefox's error page, but its URL stays
  // https://addons.mozilla.org/…, which is what Lede sees with the activeTab grant. (Firefox
  // refuses tabs.create for privileged pages such as about:config, so they cannot be opened here.)
  test('addons.mozilla.org shows unsupported', async () => {
    const popup = await popupForTab('https://addons.mozilla.org/fr/firefox/');
    await withScreenshot(popup, BROWSER, 'unsupported', async () => {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('unsupported');
    });
  });

  test('without the click on its button, Lede explains how to give it the page', async () => {
    const popup = await popupForTab(served(SEED_CASES[0]?.fixture ?? ''), false);
    await withScreenshot(popup, BROWSER, 'needs-permission', async () => {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('needs-permission');
      expect(await describePopup(popup)).toContain('click Lede’s toolbar button');
    });
  });
  const highlightContext: HighlightContext = {
    browserName: BROWSER,
    setEdits: (edits) => server?.setEdits(edits),
    async open(fixture, beforePopup) {
      if (!firefox) throw new Error('Firefox did not start');
      const { popup, newsPage } = await firefox.openPopupForTab(served(fixture), { beforePopup });
      openedPages.push(popup);
      if (!newsPage) throw new Error('Firefox gave no page for the article tab');
      openedPages.push(newsPage);
      return { popup, page: newsPage };
    },
    async reopen(popup, page) {
      if (!firefox) throw new Error('Firefox did not start');
      const again = await firefox.reopenPopup(popup, page.url());
      openedPages.push(again);
      return again;
    },
  };
  defineHighlightTests(highlightContext);
  defineReanalysisTests(highlightContext);
  defineChangeTests(highlightContext);
});
