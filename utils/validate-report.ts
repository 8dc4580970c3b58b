/**
 * The content script runs inside a page we do not control, so the popup checks what it sends
 * before rendering it (as uBlock Origin treats its content scripts): shape, types and sizes.
 */
import type { AnalyzeResponse, ReaderResponse } from './messages';
import type { ArticleReport, Figure, Timestamp } from '@/core/types';
import type { PageReport } from '@/core/with-figures';
import type { BlockKind, TextBlock } from '@/core/blocks';
import type { Snapshot } from '@/core/snapshot';

type Check = (value: unknown) => boolean;

const MAX_TEXT = 5_000_000;
const isString: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
const isNullableString: Check = (v) => v === null || isString(v);
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isNullableNumber: Check = (v) => v === null || isNumber(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf =
  (item: Check, max = 10_000): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([k, check]) => check(v[k]));

const timestamp: Check = (v) => v === null || shape({ iso: isString, source: isString })(v as Timestamp);

const PAGE_REPORT_FIELDS: Record<keyof PageReport, Check> = {
  url: isNullableString,
  readerable: (v) => typeof v === 'boolean',
  lang: isNullableString,
  title: isNullableString,
  byline: isNullableString,
  siteName: isNullableString,
  excerpt: isNullableString,
  text: isString,
  wordCount: isNumber,
  readingMinutes: isNumber,
  extraction: (v) => v === 'readability' || v === 'whole' || v === 'whole-fallback',
  published: timestamp,
  modified: timestamp,
  updates: arrayOf(shape({ iso: isNullableString, text: isString })),
  quotes: arrayOf(shape({ text: isString, speaker: isNullableString, role: isNullableString })),
  summary: arrayOf(isString, 50),
  paywall: (v) => v === null || shape({ partial: (p) => typeof p === 'boolean', source: isString })(v),
};
const pageReport = shape(PAGE_REPORT_FIELDS);
const figures = arrayOf(
  shape({
    text: isString,
    value: isNullableNumber,
    upper: isNullableNumber,
    unit: isNullableString,
    context: isString,
  }),
);
const report = shape({
  ...PAGE_REPORT_FIELDS,
  figures,
});

const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'heading', 'quote', 'caption', 'list-item', 'preformatted'];
const blocks = arrayOf(shape({ kind: (v) => BLOCK_KINDS.includes(v as BlockKind), text: isString }), 100_000);

export function isArticleReport(value: unknown): value is ArticleReport {
  return report(value);
}

/** A stored snapshot of this version (utils/snapshot-store.ts): storage may hold anything. */
const snapshot = shape({
  v: (v) => v === 1,
  url: isNullableString,
  at: (v) => isString(v) && !Number.isNaN(Date.parse(v as string)),
  title: isNullableString,
  published: isNullableString,
  modified: isNullableString,
  paragraphs: arrayOf(isString, Infinity),
  quotes: arrayOf(shape({ text: isString }), Infinity),
  figures: arrayOf(shape({ text: isString }), Infinity),
});

export function isFigures(value: unknown): value is Figure[] {
  return figures(value);
}

export function isSnapshot(value: unknown): value is Snapshot {
  return snapshot(value);
}

/** The article's blocks of text, as the content script sends them. */
export function isPageBlocks(value: unknown): value is TextBlock[] {
  return blocks(value);
}

/** The report as the content script sends it: all but the figures (core/report.ts). */
export function isPageReport(value: unknown): value is PageReport {
  return pageReport(value);
}

export function isAnalyzeResponse(value: unknown): value is AnalyzeResponse {
  if (!isObject(value)) return false;
  if (value.ok === true) return isPageReport(value.report) && blocks(value.blocks);
  return (
    value.ok === false && (value.reason === 'not-article' || (value.reason === 'error' && isString(value.message)))
  );
}

/** The article HTML may be large but is bounded; it is sanitized before it is shown. */
export function isReaderResponse(value: unknown): value is ReaderResponse {
  if (!isObject(value)) return false;
  if (value.ok === true)
    return isPageReport(value.report) && blocks(value.blocks) && (value.html === null || isString(value.html));
  return value.ok === false && value.reason === 'error' && isString(value.message);
}
