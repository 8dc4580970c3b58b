// The corpus sample (harness/corpus-sample.ts) through Lede in Firefox: each page in one reused
// tab, given the activeTab grant of a click on Lede's button, and the popup opened for that tab
// in a tab of its own (Firefox cannot open the toolbar popup under automation: harness/firefox.ts).
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CORPUS_PAGE_CSP } from './harness/corpus-sample';
import { defineCorpusSampleTests } from './harness/corpus-sample-suite';
import { grantActiveTabAsOnClick, launchFirefox, type FirefoxSession } from './harness/firefox';
import { recordFirefox, type ErrorLog } from './harness/page-errors';
import { startFixtureServer, type FixtureServer } from './harness/server';

describe('Lede on 100 corpus pages in Firefox (popup in a tab)', () => {
  let server: FixtureServer | undefined;
  let firefox: FirefoxSession | undefined;
  let news: { page: Page; tabId: number } | undefined;
  let errors: ErrorLog | undefined;

  beforeAll(async () => {
    server = await startFixtureServer({
      headersFor: (url) =>
        url.pathname.startsWith('/corpora/') ? { 'content-security-policy': CORPUS_PAGE_CSP } : undefined,
    });
    firefox = await launchFirefox();
    // The news tab, opened once; its first popup is not needed.
    const first = await firefox.openPopupForTab(server.url('pages/not-an-article.html'), { clicked: false });
    await first.popup.close();
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

  const started = (): { firefox: FirefoxSession; news: { page: Page; tabId: number }; server: FixtureServer } => {
    if (!firefox || !news || !server) throw new Error('Firefox or the fixture server did not start');
    return { firefox, news, server };
  };

  defineCorpusSampleTests({
    browserName: 'firefox',
    server: () => started().server,
    async openPopup(url) {
      const { firefox, news } = started();
      await news.page.goto(url, { waitUntil: 'load' });
      await grantActiveTabAsOnClick(firefox.browser, firefox.geckoId, url);
      return firefox.openExtensionPage(`popup.html?tabId=${news.tabId}`);
    },
    closePopup: (popup) => popup.close(),
    newsPage: () => started().news.page,
    takeErrors: async () => (await errors?.take()) ?? [],
  });
});
