/**
 * The report: the contract between the analysis core, the `analyze` command and the UI
 * (see DESIGN.md, "The report"). Fields may be added; the documented ones keep their meaning.
 */
import type { CleanupRule } from './cleanup';
import type { Paywall } from './paywall';

export type { Paywall };

export interface Timestamp {
  /** ISO 8601: with offset when the time is known, a bare day ("2024-11-14") when only the day is. */
  iso: string;
  /** Where it came from, e.g. "json-ld:datePublished" or "text:header, zone Europe/Zurich from fr-CH". */
  source: string;
}

export interface UpdateNote {
  iso: string | null;
  text: string;
}

export interface Quote {
  text: string;
  speaker: string | null;
  /** The speaker's role when the article gives it ("analyste militaire"). */
  role: string | null;
}

export interface Figure {
  text: string;
  value: number | null;
  /** A range's upper end, in the same scale and unit as `value` ("$40-50 billion": 5e10); else null. */
  upper: number | null;
  unit: string | null;
  /** A few words around it, for the popup. */
  context: string;
}

/** How the article text was found. */
export type ExtractionMode = 'readability' | 'whole' | 'whole-fallback';

export interface ArticleReport {
  url: string | null;
  readerable: boolean;
  lang: string | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** The standfirst or description, when the page has one. */
  excerpt: string | null;
  /** Clean article text, paragraphs separated by "\n\n". */
  text: string;
  wordCount: number;
  readingMinutes: number;
  extraction: ExtractionMode;
  published: Timestamp | null;
  modified: Timestamp | null;
  updates: UpdateNote[];
  quotes: Quote[];
  figures: Figure[];
  summary: string[];
  /** Null when the page does not say the article is for subscribers (core/paywall.ts). */
  paywall: Paywall | null;
}

export interface AnalyzeOptions {
  /** The page's address; in the CLI it may be unknown. */
  url?: string | null;
  /** Treat the whole `<body>` as the article, without Readability. */
  whole?: boolean;
  /** "Now", injected so that results do not depend on the clock (dates in the future are rejected). */
  now?: Date;
  /** Clean-up rules to leave out, to measure what each is worth (`npm run eval -- --without RULE`). */
  skipCleanupRules?: ReadonlySet<CleanupRule>;
  /** Summary sentences; by default (or 0) three to five with the article's length. */
  summarySentences?: number;
}
