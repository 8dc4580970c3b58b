/**
 * The off-page parser's answers (entrypoints/offscreen): the page in the reader's tab, which its
 * content script serialized (the analysis behind the popup, the reader view and the highlights
 * shortcut), and a watched article read afresh. Only the background asks, but every
 * extension context's runtime.sendMessage reaches this page, a content script's too: the sender
 * and the request are checked before the parser reads anything, and it fetches nothing but an
 * http(s) address.
 */
import { fetchSnapshot, readServedPage } from './read-off-page';
import { isFromExtensionPage, isHttpUrl, type ParserResponse } from './messages';
import { isPageReadRequest } from './page-read';

export type ParserListener = (
  message: unknown,
  sender: { id?: string; url?: string },
  sendResponse: (answer: unknown) => void,
) => boolean;

/** `id` and `base` (the extension's root URL) say who may ask; `read` is the fetch, replaced in tests. */
export function createParserListener(
  id: string,
  base: string,
  read: (url: string) => Promise<ParserResponse> = fetchSnapshot,
): ParserListener {
  return (message, sender, sendResponse) => {
    if (!isFromExtensionPage(sender, id, base)) return false;
    const { type, url } = (message ?? {}) as Record<string, unknown>;
    if (isPageReadRequest(message, 'background→parser:page')) {
      sendResponse(readServedPage(message));
      return false;
    }
    if (type !== 'background→parser:read' || !isHttpUrl(url)) return false;
    read(url).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return true; // the answer comes asynchronously
  };
}
