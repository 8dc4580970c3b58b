/**
 * What every report must be, whatever the page (the fuzz tests, tests/unit/fuzz-*.test.ts): what
 * the popup accepts from a content script and the history from the popup (utils/validate-report.ts,
 * utils/validate-stored.ts), unchanged by the JSON the extension's messages and storage go
 * through, with dates that are real ISO 8601 dates.
 */
import { expect } from 'vitest';
import { isArticleReport } from '@/utils/validate-report';
import { analyze } from '@/core/report';
import { parseMachineDate } from '@/core/dates';
import type { ArticleReport } from '@/core/types';
import { parse } from './pages';

/** Fixed, so that "not in the future" and relative times do not depend on the day the test runs. */
export const NOW = new Date('2026-11-25T12:00:00Z');

/** A day, or a day and time with an optional offset: what core/dates.ts toIso writes. */
const ISO_DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?$/;

function expectIsoDate(iso: string | null): void {
  if (iso === null) return;
  expect(iso).toMatch(ISO_DAY_OR_TIME);
  // The same checks the core puts on the dates it reads: a real day of a year 1990-2200, a clock time.
  expect(parseMachineDate(iso), iso).not.toBeNull();
}

export function expectValidReport(report: ArticleReport): void {
  expect(isArticleReport(report)).toBe(true);
  // toStrictEqual tells -0 from 0 and a property set to undefined from none: JSON keeps neither.
  expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
  expectIsoDate(report.published?.iso ?? null);
  expectIsoDate(report.modified?.iso ?? null);
  for (const update of report.updates) expectIsoDate(update.iso);
  expect(Number.isInteger(report.wordCount) && report.wordCount >= 0).toBe(true);
  expect(Number.isInteger(report.readingMinutes) && report.readingMinutes >= 0).toBe(true);
  for (const figure of report.figures) expect(figure.text.length).toBeGreaterThan(0);
}

/**
 * The page as the `analyze` command reads it (jsdom, no scripts; `whole` is its --whole), at NOW,
 * checked as the popup checks the analysis's answer.
 */
export function analyzeHtml(html: string, url: string | null = null, whole = false): ArticleReport {
  const doc = parse(html, url ?? undefined);
  try {
    const report = analyze(doc, { url, now: NOW, whole });
    expect(isArticleReport(report)).toBe(true);
    return report;
  } finally {
    doc.defaultView?.close();
  }
}

/** Runs `work` and fails when it took longer than `limitMs`: a super-linear blow-up is a hang in waiting. */
export function withinMs<T>(limitMs: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  expect(took, `took ${Math.round(took)} ms, limit ${limitMs} ms`).toBeLessThan(limitMs);
  return result;
}
