/**
 * Bench build only, like bench-marks.ts (the content script's caller is guarded the same way):
 * its own module so that the bench popup, which imports bench-marks.ts, does not bundle Readability.
 */
import { Readability } from '@mozilla/readability';
import { BENCH_MEASURES, timed } from './bench-marks';

/**
 * Plain Readability, as a reader extension without Lede would run it: a clone of the live page
 * and a parse with default options. Run in a page load of its own (PLAIN_READABILITY_HASH), so
 * that neither it nor Lede's analysis finds the other's code already optimised; then once more,
 * warm, to tell the first run's compilation from the parse itself.
 */
export function measurePlainReadability(doc: Document): void {
  timed(BENCH_MEASURES.readability, () => new Readability(doc.cloneNode(true) as Document).parse());
  timed(BENCH_MEASURES.readabilityWarm, () => new Readability(doc.cloneNode(true) as Document).parse());
}
