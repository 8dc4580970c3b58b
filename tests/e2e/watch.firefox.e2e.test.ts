// Watching an article in Firefox, on the e2e build (tests/e2e/harness/watch-suite.ts): the popup
// in a tab (the harness gives the news tab the grant of a click on the button), the background
// page's alarm, and the frame of the background page that reads the article.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { defineWatchTests, type WatchContext } from './harness/watch-suite';

describe('Watching an article in Firefox', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  const openedPages: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox('.output/firefox-mv3-e2e');
    await firefox.revokeHostPermissions();
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

  const context: WatchContext = {
    browserName: 'firefox',
    setEdits: (edits) => server?.setEdits(edits),
    // The harness's profile grants permissions.request() without the prompt headless Firefox
    // cannot show (extensions.webextOptionalPermissionPrompts): the popup's own request, made on
    // the click on the switch, is what grants the site.
    allowSite: async () => undefined,
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
      const { popup, newsPage } = await session().openPopupForTab(server?.url(fixture) ?? '', { beforePopup });
      openedPages.push(popup);
      if (!newsPage) throw new Error('Firefox gave no page for the article tab');
      openedPages.push(newsPage);
      return { popup, page: newsPage };
    },
    async reopen(popup, page) {
      const again = await session().reopenPopup(popup, page.url());
      openedPages.push(again);
      return again;
    },
  };
  defineWatchTests(context, 'http://127.0.0.1/*');
});
