// Quotes, figures and highlights on the seed page, the same checks in both browsers: the popup
// lists the six quotes (all by Ruslan Leviev) and the eleven figures, the page gets CSS Custom
// Highlights over exactly those texts without a single DOM change, a click in the popup scrolls
// the page to the quote and flashes it, and the switch turns the highlights off; with them off, a
// click on a summary sentence still takes the reader to it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { describePopup, pressControl, sendFromPopup, waitForPopupState, withScreenshot } from './popup';

const EXPECTED = JSON.parse(readFileSync(path.resolve('tests/fixtures/seed/expected.json'), 'utf8')) as {
  quotes: { text: string; speaker: string }[];
  figures: { text: string }[];
};

export interface HighlightContext {
  browserName: string;
  /** Opens the seed page and the popup over it; `beforePopup` runs on the page first. */
  open(fixture: string, beforePopup: (page: Page) => Promise<void>): Promise<{ popup: Page; page: Page }>;
  /** Opens the popup again over the same page, as the reader's next click on the button does. */
  reopen(popup: Page, page: Page): Promise<Page>;
  /** The site edits its pages: from now on the server sends them with these replacements. */
  setEdits(edits: readonly (readonly [string, string])[]): void;
}

interface PageHighlights {
  quote: string[];
  figure: string[];
  flash: boolean;
}

/** The texts under each of Lede's highlights, read in the page itself. */
async function readHighlights(page: Page): Promise<PageHighlights> {
  return page.evaluate(() => {
    const texts = (name: string): string[] =>
      [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    return { quote: texts('lede-quote'), figure: texts('lede-figure'), flash: CSS.highlights.has('lede-flash') };
  });
}

/**
 * The page's highlights once they are there: the popup asks for them a moment after it shows the
 * report (entrypoints/popup/App.tsx). Polled by interval: a tab behind the popup's gets no frames.
 */
async function highlightsOnceShown(page: Page): Promise<PageHighlights> {
  await page.waitForFunction(() => CSS.highlights.has('lede-quote'), { timeout: 5_000, polling: 50 });
  return readHighlights(page);
}

/** The rules of each style sheet in the page that styles Lede's highlights, as the browser writes them. */
async function highlightSheets(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    document.adoptedStyleSheets
      .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .filter((rules) => rules.some((rule) => rule.includes('::highlight(lede-'))),
  );
}

export function defineHighlightTests(context: HighlightContext): void {
  const press = (control: ElementHandle | null | undefined): Promise<void> =>
    pressControl(context.browserName, control);
  test('the popup lists the seed page’s quotes and figures, highlighted in the page without a DOM change', async () => {
    let before = '';
    const { popup, page } = await context.open('seed/watson-visible-times.html', async (p) => {
      before = await p.evaluate(() => document.documentElement.outerHTML);
    });
    await withScreenshot(popup, context.browserName, 'quotes-figures', async () => {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      const quotes = await popup.$$eval('[data-testid="quote"]', (items) =>
        items.map((item) => ({
          speaker: item.querySelector('.speaker')?.textContent ?? '',
          text: item.querySelector('.quote-text')?.textContent ?? '',
        })),
      );
      expect(quotes).toEqual(EXPECTED.quotes.map(({ text, speaker }) => ({ text, speaker })));
      const figures = await popup.$$eval('[data-testid="figure"] .figure-text', (items) =>
        items.map((i) => i.textContent ?? ''),
      );
      expect(figures).toHaveLength(EXPECTED.figures.length);
      figures.forEach((figure, i) => expect(EXPECTED.figures[i]?.text).toContain(figure));

      const shown = await highlightsOnceShown(page);
      expect(shown.quote).toEqual(EXPECTED.quotes.map((q) => q.text));
      expect(shown.figure).toEqual(figures);
      // Highlights are ranges over the page's own text: the DOM is exactly as it was.
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    });
  });

  test('the highlights are painted in the reader’s colours, from one style sheet', async () => {
    const { popup, page } = await context.open('seed/watson-visible-times.html', async () => undefined);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    await highlightsOnceShown(page);
    // The default colours (utils/highlight-colors.ts: #ffc400, #409cff), in the sheet the content
    // script made while the page waited for the parser.
    const defaults = await highlightSheets(page);
    expect(defaults).toHaveLength(1);
    expect(defaults[0]?.find((rule) => rule.includes('lede-quote'))).toMatch(/255, 196, 0/);
    expect(defaults[0]?.find((rule) => rule.includes('lede-figure'))).toMatch(/64, 156, 255/);
    // Other colours, as the popup sends them once the reader has chosen them in the options.
    const answer = await sendFromPopup(popup, {
      type: 'popup→content:highlight',
      on: true,
      figures: [],
      colors: { quote: '#00aa55', figure: '#aa0055' },
    });
    expect(answer).toMatchObject({ ok: true });
    const chosen = await highlightSheets(page);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]?.find((rule) => rule.includes('lede-quote'))).toMatch(/0, 170, 85/);
    expect(chosen[0]?.find((rule) => rule.includes('lede-figure'))).toMatch(/170, 0, 85/);
  });

  test('a click on a quote brings the page to it and flashes it; the switch turns highlights off', async () => {
    const { popup, page } = await context.open('seed/watson-visible-times.html', async () => undefined);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const quotes = await popup.$$('[data-testid="quote"]');
    await press(quotes[5]);
    // The scroll may be smooth: wait until the flashed range is on screen. Polling by interval,
    // not by animation frame: in Firefox the article tab is behind the popup's tab, and hidden
    // tabs get no animation frames.
    const flashedOnScreen = (): string | null => {
      const range = [...((CSS.highlights.get('lede-flash') as Set<AbstractRange> | undefined) ?? [])][0];
      if (!range) return null;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight ? live.toString() : null;
    };
    await page.waitForFunction(flashedOnScreen, { timeout: 5_000, polling: 100 });
    const target = { text: await page.evaluate(flashedOnScreen), scrolled: (await page.evaluate(() => scrollY)) > 0 };
    expect(target).toEqual({ text: EXPECTED.quotes[5]?.text, scrolled: true });

    await press(await popup.$('[data-testid="toggle-highlights"]'));
    await page.waitForFunction(() => !CSS.highlights.has('lede-quote'), { timeout: 5_000, polling: 100 });
    expect(await popup.$eval('[data-testid="toggle-highlights"]', (b) => b.getAttribute('aria-checked'))).toBe('false');

    // Highlights off, a summary sentence still takes the reader to its place in the page.
    await page.evaluate(() => scrollTo(0, 0));
    const sentences = await popup.$$('[data-testid="summary-sentence"]');
    expect(sentences).toHaveLength(3);
    const last = sentences[2];
    const sentence = await last?.evaluate((b) => b.textContent);
    await press(last);
    await page.waitForFunction(flashedOnScreen, { timeout: 5_000, polling: 100 });
    // On screen and flashed (the quote's test above checks the scrolling itself).
    expect(await page.evaluate(flashedOnScreen)).toBe(sentence);
    expect(await page.evaluate(() => CSS.highlights.has('lede-quote') || CSS.highlights.has('lede-figure'))).toBe(
      false,
    );
    // Back on, for the next test and the reader's default.
    await press(await popup.$('[data-testid="toggle-highlights"]'));
    await page.waitForFunction(() => CSS.highlights.has('lede-quote'), { timeout: 5_000, polling: 100 });
  });
}

/** What a single-page site does to show another story: a new address, title and text, no load. */
const SECOND_STORY = {
  path: '/seed/deuxieme-article.html',
  title: 'Genève agrandit son port pour accueillir les nouveaux bateaux électriques',
  paragraphs: [
    'Le Conseil d’Etat genevois a approuvé mardi le projet d’agrandissement du port des Eaux-Vives, attendu depuis des années par les sociétés de navigation du Léman.',
    'Les travaux dureront deux ans et permettront d’accueillir les nouveaux bateaux électriques de la Compagnie générale de navigation, plus longs et plus larges que les anciens vapeurs.',
    'Les riverains craignent le bruit du chantier, mais la commune promet des horaires limités et une information régulière tout au long des travaux.',
    'Le projet doit encore passer devant le Grand Conseil au printemps, où une large majorité semble acquise selon les groupes politiques consultés.',
  ],
};

export function defineReanalysisTests(context: HighlightContext): void {
  test('after an in-page navigation to another story, its highlights go and the next popup shows the new story', async () => {
    const { popup, page } = await context.open('seed/watson-visible-times.html', async () => undefined);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    expect((await highlightsOnceShown(page)).quote.length).toBeGreaterThan(0);

    const hasNavigationApi = await page.evaluate((story) => {
      history.pushState({}, '', story.path);
      document.title = story.title;
      (document.querySelector('h1') as HTMLElement).textContent = story.title;
      const body = document.querySelector('.story__body') as HTMLElement;
      body.replaceChildren(
        ...story.paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })),
      );
      return 'navigation' in window;
    }, SECOND_STORY);
    // With the Navigation API, the old story's highlights go as soon as the address changes.
    if (hasNavigationApi)
      await page.waitForFunction(() => !CSS.highlights.has('lede-quote'), { timeout: 5000, polling: 100 });

    const again = await context.reopen(popup, page);
    expect(await waitForPopupState(again), await describePopup(again)).toBe('ready');
    expect(await again.$eval('[data-testid="title"]', (el) => el.textContent)).toBe(SECOND_STORY.title);
    expect(await again.$$('[data-testid="quote"]')).toHaveLength(0);
    expect((await readHighlights(page)).quote).toEqual([]);
  });
}

/** The seed page at an address of its own, so no earlier test's visit is in the history. */
const CHANGING_PAGE = 'seed/watson-visible-times.html?e2e=changed-on-server';

export function defineChangeTests(context: HighlightContext): void {
  test('an article changed on the server: the next popup says exactly what changed since the last visit', async () => {
    context.setEdits([]);
    const first = await context.open(CHANGING_PAGE, async () => undefined);
    expect(await waitForPopupState(first.popup), await describePopup(first.popup)).toBe('ready');
    // A first visit: nothing to compare with.
    expect(await first.popup.$('[data-testid="changes"], [data-testid="no-change"]')).toBeNull();
    // The reader comes back later, in a new tab: the first one is gone (in Firefox, the test's
    // activeTab grant goes to a tab found by its address, which must be the only one).
    await first.popup.close();
    await first.page.close();

    context.setEdits([["salaire mensuel d'environ 2 000 dollars", "salaire mensuel d'environ 2 500 dollars"]]);
    try {
      const second = await context.open(CHANGING_PAGE, async () => undefined);
      expect(await waitForPopupState(second.popup), await describePopup(second.popup)).toBe('ready');
      await second.popup.waitForSelector('[data-testid="changes"]', { timeout: 5_000 });
      const changes = await second.popup.$$eval('[data-testid="change"]', (items) =>
        items.map((li) => ({ type: li.getAttribute('data-type'), text: li.textContent ?? '' })),
      );
      expect(changes.map((c) => c.type)).toEqual(['figure', 'changed']);
      expect(changes[0]?.text).toMatch(/2 000 dollars\s*→\s*2 500 dollars/);
      const words = await second.popup.$$eval('[data-type="changed"] del, [data-type="changed"] ins', (els) =>
        els.map((el) => `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`),
      );
      expect(words).toEqual(['del:000', 'ins:500']);
    } finally {
      context.setEdits([]);
    }
  });
}
