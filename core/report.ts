/**
 * analyze(): one page in, one ArticleReport out. Pure: it reads the Document (Readability parses
 * a clone), calls no extension API and keeps no state, so the extension, the CLI, the tests and
 * the benchmarks get the same report for the same page.
 *
 * It runs in two steps:
 *   readPage(doc)              read-page.ts: everything that needs the page (the article and its
 *                              blocks of text, title, byline, times, updates, quotes, summary);
 *   withFigures(page, blocks)  with-figures.ts: the figures, read from those blocks alone.
 * The extension runs both in its off-page parser (utils/read-off-page.ts), on the page its
 * content script serialized: neither runs on the page's main thread (docs/PERFORMANCE.md), and
 * neither is in the popup's or the content script's bundle. The watch reads its articles there too.
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
