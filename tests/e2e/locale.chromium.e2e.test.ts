// Lede in a French Chromium (tests/e2e/harness/locale-suite.ts), through the genuine toolbar
// popup. Chromium's French UI needs Debian's chromium-l10n (scripts/install-browsers.sh).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { defineLocaleTests } from './harness/locale-suite';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

const LANG = 'fr';

describe(`Lede in Chromium with a ${LANG} interface`, () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium(extensionBuildDir('chrome-mv3'), { lang: LANG });
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

  defineLocaleTests({
    browserName: 'chromium',
    lang: LANG,
    url: (fixture) => server?.url(fixture) ?? '',
    async openPopup(url) {
      const page = await session().browser.newPage();
      openedPages.push(page);
      await page.goto(url, { waitUntil: 'load' });
      const popup = await session().openRealPopup(page);
      openedPages.push(popup);
      return popup;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await session().openExtensionPage(pathAndQuery);
      openedPages.push(page);
      return page;
    },
  });
});
