// The reader view in Chromium, opened from the genuine toolbar popup (activeTab as after a
// reader's click). The shared tests are in harness/reader-suite.ts.
import { describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { chromiumReaderDriver } from './harness/reader-driver';
import { defineSharedReaderTests, extensionBuildDir, setupReaderSuite } from './harness/reader-suite';

describe('Lede reader view in Chromium', () => {
  let chromium: ChromiumSession | undefined;
  const context = setupReaderSuite(async () => {
    chromium = await launchChromium(extensionBuildDir('chrome-mv3'));
    const session = chromium;
    return { driver: chromiumReaderDriver(session), close: () => session.close() };
  });

  defineSharedReaderTests(context);

  // Triggering the shortcut is not testable here: puppeteer's keyboard (CDP Input.dispatchKeyEvent)
  // goes straight to the page and never reaches Chromium's extension-command accelerators; with a
  // key that Chromium does bind (checked with Ctrl+Shift+Y and Alt+Shift+L), no reader opened.
  // What is testable is that the suggested key is actually bound after install.
  test('the shortcuts are bound after install: Alt+Shift+L (reader view), Alt+Shift+J (highlights)', async () => {
    if (!chromium) throw new Error('Chromium did not start');
    // An extension page can read the bindings; the service worker may be asleep.
    const page = await chromium.openExtensionPage('reader.html');
    context.driver().opened.push(page);
    const commands = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }
      ).chrome.commands.getAll(),
    );
    expect(commands.find((command) => command.name === 'open-reader-view')).toEqual(
      expect.objectContaining({ shortcut: 'Alt+Shift+L' }),
    );
    expect(commands.find((command) => command.name === 'toggle-highlights')).toEqual(
      expect.objectContaining({ shortcut: 'Alt+Shift+J' }),
    );
  });
});
