/**
 * Every stored item, declared once, with its fallback and version. The UI watches them, so a
 * change in one page applies live in the others.
 */
import { storage } from 'wxt/utils/storage';
import { HIGHLIGHT_COLORS } from './highlight-colors';

export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark';
export type ReaderFont = 'serif' | 'sans';

export interface ReaderSettings {
  theme: ReaderTheme;
  font: ReaderFont;
  /** Body text size in CSS pixels. */
  fontSize: number;
  /** Line length in characters (ch). */
  lineWidth: number;
  lineHeight: number;
}

export const READER_DEFAULTS: ReaderSettings = {
  theme: 'system',
  font: 'serif',
  fontSize: 20,
  lineWidth: 66,
  lineHeight: 1.6,
};

export const READER_LIMITS = {
  fontSize: { min: 14, max: 32, step: 2 },
  lineWidth: { min: 45, max: 90, step: 7 },
  lineHeight: { min: 1.3, max: 2, step: 0.15 },
} as const;

const THEMES: readonly ReaderTheme[] = ['system', 'light', 'sepia', 'dark'];
const clamp = (value: unknown, { min, max }: { min: number; max: number }, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** Whatever storage holds (an older version, a hand-edited or corrupted value) becomes valid settings. */
export function normalizeReaderSettings(value: unknown): ReaderSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof ReaderSettings, unknown>
  >;
  return {
    theme: THEMES.includes(v.theme as ReaderTheme) ? (v.theme as ReaderTheme) : READER_DEFAULTS.theme,
    font: v.font === 'sans' || v.font === 'serif' ? v.font : READER_DEFAULTS.font,
    fontSize: clamp(v.fontSize, READER_LIMITS.fontSize, READER_DEFAULTS.fontSize),
    lineWidth: clamp(v.lineWidth, READER_LIMITS.lineWidth, READER_DEFAULTS.lineWidth),
    lineHeight: clamp(v.lineHeight, READER_LIMITS.lineHeight, READER_DEFAULTS.lineHeight),
  };
}

export const readerSettings = storage.defineItem<ReaderSettings>('local:readerSettings', {
  fallback: READER_DEFAULTS,
  version: 1,
});

export interface HighlightSettings {
  /** Quotes and figures highlighted in the page when the popup opens; the popup's switch changes it. */
  on: boolean;
  /** Colours as #rrggbb; shown translucent (page-highlights.ts), so the text stays readable. */
  quote: string;
  figure: string;
}

export const HIGHLIGHT_DEFAULTS: HighlightSettings = { on: true, ...HIGHLIGHT_COLORS };

const HEX = /^#[0-9a-f]{6}$/i;

/** Whatever storage holds: version 2, version 1's switch alone (a boolean), or anything else. */
export function normalizeHighlightSettings(value: unknown): HighlightSettings {
  if (typeof value === 'boolean') return { ...HIGHLIGHT_DEFAULTS, on: value };
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof HighlightSettings, unknown>
  >;
  const colour = (c: unknown, fallback: string): string =>
    typeof c === 'string' && HEX.test(c) ? c.toLowerCase() : fallback;
  return {
    on: v.on !== false,
    quote: colour(v.quote, HIGHLIGHT_DEFAULTS.quote),
    figure: colour(v.figure, HIGHLIGHT_DEFAULTS.figure),
  };
}

/**
 * Version 1 was the on/off switch alone (a boolean); version 2 adds the colours. The key stays
 * that of version 1, so WXT's migration finds the reader's choice and keeps it. The migration is
 * the normalization: a version 2 value whose version mark was lost (WXT keeps it under another
 * key, `highlightsOn$`) keeps its colours rather than being read as a switch. Reads normalize
 * too, so a migration that could not be written (WXT logs it and returns the value as stored), or
 * a value from a newer Lede (WXT refuses to migrate down and returns it as stored), still gives
 * valid settings.
 */
export const highlightSettings = storage.defineItem<HighlightSettings>('local:highlightsOn', {
  fallback: HIGHLIGHT_DEFAULTS,
  version: 2,
  migrations: { 2: normalizeHighlightSettings },
});

export interface SummarySettings {
  /** Sentences in the summary; 0: three to five with the article's length (core/summary.ts). */
  sentences: number;
  /** Offer Chrome's on-device model's key points where the browser has one. */
  onDevice: boolean;
}

export const SUMMARY_DEFAULTS: SummarySettings = { sentences: 0, onDevice: true };
export const SUMMARY_SENTENCES = { min: 0, max: 7 } as const;

export function normalizeSummarySettings(value: unknown): SummarySettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof SummarySettings, unknown>
  >;
  const n = typeof v.sentences === 'number' && Number.isInteger(v.sentences) ? v.sentences : 0;
  return {
    sentences: Math.min(SUMMARY_SENTENCES.max, Math.max(SUMMARY_SENTENCES.min, n)),
    onDevice: v.onDevice !== false,
  };
}

export const summarySettings = storage.defineItem<SummarySettings>('local:summarySettings', {
  fallback: SUMMARY_DEFAULTS,
  version: 1,
});

/**
 * The article handed from the tab to its reader view. Session storage: in memory, gone when the
 * browser closes, never written to disk.
 */
export function readerPayloadKey(tabId: number): `session:${string}` {
  return `session:reader:${tabId}`;
}
