// The options page in Firefox (tests/e2e/harness/options-suite.ts), with the article read in the
// popup opened in a tab over it (harness/firefox.ts says why).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { defineOptionsTests } from './harness/options-suite';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

const BUILD = extensionBuildDir('firefox-mv3');

describe('Lede options page in Firefox', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox(BUILD);
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

  defineOptionsTests({
    browserName: 'firefox',
    buildDir: BUILD,
    url: (fixture) => server?.url(fixture) ?? '',
    async openPopup(url) {
      const { popup, newsPage } = await session().openPopupForTab(url);
      openedPages.push(popup);
      if (!newsPage) throw new Error(`E2E: ${url} did not load`);
      openedPages.push(newsPage);
      return { popup, page: newsPage };
    },
    async reopenPopup(popup, page) {
      const again = await session().reopenPopup(popup, page.url());
      openedPages.push(again);
      return again;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await session().openExtensionPage(pathAndQuery);
      openedPages.push(page);
      return page;
    },
    // The harness's preference grants optional permissions without a prompt (harness/firefox.ts).
    allowSite: async () => undefined,
  });
});
