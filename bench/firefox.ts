/**
 * The benchmark's Firefox, over WebDriver BiDi, with the same measures as bench/chromium.ts where
 * Firefox lets automation see them. The content script's User Timing measures land in the page's
 * own timeline (its `performance` is the page's, through Xray wrappers), so they are read from the
 * page. What Firefox does not allow:
 *
 *   - the real toolbar popup: the popup opens in a tab (`popup.html?tabId=N`) after the tab got
 *     the activeTab grant a click gives (tests/e2e/harness/firefox.ts), so there is no click to
 *     time from: the popup is timed from its document's start to the report in its DOM;
 *   - long tasks: Firefox has neither PerformanceObserver 'longtask' nor Long Animation Frames;
 *   - the page's heap: no `performance.memory`, and BiDi has no heap or GC command.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { grantActiveTabAsOnClick, launchFirefox, type FirefoxSession } from '../tests/e2e/harness/firefox';
import { BENCH_MEASURES, PLAIN_READABILITY_HASH } from '../utils/bench-marks';
import { CONTENT_SCRIPT } from '../utils/messages';
import { STEP_PREFIX } from './chromium';

export const FIREFOX_BENCH_BUILD = '.output/firefox-mv3-bench';

const PREFS = {
  // Every host but the benchmark's server goes to a closed local port and fails at once.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  // performance.now() to the microsecond instead of Firefox's default 1 ms steps.
  'privacy.reduceTimerPrecision': false,
};

interface ExtensionApi {
  browser: {
    tabs: {
      create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  };
}

export interface FirefoxClick {
  state: string;
  popupToReady: number;
  analyze: number | null;
  highlight: number | null;
  /** The analysis's tasks on the page's main thread (as in bench/chromium.ts), their sum. */
  onPage: number;
}

/** The wait for a page's load event, as in bench/chromium.ts. */
const LOAD_TIMEOUT = 15_000;

export class FirefoxBench {
  private loads = 0;
  private news!: Page;
  private tabId = -1;
  private constructor(
    private readonly session: FirefoxSession,
    private readonly geckoId: string,
    private readonly control: Page,
    private readonly origin: string,
    readonly version: string,
  ) {}

  static async launch(origin: string): Promise<FirefoxBench> {
    const session = await launchFirefox(FIREFOX_BENCH_BUILD, { prefs: PREFS });
    try {
      const manifest = JSON.parse(readFileSync(path.join(FIREFOX_BENCH_BUILD, 'manifest.json'), 'utf8')) as {
        browser_specific_settings: { gecko: { id: string } };
      };
      // An extension page of Lede's own, from which the benchmark makes its extension calls.
      const control = await session.openExtensionPage('options.html');
      const bench = new FirefoxBench(
        session,
        manifest.browser_specific_settings.gecko.id,
        control,
        origin,
        await session.browser.version(),
      );
      await bench.openNewsTab();
      return bench;
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  /** The tab the pages load in: a new one, after a page left the last one unusable. */
  private async openNewsTab(): Promise<void> {
    const first = `${this.origin}/?load=${++this.loads}`;
    const opened = this.session.browser.waitForTarget((t) => t.url() === first, { timeout: 30_000 });
    this.tabId = await this.control.evaluate(async (url) => {
      const tab = await (globalThis as unknown as ExtensionApi).browser.tabs.create({ url, active: true });
      if (tab.id === undefined) throw new Error('no tab id');
      return tab.id;
    }, first);
    this.news = await (await opened).asPage();
    // As in bench/chromium.ts: a page's script sending the tab elsewhere is stopped, and any
    // other request outside the benchmark's server fails at once.
    await this.news.setRequestInterception(true);
    this.news.on('request', (request) => {
      const answer = request.url().startsWith(`${this.origin}/`) ? request.continue() : request.abort('aborted');
      answer.catch(() => undefined);
    });
  }

  /**
   * A fresh document, with the activeTab grant of a click on Lede's button. A page that sends
   * the tab elsewhere, even stopped, can leave Firefox's navigations hanging in that tab: the
   * page then fails and the next one gets a new tab.
   */
  private async load(url: string, hash = ''): Promise<void> {
    const fresh = `${url}${url.includes('?') ? '&' : '?'}load=${++this.loads}${hash}`;
    try {
      await this.news.goto(fresh, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    } catch (error) {
      await this.news.close().catch(() => undefined);
      await this.openNewsTab();
      throw error;
    }
    await grantActiveTabAsOnClick(this.session.browser, this.geckoId, fresh);
  }

  /** The page's measures by name, in order, in milliseconds. */
  private measures(): Promise<Record<string, number[]>> {
    return this.news.evaluate(() => {
      const byName: Record<string, number[]> = {};
      for (const e of performance.getEntriesByType('measure')) (byName[e.name] ??= []).push(e.duration);
      return byName;
    });
  }

  /** As in bench/chromium.ts: Lede's analysis, asked again at another address. */
  private async analyzeAgain(): Promise<void> {
    await this.news.evaluate(() => history.pushState(null, '', `${location.href.split('#')[0]}&again=${Date.now()}`));
    await this.control.evaluate(
      (tabId) =>
        (globalThis as unknown as ExtensionApi).browser.tabs
          .sendMessage(tabId, { type: 'popup→content:analyze', whole: false, sentences: 0 })
          .then(() => 0),
      this.tabId,
    );
  }

  /** As in bench/chromium.ts: plain Readability cold and warm, then Lede's analysis warm. */
  async readability(url: string): Promise<{ cold: number; warm: number; analysisWarm: number | null }> {
    await this.load(url, PLAIN_READABILITY_HASH);
    await this.control.evaluate(
      (tabId, file) =>
        (globalThis as unknown as ExtensionApi).browser.scripting.executeScript({ target: { tabId }, files: [file] }),
      this.tabId,
      CONTENT_SCRIPT,
    );
    await this.analyzeAgain();
    await this.analyzeAgain();
    const measured = await this.measures();
    const cold = measured[BENCH_MEASURES.readability]?.[0];
    const warm = measured[BENCH_MEASURES.readabilityWarm]?.[0];
    if (cold === undefined || warm === undefined) throw new Error(`bench: no Readability measure on ${url} in Firefox`);
    return { cold, warm, analysisWarm: measured[BENCH_MEASURES.analyze]?.[1] ?? null };
  }

  private async popupReady(pathAndQuery: string): Promise<{ popup: Page; state: string; popupToReady: number }> {
    const popup = await this.session.openExtensionPage(pathAndQuery);
    await popup.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      { polling: 10, timeout: 60_000 },
      BENCH_MEASURES.popupReady,
    );
    const ready = await popup.evaluate((name) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark;
      return { start: mark.startTime, state: (mark.detail as { state: string }).state };
    }, BENCH_MEASURES.popupReady);
    return { popup, state: ready.state, popupToReady: ready.start };
  }

  async click(url: string): Promise<FirefoxClick> {
    await this.load(url);
    const { popup, state, popupToReady } = await this.popupReady(`popup.html?tabId=${this.tabId}`);
    try {
      if (state === 'ready')
        await this.news.waitForFunction(
          (name) => performance.getEntriesByName(name).length > 0,
          { polling: 50, timeout: 60_000 },
          BENCH_MEASURES.highlight,
        );
    } finally {
      await popup.close();
    }
    const measured = await this.measures();
    return {
      state,
      popupToReady,
      analyze: measured[BENCH_MEASURES.analyze]?.[0] ?? null,
      highlight: measured[BENCH_MEASURES.highlight]?.[0] ?? null,
      onPage: Object.entries(measured)
        .filter(([name]) => name.startsWith(STEP_PREFIX))
        .reduce((sum, [, durations]) => sum + (durations[0] ?? 0), 0),
    };
  }

  async fixedPopup(report: unknown): Promise<number> {
    const { popup, state, popupToReady } = await this.popupReady(
      `popup.html?bench=fixed#${encodeURIComponent(JSON.stringify(report))}`,
    );
    await popup.close();
    if (state !== 'ready') throw new Error(`bench: the fixed popup ended in ${state} in Firefox`);
    return popupToReady;
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
