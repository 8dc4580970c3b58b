// The reader view in Firefox. The popup runs in a tab (popup.html?tabId=N, after the activeTab
// grant a click on Lede's button gives, see harness/firefox.ts); the reader tab it opens is found
// by its location, since BiDi reports extension documents as about:blank. The shared tests are
// in harness/reader-suite.ts.
import { describe, expect, test } from 'vitest';
import { SEED_CASES, SEED_EXPECTED } from './harness/cases';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { withScreenshot } from './harness/popup';
import { firefoxReaderDriver } from './harness/reader-driver';
import { readReader } from './harness/reader-page';
import { defineSharedReaderTests, extensionBuildDir, setupReaderSuite } from './harness/reader-suite';

/**
 * Presses Alt+Shift+L in the browser window, as a person does: real key events through
 * nsITextInputProcessor, so they go through Firefox's own shortcut handling (the extension's
 * commands are <key> elements of the window's keyset). Puppeteer's keyboard cannot do this: its
 * events reach the page only, and the shortcut never fires.
 */
const PRESS_ALT_SHIFT_L = `(() => {
  const processor = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
  if (!processor.beginInputTransactionForTests(window)) return JSON.stringify('no input transaction');
  const alt = new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: KeyboardEvent.DOM_VK_ALT });
  const shift = new KeyboardEvent('', { key: 'Shift', code: 'ShiftLeft', keyCode: KeyboardEvent.DOM_VK_SHIFT });
  const l = new KeyboardEvent('', { key: 'L', code: 'KeyL', keyCode: KeyboardEvent.DOM_VK_L });
  processor.keydown(alt);
  processor.keydown(shift);
  processor.keydown(l);
  processor.keyup(l);
  processor.keyup(shift);
  processor.keyup(alt);
  return JSON.stringify('pressed');
})()`;

describe('Lede reader view in Firefox', () => {
  let firefox: FirefoxSession | undefined;
  const context = setupReaderSuite(async () => {
    firefox = await launchFirefox(extensionBuildDir('firefox-mv3'));
    const session = firefox;
    return { driver: firefoxReaderDriver(session), close: () => session.close() };
  });

  defineSharedReaderTests(context);

  test('the reader shortcut Alt+Shift+L is bound to open-reader-view after install', async () => {
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
      expect(await session.evaluateInBrowserWindow<string>(PRESS_ALT_SHIFT_L)).toBe('pressed');
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
