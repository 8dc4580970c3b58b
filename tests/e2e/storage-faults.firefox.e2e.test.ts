// Storage faults in Firefox (tests/e2e/harness/storage-faults-suite.ts), with the popup opened in
// a tab over the article (harness/firefox.ts says why). The profile's storage quota is small
// (harness/limited-storage.ts), so the full-storage test fills it; the others stay far below it.
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { FIREFOX_SMALL_QUOTA_PREFS } from './harness/limited-storage';
import { closeOpenedPages, firefoxReaderDriver, type ReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { defineStorageFaultsTests } from './harness/storage-faults-suite';

const BUILD = extensionBuildDir('firefox-mv3');

describe('Lede storage faults in Firefox', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  let driver: ReaderDriver | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox(BUILD, { prefs: FIREFOX_SMALL_QUOTA_PREFS });
    driver = firefoxReaderDriver(firefox);
  });

  afterEach(async () => {
    if (driver) await closeOpenedPages(driver);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
  });

  const started = (): ReaderDriver => {
    if (!driver || !server) throw new Error('Firefox or the fixture server did not start');
    return driver;
  };

  defineStorageFaultsTests({
    browserName: 'firefox',
    url: (fixture) => server?.url(fixture) ?? '',
    driver: started,
    // Firefox's build asks for no unlimited storage: the build itself meets the small quota.
    limitedDriver: started,
  });
});
