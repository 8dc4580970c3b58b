// Lede in a French Firefox (tests/e2e/harness/locale-suite.ts), the popup in a tab over the seed
// page. Firefox's French UI needs Debian's firefox-esr-l10n-fr (scripts/install-browsers.sh).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { defineLocaleTests } from './harness/locale-suite';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

const LANG = 'fr';

describe(`Lede in Firefox with a ${LANG} interface (popup in a tab)`, () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox(extensionBuildDir('firefox-mv3'), { lang: LANG });
  });

  afterEach(async () => {
    await Promise.all(openedPages.splice(0).map((page) => page.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
  });

  const session = (): FirefoxSession => {
    if (!firefox || !server) throw new Error('Firefox or the fixture server did not start');
    return firefox;
  };

  defineLocaleTests({
    browserName: 'firefox',
    lang: LANG,
    url: (fixture) => server?.url(fixture) ?? '',
    async openPopup(url) {
      const { popup, newsPage } = await session().openPopupForTab(url);
      openedPages.push(popup);
      if (newsPage) openedPages.push(newsPage);
      return popup;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await session().openExtensionPage(pathAndQuery);
      openedPages.push(page);
      return page;
    },
  });
});
