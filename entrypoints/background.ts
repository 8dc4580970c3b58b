/**
 * The background: the keyboard shortcuts for the reader view and the highlights (commands API; a
 * shortcut grants activeTab for the current tab, as a click on the button does), the reader's article
 * history (utils/visits.ts) and the articles they watch (utils/watch-check.ts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openReaderView } from '@/utils/reader-launch';
import { HIGHLIGHT_COMMAND, toggleHighlights } from '@/utils/highlight-shortcut';
import { answerVisit, isVisitRequest } from '@/utils/visits';
import { answerWatch, checkDue, isWatchRequest, openNotified, WATCH_ALARM } from '@/utils/watch-check';
import { isFromExtensionPage, type OpenParserRequest } from '@/utils/messages';
import { closeIdleParser, openParser, PARSER_CLOSE_ALARM } from '@/utils/off-page-parser';

export const READER_COMMAND = 'open-reader-view';

interface NativeOnMessage {
  addListener(
    listener: (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (answer: unknown) => void,
    ) => boolean,
  ): void;
}

export default defineBackground(() => {
  // Our own pages send the requests below. A content script (ours: web pages cannot message an
  // extension that declares no externally_connectable) asks one thing only: that the parser be
  // open, to send it its page (utils/page-read.ts).
  // Answered through sendResponse: Chrome ignores a promise a listener returns (no polyfill here).
  const runtime = browser.runtime as unknown as { onMessage: NativeOnMessage };
  const base = browser.runtime.getURL('/');
  const answerFor = (message: unknown, sender: { id?: string; url?: string }): Promise<unknown> | null => {
    if (sender.id !== browser.runtime.id) return null;
    const type = (message as Partial<OpenParserRequest> | null)?.type;
    if (type === 'content→background:open-parser') return openParser();
    if (!isFromExtensionPage(sender, browser.runtime.id, base)) return null;
    if (type === 'popup→background:open-parser') return openParser();
    if (isVisitRequest(message)) return answerVisit(message);
    return isWatchRequest(message) ? answerWatch(message) : null;
  };
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    const answer = answerFor(message, sender);
    if (!answer) return false;
    answer.then(sendResponse, (error: unknown) => {
      console.warn('Lede: background', error);
      sendResponse(undefined);
    });
    return true; // the answer comes asynchronously
  });
  // Watched articles (utils/watch-check.ts): the alarm outlives the worker and the browser session.
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === WATCH_ALARM) checkDue().catch((error: unknown) => console.warn('Lede: watch', error));
    if (name === PARSER_CLOSE_ALARM) void closeIdleParser();
  });
  // Only there once the reader allowed notifications (an optional permission): now, or when
  // they allow them in the settings while this background runs.
  const listenToNotifications = (): void => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(openNotified))
      browser.notifications.onClicked.addListener(openNotified);
  };
  listenToNotifications();
  browser.permissions.onAdded.addListener(listenToNotifications);
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === READER_COMMAND)
      openReaderView({ id: tab.id, url: tab.url, index: tab.index }).catch((error: unknown) =>
        console.warn('Lede: reader view', error),
      );
    if (command === HIGHLIGHT_COMMAND)
      toggleHighlights({ id: tab.id, url: tab.url }).catch((error: unknown) => console.warn('Lede: highlights', error));
  });
});
