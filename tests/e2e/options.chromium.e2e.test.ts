// The options page in Chromium (tests/e2e/harness/options-suite.ts), with the article read in the
// genuine toolbar popup.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { defineOptionsTests } from './harness/options-suite';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

const BUILD = extensionBuildDir('chrome-mv3');

describe('Lede options page in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium(BUILD);
  });

  afterEach(async () => {
    await Promise.all(openedPages.splice(0).map((page) => page.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  const session = (): ChromiumSession => {
    if (!chromium || !server) throw new Error('Chromium or the fixture server did not start');
    return chromium;
  };

  defineOptionsTests({
    browserName: 'chromium',
    buildDir: BUILD,
    url: (fixture) => server?.url(fixture) ?? '',
    async openPopup(url) {
      const page = await session().browser.newPage();
      openedPages.push(page);
      await page.goto(url, { waitUntil: 'load' });
      const popup = await session().openRealPopup(page);
      openedPages.push(popup);
      return { popup, page };
    },
    async reopenPopup(popup, page) {
      // Opening the options tab already closed the real popup, as any click elsewhere does.
      if (!popup.isClosed()) await popup.close().catch(() => undefined);
      const again = await session().openRealPopup(page);
      openedPages.push(again);
      return again;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await session().openExtensionPage(pathAndQuery);
      openedPages.push(page);
      return page;
    },
    allowSite: (origin) => session().allowSite(origin),
  });
});
