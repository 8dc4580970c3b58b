/**
 * What the content script answers, kept apart from the entrypoint so it can be tested on real
 * pages without a browser.
 */
import { analyze, analyzeArticle } from '@/core/report';
import { isReaderable } from '@/core/article';
import { isContentRequest, type AnalyzeResponse, type PingResponse, type ReaderResponse } from './messages';

export function analyzePage(doc: Document, url: string, whole: boolean): AnalyzeResponse {
  try {
    // The cheap check first: no Readability parse on pages that are not articles.
    if (!whole && !isReaderable(doc)) return { ok: false, reason: 'not-article' };
    return { ok: true, report: analyze(doc, { url, whole }) };
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The report and the article's HTML (untrusted: the reader view sanitizes it before rendering). */
export function readerPayload(doc: Document, url: string, whole: boolean): ReaderResponse {
  try {
    const { report, content } = analyzeArticle(doc, { url, whole });
    return { ok: true, report, html: content ? content.innerHTML : null };
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Undefined for messages that are not ours, so other listeners may answer them. */
export function answerContentRequest(
  message: unknown,
  doc: Document,
  url: string,
): Promise<AnalyzeResponse | PingResponse | ReaderResponse> | undefined {
  if (!isContentRequest(message)) return undefined;
  if (message.type === 'popup→content:ping') return Promise.resolve({ pong: true });
  if (message.type === 'popup→content:reader') return Promise.resolve(readerPayload(doc, url, message.whole));
  return Promise.resolve(analyzePage(doc, url, message.whole));
}
