/**
 * The one message protocol between the extension's parts. Names say who talks to whom:
 * `popup→content:*` is sent by an extension page (the popup, or the background for the keyboard
 * shortcut) to the content script in a tab.
 */
import type { ArticleDiff } from '@/core/article-diff';
import type { ArticleReport } from '@/core/types';
import type { Snapshot } from '@/core/snapshot';

/** The content script, built from entrypoints/in-page.ts; injected on the reader's click. */
export const CONTENT_SCRIPT = '/in-page.js';

export interface AnalyzeRequest {
  type: 'popup→content:analyze';
  /** Analyse the whole page even if it does not look like an article ("Try anyway"). */
  whole: boolean;
  /** Summary sentences the reader chose in the settings; 0: by the article's length. */
  sentences: number;
}

/**
 * Turn the highlights of the last analysis on or off, with the figures' texts the popup shows;
 * the quotes are the content script's own.
 */
export interface HighlightRequest {
  type: 'popup→content:highlight';
  on: boolean;
  figures: string[];
  /** The reader's colours, #rrggbb (utils/storage.ts, HighlightSettings). */
  colors: { quote: string; figure: string };
}

/** Scroll the page to an item and flash it: `index` in quotes, then figures, then summary sentences. */
export interface RevealRequest {
  type: 'popup→content:reveal';
  index: number;
}

export interface PingRequest {
  type: 'popup→content:ping';
}

/** The report and the cleaned article's HTML, for the reader view. */
export interface ReaderRequest {
  type: 'popup→content:reader';
  whole: boolean;
}

export type ContentRequest = AnalyzeRequest | PingRequest | ReaderRequest | HighlightRequest | RevealRequest;

/** The page's report, figures included (read off-page with the rest: utils/read-off-page.ts). */
export type AnalyzeResponse =
  | { ok: true; report: ArticleReport }
  | { ok: false; reason: 'not-article' }
  | { ok: false; reason: 'error'; message: string };

export type ReaderResponse =
  { ok: true; report: ArticleReport; html: string | null } | { ok: false; reason: 'error'; message: string };

export interface PingResponse {
  pong: true;
}

/** How many quotes and figures were found again in the live page, or whether the reveal worked. */
export interface HighlightResponse {
  ok: boolean;
  found: number;
}

/** More figures than any article has: a bound on what a highlight request may carry. */
const MAX_FIGURES = 10_000;

/** More summary sentences than the settings offer: the bound the popup checks the summary against too. */
export const MAX_SUMMARY_SENTENCES = 50;

/** Colours go into a style sheet in the page: nothing but #rrggbb gets there. */
const isColors = (value: unknown): value is HighlightRequest['colors'] => {
  const { quote, figure } = (value ?? {}) as Record<string, unknown>;
  return [quote, figure].every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c));
};

/** A number of summary sentences a request may ask for: 0 (by the article's length) to the bound. */
export const isSentenceCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SUMMARY_SENTENCES;

/** Requests come from our own popup, but anything can reach onMessage: check the shape. */
export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, whole, on, figures, index, sentences, colors } = message as Record<string, unknown>;
  switch (type) {
    case 'popup→content:ping':
      return true;
    case 'popup→content:analyze':
      return typeof whole === 'boolean' && isSentenceCount(sentences);
    case 'popup→content:reader':
      return typeof whole === 'boolean';
    case 'popup→content:highlight':
      return (
        typeof on === 'boolean' &&
        Array.isArray(figures) &&
        figures.length <= MAX_FIGURES &&
        // Spread: every() skips the holes of a sparse array, which Firefox's structured clone keeps.
        [...(figures as unknown[])].every((f) => typeof f === 'string') &&
        isColors(colors)
      );
    case 'popup→content:reveal':
      return typeof index === 'number' && Number.isInteger(index) && index >= 0;
    default:
      return false;
  }
}

/** Longer than any article's address: the bound on an address a request may carry. */
export const MAX_URL = 8_192;

/** An http(s) address that parses: the only kind Lede watches or fetches by itself. */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_URL && /^https?:\/\//i.test(value) && URL.canParse(value);
}

/**
 * Whether a message comes from one of Lede's own pages (popup, reader view, options, background,
 * off-page parser) rather than a content script: both carry the extension's id, but a content
 * script's sender has the web page's address. `base` is the extension's root URL,
 * runtime.getURL('/').
 */
export function isFromExtensionPage(sender: { id?: string; url?: string }, id: string, base: string): boolean {
  return sender.id === id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/**
 * `popup→background:visit`: the reader sees this report now. The background keeps the article's
 * history (utils/snapshot-store.ts) and answers what changed since their last visit.
 */
export interface VisitRequest {
  type: 'popup→background:visit';
  report: ArticleReport;
}

/** What the reader saw last time, and how it differs from now. */
export interface SinceLastVisit {
  /** When they read the version kept, ISO 8601. */
  at: string;
  /** False when the diff shows no change to the article (core/article-diff.ts, isUnchanged). */
  changed: boolean;
  diff: ArticleDiff;
  /**
   * True when a watch found a newer version on the site than the tab shows: `diff` goes from the
   * tab to it, and `at` is when it was found.
   */
  newer?: boolean;
}

export interface VisitResponse {
  since: SinceLastVisit | null;
  /** Whether the article is watched (issue 7, item 5), for the popup's switch. */
  watched: boolean;
  /**
   * Set when this version could not be kept in the history (a full storage, a failed write): why,
   * in the reader's words. What the history held stays; the popup says the visit was not saved.
   */
  unsaved?: string;
}

/**
 * `popup→background:watch`: start or stop re-checking an article in the background. The popup
 * asks for the site's host permission on the reader's click before it sends `on: true`.
 */
export interface WatchRequest {
  type: 'popup→background:watch';
  url: string;
  title: string | null;
  on: boolean;
}

/** `watched` false after `on: true`: Lede already watches MAX_WATCHES articles. */
export interface WatchResponse {
  watched: boolean;
}

/** `background→parser:read`: fetch and read a watched article in the off-page parser (entrypoints/offscreen). */
export interface ParserRequest {
  type: 'background→parser:read';
  url: string;
}

/**
 * `content→parser:page`: the page in the reader's tab, serialized by the content script, read
 * off-page (utils/read-off-page.ts, readServedPage) so that Readability and our analysis do not
 * run on the page's main thread (issue 9). Sent on a port of its own (PARSER_PORT, utils/page-read.ts)
 * straight to the parser, which answers on it: an AnalyzeResponse, or with `reader` a
 * ReaderResponse (the cleaned article's HTML too). The page's HTML never goes through the background.
 */
export interface PageReadRequest {
  type: 'content→parser:page';
  /** The page's HTML, doctype included; at most MAX_PAGE_CHARS (utils/page-read.ts). */
  html: string;
  url: string;
  whole: boolean;
  sentences: number;
  reader: boolean;
}

/**
 * Where the article is in the page, as the parser found it (utils/read-off-page.ts, regionHint):
 * the element's place among the body's elements, in tree order, with its tag and size, which the
 * content script checks before it trusts the place. The highlights look there first.
 */
export interface RegionHint {
  index: number;
  tag: string;
  /** How many elements it holds. */
  size: number;
  /**
   * Where each of the report's items is in it (quotes, figures, summary sentences: the order of
   * utils/page-highlights.ts, highlightItems), null where the parser did not find one there.
   */
  places: (TextPlace | null)[];
}

/**
 * Where an item's text is in an article's region, as the off-page parser found it in its copy of
 * the page (utils/read-off-page.ts): `[start element, start text, start offset, end element, end
 * text, end offset]`. An element is -1 for the region itself, else its index among the region's
 * elements (what a `<noscript>` holds not counted: the page keeps it as text); a text is the
 * ordinal of a text node among the element's own child text nodes; the end offset is exclusive.
 */
export type TextPlace = [number, number, number, number, number, number];

/** The parser's answer to a page read for the popup: the popup's answer, and where the article is. */
export type ParsedPage = AnalyzeResponse & { region?: RegionHint | null };

/**
 * `…→background:open-parser`: open the parser (utils/off-page-parser.ts) if it is not open. The
 * popup sends it as it opens, so that the parser starts while the content script is injected;
 * the content script before it connects to the parser. The answer comes once it is open.
 */
export interface OpenParserRequest {
  type: 'popup→background:open-parser' | 'content→background:open-parser';
}

export type ParserResponse =
  { ok: true; snapshot: Snapshot } | { ok: false; reason: 'not-article' | 'error'; message: string };
