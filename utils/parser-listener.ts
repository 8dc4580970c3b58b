/**
 * The off-page parser's answers (entrypoints/offscreen) to the background: a watched article read
 * afresh. (The pages content scripts send come on ports: utils/page-read.ts.) Only the background asks, but every
 * extension context's runtime.sendMessage reaches this page, a content script's too: the sender
 * and the request are checked before the parser reads anything, and it fetches nothing but an
 * http(s) address.
 */
import { fetchSnapshot } from './read-off-page';
import { isFromExtensionPage, isHttpUrl, type ParserResponse } from './messages';

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
    if (type !== 'background→parser:read' || !isHttpUrl(url)) return false;
    read(url).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return true; // the answer comes asynchronously
  };
}
