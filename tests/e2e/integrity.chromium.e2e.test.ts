// The page is left as it was (issue 10, item 3), in Chromium: the genuine toolbar popup over
// each page, errors read over CDP in the page's every world and in the popup.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { defineIntegrityTests, integrityHeaders } from './harness/integrity-suite';
import { recordChromiumPopup, recordChromiumTab, type ErrorLog } from './harness/page-errors';
import { chromiumReaderDriver, closeOpenedPages, type ReaderDriver } from './harness/reader-driver';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede leaves the page as it was, in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  let driver: ReaderDriver | undefined;
  const logs: ErrorLog[] = [];

  beforeAll(async () => {
    server = await startFixtureServer({ headersFor: integrityHeaders });
    chromium = await launchChromium();
    driver = chromiumReaderDriver(chromium);
  });

  afterEach(async () => {
    await Promise.all(logs.splice(0).map((log) => log.stop()));
    if (driver) await closeOpenedPages(driver);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  const started = (): { chromium: ChromiumSession; driver: ReaderDriver; server: FixtureServer } => {
    if (!chromium || !driver || !server) throw new Error('Chromium or the fixture server did not start');
    return { chromium, driver, server };
  };

  async function watchPopup(popup: Page): Promise<Page> {
    logs.push(await recordChromiumPopup(popup));
    return popup;
  }

  defineIntegrityTests({
    browserName: 'chromium',
    async open(fixture, beforeClick) {
      const { chromium, driver, server } = started();
      const { article, popup } = await driver.openArticle(server.url(fixture), async (page) => {
        logs.push(await recordChromiumTab(page, chromium.extensionId));
        await beforeClick?.(page);
      });
      return { page: article, popup: await watchPopup(popup) };
    },
    async reopen(popup, page) {
      // A click elsewhere closes a real popup; the next click on the button opens a new one.
      if (!popup.isClosed()) await popup.close();
      return watchPopup(await started().driver.reopenPopup(page));
    },
    captureReader: (action) => started().driver.captureReader(action),
    takeErrors: async () => (await Promise.all(logs.map((log) => log.take()))).flat(),
  });
});
