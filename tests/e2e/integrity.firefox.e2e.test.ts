// The page is left as it was (issue 10, item 3), in Firefox: the popup in a tab over each page
// (harness/firefox.ts), errors read from the browser's console service (harness/page-errors.ts).
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { defineIntegrityTests, integrityHeaders } from './harness/integrity-suite';
import { recordFirefox, type ErrorLog } from './harness/page-errors';
import { closeOpenedPages, firefoxReaderDriver, type ReaderDriver } from './harness/reader-driver';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede leaves the page as it was, in Firefox (popup in a tab)', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  let driver: ReaderDriver | undefined;
  let errors: ErrorLog | undefined;

  beforeAll(async () => {
    server = await startFixtureServer({ headersFor: integrityHeaders });
    firefox = await launchFirefox();
    driver = firefoxReaderDriver(firefox);
    errors = await recordFirefox(firefox);
  });

  afterEach(async () => {
    if (driver) await closeOpenedPages(driver);
  });

  afterAll(async () => {
    await errors?.stop();
    await firefox?.close();
    await server?.stop();
  });

  const started = (): { driver: ReaderDriver; server: FixtureServer } => {
    if (!driver || !server) throw new Error('Firefox or the fixture server did not start');
    return { driver, server };
  };

  defineIntegrityTests({
    browserName: 'firefox',
    async open(fixture, beforeClick) {
      const { driver, server } = started();
      const { article, popup } = await driver.openArticle(server.url(fixture), beforeClick);
      // In front, as a real popup is: a tab behind gets little CPU and its clicks crawl.
      await popup.bringToFront();
      return { page: article, popup };
    },
    async reopen(popup, page) {
      if (!popup.isClosed()) await popup.close();
      const again = await started().driver.reopenPopup(page);
      await again.bringToFront();
      return again;
    },
    captureReader: (action) => started().driver.captureReader(action),
    takeErrors: async () => (await errors?.take()) ?? [],
  });
});
