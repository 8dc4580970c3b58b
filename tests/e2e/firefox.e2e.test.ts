// Lede in Firefox. The toolbar popup cannot be opened under automation here, so the popup runs
// in a tab as popup.html?tabId=N. Then there is no activeTab grant, so Lede must first ask for
// the site (needs-permission), and the click on "grant-access" is the user gesture that
// permissions.request() requires; the pref set in the harness grants it without a prompt.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { analyzeWithCli } from './harness/analyze-cli';
import { NOT_AN_ARTICLE_FIXTURE, SEED_CASES, SEED_EXPECTED, fixtureFile } from './harness/cases';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import {
  clickAndSettle,
  describePopup,
  readPopupReport,
  waitForPopupState,
  withScreenshot,
  type PopupState,
} from './harness/popup';
import { startFixtureServer, type FixtureServer } from './harness/server';

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

  async function popupForTab(url: string): Promise<Page> {
    if (!firefox) throw new Error('Firefox did not start');
    const { popup } = await firefox.openPopupForTab(url);
    openedPages.push(popup);
    return popup;
  }

  /** Expects the permission step, grants it with a real click, and returns the next state. */
  async function grantAccess(popup: Page): Promise<PopupState> {
    const first = await waitForPopupState(popup);
    expect(first, await describePopup(popup)).toBe('needs-permission');
    return clickAndSettle(popup, 'grant-access', 'needs-permission');
  }

  for (const seed of SEED_CASES) {
    test(`${seed.name}: after granting the site, shows the title and both timestamps the CLI reports`, async () => {
      const cli = await analyzeWithCli(fixtureFile(seed.fixture));
      expect(cli.title).toBe(SEED_EXPECTED.title);
      expect(cli.published?.iso).toBe(SEED_EXPECTED.published);
      expect(cli.modified?.iso).toBe(SEED_EXPECTED.modified);

      const popup = await popupForTab(served(seed.fixture));
      await withScreenshot(popup, BROWSER, seed.name, async () => {
        const state = await grantAccess(popup);
        expect(state, await describePopup(popup)).toBe('ready');
        const shown = await readPopupReport(popup);
        expect(shown.title).toBe(cli.title);
        expect(shown.published).toBe(cli.published?.iso);
        expect(shown.modified).toBe(cli.modified?.iso);
        expect(shown.summary.length).toBeGreaterThanOrEqual(1);
        expect(shown.summary.every((sentence) => sentence.length > 0)).toBe(true);
      });
    });
  }

  test('a section front shows not-article, and "try anyway" analyses the whole page', async () => {
    const whole = await analyzeWithCli(fixtureFile(NOT_AN_ARTICLE_FIXTURE), ['--whole']);
    expect(whole.readerable).toBe(false);
    expect(whole.title).toBeTruthy();
    const popup = await popupForTab(served(NOT_AN_ARTICLE_FIXTURE));
    await withScreenshot(popup, BROWSER, 'not-article', async () => {
      const state = await grantAccess(popup);
      expect(state, await describePopup(popup)).toBe('not-article');
      const after = await clickAndSettle(popup, 'try-anyway', 'not-article');
      expect(after, await describePopup(popup)).toBe('ready');
      expect((await readPopupReport(popup)).title).toBe(whole.title);
    });
  });

  // addons.mozilla.org is on Firefox's restricted-domains list: no extension may script it,
  // even with the host permission. There is no network here, so the tab shows Firefox's error
  // page, but the tab's URL stays https://addons.mozilla.org/…, which is what Lede sees.
  // Firefox refuses tabs.create for privileged pages (about:config, about:robots, data:), and
  // without "tabs" or a host permission the popup cannot read the tab's URL, so Lede can only
  // learn that the site is restricted once the reader has granted it: needs-permission comes
  // first, then unsupported.
  test('addons.mozilla.org shows unsupported once Lede can see the URL', async () => {
    const popup = await popupForTab('https://addons.mozilla.org/fr/firefox/');
    await withScreenshot(popup, BROWSER, 'unsupported', async () => {
      let state = await waitForPopupState(popup);
      if (state === 'needs-permission') state = await clickAndSettle(popup, 'grant-access', 'needs-permission');
      expect(state, await describePopup(popup)).toBe('unsupported');
    });
  });
});
