// Firefox ESR driven over WebDriver BiDi, with the Lede build installed as a temporary add-on.
// Firefox cannot open the real toolbar popup under automation (triggerExtensionAction is
// unsupported over BiDi), so the popup is opened in a tab as `popup.html?tabId=N`, after the
// news tab has been given the activeTab grant that the reader's click on the button gives.
// Launch options follow /work/shared/docs/e2e-recipe.md §5, where each one was checked.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BINARY, requireBrowserBinary, requireExtensionBuild } from './prerequisites';
import { READER_TIME_ZONE } from './cases';

/** Fixed internal UUID, so the test knows the moz-extension:// origin before installing. */
export const FIREFOX_EXTENSION_UUID = '3f0c2a4e-8d6b-4c1e-9a57-1e2d3c4b5a69';

export interface FirefoxSession {
  readonly browser: Browser;
  readonly extensionOrigin: string;
  /** The add-on's id (browser_specific_settings.gecko.id), for grantActiveTabAsOnClick. */
  readonly geckoId: string;
  /** Opens an extension page in a new tab (see navigateExtensionPage for why not goto). */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  /**
   * Opens `url` in a tab, gives it the activeTab grant of a click on Lede's button (unless
   * `clicked` is false), then opens the popup for that tab in another tab.
   */
  openPopupForTab(url: string, options?: OpenPopupOptions): Promise<{ popup: Page; tabId: number; newsPage?: Page }>;
  /** Opens the popup again over the same tab, now at `url`, as a second click on the button does. */
  reopenPopup(popup: Page, url: string): Promise<Page>;
  /**
   * Evaluates `expression` in Firefox's browser (chrome) window, e.g. over `gBrowser`; the
   * expression must produce a JSON string, which is parsed and returned.
   */
  evaluateInBrowserWindow<T>(expression: string): Promise<T>;
  /** Withdraws every host permission granted so far, so each test starts as after install. */
  revokeHostPermissions(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenPopupOptions {
  /** false: the popup opens without the activeTab grant of a click on the button. */
  clicked?: boolean;
  /** Runs once the news tab has loaded, before the grant and the popup (e.g. to snapshot it). */
  beforePopup?: (newsPage: Page) => Promise<void>;
}

/** The WebExtension API as seen from an extension page; only the calls the harness makes. */
interface ExtensionPageGlobals {
  browser: {
    tabs: {
      create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
    };
    permissions: {
      getAll(): Promise<{ origins?: string[] }>;
      remove(permissions: { origins: string[] }): Promise<boolean>;
    };
  };
}

/** Puppeteer's internal BiDi frame: its browsingContext is not part of the public types. */
interface BidiFrameInternals {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/**
 * page.goto() never resolves for moz-extension:// documents: Firefox sends no load events for
 * extension-process documents to BiDi, so puppeteer times out. The raw BiDi navigate command
 * with wait 'complete' returns once the document has loaded.
 */
export async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as Partial<BidiFrameInternals>;
  if (typeof frame.browsingContext?.navigate !== 'function') {
    throw new Error('E2E: puppeteer internals changed: mainFrame().browsingContext.navigate is gone');
  }
  await frame.browsingContext.navigate(url, 'complete');
}

/**
 * There is no network here, so a page on a real domain ends on Firefox's error page, whose
 * BiDi URL is `about:neterror?e=…&u=<requested URL>`; the tab itself keeps the requested URL.
 */
function isNetErrorPageFor(targetUrl: string, requestedUrl: string): boolean {
  if (!targetUrl.startsWith('about:neterror?')) return false;
  return new URLSearchParams(targetUrl.slice('about:neterror?'.length)).get('u') === requestedUrl;
}

/** Puppeteer's BiDi connection; `send` is public on it but untyped for Firefox-only parameters. */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

/**
 * What a click on Lede's toolbar button does for access: the parent process adds the activeTab
 * permission for the selected tab (Firefox's ext-browserAction calls exactly this
 * tabManager method on a click). Clicking the button itself from automation opens nothing
 * (tried: the widget's click(), synthetic mouse events, action.openPopup()), so the harness
 * makes that one call in the browser's chrome window, which --remote-allow-system-access allows.
 */
export async function grantActiveTabAsOnClick(browser: Browser, geckoId: string, url: string): Promise<void> {
  // The newest tab at that address (earlier tests may leave one) is selected first, as a click is on the tab in
  // front: right after tabs.create, Firefox may not have switched the selection yet.
  const expression = `(() => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)});
    const tab = gBrowser.tabs.findLast((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
    if (!tab) throw new Error('no tab at ' + ${JSON.stringify(url)});
    gBrowser.selectedTab = tab;
    extension.tabManager.addActiveTabPermission(tab);
    return tab.linkedBrowser.currentURI.spec;
  })()`;
  const result = await evaluateInChromeWindow(browser, expression);
  if (result.type !== 'success')
    throw new Error(`E2E: activeTab grant failed: ${result.exceptionDetails?.text ?? result.type}`);
}

interface ChromeEvaluation {
  type: string;
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** Evaluates in the browser's chrome window (needs --remote-allow-system-access). */
async function evaluateInChromeWindow(browser: Browser, expression: string): Promise<ChromeEvaluation> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string }[];
  };
  const chromeWindow = tree.contexts[0]?.context;
  if (!chromeWindow) throw new Error('E2E: no Firefox chrome window over BiDi');
  const { result } = (await connection.send('script.evaluate', {
    expression,
    target: { context: chromeWindow },
    awaitPromise: false,
  })) as { result: ChromeEvaluation };
  return result;
}

async function readGeckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('E2E: the Firefox build has no browser_specific_settings.gecko.id');
  return id;
}

export interface FirefoxOptions {
  /**
   * The browser's UI language (e.g. 'fr'), and so the extension's: browser.i18n.getUILanguage().
   * Firefox only switches to a language whose language pack is installed (firefox-esr-l10n-fr).
   */
  lang?: string;
  /** More preferences (the benchmark's: bench/firefox.ts). */
  prefs?: Readonly<Record<string, unknown>>;
}

export async function launchFirefox(
  outputDir = '.output/firefox-mv3',
  // English unless a test asks otherwise: the tests read English strings, whatever the machine's locale.
  { lang = 'en-US', prefs = {} }: FirefoxOptions = {},
): Promise<FirefoxSession> {
  const executablePath = requireBrowserBinary(FIREFOX_BINARY, 'apt-get install firefox-esr');
  const extensionDir = requireExtensionBuild(outputDir);
  const geckoId = await readGeckoId(extensionDir);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'lede-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    // The reader's zone, pinned: the popup shows times in it (cases.ts, SEED_LINES).
    env: { ...process.env, TZ: READER_TIME_ZONE },
    executablePath,
    headless: true,
    userDataDir,
    // Without it the remote agent refuses to navigate to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The UUID pref is keyed by add-on id: this is why the build needs a fixed gecko id.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // permissions.request() for optional host permissions is granted without a doorhanger,
      // which headless automation could not click.
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.openPopupWithoutUserGesture.enabled': true,
      'intl.locale.requested': lang,
      ...prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  async function openExtensionPage(pathAndQuery: string): Promise<Page> {
    const page = await browser.newPage();
    await navigateExtensionPage(page, `${extensionOrigin}/${pathAndQuery}`);
    return page;
  }

  return {
    browser,
    extensionOrigin,
    geckoId,
    openExtensionPage,
    async openPopupForTab(url, { clicked = true, beforePopup } = {}) {
      const popup = await openExtensionPage('popup.html');
      // Registered before the tab exists so the event cannot be missed. The tab's status from
      // tabs.get is no use here: a new tab reports "complete" for its initial about:blank.
      const newsTarget = browser.waitForTarget(
        (target) => target.url() === url || isNetErrorPageFor(target.url(), url),
        { timeout: 30_000 },
      );
      // tabs.create needs no permission and returns the id (tabs.query({url}) would need "tabs").
      // Active, as the page a reader clicks Lede on is.
      const tabId = await popup.evaluate(async (newsUrl) => {
        const tab = await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.create({
          url: newsUrl,
          active: true,
        });
        if (tab.id === undefined) throw new Error('tabs.create returned no id');
        return tab.id;
      }, url);
      const target = await newsTarget;
      // The error page is privileged (puppeteer cannot evaluate in it); reaching it means the
      // load has ended, which is all the popup needs.
      let newsPage: Page | undefined;
      if (target.url() === url) {
        newsPage = await target.asPage();
        await newsPage.waitForFunction(() => document.readyState === 'complete', { timeout: 30_000 });
        if (beforePopup) await beforePopup(newsPage);
      }
      if (clicked) await grantActiveTabAsOnClick(browser, geckoId, url);
      await navigateExtensionPage(popup, `${extensionOrigin}/popup.html?tabId=${tabId}`);
      return { popup, tabId, newsPage };
    },
    async reopenPopup(popup, url) {
      // A new popup page for the same tab (its id is in the address): a navigation of the old
      // page leaves puppeteer holding a stale frame.
      const query = new URL(popup.url()).search;
      await popup.close();
      const again = await browser.newPage();
      await grantActiveTabAsOnClick(browser, geckoId, url);
      await navigateExtensionPage(again, `${extensionOrigin}/popup.html${query}`);
      return again;
    },
    async evaluateInBrowserWindow<T>(expression: string): Promise<T> {
      const result = await evaluateInChromeWindow(browser, expression);
      if (result.type !== 'success' || typeof result.result?.value !== 'string') {
        throw new Error(
          `E2E: chrome-window evaluation failed: ${result.exceptionDetails?.text ?? JSON.stringify(result.result)}`,
        );
      }
      return JSON.parse(result.result.value) as T;
    },
    async revokeHostPermissions() {
      const page = await openExtensionPage('popup.html');
      try {
        // permissions.remove needs no user gesture, unlike request.
        await page.evaluate(async () => {
          const api = (globalThis as unknown as ExtensionPageGlobals).browser;
          const { origins = [] } = await api.permissions.getAll();
          if (origins.length > 0) await api.permissions.remove({ origins });
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
