/**
 * The content script runs inside a page we do not control, so the popup checks what it sends
 * before rendering it (as uBlock Origin treats its content scripts): shape, types and sizes.
 *
 * Each object must have exactly its fields: an extra key (`__proto__` among them) is refused
 * rather than carried into storage or the UI. Every field list is typed by the core's own type,
 * so a field added there fails the typecheck until it is checked here too. (Messages and storage
 * carry no prototypes, JSON and structured clone alike, so fields are read as they come.)
 */
import {
  MAX_SUMMARY_SENTENCES,
  type AnalyzeResponse,
  type HighlightResponse,
  type ReaderResponse,
  type RegionHint,
} from './messages';
import type { ArticleReport, Figure, Paywall, Quote, Timestamp, UpdateNote } from '@/core/types';
import type { PageReport } from '@/core/with-figures';
import { BARE_DAY, HAS_OFFSET } from './format-time';

export type Check = (value: unknown) => boolean;

const MAX_TEXT = 5_000_000;
export const isString: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT;
export const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
export const isNullableString = nullable(isString);
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
export const isNullableNumber = nullable(isNumber);
/** A count or a length: NaN fails the comparison too. */
const isCount: Check = (v) => isNumber(v) && (v as number) >= 0;
const isBoolean: Check = (v) => typeof v === 'boolean';
export const is =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Item by item: every() skips the holes of a sparse array, which Firefox's structured clone keeps. */
export const arrayOf =
  (item: Check, max = 10_000): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && [...(v as unknown[])].every(item);
export const shape =
  <T>(fields: Record<keyof T, Check>): Check =>
  (v) =>
    isObject(v) &&
    Object.keys(v).every((key) => Object.hasOwn(fields, key)) &&
    Object.entries<Check>(fields).every(([key, check]) => check(v[key]));

/**
 * ISO 8601 that utils/format-time.ts can show: a bare day or a time without offset that does not
 * parse would make its Intl formatting throw, and the popup with it.
 */
export const isIso: Check = (v) =>
  isString(v) &&
  !Number.isNaN(
    Date.parse(BARE_DAY.test(v as string) ? `${v}T00:00:00Z` : HAS_OFFSET.test(v as string) ? (v as string) : `${v}Z`),
  );

/** The page's own address: the popup makes the site's permission pattern of it, which throws on one that does not parse. */
const isPageUrl: Check = (v) => isString(v) && URL.canParse(v as string);

const timestamp = nullable(shape<Timestamp>({ iso: isIso, source: isString }));

export const PAGE_REPORT_FIELDS: Record<keyof PageReport, Check> = {
  url: nullable(isPageUrl),
  readerable: isBoolean,
  lang: isNullableString,
  title: isNullableString,
  byline: isNullableString,
  siteName: isNullableString,
  excerpt: isNullableString,
  text: isString,
  wordCount: isCount,
  readingMinutes: isCount,
  extraction: is('readability', 'whole', 'whole-fallback'),
  published: timestamp,
  modified: timestamp,
  updates: arrayOf(shape<UpdateNote>({ iso: nullable(isIso), text: isString })),
  quotes: arrayOf(shape<Quote>({ text: isString, speaker: isNullableString, role: isNullableString })),
  summary: arrayOf(isString, MAX_SUMMARY_SENTENCES),
  paywall: nullable(shape<Paywall>({ partial: isBoolean, source: isString })),
};
const figures = arrayOf(
  shape<Figure>({
    text: isString,
    value: isNullableNumber,
    upper: isNullableNumber,
    unit: isNullableString,
    context: isString,
  }),
);
const articleReport = shape<ArticleReport>({ ...PAGE_REPORT_FIELDS, figures });

/** The whole report, figures included: the analysis's answer, a visit, a kept version. */
export function isArticleReport(value: unknown): value is ArticleReport {
  return articleReport(value);
}

export function isFigures(value: unknown): value is Figure[] {
  return figures(value);
}

const failure = shape<{ ok: false; reason: 'error'; message: string }>({
  ok: is(false),
  reason: is('error'),
  message: isString,
});

export function isAnalyzeResponse(value: unknown): value is AnalyzeResponse {
  return (
    shape<{ ok: true; report: ArticleReport }>({ ok: is(true), report: articleReport })(value) ||
    shape<{ ok: false; reason: 'not-article' }>({ ok: is(false), reason: is('not-article') })(value) ||
    failure(value)
  );
}

/** The article HTML may be large but is bounded; it is sanitized before it is shown. */
export function isReaderResponse(value: unknown): value is ReaderResponse {
  return (
    shape<{ ok: true; report: ArticleReport; html: string | null }>({
      ok: is(true),
      report: articleReport,
      html: isNullableString,
    })(value) || failure(value)
  );
}

/** How many items the page found again, or whether a reveal worked. */
export function isHighlightResponse(value: unknown): value is HighlightResponse {
  return shape<HighlightResponse>({ ok: isBoolean, found: isCount })(value);
}

const isIndex: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
/** An element (-1: the region itself), a text node among its children, an offset in it; twice. */
const isTextPlace: Check = (v) =>
  Array.isArray(v) &&
  v.length === 6 &&
  // Spread, so that a hole is a value that fails (every() would skip it).
  [...(v as unknown[])].every((n, i) => Number.isInteger(n) && (n as number) >= (i % 3 === 0 ? -1 : 0));
const regionHint = shape<RegionHint>({
  index: isIndex,
  tag: isString,
  size: isIndex,
  places: arrayOf(nullable(isTextPlace)),
});

/** Where the parser says the article is (utils/read-off-page.ts), as the content script gets it. */
export function isRegionHint(value: unknown): value is RegionHint {
  return regionHint(value);
}
