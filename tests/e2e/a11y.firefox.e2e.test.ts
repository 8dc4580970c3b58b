// Accessibility of the popup (in a tab, harness/firefox.ts says why), the options page and the
// reader view in Firefox (tests/e2e/harness/a11y-suite.ts). Puppeteer's media emulation needs CDP,
// which Firefox does not speak ("UnsupportedOperation: CDP support is required"), and BiDi has no
// media-feature override in Firefox 153; so the colour scheme and reduced motion are Firefox's own
// preferences, set live in the browser window: layout.css.prefers-color-scheme.content-override
// (0 dark, 1 light) and ui.prefersReducedMotion (1 reduce, 0 no preference). They apply to every
// page at once, which the tests allow for: each sets the scheme it checks.
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { defineA11yTests } from './harness/a11y-suite';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { closeOpenedPages, firefoxReaderDriver, type ReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede accessibility in Firefox', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  let driver: ReaderDriver | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox(extensionBuildDir('firefox-mv3'));
    driver = firefoxReaderDriver(firefox);
  });

  afterEach(async () => {
    if (driver) await closeOpenedPages(driver);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.stop();
  });

  const session = (): FirefoxSession => {
    if (!firefox) throw new Error('Firefox did not start');
    return firefox;
  };

  async function setIntPref(name: string, value: number): Promise<void> {
    await session().evaluateInBrowserWindow<string>(
      `(Services.prefs.setIntPref(${JSON.stringify(name)}, ${value}), JSON.stringify('set'))`,
    );
  }

  defineA11yTests({
    browserName: 'firefox',
    driver() {
      if (!driver) throw new Error('Firefox did not start');
      return driver;
    },
    url: (fixture) => server?.url(fixture) ?? '',
    openExtensionPage: (pathAndQuery) => session().openExtensionPage(pathAndQuery),
    setColorScheme: (_page, scheme) =>
      setIntPref('layout.css.prefers-color-scheme.content-override', scheme === 'dark' ? 0 : 1),
    setReducedMotion: (_page, reduce) => setIntPref('ui.prefersReducedMotion', reduce ? 1 : 0),
  });
});
