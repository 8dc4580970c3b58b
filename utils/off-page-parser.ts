/**
 * The background's handle on the off-page parser (entrypoints/offscreen): a page with a DOM, which
 * Chrome's service worker lacks. Chrome opens it as an offscreen document; Firefox, which has no
 * offscreen API, as a frame of its background page. Either way it is opened when a task needs it
 * (withParser) and closed when it has been idle a few minutes.
 */
import { browser } from 'wxt/browser';
import type { ParserRequest, ParserResponse } from './messages';
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
          justification:
            'Reads the article the reader clicked Lede on, away from its page, and the articles they watch, to see whether they changed.',
        })
  ).catch((error: unknown) => {
    opening = null;
    // A document left open by a round a suspended worker never finished is as good as a new one.
    if (!/single offscreen/i.test(String(error))) throw error;
  });
  await opening;
}

let users = 0;

/**
 * The parser stays open this long after its last task: the reader's next clicks (another
 * article, the reader view, the popup reopened on a changed page) find it open and its code
 * compiled, instead of paying for the document's start again (about 100 ms in Chrome:
 * docs/PERFORMANCE.md). An alarm closes it, since the worker may be suspended before then.
 */
export const PARSER_CLOSE_ALARM = 'lede-parser-close';
const LINGER_MINUTES = 5;

/**
 * Runs `task` with the parser open (a watch's round of checks, a page a content script is about
 * to send), and closes it when it has been idle LINGER_MINUTES since the last task using it.
 */
export async function withParser<T>(task: () => Promise<T>): Promise<T> {
  users++;
  await browser.alarms.clear(PARSER_CLOSE_ALARM).catch(() => false);
  try {
    await open();
    return await task();
  } finally {
    if (--users === 0)
      await browser.alarms.create(PARSER_CLOSE_ALARM, { delayInMinutes: LINGER_MINUTES }).catch(() => undefined);
  }
}

/** On the alarm: closes the parser unless a task uses it (a worker restarted since finds it by hasDocument). */
export async function closeIdleParser(): Promise<void> {
  if (users > 0) return;
  opening = null;
  if (import.meta.env.FIREFOX) document.getElementById('lede-parser')?.remove();
  else await browser.offscreen.closeDocument().catch(() => undefined);
}

/** Opens the parser for a page about to be read (the popup opening, a content script); it stays open a while. */
export function openParser(): Promise<void> {
  return withParser(() => Promise.resolve());
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
