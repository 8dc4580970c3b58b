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
}

export interface PingRequest {
  type: 'popup→content:ping';
}

/** The report and the cleaned article's HTML, for the reader view. */
export interface ReaderRequest {
  type: 'popup→content:reader';
  whole: boolean;
}

export type ContentRequest = AnalyzeRequest | PingRequest | ReaderRequest;

export type AnalyzeResponse =
  | { ok: true; report: ArticleReport }
  | { ok: false; reason: 'not-article' }
  | { ok: false; reason: 'error'; message: string };

export type ReaderResponse =
  { ok: true; report: ArticleReport; html: string | null } | { ok: false; reason: 'error'; message: string };

export interface PingResponse {
  pong: true;
}

/** Requests come from our own popup, but anything can reach onMessage: check the shape. */
export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, whole } = message as { type?: unknown; whole?: unknown };
  if (type === 'popup→content:ping') return true;
  return (type === 'popup→content:analyze' || type === 'popup→content:reader') && typeof whole === 'boolean';
}
