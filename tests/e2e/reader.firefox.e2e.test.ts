// The reader view in Firefox. The popup runs in a tab (popup.html?tabId=N, after the activeTab
// grant a click on Lede's button gives, see harness/firefox.ts); the reader tab it opens is found
// by its location, since BiDi reports extension documents as about:blank. The shared tests are
// in harness/reader-suite.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SEED_CASES, SEED_EXPECTED } from './harness/cases';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { withScreenshot } from './harness/popup';
import { firefoxReaderDriver } from './harness/reader-driver';
import { readReader } from './harness/reader-page';
import { defineSharedReaderTests, extensionBuildDir, setupReaderSuite } from './harness/reader-suite';

/**
 * Presses Alt+Shift+<letter> in the browser window, as a person does: real key events through
 * nsITextInputProcessor, so they go through Firefox's own shortcut handling (the extension's
 * commands are <key> elements of the window's keyset). Puppeteer's keyboard cannot do this: its
 * events reach the page only, and the shortcut never fires.
 */
const pressAltShift = (letter: string): string => `(() => {
  const processor = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
  if (!processor.beginInputTransactionForTests(window)) return JSON.stringify('no input transaction');
  const alt = new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: KeyboardEvent.DOM_VK_ALT });
  const shift = new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft', keyCode: KeyboardEvent.DOM_VK_SHIFT });
  const letter = new KeyboardEvent('', { key: '${letter}', code: 'Key${letter}', keyCode: KeyboardEvent.DOM_VK_${letter} });
  processor.keydown(alt);
  processor.keydown(shift);
  processor.keydown(letter);
  processor.keyup(letter);
  processor.keyup(shift);
  processor.keyup(alt);
  return JSON.stringify('pressed');
})()`;

const EXPECTED = JSON.parse(readFileSync(path.resolve('tests/fixtures/seed/expected.json'), 'utf8')) as {
  quotes: unknown[];
  figures: unknown[];
};

describe('Lede reader view in Firefox', () => {
  let firefox: FirefoxSession | undefined;
  const context = setupReaderSuite(async () => {
    firefox = await launchFirefox(extensionBuildDir('firefox-mv3'));
    const session = firefox;
    return { driver: firefoxReaderDriver(session), close: () => session.close() };
  });

  defineSharedReaderTests(context);

  test('the shortcuts are bound after install: Alt+Shift+L (reader view), Alt+Shift+J (highlights)', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const page = await firefox.openExtensionPage('reader.html');
    context.driver().opened.push(page);
    const commands = await page.evaluate(() =>
      (
        globalThis as unknown as {
          browser: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
        }
      ).browser.commands.getAll(),
    );
    expect(commands.find((command) => command.name === 'open-reader-view')).toEqual(
      expect.objectContaining({ shortcut: 'Alt+Shift+L' }),
    );
    expect(commands.find((command) => command.name === 'toggle-highlights')).toEqual(
      expect.objectContaining({ shortcut: 'Alt+Shift+J' }),
    );
  });

  test('Alt+Shift+J turns the highlights on in a page Lede has not read yet, and off again', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const session = firefox;
    const driver = context.driver();
    const url = context.server().url(SEED_CASES[0]?.fixture ?? '');
    const { popup, newsPage } = await session.openPopupForTab(url, { clicked: false });
    driver.opened.push(popup);
    if (!newsPage) throw new Error(`E2E: ${url} did not load`);
    driver.opened.push(newsPage);
    const counts = () =>
      newsPage.evaluate(() =>
        ['lede-quote', 'lede-figure'].map((name) => (CSS.highlights.get(name) as Set<unknown> | undefined)?.size ?? 0),
      );
    const settle = async (expected: number[]) => {
      await newsPage.waitForFunction(
        (want: number[]) =>
          JSON.stringify(
            ['lede-quote', 'lede-figure'].map((n) => (CSS.highlights.get(n) as Set<unknown> | undefined)?.size ?? 0),
          ) === JSON.stringify(want),
        { timeout: 20_000, polling: 200 },
        expected,
      );
      return counts();
    };
    // The reader had turned them off (the stored setting, as the popup's switch leaves it).
    const settings = await session.openExtensionPage('reader.html?tab=-1');
    await settings.evaluate(() =>
      (
        globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }
      ).browser.storage.local.set({
        highlightsOn: { on: false, quote: '#ffc400', figure: '#409cff' },
        highlightsOn$: { v: 2 },
      }),
    );
    await settings.close();
    // The shortcut acts on the selected tab: the article's, as when the reader reads it.
    await newsPage.bringToFront();
    expect(await driver.selectedTabUrl()).toBe(url);
    expect(await counts()).toEqual([0, 0]);
    // On: the page is read (no click, no popup), the figures read off-page, all painted: the
    // seed page's six quotes and eleven figures (expected.json).
    expect(await session.evaluateInBrowserWindow<string>(pressAltShift('J'))).toBe('pressed');
    const all = [EXPECTED.quotes.length, EXPECTED.figures.length];
    expect(all).toEqual([6, 11]);
    expect(await settle(all)).toEqual(all);
    // Off again.
    expect(await session.evaluateInBrowserWindow<string>(pressAltShift('J'))).toBe('pressed');
    expect(await settle([0, 0])).toEqual([0, 0]);
  });

  test('Alt+Shift+L on an article opens its reader view, with no click on the button', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const session = firefox;
    const driver = context.driver();
    const url = context.server().url(SEED_CASES[0]?.fixture ?? '');
    // No activeTab grant from the harness: the shortcut itself must give it.
    const { popup, newsPage } = await session.openPopupForTab(url, { clicked: false });
    driver.opened.push(popup);
    if (!newsPage) throw new Error(`E2E: ${url} did not load`);
    driver.opened.push(newsPage);
    expect(await driver.selectedTabUrl()).toBe(url);
    const reader = await driver.captureReader(async () => {
      expect(await session.evaluateInBrowserWindow<string>(pressAltShift('L'))).toBe('pressed');
    });
    await withScreenshot(reader, driver.browserName, 'reader-shortcut', async () => {
      await reader.waitForSelector('[data-testid="reader"]:not([data-state="loading"])', { timeout: 20_000 });
      const view = await readReader(reader);
      expect(view.state).toBe('ready');
      expect(view.title).toBe(SEED_EXPECTED.title);
    });
    await context.closeReader(reader, 'escape', url);
  });
});
