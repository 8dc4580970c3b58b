// Issue 10, item 3: the page is left as it was. The same checks in Chromium and Firefox, watched
// from the page's own world (page-watch.ts) and through the browsers' error reports
// (page-errors.ts):
// - from the click to the close (analysis, highlights painted, a quote revealed, highlights off,
//   the reader view opened), not one DOM change and no new global. The reader view is a tab of
//   its own (utils/reader-launch.ts): Lede puts no host element in the page, so the exact list
//   of allowed mutations is empty. Highlights left on stay after the popup closes (the reader
//   reads the page with them, and turns them off with the switch or the shortcut); turned off,
//   nothing of Lede's is left: no lede-* highlight, no style sheet, and the page's own
//   highlight untouched;
// - a second injection of the content script stops the first copy (its highlights and style
//   sheet go), and the next click paints once, with one listener answering;
// - a strict CSP, frames of two origins, an article in a shadow root and an infinite scroll:
//   the popup reports the article, its highlights are painted, and nothing throws.
import type { Frame, Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import type { CapturedError } from './page-errors';
import { pageChanges, watchPage } from './page-watch';
import { describePopup, newsTabOf, waitForPopupState, type ExtensionApi } from './popup';
import { until } from './reader-driver';

export interface IntegrityContext {
  browserName: string;
  /** Opens a fixture in a new tab, runs `beforeClick` on it, then Lede's popup over it. */
  open(fixture: string, beforeClick?: (page: Page) => Promise<void>): Promise<{ page: Page; popup: Page }>;
  /** Opens the popup again over the same page, as the reader's next click on the button does. */
  reopen(popup: Page, page: Page): Promise<Page>;
  /** Runs `action` (a click on open-reader) and returns the reader view's tab it opens. */
  captureReader(action: () => Promise<void>): Promise<Page>;
  /** Every error seen since the last call: in the page, Lede's content script and the popup. */
  takeErrors(): Promise<CapturedError[]>;
}

/** The strictest policy a site may send, for pages/integrity-strict-csp.html. */
export const STRICT_CSP = "default-src 'none'; style-src 'none'";

/** The fixture server's extra headers for these tests: the strict page's policy. */
export function integrityHeaders(url: URL): Record<string, string> | undefined {
  return url.pathname === '/pages/integrity-strict-csp.html' ? { 'content-security-policy': STRICT_CSP } : undefined;
}

/** The article of the integrity-*.html fixtures. */
const VALLEY_TITLE = 'Valley rail line to reopen after a 14-month rebuild of the Brenner viaduct';
const VALLEY_QUOTES = 3;
const SEED = 'seed/watson-visible-times.html';

/** Injects Lede's content script into the popup's tab once more, as the popup itself does. */
async function injectAgain(popup: Page): Promise<void> {
  const tabId = await newsTabOf(popup);
  await popup.evaluate(async (tab) => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const api = (scope.browser ?? scope.chrome) as ExtensionApi;
    await api.scripting.executeScript({ target: { tabId: tab }, files: ['/in-page.js'] });
  }, tabId);
}

/** The texts under Lede's quote highlights, in the page (ranges may lie in a shadow root). */
function quoteHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...((CSS.highlights.get('lede-quote') as Set<AbstractRange> | undefined) ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    }),
  );
}

/**
 * Waits until `check` holds in the page, polling from here: in Firefox the article's tab is behind
 * the popup's, where the page's own timers (puppeteer's waitForFunction polls with them) run once
 * a second at best.
 */
async function waitInPage(page: Page, check: () => boolean, what: string): Promise<void> {
  await until(
    () => page.evaluate(check),
    () => `E2E: ${what} did not happen within 10 s`,
  );
}

const waitPainted = (page: Page): Promise<void> =>
  waitInPage(page, () => CSS.highlights.has('lede-quote'), 'the quotes’ highlights');

async function expectReady(popup: Page, title: string): Promise<void> {
  expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
  expect(await popup.$eval('[data-testid="title"]', (el) => el.textContent)).toBe(title);
}

export function defineIntegrityTests(context: IntegrityContext): void {
  test('from the click to the close, Lede changes nothing in the page’s DOM and leaves no global', async () => {
    let before = '';
    const { page, popup } = await context.open(SEED, async (p) => {
      before = await p.evaluate(() => document.documentElement.outerHTML);
      // The page's own highlight, which Lede must leave alone: it removes only its own entries.
      await p.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1') as Element);
        CSS.highlights.set('page-mark', new Highlight(range));
      });
      await watchPage(p);
    });
    try {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      await waitPainted(page);
      expect((await pageChanges(page)).ledeSheets).toBe(1);
      const quotes = await popup.$$('[data-testid="quote"]');
      expect(quotes).toHaveLength(6);
      await quotes[1]?.click();
      await waitInPage(page, () => CSS.highlights.has('lede-flash'), 'the flash of the revealed quote');
      await popup.click('[data-testid="toggle-highlights"]');
      await waitInPage(page, () => ![...CSS.highlights.keys()].some((k) => k.startsWith('lede-')), 'highlights off');
      const reader = await context.captureReader(() => popup.click('[data-testid="open-reader"]'));
      const readerTitle = await reader.waitForSelector('[data-testid="reader-title"]', { timeout: 10_000 });
      expect(await readerTitle?.evaluate((h1) => h1.textContent)).toContain('Poutine');
      await reader.close();
      // The popup closes itself once the reader view is open (Chromium's real popup does).
      if (!popup.isClosed()) await popup.close();

      expect(await pageChanges(page)).toEqual({
        mutations: [],
        globalsAdded: [],
        globalsRemoved: [],
        ledeHighlights: [],
        ledeSheets: 0,
        violations: [],
      });
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
      expect(await page.evaluate(() => CSS.highlights.get('page-mark')?.size)).toBe(1);
      expect(await context.takeErrors()).toEqual([]);
    } finally {
      // Highlights back on, the reader's default, for the next tests.
      const again = await context.reopen(popup, page);
      expect(await waitForPopupState(again), await describePopup(again)).toBe('ready');
      await again.click('[data-testid="toggle-highlights"]');
      await waitPainted(page);
      await again.close();
    }
  });

  test('a second injection stops the first copy; the next click paints once, answered by one copy', async () => {
    const { page, popup } = await context.open(SEED, watchPage);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    await waitPainted(page);
    const painted = await quoteHighlights(page);
    expect(painted).toHaveLength(6);

    await injectAgain(popup);
    // The first copy has gone, with its highlights and their style sheet; the new one waits.
    expect(await pageChanges(page)).toMatchObject({ ledeHighlights: [], ledeSheets: 0, mutations: [] });

    const again = await context.reopen(popup, page);
    expect(await waitForPopupState(again), await describePopup(again)).toBe('ready');
    await waitPainted(page);
    expect(await quoteHighlights(page)).toEqual(painted);
    // Two copies listening would each paint, each with its own style sheet.
    expect(await pageChanges(page)).toMatchObject({
      ledeHighlights: ['lede-quote', 'lede-figure'],
      ledeSheets: 1,
      mutations: [],
      globalsAdded: [],
    });
    await again.close();
    expect(await context.takeErrors()).toEqual([]);
  });

  test('a page with a strict CSP (default-src none, style-src none): the article is read and painted, no violation of Lede’s', async () => {
    const { page, popup } = await context.open('pages/integrity-strict-csp.html', watchPage);
    // The policy holds: the page's own <style> did not apply.
    expect(await page.$eval('h1', (h1) => getComputedStyle(h1).color)).not.toBe('rgb(1, 2, 3)');
    await expectReady(popup, VALLEY_TITLE);
    await waitPainted(page);
    expect(await quoteHighlights(page)).toHaveLength(VALLEY_QUOTES);
    expect(await pageChanges(page)).toEqual({
      mutations: [],
      globalsAdded: [],
      globalsRemoved: [],
      ledeHighlights: ['lede-quote', 'lede-figure'],
      ledeSheets: 1,
      violations: [],
    });
    await popup.close();
    expect(await context.takeErrors()).toEqual([]);
  });

  test('frames of the same and another origin: the top frame’s article is read, the frames are left as they were', async () => {
    const frameHtml = new Map<Frame, string>();
    const { page, popup } = await context.open('pages/integrity-frames.html', async (p) => {
      await watchPage(p);
      for (const frame of p.frames().filter((f) => f !== p.mainFrame())) {
        frameHtml.set(frame, await frame.evaluate(() => document.documentElement.outerHTML));
        await watchPage(frame);
      }
    });
    const origins = [...frameHtml.keys()].map((frame) => new URL(frame.url()).hostname).sort();
    expect(origins).toEqual(['127.0.0.1', 'localhost']);
    await expectReady(popup, VALLEY_TITLE);
    await waitPainted(page);
    expect(await quoteHighlights(page)).toHaveLength(VALLEY_QUOTES);
    expect(await pageChanges(page)).toMatchObject({ mutations: [], globalsAdded: [], globalsRemoved: [] });
    for (const [frame, html] of frameHtml) {
      expect(await pageChanges(frame), frame.url()).toEqual({
        mutations: [],
        globalsAdded: [],
        globalsRemoved: [],
        ledeHighlights: [],
        ledeSheets: 0,
        violations: [],
      });
      expect(await frame.evaluate(() => document.documentElement.outerHTML)).toBe(html);
    }
    await popup.close();
    expect(await context.takeErrors()).toEqual([]);
  });

  test('an article in a web component’s shadow root is read and painted there, its DOM untouched', async () => {
    const { page, popup } = await context.open('pages/integrity-shadow.html', watchPage);
    await expectReady(popup, VALLEY_TITLE);
    expect(await popup.$eval('[data-testid="byline"]', (el) => el.textContent)).toContain('Marta Keller');
    await waitPainted(page);
    expect(await quoteHighlights(page)).toHaveLength(VALLEY_QUOTES);
    // The ranges lie in the shadow tree, which got the colours (a document's rules stop at it).
    const where = await page.evaluate(() => {
      const ranges = [...((CSS.highlights.get('lede-quote') as Set<AbstractRange> | undefined) ?? [])];
      return ranges.map((r) => (r.startContainer.getRootNode() instanceof ShadowRoot ? 'shadow' : 'document'));
    });
    expect(where).toEqual(['shadow', 'shadow', 'shadow']);
    expect(await pageChanges(page)).toEqual({
      mutations: [],
      globalsAdded: [],
      globalsRemoved: [],
      ledeHighlights: ['lede-quote', 'lede-figure'],
      ledeSheets: 2,
      violations: [],
    });
    await popup.close();
    expect(await context.takeErrors()).toEqual([]);
  });

  test('an infinite scroll adding stories while Lede reads: the first story is reported, only the page’s own nodes change', async () => {
    const { page, popup } = await context.open('pages/integrity-infinite-scroll.html', async (p) => {
      await watchPage(p);
      // The reader scrolls on while Lede works: more stories come. The page's scroll event is
      // dispatched too: Firefox fires the real one on its next refresh, which a tab hidden behind
      // the popup's may not get before Lede has answered, and then the page would not have changed.
      await p.evaluate(() => {
        scrollBy(0, 2_000);
        dispatchEvent(new Event('scroll'));
      });
    });
    await expectReady(popup, VALLEY_TITLE);
    await waitPainted(page);
    expect(await quoteHighlights(page)).toHaveLength(VALLEY_QUOTES);
    const { mutations, ...rest } = await pageChanges(page);
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.filter((m) => m !== 'childList <MAIN#stories> +ARTICLE.next-story')).toEqual([]);
    expect(rest).toEqual({
      globalsAdded: [],
      globalsRemoved: [],
      ledeHighlights: ['lede-quote', 'lede-figure'],
      ledeSheets: 1,
      violations: [],
    });
    await popup.close();
    expect(await context.takeErrors()).toEqual([]);
  });
}
