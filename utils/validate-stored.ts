/**
 * The checks the popup does not need, apart from validate-report.ts, whose checks the popup loads
 * (its bundle budget: tests/build/bundle-size.test.ts): the whole report with its figures (the
 * background's visit, the off-page parser's answer) and a stored snapshot (storage may hold
 * anything: utils/snapshot-store.ts).
 */
import type { ArticleReport, Figure } from '@/core/types';
import type { Snapshot } from '@/core/snapshot';
import {
  arrayOf,
  is,
  isIso,
  isNullableNumber,
  isNullableString,
  isString,
  PAGE_REPORT_FIELDS,
  shape,
} from './validate-report';

const figures = arrayOf(
  shape<Figure>({
    text: isString,
    value: isNullableNumber,
    upper: isNullableNumber,
    unit: isNullableString,
    context: isString,
  }),
);

export function isArticleReport(value: unknown): value is ArticleReport {
  return shape<ArticleReport>({ ...PAGE_REPORT_FIELDS, figures })(value);
}

export function isFigures(value: unknown): value is Figure[] {
  return figures(value);
}

const snapshot = shape<Snapshot>({
  v: is(1),
  url: isNullableString,
  at: isIso,
  title: isNullableString,
  published: isNullableString,
  modified: isNullableString,
  paragraphs: arrayOf(isString, Infinity),
  quotes: arrayOf(shape<Snapshot['quotes'][number]>({ text: isString, speaker: isNullableString }), Infinity),
  figures: arrayOf(
    shape<Snapshot['figures'][number]>({ text: isString, value: isNullableNumber, unit: isNullableString }),
    Infinity,
  ),
});

export function isSnapshot(value: unknown): value is Snapshot {
  return snapshot(value);
}
