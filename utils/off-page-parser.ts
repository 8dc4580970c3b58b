/**
 * The background's handle on the off-page parser (entrypoints/offscreen): a page with a DOM, which
 * Chrome's service worker lacks. Chrome opens it as an offscreen document; Firefox, which has no
 * offscreen API, as a frame of its background page. Either way it is open only while a task
 * needs it (withParser), so no page is kept in memory between rounds.
 */
import { browser } from 'wxt/browser';
import type { PageReadRequest, ParserRequest, ParserResponse } from './messages';
import { isSnapshot } from './validate-stored';

const PARSER_PAGE = '/offscreen.html';

let opening: Promise<void> | null = null;

async function open(): Promise<void> {
  // Chrome's document may have gone without us (its renderer crashed on a huge page, or the
  // bench closed it): then it is opened again, not sent to in vain.
  if (opening && !import.meta.env.FIREFOX && !(await browser.offscreen.hasDocument().catch(() => true))) opening = null;
  opening ??= (
    import.meta.env.FIREFOX
      ? new Promise<void>((resolve, reject) => {
          const frame = document.createElement('iframe');
          frame.id = 'lede-parser';
          frame.src = browser.runtime.getURL(PARSER_PAGE);
          frame.addEventListener('load', () => resolve(), { once: true });
          frame.addEventListener('error', () => reject(new Error('the parser frame did not load')), { once: true });
          document.body.append(frame);
        })
      : browser.offscreen.createDocument({
          url: PARSER_PAGE,
          reasons: ['DOM_PARSER'],
          justification: 'Reads an article the reader asked Lede to watch, to see whether it changed.',
        })
  ).catch((error: unknown) => {
    opening = null;
    // A document left open by a round a suspended worker never finished is as good as a new one.
    if (!/single offscreen/i.test(String(error))) throw error;
  });
  await opening;
}

let users = 0;
let closing: ReturnType<typeof setTimeout> | undefined;

/**
 * How long the parser stays open after its last task: the reader's next clicks (another tab, the
 * reader view, the popup reopened on a changed page) find it open and its code compiled, instead
 * of paying Chrome's offscreen document start again. A worker suspended before then leaves it open
 * until its next round, which takes it as it finds it (open()).
 */
const LINGER_MS = 60_000;

/**
 * Runs `task` with the parser open (the page in the reader's tab, the watch's round of checks,
 * the highlights shortcut), and closes it a while after the last task using it ends.
 */
export async function withParser<T>(task: () => Promise<T>): Promise<T> {
  users++;
  clearTimeout(closing);
  try {
    await open();
    return await task();
  } finally {
    if (--users === 0) closing = setTimeout(() => users === 0 && void close(), LINGER_MS);
  }
}

async function close(): Promise<void> {
  if (!opening) return;
  opening = null;
  if (import.meta.env.FIREFOX) document.getElementById('lede-parser')?.remove();
  else await browser.offscreen.closeDocument().catch(() => undefined);
}

/** Opens the parser ahead of a page to read (the popup opening); it stays open a while (LINGER_MS). */
export function openParser(): Promise<void> {
  return withParser(() => Promise.resolve());
}

/**
 * The page a content script serialized, read off-page (utils/read-off-page.ts, readServedPage);
 * the answer goes back to the content script as the parser gave it, and is checked there.
 */
export function readPageOffPage(request: PageReadRequest): Promise<unknown> {
  const forward: PageReadRequest = { ...request, type: 'background→parser:page' };
  return withParser(() => browser.runtime.sendMessage(forward));
}

/** Fetches and reads `url` off-page, inside withParser; whatever comes back is checked before use. */
export async function readOffPage(url: string): Promise<ParserResponse> {
  const request: ParserRequest = { type: 'background→parser:read', url };
  const answer = (await browser.runtime.sendMessage(request).catch((error: unknown) => ({
    ok: false,
    reason: 'error',
    message: String(error),
  }))) as Partial<ParserResponse> | undefined;
  if (answer?.ok === true && isSnapshot(answer.snapshot)) return { ok: true, snapshot: answer.snapshot };
  if (answer?.ok === false && typeof answer.message === 'string')
    return { ok: false, reason: answer.reason === 'not-article' ? 'not-article' : 'error', message: answer.message };
  return { ok: false, reason: 'error', message: 'the parser gave no answer' };
}
