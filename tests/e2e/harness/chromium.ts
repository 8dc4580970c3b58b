// Debian Chromium driven over CDP, with the Lede build installed as an unpacked extension.
// Launch options follow /work/shared/docs/e2e-recipe.md §4, where each one was checked.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_BINARY, requireBrowserBinary, requireExtensionBuild } from './prerequisites';
import { READER_TIME_ZONE } from './cases';

export interface ChromiumSession {
  readonly browser: Browser;
  readonly extensionId: string;
  /** Opens the genuine toolbar popup for `newsPage` (activeTab is granted) and returns it. */
  openRealPopup(newsPage: Page): Promise<Page>;
  /** Opens an extension page (e.g. `popup.html`) in a normal tab. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  /**
   * Grants the optional host permission for `origin` as the reader's "Allow" in Chrome's prompt
   * would (headless Chromium cannot click the prompt): chrome://extensions' own site-access call.
   * The extension's permissions.request() for it then resolves true without a prompt.
   */
  allowSite(origin: string): Promise<void>;
  close(): Promise<void>;
}

interface ChromeWithDeveloperPrivate {
  developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void };
  runtime: { lastError?: { message?: string } };
}

export interface ChromiumOptions {
  /** The browser's UI language (e.g. 'fr'), and so the extension's: chrome.i18n.getUILanguage(). */
  lang?: string;
  /** More command-line switches (the benchmark's: bench/chromium.ts). */
  args?: readonly string[];
}

export async function launchChromium(
  outputDir = '.output/chrome-mv3',
  // English unless a test asks otherwise: the tests read English strings, whatever the machine's LANG.
  { lang = 'en', args = [] }: ChromiumOptions = {},
): Promise<ChromiumSession> {
  const executablePath = requireBrowserBinary(CHROMIUM_BINARY, 'apt-get install chromium');
  const extensionDir = requireExtensionBuild(outputDir);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'lede-chromium-'));
  const browser = await puppeteer.launch({
    // The real ELF: /usr/bin/chromium is a wrapper script that injects its own flags.
    executablePath,
    headless: true,
    // The reader's zone, pinned: the popup shows times in it (cases.ts, SEED_LINES).
    // Linux Chromium takes its UI language (getUILanguage, navigator.language) from LANGUAGE/LANG,
    // and only if chromium-l10n has its .pak; --lang alone switched the extension's messages only.
    env: { ...process.env, TZ: READER_TIME_ZONE, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    // installExtension (CDP Extensions.loadUnpacked) needs both of these.
    pipe: true,
    enableExtensions: true,
    userDataDir,
    // --no-sandbox: we run as root. The rest keep the browser off the (absent) network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      ...args,
    ],
  });
  let extensionId: string;
  try {
    // Installed by hand: `enableExtensions: [path]` does not await the install in 24.43.1.
    extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;

  return {
    browser,
    extensionId,
    async openRealPopup(newsPage) {
      // The action applies to the active tab of the focused window, as for a reader's click.
      await newsPage.bringToFront();
      const extension = (await browser.extensions()).get(extensionId);
      if (!extension) throw new Error(`E2E: extension ${extensionId} is not installed`);
      const popupTarget = browser.waitForTarget((target) => target.url() === popupUrl, { timeout: 15_000 });
      await newsPage.triggerExtensionAction(extension);
      const popup = await (await popupTarget).asPage();
      return popup;
    },
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    },
    async allowSite(origin) {
      const page = await browser.newPage();
      try {
        await page.goto('chrome://extensions');
        const error = await page.evaluate(
          (id, host) =>
            new Promise<string | null>((resolve) => {
              const api = (globalThis as unknown as { chrome: ChromeWithDeveloperPrivate }).chrome;
              api.developerPrivate.addHostPermission(id, host, () => resolve(api.runtime.lastError?.message ?? null));
            }),
          extensionId,
          origin,
        );
        if (error) throw new Error(`E2E: could not allow ${origin}: ${error}`);
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
