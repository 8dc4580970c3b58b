/**
 * The checks the popup does not need, apart from validate-report.ts, whose checks the popup loads
 * (its bundle budget: tests/build/bundle-size.test.ts): a stored snapshot (storage may hold
 * anything: utils/snapshot-store.ts). The whole report's check is in validate-report.ts: the analysis's
 * answer, which the popup checks, carries the figures.
 */
import type { Snapshot } from '@/core/snapshot';
import { arrayOf, is, isIso, isNullableNumber, isNullableString, isString, shape } from './validate-report';

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
