/**
 * The last step of analyze() (see report.ts): the figures, read from the article's blocks alone.
 * Its own module so that the popup and the reader view, which run this step, bundle the figures
 * and nothing of the page-reading code.
 */
import type { TextBlock } from './blocks';
import { extractFigures } from './figures';
import type { ArticleReport } from './types';

/** The report as the page gives it: all but the figures, which withFigures() adds. */
export type PageReport = Omit<ArticleReport, 'figures'>;

export function withFigures(report: PageReport, blocks: readonly TextBlock[]): ArticleReport {
  const figures = extractFigures(blocks, report.lang).map(({ text, value, upper, unit, context }) => ({
    text,
    value,
    upper,
    unit,
    context,
  }));
  return { ...report, figures };
}
