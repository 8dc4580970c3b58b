// Storage faults in Chromium (tests/e2e/harness/storage-faults-suite.ts), in the genuine toolbar
// popup. The full storage is that of a copy of the build without unlimitedStorage, installed
// beside it (harness/limited-storage.ts).
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { installWithoutUnlimitedStorage } from './harness/limited-storage';
import { chromiumReaderDriver, closeOpenedPages, type ReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { defineStorageFaultsTests } from './harness/storage-faults-suite';

const BUILD = extensionBuildDir('chrome-mv3');

describe('Lede storage faults in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  let removeLimited: (() => Promise<void>) | undefined;
  let driver: ReaderDriver | undefined;
  let limitedDriver: ReaderDriver | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium(BUILD);
    driver = chromiumReaderDriver(chromium);
    const limited = await installWithoutUnlimitedStorage(chromium, BUILD);
    removeLimited = limited.remove;
    limitedDriver = chromiumReaderDriver(limited.session);
  });

  afterEach(async () => {
    for (const opened of [driver, limitedDriver]) if (opened) await closeOpenedPages(opened);
  });

  afterAll(async () => {
    await chromium?.close();
    await removeLimited?.();
    await server?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (!value || !server) throw new Error('Chromium or the fixture server did not start');
    return value;
  };

  defineStorageFaultsTests({
    browserName: 'chromium',
    url: (fixture) => started(server).url(fixture),
    driver: () => started(driver),
    limitedDriver: () => started(limitedDriver),
  });
});
