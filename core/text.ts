/** Small text helpers shared by the analysers. */
import { bmpRegExp } from './bmp-regexp';

const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;

/** Collapses every kind of space (including no-break and narrow no-break) to one plain space. */
export function normalizeSpace(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

const WORD = bmpRegExp(String.raw`[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`, 'gu');

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** 230 words a minute: the usual adult silent-reading rate for non-fiction. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
