/**
 * Snapshots (issue 7, item 2): the compact, versioned form of a report that the extension keeps
 * for each article the reader opens, so that a later visit can say what changed
 * (core/article-diff.ts). Only what the diff reads is kept: the text as paragraphs, the title, the
 * times, and the quotes and figures without their context, which the paragraphs already hold.
 * On the 181 AEB pages a snapshot averages 6.4 KB of JSON (median 4.5 KB, largest 98 KB; issue 7
 * allows a mean of 20 KB).
 */
import type { ArticleReport } from './types';
import { comparableText, withoutTracking } from './article-diff';

export interface Snapshot {
  /** Bump with a migration in the store when the shape changes. */
  v: 1;
  /** The page's address without tracking parameters, so that a shared link and a direct visit meet. */
  url: string | null;
  /** When the report was taken, ISO 8601. */
  at: string;
  title: string | null;
  /** The report's `published.iso` and `modified.iso`. */
  published: string | null;
  modified: string | null;
  /** The report's text, split on its paragraph breaks. */
  paragraphs: string[];
  quotes: { text: string; speaker: string | null }[];
  figures: { text: string; value: number | null; unit: string | null }[];
}

export function snapshotOf(report: ArticleReport, at: Date): Snapshot {
  return {
    v: 1,
    url: report.url === null ? null : withoutTracking(report.url),
    at: at.toISOString(),
    title: report.title,
    published: report.published?.iso ?? null,
    modified: report.modified?.iso ?? null,
    paragraphs: report.text.split('\n\n').filter((p) => p.trim() !== ''),
    quotes: report.quotes.map(({ text, speaker }) => ({ text, speaker })),
    figures: report.figures.map(({ text, value, unit }) => ({ text, value, unit })),
  };
}

/**
 * True when diffSnapshots(a, b) would show no change, so the store need not keep b beside a.
 * Times are left out on purpose: a new "modified" time with the same text is not a new version.
 * Figures need no check of their own: a changed figure is a changed paragraph.
 */
export function sameContent(a: Snapshot, b: Snapshot): boolean {
  if (comparableText(a.title ?? '') !== comparableText(b.title ?? '')) return false;
  const paragraphsOf = (s: Snapshot): string[] => s.paragraphs.map(comparableText).filter(Boolean);
  const pa = paragraphsOf(a);
  const pb = paragraphsOf(b);
  if (pa.length !== pb.length || pa.some((p, i) => p !== pb[i])) return false;
  const quotesOf = (s: Snapshot): Set<string> => new Set(s.quotes.map((q) => comparableText(q.text)));
  const qa = quotesOf(a);
  const qb = quotesOf(b);
  return qa.size === qb.size && [...qa].every((q) => qb.has(q));
}
