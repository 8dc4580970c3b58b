// Issue 10, item 1, in the browsers: the 100 pages of corpus-sample.ts through the real extension,
// the same checks in Chromium and Firefox. Each page is loaded in one reused tab, Lede's popup is
// opened over it as a click does, and once the popup has settled (ready, not-article or error)
// the run checks that nothing threw: not in the page, not in Lede's content script, not in the
// popup (page-errors.ts says where each browser reports them). A control first shows that a
// deliberate throw in each of the three places is seen and told apart, so a clean run means
// something.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { CORPUS_SAMPLE } from './corpus-sample';
import type { CapturedError } from './page-errors';
import {
  describePopup,
  newsTabOf,
  sendFromPopup,
  waitForPopupState,
  type ExtensionApi,
  type PopupState,
} from './popup';
import type { FixtureServer } from './server';

export interface CorpusSampleContext {
  browserName: string;
  server(): FixtureServer;
  /** Loads `url` in the news tab (the same tab each time) and opens Lede's popup over it. */
  openPopup(url: string): Promise<Page>;
  closePopup(popup: Page): Promise<void>;
  /** The tab the pages load in. */
  newsPage(): Page;
  /** What was thrown since the last call, in the news tab and in this popup. */
  takeErrors(popup: Page): Promise<CapturedError[]>;
}

/**
 * Breaks (or repairs) CSS.highlights.set in Lede's content-script world of the news tab (the
 * same isolated world in Chromium, the same sandbox in Firefox), from the popup, which holds the
 * activeTab grant. The page's own world keeps its registry: the break is the content script's.
 */
async function breakHighlightRegistry(popup: Page, broken: boolean): Promise<void> {
  const tabId = await newsTabOf(popup);
  await popup.evaluate(
    async (tab, breaking) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (scope.browser ?? scope.chrome) as ExtensionApi;
      await api.scripting.executeScript({
        target: { tabId: tab },
        args: [breaking],
        func: (on: boolean) => {
          if (on) Object.defineProperty(CSS.highlights, 'set', { value: 42, configurable: true });
          else Reflect.deleteProperty(CSS.highlights, 'set');
        },
      });
    },
    tabId,
    broken,
  );
}

/**
 * The popup asks for highlights just before it shows `ready`; a ping sent after them is answered
 * once the content script has handled them (it answers in order), so their errors are in by then.
 */
export async function contentScriptDone(popup: Page): Promise<void> {
  expect(await sendFromPopup(popup, { type: 'popup→content:ping' })).toEqual({ pong: true });
}

/** Polls `take` until `enough` holds for all errors seen, or 5 s have passed. */
async function errorsUntil(
  take: () => Promise<CapturedError[]>,
  enough: (errors: CapturedError[]) => boolean,
): Promise<CapturedError[]> {
  const seen: CapturedError[] = [];
  const deadline = Date.now() + 5_000;
  do {
    seen.push(...(await take()));
    if (enough(seen)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < deadline);
  return seen;
}

interface Outcome {
  page: string;
  state: PopupState | 'timeout';
  detail: string;
  errors: CapturedError[];
  ms: number;
}

/** A settled popup state that is not a failure: the page was read, or found not to be an article. */
const SETTLED_OK: readonly string[] = ['ready', 'not-article'];

export function defineCorpusSampleTests(context: CorpusSampleContext): void {
  test('a deliberate throw in the page, in Lede’s content script and in the popup is each seen, and told apart', async () => {
    const popup = await context.openPopup(context.server().url('seed/watson-visible-times.html'));
    try {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      await contentScriptDone(popup);
      expect(await context.takeErrors(popup)).toEqual([]);

      await context.newsPage().evaluate(() => {
        setTimeout(() => {
          throw new Error('control: page');
        });
      });
      await popup.evaluate(() => {
        setTimeout(() => {
          throw new Error('control: popup');
        });
      });
      // Lede's own code made to throw inside its message listener: its highlight request calls
      // CSS.highlights.set, replaced by a number in the content script's world only.
      await breakHighlightRegistry(popup, true);
      try {
        const answer = await sendFromPopup(popup, {
          type: 'popup→content:highlight',
          on: true,
          figures: [],
          colors: { quote: '#ffc400', figure: '#00a0ff' },
        });
        // The popup gets no answer, as from any listener that throws.
        expect(String(answer)).toMatch(/^rejected|^null$/);
      } finally {
        await breakHighlightRegistry(popup, false);
      }
      const seen = await errorsUntil(
        () => context.takeErrors(popup),
        (errors) => new Set(errors.map((e) => e.source)).size >= 3,
      );
      const bySource = Object.fromEntries(seen.map((e) => [e.source, e.message]));
      expect(Object.keys(bySource).sort(), JSON.stringify(seen)).toEqual(['content-script', 'page', 'popup']);
      expect(bySource.page).toContain('control: page');
      expect(bySource.popup).toContain('control: popup');
      expect(bySource['content-script']).toMatch(/set is not a function/);
    } finally {
      await context.closePopup(popup);
    }
  });

  test(`${CORPUS_SAMPLE.length} corpus pages: the popup settles and nothing throws in the page, Lede’s content script or the popup`, async () => {
    const outcomes: Outcome[] = [];
    const started = performance.now();
    for (const page of CORPUS_SAMPLE) {
      const begin = performance.now();
      const popup = await context.openPopup(context.server().corpusUrl(page.set, page.name));
      let state: Outcome['state'] = 'timeout';
      try {
        state = await waitForPopupState(popup);
        if (state === 'ready') await contentScriptDone(popup);
      } catch {
        // Still loading after the wait: reported below with what the popup shows.
      }
      const detail = await describePopup(popup).catch((error: unknown) => String(error));
      const errors = await context.takeErrors(popup);
      await context.closePopup(popup);
      outcomes.push({ page: `${page.set}/${page.name}`, state, detail, errors, ms: performance.now() - begin });
    }
    const seconds = (performance.now() - started) / 1000;
    const count = (state: string): number => outcomes.filter((o) => o.state === state).length;
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(
      `${context.browserName}: ${outcomes.length} corpus pages in ${seconds.toFixed(1)} s; ` +
        `ready ${count('ready')}, not-article ${count('not-article')}, error ${count('error')}; slowest: ` +
        slowest.map((o) => `${o.page} ${Math.round(o.ms)} ms`).join(', '),
    );
    const failures = outcomes
      .filter((o) => !SETTLED_OK.includes(o.state) || o.errors.length > 0)
      .map(({ page, state, detail, errors }) => ({ page, state, detail, errors }));
    expect(failures).toEqual([]);
    // The sample covers both answers a page can get.
    expect(count('ready')).toBeGreaterThan(0);
    expect(count('not-article')).toBeGreaterThan(0);
    // The budget on a quiet CI machine is 90 s (Chromium) and 120 s (Firefox); this bound only
    // stops a run that hangs, on a machine that may be busier.
  }, 300_000);
}
