/**
 * analyze(): one page in, one ArticleReport out. Pure: it reads the Document (Readability parses
 * a clone), calls no extension API and keeps no state, so the content script, the CLI, the tests
 * and the benchmarks get the same report for the same page.
 *
 * It runs in two steps that the extension runs in two places:
 *   readPage(doc)              read-page.ts: everything that needs the page (the article and its
 *                              blocks of text, title, byline, times, updates, quotes, summary);
 *                              in the content script, in the reader's tab;
 *   withFigures(page, blocks)  with-figures.ts: the figures, read from those blocks alone; in the
 *                              popup and the reader view, which show them.
 * The split follows the bundle budgets (tests/build/bundle-size.test.ts): figures and their
 * number words in five languages are 14 KB of min+gzip, and the content script's 50 KB cannot hold
 * them beside Readability and the date work, while the popup's 35 KB can. The CLI and the tests
 * call analyze(), which runs both steps, so the report is the same everywhere.
 */
import type { AnalyzeOptions, ArticleReport } from './types';
import { readPage } from './read-page';
import { withFigures } from './with-figures';

export function analyze(doc: Document, options: AnalyzeOptions = {}): ArticleReport {
  const { report, blocks } = readPage(doc, options);
  return withFigures(report, blocks);
}

export { readPage, type PageReading } from './read-page';
export { withFigures, type PageReport } from './with-figures';
export type { ArticleReport, AnalyzeOptions } from './types';
