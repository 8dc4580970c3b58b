/**
 * The check on `content→background:read` and `background→parser:page` (utils/messages.ts,
 * PageReadRequest), in a module of its own: the background, the content script and the parser
 * need it, the popup does not, and its bundle budget has no room for it in a shared chunk.
 */
import { MAX_SUMMARY_SENTENCES, type PageReadRequest } from './messages';

/** An address longer than any article's (messages.ts bounds the ones it checks the same way). */
const MAX_URL = 8_192;

/**
 * A page's HTML beyond this is no article: thirty times the largest page of the shared corpora
 * (1.6 MB), and under what one message carries in both browsers (64 MiB of JSON in Chromium).
 */
export const MAX_PAGE_CHARS = 50_000_000;

export function isPageReadRequest(message: unknown, type: PageReadRequest['type']): message is PageReadRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === type &&
    typeof m.html === 'string' &&
    m.html.length <= MAX_PAGE_CHARS &&
    typeof m.url === 'string' &&
    m.url.length <= MAX_URL &&
    typeof m.whole === 'boolean' &&
    typeof m.reader === 'boolean' &&
    typeof m.sentences === 'number' &&
    Number.isInteger(m.sentences) &&
    m.sentences >= 0 &&
    m.sentences <= MAX_SUMMARY_SENTENCES
  );
}
