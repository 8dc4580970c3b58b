/**
 * What the content script answers, kept apart from the entrypoint so it can be tested on real
 * pages without a browser. One session per injected copy: it keeps the last report, so the
 * popup can turn highlights on and off and jump to a quote without a second analysis.
 */
import { readPage } from '@/core/read-page';
import type { PageReport } from '@/core/with-figures';
import { isReaderable } from '@/core/article';
import {
  isContentRequest,
  type AnalyzeResponse,
  type HighlightRequest,
  type HighlightResponse,
  type PingResponse,
  type ReaderResponse,
} from './messages';
import { applyHighlights, highlightItems, type PageHighlights } from './page-highlights';
import { composedDocument } from './composed-page';

const failure = (error: unknown): { ok: false; reason: 'error'; message: string } => ({
  ok: false,
  reason: 'error',
  message: error instanceof Error ? error.message : String(error),
});

export function analyzePage(doc: Document, url: string, whole: boolean, sentences = 0): AnalyzeResponse {
  try {
    // The cheap check first: no Readability parse on pages that are not articles.
    if (!whole && !isReaderable(doc)) return { ok: false, reason: 'not-article' };
    const { report, blocks } = readPage(doc, { url, whole, summarySentences: sentences });
    return { ok: true, report, blocks };
  } catch (error) {
    return failure(error);
  }
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
 * What the page says now, in a few characters: its text's length and FNV-1a hash. One pass over
 * the text, a fraction of an analysis; Lede's own highlights change no text (they are not DOM).
 */
function textSignature(doc: Document): string {
  const text = doc.body?.textContent ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

export function createContentSession(doc: Document, url: () => string): ContentSession {
  let report: PageReport | null = null;
  let reportPage = '';
  /** The last analysis and what it was of: the popup reopened on an unchanged page reuses it. */
  let last: { key: string; result: AnalyzeResponse } | null = null;
  let highlights: PageHighlights | null = null;

  /**
   * After an in-page navigation (a single-page site showing another story), the last report and
   * its highlights belong to a page that is gone: both are dropped, and the next popup analyses
   * the page anew.
   */
  const forgetIfNavigated = (): void => {
    if (report && pageOf(url()) !== reportPage) {
      report = null;
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
    highlights = applyHighlights(doc, items, undefined, on, colors);
    return { ok: true, found: highlights.ranges.filter(Boolean).length };
  };

  const answer = (message: unknown): ContentAnswer | undefined => {
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
      case 'popup→content:analyze': {
        // Reopening the popup on the same page, unchanged, asked the same way: the last answer
        // stands. New text (a live blog's entry, an edit) is a new analysis.
        const page = composedDocument(doc);
        const key = [pageOf(url()), message.whole, message.sentences, textSignature(page)].join('\n');
        const result = last?.key === key ? last.result : analyzePage(page, url(), message.whole, message.sentences);
        last = { key, result };
        report = result.ok ? result.report : null;
        reportPage = pageOf(url());
        // A new analysis: the old highlights go; the popup asks for new ones with the figures.
        unmark();
        return result;
      }
    }
  };

  return {
    answer: (message) => {
      const result = answer(message);
      return result === undefined ? undefined : Promise.resolve(result);
    },
    navigated: forgetIfNavigated,
    dispose: unmark,
  };
}
