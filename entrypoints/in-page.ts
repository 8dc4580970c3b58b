/**
 * Injected into the reader's tab when they click Lede (`scripting.executeScript` with activeTab;
 * never declared for all sites). Answers the popup: serializes the live page, read-only, for the
 * off-page parser that runs Readability and the analysis (utils/content-answers.ts says why), and
 * highlights quotes and figures with the CSS Custom Highlight API (no DOM change).
 *
 * An unlisted script on the browsers' own API, not a WXT content script with
 * webextension-polyfill: WXT's ContentScriptContext always brings the polyfill, together 1.3 KB
 * min+gzip (measured) of the 50 KB this file may weigh, and the APIs used here (runtime.onMessage
 * answered through sendResponse, runtime.sendMessage's promise, runtime.connect's port) are the
 * same in Chromium and Firefox.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createContentSession } from '@/utils/content-answers';
import { readThroughParser, type ParserPort } from '@/utils/page-read';
import { PLAIN_READABILITY_HASH, timedAnswer } from '@/utils/bench-marks';

type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean;

interface NativeRuntime {
  /** Gone once the extension is updated or reloaded: this copy is then orphaned. */
  id?: string;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  /** A promise in both browsers' Manifest V3. */
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): ParserPort;
}

/**
 * Where the running copy keeps its stop(), in the content script's own world (the page never sees
 * it): the script injected again into the same page (a second injection) stops the copy before it,
 * so one copy listens, and one set of highlights is painted.
 */
const RUNNING = Symbol.for('lede.in-page');

const runtimeOf = (): NativeRuntime | undefined => {
  const scope = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  return (scope.browser ?? scope.chrome)?.runtime;
};

export default defineUnlistedScript(() => {
  const runtime = runtimeOf();
  if (!runtime) return;
  const world = globalThis as { [RUNNING]?: () => void };
  world[RUNNING]?.();
  // The page is read off-page, by the parser (utils/page-read.ts).
  const session = createContentSession(
    document,
    () => location.href,
    (request) => readThroughParser(runtime, request),
  );
  // Bench build only (utils/bench-marks.ts; other builds drop it): the plain-Readability baseline.
  // Imported where it runs: a static import kept Readability (a CommonJS module, which the
  // bundler cannot drop) in every build's content script, unused, 35 KB of it to parse per page.
  if (import.meta.env.MODE === 'bench' && location.hash === PLAIN_READABILITY_HASH)
    void import('@/utils/bench-readability').then(({ measurePlainReadability }) => measurePlainReadability(document));
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;

  // An extension update or reload orphans this copy (its runtime loses its id): it stops
  // listening and removes its highlights; the next click injects a fresh copy.
  const orphaned = (): boolean => {
    if (runtimeOf()?.id) return false;
    stop();
    return true;
  };
  function stop(): void {
    session.dispose();
    navigation?.removeEventListener('navigatesuccess', navigated);
    removeEventListener('popstate', navigated);
    if (world[RUNNING] === stop) world[RUNNING] = undefined;
    try {
      runtime?.onMessage.removeListener(listener);
    } catch {
      // An orphaned copy's runtime may refuse ("Extension context invalidated"); it gets no messages anyway.
    }
  }
  world[RUNNING] = stop;
  // A single-page site that shows another story (history navigation): the old report and its
  // highlights go at once; the next popup analyses the new page. The Navigation API sees
  // pushState too where the browser has it; popstate is the fallback.
  function navigated(): void {
    if (!orphaned()) session.navigated();
  }
  navigation?.addEventListener('navigatesuccess', navigated);
  addEventListener('popstate', navigated);

  function listener(message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean {
    const answer =
      import.meta.env.MODE === 'bench' ? timedAnswer(message, () => session.answer(message)) : session.answer(message);
    if (!answer) return false; // not ours: another listener may answer
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: 'error', message: String(error) }));
    return true; // the answer comes asynchronously
  }
  runtime.onMessage.addListener(listener);
});
