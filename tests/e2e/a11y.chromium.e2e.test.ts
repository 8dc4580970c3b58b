// Accessibility of the popup (the genuine toolbar popup), the options page and the reader view in
// Chromium (tests/e2e/harness/a11y-suite.ts). Colour scheme and reduced motion are emulated per
// page over CDP (Emulation.setEmulatedMedia).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { defineA11yTests } from './harness/a11y-suite';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { chromiumReaderDriver, closeOpenedPages, type ReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede accessibility in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  let driver: ReaderDriver | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium(extensionBuildDir('chrome-mv3'));
    driver = chromiumReaderDriver(chromium);
  });

  afterEach(async () => {
    if (driver) await closeOpenedPages(driver);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  // emulateMediaFeatures replaces a page's whole set of emulated features: each page keeps its own.
  const emulated = new WeakMap<Page, Map<string, string>>();
  async function emulate(page: Page, name: string, value: string): Promise<void> {
    const features = emulated.get(page) ?? new Map<string, string>();
    features.set(name, value);
    emulated.set(page, features);
    await page.emulateMediaFeatures([...features].map(([feature, setting]) => ({ name: feature, value: setting })));
  }

  defineA11yTests({
    browserName: 'chromium',
    driver() {
      if (!driver) throw new Error('Chromium did not start');
      return driver;
    },
    url: (fixture) => server?.url(fixture) ?? '',
    async openExtensionPage(pathAndQuery) {
      if (!chromium) throw new Error('Chromium did not start');
      return chromium.openExtensionPage(pathAndQuery);
    },
    setColorScheme: (page, scheme) => emulate(page, 'prefers-color-scheme', scheme),
    setReducedMotion: (page, reduce) => emulate(page, 'prefers-reduced-motion', reduce ? 'reduce' : 'no-preference'),
    async openLoadingPopup() {
      if (!chromium) throw new Error('Chromium did not start');
      // tabs.get never answers, so the popup never leaves its first state. Replaced before the
      // popup's own scripts run: the polyfill wraps whatever chrome.tabs.get is at its first call.
      const popup = await chromium.browser.newPage();
      await popup.evaluateOnNewDocument(
        'for (const api of [globalThis.browser, globalThis.chrome]) if (api?.tabs) api.tabs.get = () => new Promise(() => {});',
      );
      await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=1`);
      return popup;
    },
  });
});
