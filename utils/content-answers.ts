/**
 * What the content script answers, kept apart from the entrypoint so it can be tested on real
 * pages without a browser. One session per injected copy: it keeps the last report, so the
 * popup can turn highlights on and off and jump to a quote without a second analysis.
 */
import { readPage, readPageSteps } from '@/core/read-page';
import type { PageReport } from '@/core/with-figures';
import { finish, isReaderable } from '@/core/article';
import {
  isContentRequest,
  type AnalyzeRequest,
  type AnalyzeResponse,
  type HighlightRequest,
  type HighlightResponse,
  type PingResponse,
  type ReaderResponse,
} from './messages';
import { applyHighlights, highlightItems, type PageHighlights } from './page-highlights';
import { composedDocument } from './composed-page';
import { articleRegion } from '@/core/page-dates';
import { runSteps } from './yield-steps';

const failure = (error: unknown): { ok: false; reason: 'error'; message: string } => ({
  ok: false,
  reason: 'error',
  message: error instanceof Error ? error.message : String(error),
});

/** The analysis in steps (core/read-page.ts): the content script pauses between them. */
function* analyzeSteps(
  doc: Document,
  url: string,
  whole: boolean,
  sentences: number,
): Generator<void, AnalyzeResponse> {
  try {
    // The cheap check first: no Readability parse on pages that are not articles. Its answer is
    // passed on, so it runs once.
    const readerable = isReaderable(doc);
    if (!whole && !readerable) return { ok: false, reason: 'not-article' };
    const { report, blocks } = yield* readPageSteps(doc, { url, whole, summarySentences: sentences, readerable });
    return { ok: true, report, blocks };
  } catch (error) {
    return failure(error);
  }
}

export function analyzePage(doc: Document, url: string, whole: boolean, sentences = 0): AnalyzeResponse {
  return finish(analyzeSteps(doc, url, whole, sentences));
}

/** The report and the article's HTML (untrusted: the reader view sanitizes it before rendering). */
export function readerPayload(doc: Document, url: string, whole: boolean): ReaderResponse {
  try {
    const { report, blocks, content } = readPage(doc, { url, whole });
    return { ok: true, report, blocks, html: content ? content.innerHTML : null };
  } catch (error) {
    return failure(error);
  }
}

function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export type ContentAnswer = AnalyzeResponse | PingResponse | ReaderResponse | HighlightResponse;

export interface ContentSession {
  /** Undefined for messages that are not ours, so other listeners may answer them. */
  answer(message: unknown): Promise<ContentAnswer> | undefined;
  /** The page's address may have changed (history navigation): drop what belongs to the old one. */
  navigated(): void;
  dispose(): void;
}

/** The page's address without its fragment: a jump to an anchor is the same article. */
const pageOf = (url: string): string => url.split('#')[0] ?? url;

/**
 * Watches the page's DOM from the start of an analysis: changed() says whether its nodes or text
 * changed since (Lede's highlights are not DOM: they change nothing). The observer stops at the
 * first change, so a busy page costs one record. Observing changes nothing in the page.
 *
 * This replaced a hash of the page's text taken on every click: 5 to 50 ms on a large page,
 * on the page's main thread (docs/PERFORMANCE.md).
 */
function watchChanges(doc: Document): { changed(): boolean; stop(): void } {
  let changed = false;
  // The script's own constructor; jsdom's (the unit tests) hangs off the document's window.
  const Observer = typeof MutationObserver === 'function' ? MutationObserver : doc.defaultView?.MutationObserver;
  if (!Observer) return { changed: () => true, stop: () => undefined };
  const observer = new Observer(() => {
    changed = true;
    observer.disconnect();
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true });
  return {
    changed: () => changed || observer.takeRecords().length > 0,
    stop: () => observer.disconnect(),
  };
}

export function createContentSession(doc: Document, url: () => string): ContentSession {
  let report: PageReport | null = null;
  let reportPage = '';
  /**
   * The last analysis, the request it answered, and whether the page has changed since it began:
   * the popup reopened on an unchanged page, asked the same way, reuses it.
   */
  let last: { request: string; result: AnalyzeResponse; changes: ReturnType<typeof watchChanges> } | null = null;
  let highlights: PageHighlights | null = null;
  /** Whether the last analysis read the page composed from its open shadow roots. */
  let shadows = true;

  /**
   * After an in-page navigation (a single-page site showing another story), the last report and
   * its highlights belong to a page that is gone: both are dropped, and the next popup analyses
   * the page anew.
   */
  const forgetIfNavigated = (): void => {
    if (report && pageOf(url()) !== reportPage) {
      report = null;
      last?.changes.stop();
      last = null;
      unmark();
    }
  };

  const unmark = (): void => {
    highlights?.remove();
    highlights = null;
  };

  /** Finds the report's items in the page again; paints quotes and figures only when `on`. */
  const highlight = ({ on, figures, colors }: HighlightRequest): HighlightResponse => {
    unmark();
    if (!report || !canHighlight()) return { ok: !on, found: 0 };
    const items = highlightItems({ ...report, figures: figures.map((text) => ({ text })) });
    // The article's region of the live page is looked in first; in a composed page (shadow
    // roots) that region is in the copy, not the page, so the whole page is read.
    highlights = applyHighlights(doc, items, {
      region: shadows ? null : articleRegion(doc),
      shadows,
      visible: on,
      colors,
    });
    return { ok: true, found: highlights.ranges.filter(Boolean).length };
  };

  const answer = (message: unknown): ContentAnswer | Promise<ContentAnswer> | undefined => {
    if (!isContentRequest(message)) return undefined;
    forgetIfNavigated();
    switch (message.type) {
      case 'popup→content:ping':
        return { pong: true };
      case 'popup→content:reader':
        return readerPayload(composedDocument(doc), url(), message.whole);
      case 'popup→content:highlight':
        return highlight(message);
      case 'popup→content:reveal':
        return {
          ok: highlights?.reveal(message.index) ?? false,
          found: highlights?.ranges.filter(Boolean).length ?? 0,
        };
      case 'popup→content:analyze':
        return analyze(message);
    }
  };

  /**
   * Reopening the popup on the same page, unchanged, asked the same way: the last answer stands.
   * New text (a live blog's entry, an edit) is a new analysis.
   */
  const analyze = async (message: AnalyzeRequest): Promise<AnalyzeResponse> => {
    const page = composedDocument(doc);
    const request = [pageOf(url()), message.whole, message.sentences].join('\n');
    let result: AnalyzeResponse;
    // An article in shadow roots (a composed copy) is read again every time: the observer does
    // not see into shadow trees.
    if (last?.request === request && page === doc && !last.changes.changed()) {
      result = last.result;
    } else {
      last?.changes.stop();
      const changes = watchChanges(doc);
      result = await runSteps(analyzeSteps(page, url(), message.whole, message.sentences));
      last = { request, result, changes };
    }
    report = result.ok ? result.report : null;
    reportPage = pageOf(url());
    shadows = page !== doc;
    // A new analysis: the old highlights go; the popup asks for new ones with the figures.
    unmark();
    return result;
  };

  return {
    answer: (message) => {
      const result = answer(message);
      return result === undefined ? undefined : Promise.resolve(result);
    },
    navigated: forgetIfNavigated,
    dispose: () => {
      last?.changes.stop();
      unmark();
    },
  };
}
