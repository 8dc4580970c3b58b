/**
 * The extension pages' side of `popup→background:visit`: the popup and the reader view tell the
 * background that the reader sees this article now (issue 7, item 2). The history never stops
 * a page: if it fails, there is no comparison, and `unsaved` says why the visit was not kept.
 */
import { browser } from 'wxt/browser';
import type { ArticleReport } from '@/core/types';
import type { VisitRequest, VisitResponse } from './messages';

export async function visit(report: ArticleReport): Promise<VisitResponse> {
  // "Try anyway" reads the whole page, which is no version of the article.
  if (report.extraction !== 'readability') return { since: null, watched: false };
  try {
    const request: VisitRequest = { type: 'popup→background:visit', report };
    const answer = (await browser.runtime.sendMessage(request)) as VisitResponse | undefined;
    return { since: answer?.since ?? null, watched: answer?.watched === true, unsaved: answer?.unsaved };
  } catch (error) {
    // The background never had the visit: it is not kept.
    return { since: null, watched: false, unsaved: String(error) };
  }
}
