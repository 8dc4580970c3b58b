// The corpus sample (harness/corpus-sample.ts) through Lede in Firefox: each page in one reused
// tab, given the activeTab grant of a click on Lede's button, and the popup opened for that tab
// in a tab of its own (Firefox cannot open the toolbar popup under automation: harness/firefox.ts).
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CORPUS_PAGE_CSP } from './harness/corpus-sample';
import { defineCorpusSampleTests } from './harness/corpus-sample-suite';
import { grantActiveTabAsOnClick, launchFirefox, navigateExtensionPage, type FirefoxSession } from './harness/firefox';
import { recordFirefox, type ErrorLog } from './harness/page-errors';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede on 100 corpus pages in Firefox (popup in a tab)', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  let news: { page: Page; tabId: number } | undefined;
  /** The popup's tab, reused: each page's popup is a new document in it. */
  let popup: Page | undefined;
  let visits = 0;
  let errors: ErrorLog | undefined;

  beforeAll(async () => {
    server = await startFixtureServer({
      headersFor: (url) =>
        url.pathname.startsWith('/corpora/') ? { 'content-security-policy': CORPUS_PAGE_CSP } : undefined,
    });
    firefox = await launchFirefox();
    // The news tab and the popup's tab, opened once.
    const first = await firefox.openPopupForTab(server.url('pages/not-an-article.html'), { clicked: false });
    popup = first.popup;
    if (!first.newsPage) throw new Error('Firefox gave no page for the news tab');
    news = { page: first.newsPage, tabId: first.tabId };
    // As in Chromium: a page that sends the tab elsewhere (a meta refresh) stays where it is.
    const origin = server.origin;
    await news.page.setRequestInterception(true);
    news.page.on('request', (request: HTTPRequest) => {
      const leaving = request.isNavigationRequest() && !request.url().startsWith(`${origin}/`);
      (leaving ? request.abort('aborted') : request.continue()).catch(() => undefined);
    });
    errors = await recordFirefox(firefox);
  });

  afterAll(async () => {
    await errors?.stop();
    await firefox?.close();
    await server?.stop();
  });

  const started = (): {
    firefox: FirefoxSession;
    news: { page: Page; tabId: number };
    popup: Page;
    server: FixtureServer;
  } => {
    if (!firefox || !news || !popup || !server) throw new Error('Firefox or the fixture server did not start');
    return { firefox, news, popup, server };
  };

  defineCorpusSampleTests({
    browserName: 'firefox',
    server: () => started().server,
    async openPopup(url) {
      const { firefox, news, popup } = started();
      await news.page.goto(url, { waitUntil: 'load' });
      await grantActiveTabAsOnClick(firefox.browser, firefox.geckoId, url);
      // The popup in front, as a real one is (a tab behind gets little CPU), then a new popup
      // document in it: what a click does, without a new tab each time.
      await popup.bringToFront();
      await navigateExtensionPage(popup, `${firefox.extensionOrigin}/popup.html?tabId=${news.tabId}&visit=${++visits}`);
      return popup;
    },
    // The next page's popup replaces this one's document.
    closePopup: async () => undefined,
    newsPage: () => started().news.page,
    takeErrors: async () => (await errors?.take()) ?? [],
  });
});
