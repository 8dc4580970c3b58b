// Accessibility of the popup, the options page and the reader view (issue 8, item 4), the same
// checks in both browsers: axe-core finds no WCAG 2.0/2.1 A/AA or best-practice violation in each
// state and colour scheme; Tab walks every control of the popup and the options page in visual
// order, each with a visible focus indicator; and with reduced motion asked for, nothing moves.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import {
  axeViolationIds,
  outOfVisualOrder,
  runningAnimations,
  tabThrough,
  tabbableControls,
  withoutVisibleFocus,
} from './a11y';
import { NOT_AN_ARTICLE_FIXTURE, SEED_CASES } from './cases';
import { describePopup, waitForPopupState, withScreenshot } from './popup';
import type { ReaderDriver } from './reader-driver';
import { waitForReaderState } from './reader-page';

export type ColorScheme = 'light' | 'dark';

export interface A11yContext {
  browserName: 'chromium' | 'firefox';
  driver(): ReaderDriver;
  /** The served address of a fixture. */
  url(fixture: string): string;
  /** Opens an extension page (`options.html`) in a tab of its own. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  /** Makes `page` (and, where the browser only has a global switch, every page) use `scheme`. */
  setColorScheme(page: Page, scheme: ColorScheme): Promise<void>;
  /** Makes `page` match `prefers-reduced-motion: reduce` (or no-preference again). */
  setReducedMotion(page: Page, reduce: boolean): Promise<void>;
  /**
   * Opens the popup so that it stays in its loading state (the skeleton), which otherwise lasts a
   * blink; absent where the browser offers no way to hold it there.
   */
  openLoadingPopup?(): Promise<Page>;
}

const SEED_FIXTURE = SEED_CASES[0]?.fixture ?? 'seed/watson-visible-times.html';
const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];
const READER_THEMES = ['light', 'sepia', 'dark'] as const;

/** Sets the scheme and waits until the page's own media query sees it. */
async function useScheme(context: A11yContext, page: Page, scheme: ColorScheme): Promise<void> {
  await context.setColorScheme(page, scheme);
  await page.waitForFunction(
    (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
    { timeout: 5_000, polling: 50 },
    scheme === 'dark',
  );
}

/** axe over the page in each colour scheme; the failure message lists every violation. */
async function expectNoViolationsInEachScheme(context: A11yContext, page: Page, where: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await useScheme(context, page, scheme);
    const { ids, report } = await axeViolationIds(page, `${context.browserName} ${where}, ${scheme}`);
    expect(ids, report).toEqual([]);
  }
  await useScheme(context, page, 'light');
}

async function openPopupOn(context: A11yContext, fixture: string): Promise<{ popup: Page; article: Page }> {
  return context.driver().openArticle(context.url(fixture));
}

/** The extension's storage from an extension page (Firefox has `browser`, Chromium `chrome`). */
const STORAGE = '(globalThis.browser ?? globalThis.chrome).storage.local';

/**
 * Two watches as the background writes them (utils/watch-store.ts): one with a new version not
 * seen yet (its badge), one ended after a failed check; so the list's rows are checked too.
 */
function sampleWatches(now: number): Record<string, object> {
  const hour = 3_600_000;
  const watches = [
    {
      url: 'https://news.example/2026/11/a-watched-story',
      title: 'A watched story',
      startedAt: now - 48 * hour,
      lastCheck: now - hour,
      nextCheck: now + 5 * hour,
      result: 'changed',
      error: null,
      changedAt: now - hour,
      unseen: true,
    },
    {
      url: 'https://news.example/2026/11/an-ended-watch',
      title: 'An ended watch',
      startedAt: now - 240 * hour,
      lastCheck: now - 72 * hour,
      nextCheck: null,
      result: 'failed',
      error: 'HTTP 500',
      changedAt: null,
      unseen: false,
    },
  ];
  return Object.fromEntries(watches.map((watch) => [watch.url, watch]));
}

/** The options page, loaded, with two watched articles listed; `done` removes them again. */
async function openOptions(context: A11yContext): Promise<{ options: Page; done(): Promise<void> }> {
  const options = await context.openExtensionPage('options.html');
  context.driver().opened.push(options);
  await options.waitForSelector('[data-testid="history-count"][data-count]', { timeout: 10_000 });
  // The watch settings load their stored values last; until then their field is disabled.
  await options.waitForSelector('[data-testid="watch-days"]:not([disabled])', { timeout: 10_000 });
  await options.evaluate(`${STORAGE}.set({ watches: ${JSON.stringify(sampleWatches(Date.now()))} })`);
  await options.waitForFunction(() => document.querySelectorAll('[data-testid="watch-row"]').length === 2, {
    timeout: 10_000,
  });
  return { options, done: () => options.evaluate(`${STORAGE}.remove('watches')`) as Promise<void> };
}

async function openReader(context: A11yContext): Promise<Page> {
  const driver = context.driver();
  const { popup } = await openPopupOn(context, SEED_FIXTURE);
  expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
  const reader = await driver.captureReader(async () => {
    // The popup closes itself once the reader tab opens (Chromium), which may end the click.
    await popup.click('[data-testid="open-reader"]').catch(() => undefined);
  });
  expect(await waitForReaderState(reader)).toBe('ready');
  return reader;
}

/** The keyboard walk of one page: every control reached, in visual order, focus always visible. */
async function expectKeyboardWalk(page: Page, where: string): Promise<void> {
  // The keyboard goes to the tab in front (Firefox's popup runs in a tab behind the article's).
  await page.bringToFront();
  const controls = await tabbableControls(page);
  const stops = await tabThrough(page);
  const reached = stops.map((stop) => stop.name);
  expect(reached, `${where}: Tab reaches every control, once, in document order`).toEqual(controls);
  expect(outOfVisualOrder(stops), `${where}: Tab against the visual order`).toEqual([]);
  expect(withoutVisibleFocus(stops), `${where}: focused without a visible indicator`).toEqual([]);
}

export function defineA11yTests(context: A11yContext): void {
  test('popup, ready on the seed page: no axe violations, light and dark', async () => {
    const { popup } = await openPopupOn(context, SEED_FIXTURE);
    await withScreenshot(popup, context.browserName, 'a11y-popup', async () => {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      // The background's answer adds the watch switch: checked with it.
      await popup.waitForSelector('[data-testid="watch"]', { timeout: 10_000 });
      await expectNoViolationsInEachScheme(context, popup, 'popup (ready)');
    });
  });

  test('popup, not an article: no axe violations, light and dark', async () => {
    const { popup } = await openPopupOn(context, NOT_AN_ARTICLE_FIXTURE);
    await withScreenshot(popup, context.browserName, 'a11y-popup-not-article', async () => {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('not-article');
      await expectNoViolationsInEachScheme(context, popup, 'popup (not-article)');
    });
  });

  const { openLoadingPopup } = context;
  if (openLoadingPopup) {
    test('popup, loading (the skeleton): no axe violations, light and dark', async () => {
      const popup = await openLoadingPopup();
      context.driver().opened.push(popup);
      await popup.waitForSelector('[data-testid="popup"][data-state="loading"] .skeleton', { timeout: 10_000 });
      await expectNoViolationsInEachScheme(context, popup, 'popup (loading)');
    });
  }

  test('options page: no axe violations, light and dark, also with the clear-history confirmation open', async () => {
    const { options, done } = await openOptions(context);
    await withScreenshot(options, context.browserName, 'a11y-options', async () => {
      await expectNoViolationsInEachScheme(context, options, 'options');
      await options.click('[data-testid="clear-history"]');
      await options.waitForSelector('[data-testid="clear-confirmation"]', { timeout: 5_000 });
      await expectNoViolationsInEachScheme(context, options, 'options (clear confirmation)');
      await options.click('[data-testid="clear-cancel"]');
    });
    await done();
  });

  test('reader view: no axe violations in the light, sepia, dark and system themes, on a light and a dark system', async () => {
    const reader = await openReader(context);
    await withScreenshot(reader, context.browserName, 'a11y-reader', async () => {
      for (const scheme of SCHEMES) {
        await useScheme(context, reader, scheme);
        for (const theme of [...READER_THEMES, 'system']) {
          await reader.click(`[data-testid="theme-${theme}"]`);
          await reader.waitForFunction((name) => document.documentElement.dataset.theme === name, {}, theme);
          const where = `${context.browserName} reader, theme ${theme}, ${scheme} system`;
          const { ids, report } = await axeViolationIds(reader, where);
          expect(ids, report).toEqual([]);
        }
      }
      await useScheme(context, reader, 'light');
    });
  });

  test('popup: Tab reaches every control in visual order, each with a visible focus indicator', async () => {
    const { popup } = await openPopupOn(context, SEED_FIXTURE);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    await popup.waitForSelector('[data-testid="watch"]', { timeout: 10_000 });
    for (const scheme of SCHEMES) {
      await useScheme(context, popup, scheme);
      await expectKeyboardWalk(popup, `${context.browserName} popup, ${scheme}`);
    }
    await useScheme(context, popup, 'light');
  });

  test('options page: Tab reaches every control in visual order, each with a visible focus indicator', async () => {
    const { options, done } = await openOptions(context);
    for (const scheme of SCHEMES) {
      await useScheme(context, options, scheme);
      await expectKeyboardWalk(options, `${context.browserName} options, ${scheme}`);
    }
    // And in the confirmation: it takes focus, and its buttons are in the walk.
    await options.click('[data-testid="clear-history"]');
    await options.waitForSelector('[data-testid="clear-confirmation"]', { timeout: 5_000 });
    // The focus moves in an effect, just after the confirmation is painted: read as soon as the
    // confirmation was in the DOM, it was now and then still on the clear button.
    const focused = (): string | undefined => (document.activeElement as HTMLElement | null)?.dataset.testid;
    await options
      .waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'clear-cancel', {
        timeout: 5_000,
      })
      .catch(() => undefined); // the expectation below says what it was instead
    expect(await options.evaluate(focused)).toBe('clear-cancel');
    await expectKeyboardWalk(options, `${context.browserName} options (clear confirmation)`);
    await useScheme(context, options, 'light');
    await done();
  });

  test('reader view: Tab reaches every control in visual order, with a visible focus indicator in each theme', async () => {
    const reader = await openReader(context);
    for (const theme of READER_THEMES) {
      await reader.click(`[data-testid="theme-${theme}"]`);
      await reader.waitForFunction((name) => document.documentElement.dataset.theme === name, {}, theme);
      await expectKeyboardWalk(reader, `${context.browserName} reader, theme ${theme}`);
    }
    await reader.click('[data-testid="theme-system"]');
  });

  test('reduced motion: the popup skeleton does not pulse', async () => {
    // In the popup held in its loading state, or else put back into a ready popup.
    let skeleton: Page;
    if (openLoadingPopup) {
      skeleton = await openLoadingPopup();
      context.driver().opened.push(skeleton);
    } else {
      skeleton = (await openPopupOn(context, SEED_FIXTURE)).popup;
      expect(await waitForPopupState(skeleton), await describePopup(skeleton)).toBe('ready');
      await skeleton.evaluate(() => {
        const bones = document.createElement('div');
        bones.className = 'skeleton';
        bones.innerHTML = '<div class="bone title-bone"></div><div class="bone line-bone"></div>';
        document.querySelector('main')?.prepend(bones);
      });
    }
    await skeleton.waitForSelector('.skeleton .bone', { timeout: 10_000 });
    // Firefox does not restyle a tab behind others when a media query changes: in front, as a popup is.
    await skeleton.bringToFront();
    // Control: without the preference the skeleton pulses, so the check below can see motion.
    await useMotion(context, skeleton, false);
    expect(await runningAnimations(skeleton), 'the skeleton pulses by default').not.toEqual([]);
    await useMotion(context, skeleton, true);
    expect(await runningAnimations(skeleton), 'popup skeleton, reduced motion').toEqual([]);
    expect(await animatedElements(skeleton), 'popup elements with an animation or a transition').toEqual([]);
    await useMotion(context, skeleton, false);
  });

  test('reduced motion: the page jumps to a revealed quote, no smooth scroll, and nothing moves in the reader', async () => {
    const { popup, article } = await openPopupOn(context, SEED_FIXTURE);
    expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
    // Control: without the preference the scroll is smooth, so the check below can see its steps.
    await useMotion(context, article, false);
    const smooth = await revealQuote(popup, article, 4);
    expect(new Set(smooth).size, `by default a smooth scroll: ${smooth.join(', ')}`).toBeGreaterThan(1);
    await useMotion(context, article, true);
    const positions = await revealQuote(popup, article, 5);
    expect(positions.length, 'the page scrolled to the quote').toBeGreaterThan(0);
    expect(new Set(positions).size, `one jump, not a smooth scroll: ${positions.join(', ')}`).toBe(1);
    expect(await runningAnimations(article), 'article page, reduced motion').toEqual([]);

    const reader = await context.driver().captureReader(async () => {
      // From script, as the quotes above; the popup closes itself once the reader opens (Chromium).
      await popup
        .$eval('[data-testid="open-reader"]', (button) => (button as HTMLElement).click())
        .catch(() => undefined);
    });
    await useMotion(context, reader, true);
    expect(await waitForReaderState(reader)).toBe('ready');
    expect(await reader.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    expect(await runningAnimations(reader), 'reader, reduced motion').toEqual([]);
    expect(await animatedElements(reader), 'reader elements with an animation or a transition').toEqual([]);
    await useMotion(context, reader, false);
  });
}

/** Sets reduced motion and waits until the page's own media query sees it. */
async function useMotion(context: A11yContext, page: Page, reduce: boolean): Promise<void> {
  await context.setReducedMotion(page, reduce);
  await page.waitForFunction(
    (wanted) => matchMedia('(prefers-reduced-motion: reduce)').matches === wanted,
    { timeout: 5_000, polling: 50 },
    reduce,
  );
}

/** Elements whose computed style declares an animation or a transition, whether running or not. */
async function animatedElements(page: Page): Promise<string[]> {
  return page.$$eval('body *', (elements) =>
    elements
      .map((element) => ({ element, style: getComputedStyle(element) }))
      .filter(({ style }) => style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0)
      .map(
        ({ element, style }) =>
          `${element.className || element.tagName}: ${style.animationName} ${style.transitionDuration}`,
      ),
  );
}

/** Clicks quote `index` in the popup and returns the page's scroll positions on its way there. */
async function revealQuote(popup: Page, article: Page, index: number): Promise<number[]> {
  await article.evaluate(async () => {
    // Back to the top first, and its scroll event over, so that only the reveal's steps are counted.
    if (scrollY !== 0) {
      const scrolled = new Promise((resolve) => addEventListener('scroll', resolve, { once: true }));
      scrollTo({ top: 0, behavior: 'instant' });
      await scrolled;
    }
    const positions: number[] = [];
    (globalThis as unknown as { ledeScrollPositions: number[] }).ledeScrollPositions = positions;
    addEventListener('scroll', () => positions.push(scrollY));
  });
  // A click from script: Firefox's popup runs in a tab behind the article's, where a pointer
  // click waits seconds for the frames a hidden tab hardly gets.
  await popup.$$eval('[data-testid="quote"]', (quotes, at) => (quotes[at] as HTMLElement | undefined)?.click(), index);
  await article.waitForFunction(() => CSS.highlights.has('lede-flash'), { timeout: 5_000, polling: 50 });
  // A smooth scroll lasts a few hundred milliseconds: long enough to see its steps.
  await new Promise((resolve) => setTimeout(resolve, 800));
  return article.evaluate(() => (globalThis as unknown as { ledeScrollPositions: number[] }).ledeScrollPositions);
}
