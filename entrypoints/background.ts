/**
 * The background: the keyboard shortcut for the reader view (commands API). A shortcut grants
 * activeTab for the current tab, as a click on the button does.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openReaderView } from '@/utils/reader-launch';

export const READER_COMMAND = 'open-reader-view';

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== READER_COMMAND || tab?.id === undefined) return;
    openReaderView({ id: tab.id, url: tab.url, index: tab.index }).catch((error: unknown) =>
      console.warn('Lede: reader view', error),
    );
  });
});
