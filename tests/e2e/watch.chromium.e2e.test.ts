// Watching an article in Chromium, on the e2e build (tests/e2e/harness/watch-suite.ts): the real
// toolbar popup, the service worker's alarm, the offscreen document that reads the page.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { defineWatchTests, type WatchContext } from './harness/watch-suite';

describe('Watching an article in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    chromium = await launchChromium('.output/chrome-mv3-e2e');
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

  const context: WatchContext = {
    browserName: 'chromium',
    setEdits: (edits) => server?.setEdits(edits),
    allowSite: (origin) => session().allowSite(origin),
    async inExtension<T>(expression: string): Promise<T> {
      // The reader view without an article: an extension page that does nothing on its own.
      const page = await session().openExtensionPage('reader.html?tab=-1');
      try {
        return (await page.evaluate(expression)) as T;
      } finally {
        await page.close();
      }
    },
    async open(fixture, beforePopup) {
      const page = await session().browser.newPage();
      openedPages.push(page);
      await page.goto(server?.url(fixture) ?? '', { waitUntil: 'load' });
      await beforePopup(page);
      const popup = await session().openRealPopup(page);
      openedPages.push(popup);
      return { popup, page };
    },
    async reopen(popup, page) {
      // Opening another tab (inExtension) already closed the real popup, as any click elsewhere does.
      if (!popup.isClosed()) await popup.close().catch(() => undefined);
      const again = await session().openRealPopup(page);
      openedPages.push(again);
      return again;
    },
  };
  defineWatchTests(context, 'http://127.0.0.1/*');
});
