// The browser-specific half of the reader-view tests: how a tab gets Lede's popup, how the reader
// tab is found, and which tab is selected. The tests themselves (reader-suite.ts) are shared.
//
// Chromium: the genuine toolbar popup over the article (activeTab from the action), and the
// reader tab is a CDP target with its real chrome-extension:// URL.
// Firefox: the popup runs in a tab (`popup.html?tabId=N`, activeTab granted as a click does, see
// firefox.ts), and BiDi reports moz-extension:// documents as `about:blank`, so the reader tab is
// the new page target whose `location.href` (read inside it) is the reader's URL. Which tabs
// exist and which is selected is read from the browser window (gBrowser).
import type { Browser, Page, Target } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';

export interface OpenedArticle {
  /** The article's tab. */
  article: Page;
  /** Lede's popup for it (Chromium: the real popup; Firefox: the popup page in a tab). */
  popup: Page;
}

export interface ReaderDriver {
  readonly browserName: 'chromium' | 'firefox';
  readonly browser: Browser;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  readonly extensionOrigin: string;
  /**
   * Opens `url` in a new, selected tab, waits for its load, runs `beforePopup` on it (e.g. to
   * serialise its DOM before Lede touches it), then opens Lede's popup for it.
   */
  openArticle(url: string, beforePopup?: (article: Page) => Promise<void>): Promise<OpenedArticle>;
  /** Opens Lede's popup again for an article tab opened by openArticle (which must be selected). */
  reopenPopup(article: Page): Promise<Page>;
  /** Runs `action` (e.g. a click on open-reader) and returns the reader tab it opens. */
  captureReader(action: () => Promise<void>, timeout?: number): Promise<Page>;
  /** URLs of every open tab, in tab-strip order. */
  tabUrls(): Promise<string[]>;
  /** URL of the selected tab. */
  selectedTabUrl(): Promise<string>;
  /** Pages this driver opened (popups in tabs, articles, readers), to close after each test. */
  readonly opened: Page[];
  /** Opens an extension page (e.g. `options.html`) in a new tab. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
}

const READER_PATH = '/reader.html?tab=';

/** Polls `check` until it returns true, or throws `message()` after `timeout` ms. */
export async function until(
  check: () => Promise<boolean>,
  message: () => Promise<string> | string,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(await message());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function chromiumReaderDriver(session: ChromiumSession): ReaderDriver {
  const { browser } = session;
  const extensionOrigin = `chrome-extension://${session.extensionId}`;
  const opened: Page[] = [];

  async function pages(): Promise<Page[]> {
    return (await browser.pages()).filter((page) => !page.isClosed());
  }

  return {
    browserName: 'chromium',
    browser,
    extensionOrigin,
    opened,
    openExtensionPage: (pathAndQuery) => session.openExtensionPage(pathAndQuery),
    async openArticle(url, beforePopup) {
      const article = await browser.newPage();
      opened.push(article);
      await article.goto(url, { waitUntil: 'load' });
      if (beforePopup) await beforePopup(article);
      const popup = await session.openRealPopup(article);
      opened.push(popup);
      return { article, popup };
    },
    async reopenPopup(article) {
      const popup = await session.openRealPopup(article);
      opened.push(popup);
      return popup;
    },
    async captureReader(action, timeout = 15_000) {
      const target = browser.waitForTarget((t) => t.url().startsWith(`${extensionOrigin}${READER_PATH}`), { timeout });
      await action();
      // page(), not asPage(): the same Page object that browser.pages() returns. A second one
      // made by asPage() for the same tab left browser.pages()' copy unable to evaluate (hung).
      const reader = await (await target).page();
      if (!reader) throw new Error('E2E: the reader tab has no page');
      opened.push(reader);
      return reader;
    },
    async tabUrls() {
      return (await pages()).map((page) => page.url());
    },
    async selectedTabUrl() {
      // Headless Chromium keeps a real tab strip: only the selected tab's document is visible.
      const visible: string[] = [];
      for (const page of await pages()) {
        const state = await Promise.race([
          page.evaluate(() => document.visibilityState).catch(() => 'unknown'),
          new Promise<string>((resolve) => setTimeout(() => resolve('unanswered'), 3_000)),
        ]);
        if (state === 'visible') visible.push(page.url());
      }
      if (visible.length !== 1) throw new Error(`E2E: ${visible.length} visible tabs: ${visible.join(', ')}`);
      return visible[0] as string;
    },
  };
}

export function firefoxReaderDriver(session: FirefoxSession): ReaderDriver {
  const { browser, extensionOrigin } = session;
  const opened: Page[] = [];
  const tabIds = new WeakMap<Page, number>();

  /** One Page per target: captureReader polls, and each asPage() would make another. */
  const pagesByTarget = new WeakMap<Target, Page>();
  async function pageOf(target: Target): Promise<Page> {
    let page = pagesByTarget.get(target);
    if (!page) {
      page = await target.asPage();
      pagesByTarget.set(target, page);
    }
    return page;
  }

  /** The href of a page target, read inside it (BiDi says about:blank for extension pages). */
  async function hrefOf(target: Target): Promise<string | null> {
    return (await pageOf(target)).evaluate(() => location.href).catch(() => null);
  }

  return {
    browserName: 'firefox',
    browser,
    extensionOrigin,
    opened,
    openExtensionPage: (pathAndQuery) => session.openExtensionPage(pathAndQuery),
    async openArticle(url, beforePopup) {
      const { popup, tabId, newsPage } = await session.openPopupForTab(url, { beforePopup });
      opened.push(popup);
      if (!newsPage) throw new Error(`E2E: ${url} did not load in Firefox`);
      opened.push(newsPage);
      tabIds.set(newsPage, tabId);
      return { article: newsPage, popup };
    },
    async reopenPopup(article) {
      const tabId = tabIds.get(article);
      if (tabId === undefined) throw new Error('E2E: reopenPopup needs an article opened by openArticle');
      // The activeTab grant of the first click lasts until the tab navigates or closes, as in
      // Firefox after a real click.
      const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
      opened.push(popup);
      return popup;
    },
    async captureReader(action, timeout = 15_000) {
      const before = new Set(browser.targets());
      await action();
      let reader: Page | undefined;
      await until(
        async () => {
          for (const target of browser.targets()) {
            if (before.has(target) || target.type() !== 'page') continue;
            const href = await hrefOf(target);
            if (href?.startsWith(`${extensionOrigin}${READER_PATH}`)) {
              reader = await pageOf(target);
              return true;
            }
          }
          return false;
        },
        async () => `E2E: no reader tab opened within ${timeout} ms; tabs: ${(await this.tabUrls()).join(', ')}`,
        timeout,
      );
      if (!reader) throw new Error('E2E: reader tab lost');
      opened.push(reader);
      return reader;
    },
    async tabUrls() {
      return session.evaluateInBrowserWindow<string[]>(
        'JSON.stringify(gBrowser.browsers.map((browser) => browser.currentURI.spec))',
      );
    },
    async selectedTabUrl() {
      return session.evaluateInBrowserWindow<string>('JSON.stringify(gBrowser.selectedBrowser.currentURI.spec)');
    },
  };
}

/** Closes everything a test opened; tabs already closed (e.g. by Escape) are skipped. */
export async function closeOpenedPages(driver: ReaderDriver): Promise<void> {
  await Promise.all(
    driver.opened.splice(0).map((page) => (page.isClosed() ? undefined : page.close().catch(() => undefined))),
  );
}
