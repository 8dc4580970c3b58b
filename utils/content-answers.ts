/**
 * What the content script answers, kept apart from the entrypoint so it can be tested on real
 * pages without a browser.
 */
import { analyze } from '@/core/report';
import { isReaderable } from '@/core/article';
import { isContentRequest, type AnalyzeResponse, type PingResponse } from './messages';

export function analyzePage(doc: Document, url: string, whole: boolean): AnalyzeResponse {
  try {
    // The cheap check first: no Readability parse on pages that are not articles.
    if (!whole && !isReaderable(doc)) return { ok: false, reason: 'not-article' };
    return { ok: true, report: analyze(doc, { url, whole }) };
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Undefined for messages that are not ours, so other listeners may answer them. */
export function answerContentRequest(
  message: unknown,
  doc: Document,
  url: string,
): Promise<AnalyzeResponse | PingResponse> | undefined {
  if (!isContentRequest(message)) return undefined;
  if (message.type === 'popup→content:ping') return Promise.resolve({ pong: true });
  return Promise.resolve(analyzePage(doc, url, message.whole));
}
