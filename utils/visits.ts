/**
 * The background's side of `popup→background:visit`: keeps this version of the article and
 * compares it with the one the reader saw last time. Here rather than in the popup so the history
 * has one writer, and the diff (jsdiff and its normalising rules, 4 KB) stays out of the popup's
 * bundle.
 */
import { diffSnapshots, isUnchanged } from '@/core/article-diff';
import { snapshotOf } from '@/core/snapshot';
import type { VisitRequest, VisitResponse } from './messages';
import { isQuotaError, recordVisit } from './snapshot-store';
import { isArticleReport } from './validate-report';
import { seen } from './watch-check';
import { t } from './i18n';

export function isVisitRequest(message: unknown): message is VisitRequest {
  const m = message as Partial<VisitRequest> | null;
  return typeof m === 'object' && m !== null && m.type === 'popup→background:visit' && isArticleReport(m.report);
}

export async function answerVisit({ report }: VisitRequest, now = new Date()): Promise<VisitResponse> {
  const snapshot = snapshotOf(report, now);
  const { previous, error } = await recordVisit(snapshot, now.getTime());
  // The history as it was is kept; the reader is told this version is not (the popup's notice).
  const unsaved = error === undefined ? {} : { unsaved: unsavedReason(error) };
  if (error !== undefined) console.warn('Lede: history: this visit could not be kept', error);
  const { watched, newer } =
    snapshot.url === null ? { watched: false, newer: null } : await seen({ ...snapshot, url: snapshot.url });
  // A watch found a newer version than the tab shows (loaded before the change): that comes first.
  if (newer)
    return {
      since: { at: newer.at, changed: true, diff: diffSnapshots(snapshot, newer), newer: true },
      watched,
      ...unsaved,
    };
  if (!previous) return { since: null, watched, ...unsaved };
  const diff = diffSnapshots(previous, snapshot);
  return { since: { at: previous.at, changed: !isUnchanged(diff), diff }, watched, ...unsaved };
}

/** Why a write failed, for the reader: a full storage in their words, anything else as the browser said it. */
export function unsavedReason(error: unknown): string {
  if (isQuotaError(error)) return t('historyFull');
  return error instanceof Error ? error.message || error.name : String(error);
}
