/**
 * The content script runs inside a page we do not control, so the popup checks what it sends
 * before rendering it (as uBlock Origin treats its content scripts): shape, types and sizes.
 */
import type { AnalyzeResponse, ReaderResponse } from './messages';
import type { ArticleReport, Timestamp } from '@/core/types';

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

const report = shape({
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
  figures: arrayOf(shape({ text: isString, value: isNullableNumber, unit: isNullableString, context: isString })),
  summary: arrayOf(isString, 50),
  paywall: (v) => v === null || shape({ partial: (p) => typeof p === 'boolean', source: isString })(v),
});

export function isArticleReport(value: unknown): value is ArticleReport {
  return report(value);
}

export function isAnalyzeResponse(value: unknown): value is AnalyzeResponse {
  if (!isObject(value)) return false;
  if (value.ok === true) return isArticleReport(value.report);
  return (
    value.ok === false && (value.reason === 'not-article' || (value.reason === 'error' && isString(value.message)))
  );
}

/** The article HTML may be large but is bounded; it is sanitized before it is shown. */
export function isReaderResponse(value: unknown): value is ReaderResponse {
  if (!isObject(value)) return false;
  if (value.ok === true) return isArticleReport(value.report) && (value.html === null || isString(value.html));
  return value.ok === false && value.reason === 'error' && isString(value.message);
}
