// "Watch for changes" (issue 7, item 5), the same checks in both browsers, on the e2e build
// (`wxt build --mode e2e`), whose minute is 200 ms: the first re-check comes 3 s after the watch
// starts instead of 15 minutes. The reader turns the switch on in the popup; the site then edits
// the article; the background's own check finds the change (fetched and read off-page, never in
// a tab), keeps it and counts it in the toolbar badge; the reader's next popup shows what changed
// and the badge clears.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import type { HighlightContext } from './highlights-suite';
import { describePopup, waitForPopupState, withScreenshot } from './popup';

export interface WatchContext extends HighlightContext {
  /** The site's host permission, as the reader's "Allow" in the browser's prompt gives it. */
  allowSite(origin: string): Promise<void>;
  /** Evaluates `expression` (a promise of a JSON-serialisable value) in an extension page. */
  inExtension<T>(expression: string): Promise<T>;
}

/** The seed page at an address of its own, so no other test's visit or watch is in the way. */
const WATCHED_PAGE = 'seed/watson-visible-times.html?e2e=watched';

interface StoredWatch {
  url: string;
  result: string | null;
  unseen: boolean;
  lastCheck: number | null;
  nextCheck: number | null;
  changedAt: number | null;
}

const BADGE = `(globalThis.browser ?? globalThis.chrome).action.getBadgeText({})`;
const WATCHES = `(globalThis.browser ?? globalThis.chrome).storage.local.get('watches').then((r) => Object.values(r.watches ?? {}))`;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = 30_000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) throw new Error(`E2E: timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

export function defineWatchTests(context: WatchContext, origin: string): void {
  test('a watched article changed on the server is found by the background check: badge, then the popup says what changed', async () => {
    context.setEdits([]);
    await context.allowSite(origin);
    const { popup, page } = await context.open(WATCHED_PAGE, async () => undefined);
    let current: Page;
    try {
      await withScreenshot(popup, context.browserName, 'watch', async () => {
        expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
        // The switch appears once the background has answered whether the article is watched.
        const watch = await popup.waitForSelector('[data-testid="watch"]', { timeout: 10_000 });
        expect(await watch?.evaluate((el) => el.getAttribute('aria-checked'))).toBe('false');
        await watch?.click();
        await popup.waitForSelector('[data-testid="watch"][aria-checked="true"]', { timeout: 10_000 });
        expect(await popup.$eval('[data-testid="watch-note"]', (el) => el.textContent)).toMatch(/badge/);
      });

      const [started] = await context.inExtension<StoredWatch[]>(WATCHES);
      expect(started?.url).toBe(page.url());
      expect(started?.lastCheck).toBeNull();

      // The site corrects a figure; the first check (3 s on the e2e build) must find it.
      context.setEdits([["salaire mensuel d'environ 2 000 dollars", "salaire mensuel d'environ 2 500 dollars"]]);
      expect(
        await waitFor(
          () => context.inExtension<string>(BADGE),
          (text) => text === '1',
          'the badge',
        ),
      ).toBe('1');
      const [changed] = await context.inExtension<StoredWatch[]>(WATCHES);
      expect(changed?.result).toBe('changed');
      expect(changed?.unseen).toBe(true);
      expect(changed?.changedAt).toBeGreaterThan(0);
      // The next check is scheduled, 15 (e2e) minutes after this one.
      expect(changed?.nextCheck).toBeGreaterThan(changed?.lastCheck ?? Infinity);

      // The next check finds nothing new: still one change, the badge unchanged.
      await waitFor(
        () => context.inExtension<StoredWatch[]>(WATCHES),
        ([w]) => (w?.lastCheck ?? 0) > (changed?.lastCheck ?? 0),
        'a second check',
      );
      const [second] = await context.inExtension<StoredWatch[]>(WATCHES);
      expect(second?.result).toBe('same');
      expect(await context.inExtension<string>(BADGE)).toBe('1');

      // The reader opens the popup on the tab they left open, which still shows the old version:
      // the popup says the site has a newer one, and the change stays counted.
      current = await context.reopen(popup, page);
      expect(await waitForPopupState(current), await describePopup(current)).toBe('ready');
      await current.waitForSelector('[data-testid="newer"]', { timeout: 10_000 });
      expect(await current.$eval('[data-testid="change"][data-type="figure"]', (li) => li.textContent ?? '')).toMatch(
        /2 000 dollars\s*→\s*2 500 dollars/,
      );
      expect(await context.inExtension<string>(BADGE)).toBe('1');

      // They reload it and open the popup: what changed since they read it, and the badge clears.
      await page.reload({ waitUntil: 'load' });
      current = await context.reopen(current, page);
      expect(await waitForPopupState(current), await describePopup(current)).toBe('ready');
      await current.waitForSelector('[data-testid="changes"]', { timeout: 10_000 });
      const figure = await current.$eval('[data-testid="change"][data-type="figure"]', (li) => li.textContent ?? '');
      expect(figure).toMatch(/2 000 dollars\s*→\s*2 500 dollars/);
      await current.waitForSelector('[data-testid="watch"][aria-checked="true"]', { timeout: 10_000 });
      expect(
        await waitFor(
          () => context.inExtension<string>(BADGE),
          (text) => text === '',
          'the badge to clear',
        ),
      ).toBe('');

      // Stopping the watch (in a new popup: the tab opened to read the badge closed the last one):
      // nothing is watched, no check is scheduled.
      current = await context.reopen(current, page);
      expect(await waitForPopupState(current), await describePopup(current)).toBe('ready');
      await current.waitForSelector('[data-testid="watch"][aria-checked="true"]', { timeout: 10_000 });
      await current.click('[data-testid="watch"]');
      await current.waitForSelector('[data-testid="watch"][aria-checked="false"]', { timeout: 10_000 });
      expect(await context.inExtension<StoredWatch[]>(WATCHES)).toEqual([]);
      expect(
        await context.inExtension<boolean>(
          `(globalThis.browser ?? globalThis.chrome).alarms.get('lede-watch').then((a) => a !== undefined && a !== null)`,
        ),
      ).toBe(false);
    } finally {
      context.setEdits([]);
    }
  });
}
