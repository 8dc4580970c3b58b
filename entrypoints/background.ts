/**
 * The background: the keyboard shortcut for the reader view (commands API; a shortcut grants
 * activeTab for the current tab, as a click on the button does), and the reader's article
 * history (utils/visits.ts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openReaderView } from '@/utils/reader-launch';
import { answerVisit, isVisitRequest } from '@/utils/visits';

export const READER_COMMAND = 'open-reader-view';

export default defineBackground(() => {
  // Only our own pages send messages to the background (no content script does).
  browser.runtime.onMessage.addListener((message, sender) =>
    sender.id === browser.runtime.id && isVisitRequest(message) ? answerVisit(message) : undefined,
  );
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== READER_COMMAND || tab?.id === undefined) return;
    openReaderView({ id: tab.id, url: tab.url, index: tab.index }).catch((error: unknown) =>
      console.warn('Lede: reader view', error),
    );
  });
});
