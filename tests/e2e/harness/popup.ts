// Reads the popup the way the contract describes it (data-testid attributes), identically in
// both browsers, so the tests compare values rather than browser-specific markup.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';

export type PopupState = 'loading' | 'ready' | 'not-article' | 'unsupported' | 'needs-permission' | 'error';

export interface PopupReport {
  title: string | null;
  site: string | null;
  byline: string | null;
  /** `datetime` attribute of the <time> element, exactly as rendered. */
  published: string | null;
  modified: string | null;
  /** The whole visible line of each time ("Updated 10:09 AM, 4h 21m later") and its hover text. */
  lines: { published: string | null; modified: string | null };
  hovers: { published: string | null; modified: string | null };
  summary: string[];
}

const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

/** Waits until the popup has left `loading`, and returns the state it settled in. */
export async function waitForPopupState(popup: Page, timeout = 20_000): Promise<PopupState> {
  const root = await popup.waitForSelector('[data-testid="popup"]:not([data-state="loading"])', { timeout });
  if (!root) throw new Error('E2E: popup root disappeared');
  return (await root.evaluate((element) => element.getAttribute('data-state'))) as PopupState;
}

/** Text of the popup's error state, to make a wrong state self-explanatory in the failure. */
export async function describePopup(popup: Page): Promise<string> {
  return popup.$eval(
    '[data-testid="popup"]',
    (element) =>
      `${element.getAttribute('data-state')}: ${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`,
  );
}

export async function readPopupReport(popup: Page): Promise<PopupReport> {
  // No named helper functions inside the callback: it is serialised into the page, and a
  // transpiler that keeps function names (tsx/esbuild) would reference a missing `__name`.
  return popup.$eval('[data-testid="popup"]', (root) => {
    const [title, site, byline] = ['title', 'site', 'byline'].map(
      (testId) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null,
    );
    // Only a <time> carries a machine-readable value; anything else is reported as its tag
    // name so that the assertion fails with a visible reason.
    const [published, modified] = ['published', 'modified'].map((testId) => {
      const element = root.querySelector(`[data-testid="${testId}"]`);
      if (!element) return null;
      return element instanceof HTMLTimeElement ? element.dateTime : `<${element.tagName.toLowerCase()}>`;
    });
    const [publishedLine, modifiedLine] = ['published', 'modified'].map(
      (testId) =>
        root
          .querySelector(`[data-testid="${testId}"]`)
          ?.closest('.time-line')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? null,
    );
    const [publishedHover, modifiedHover] = ['published', 'modified'].map(
      (testId) => root.querySelector(`[data-testid="${testId}"]`)?.getAttribute('title') ?? null,
    );
    return {
      title: title ?? null,
      site: site ?? null,
      byline: byline ?? null,
      published: published ?? null,
      modified: modified ?? null,
      lines: { published: publishedLine ?? null, modified: modifiedLine ?? null },
      hovers: { published: publishedHover ?? null, modified: modifiedHover ?? null },
      summary: [...root.querySelectorAll('[data-testid="summary"] li')].map((li) => (li.textContent ?? '').trim()),
    };
  });
}

/** One screenshot per test: `tests/e2e/screenshots/<browser>-<case>.png`. */
export async function saveScreenshot(page: Page, browserName: string, caseName: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${browserName}-${caseName}.png`) as `${string}.png` });
}

/**
 * Runs the body of a test and always takes its screenshot afterwards, so a failing test leaves
 * a picture of the state it failed in.
 */
export async function withScreenshot(
  page: Page,
  browserName: string,
  caseName: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } finally {
    await saveScreenshot(page, browserName, caseName).catch((error: unknown) => {
      console.warn(`E2E: screenshot ${browserName}-${caseName} failed:`, error);
    });
  }
}

/** Clicks a control and waits for the popup to leave `fromState` and settle again. */
export async function clickAndSettle(popup: Page, testId: string, fromState: PopupState): Promise<PopupState> {
  const control = await popup.$(`[data-testid="${testId}"]`);
  if (!control) throw new Error(`E2E: no [data-testid="${testId}"] in the popup (${await describePopup(popup)})`);
  await control.click();
  try {
    await popup.waitForSelector(`[data-testid="popup"]:not([data-state="${fromState}"]):not([data-state="loading"])`, {
      timeout: 20_000,
    });
  } catch (error) {
    throw new Error(`E2E: after clicking ${testId}, the popup stayed in ${await describePopup(popup)}`, {
      cause: error,
    });
  }
  return waitForPopupState(popup);
}

/**
 * Clicks a control of one of Lede's pages: puppeteer's click in Chromium; in Firefox the control's
 * own click(), as the popup there is a tab behind the article's, and puppeteer's click waits on
 * the hidden tab's throttled rendering (4 to 16 s a click, measured).
 */
export async function pressControl(browserName: string, control: ElementHandle | null | undefined): Promise<void> {
  if (!control) throw new Error('E2E: the control to click is missing');
  if (browserName === 'firefox') await control.evaluate((element) => (element as HTMLElement).click());
  else await control.click();
}

/** The WebExtension API as an extension page sees it, in either browser; only what is used here. */
export interface ExtensionApi {
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    executeScript(
      injection:
        | { target: { tabId: number }; args: [boolean]; func: (on: boolean) => void }
        | { target: { tabId: number }; files: string[] },
    ): Promise<unknown>;
  };
}

/**
 * The news tab, as the popup finds it: `?tabId=` where the popup is a tab (Firefox), else the
 * active tab, which a real popup is about.
 */
export function newsTabOf(popup: Page): Promise<number> {
  return popup.evaluate(async () => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = (scope.browser ?? scope.chrome) as ExtensionApi;
    const param = new URLSearchParams(location.search).get('tabId');
    const tabId = param ? Number(param) : (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) throw new Error('no tab for the popup');
    return tabId;
  });
}

/** Sends a message from the popup to Lede's content script in the news tab. */
export async function sendFromPopup(popup: Page, message: unknown): Promise<unknown> {
  const tabId = await newsTabOf(popup);
  return popup.evaluate(
    async (tab, body) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (scope.browser ?? scope.chrome) as ExtensionApi;
      return api.tabs.sendMessage(tab, body).then(
        (answer) => answer ?? null,
        (error: unknown) => `rejected: ${String(error)}`,
      );
    },
    tabId,
    message,
  );
}
