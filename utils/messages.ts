/**
 * The one message protocol between the extension's parts. Names say who talks to whom:
 * `popup→content:*` is sent by an extension page (the popup, or the background for the keyboard
 * shortcut) to the content script in a tab.
 */
import type { ArticleReport } from '@/core/types';

export interface AnalyzeRequest {
  type: 'popup→content:analyze';
  /** Analyse the whole page even if it does not look like an article ("Try anyway"). */
  whole: boolean;
  /** Highlight the quotes and figures in the page once found. */
  highlight: boolean;
}

/** Turn the highlights of the last analysis on or off. */
export interface HighlightRequest {
  type: 'popup→content:highlight';
  on: boolean;
}

/** Scroll the page to a quote or figure and flash it: `index` in quotes, then figures. */
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

/** Requests come from our own popup, but anything can reach onMessage: check the shape. */
export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, whole, highlight, on, index } = message as Record<string, unknown>;
  switch (type) {
    case 'popup→content:ping':
      return true;
    case 'popup→content:analyze':
      return typeof whole === 'boolean' && typeof highlight === 'boolean';
    case 'popup→content:reader':
      return typeof whole === 'boolean';
    case 'popup→content:highlight':
      return typeof on === 'boolean';
    case 'popup→content:reveal':
      return typeof index === 'number' && Number.isInteger(index) && index >= 0;
    default:
      return false;
  }
}
