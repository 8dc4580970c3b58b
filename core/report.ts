/**
 * analyze(): one page in, one ArticleReport out. Pure: it reads the Document (Readability parses
 * a clone), calls no extension API and keeps no state, so the content script, the CLI, the tests
 * and the benchmarks get the same report for the same page.
 */
import type { AnalyzeOptions, ArticleReport } from './types';
import { extractArticle } from './article';
import { extractByline } from './byline';
import { extractTimestamps } from './timestamps';
import { articleText } from './blocks';
import { summarize } from './summary';
import { extractQuotes } from './quotes';
import { extractFigures } from './figures';
import { countWords, readingMinutes } from './text';
import { findPaywall } from './paywall';

export interface AnalyzedArticle {
  report: ArticleReport;
  /** The cleaned article element (in Readability's clone; untrusted page content), for the reader view. */
  content: Element | null;
}

export function analyze(doc: Document, options: AnalyzeOptions = {}): ArticleReport {
  return analyzeArticle(doc, options).report;
}

export function analyzeArticle(doc: Document, options: AnalyzeOptions = {}): AnalyzedArticle {
  const url = options.url ?? null;
  const now = options.now ?? new Date();
  const article = extractArticle(doc, options.whole ?? false, options.skipCleanupRules);
  const text = articleText(article.blocks);
  const words = countWords(text);
  const { published, modified } = extractTimestamps(doc, url, now);
  let siteName = article.siteName;
  if (!siteName && url) {
    try {
      siteName = new URL(url).hostname.replace(/^www\./, '') || null;
    } catch {
      siteName = null;
    }
  }
  const report: ArticleReport = {
    url,
    readerable: article.readerable,
    lang: article.lang,
    title: article.title,
    byline: extractByline(doc, article.byline),
    siteName,
    excerpt: article.excerpt,
    text,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    extraction: article.mode,
    published,
    modified,
    // Update notes have their own capability (issue 7); until it lands the report says "none
    // found" rather than guessing.
    updates: [],
    quotes: extractQuotes(article.blocks, article.lang).map(({ text, speaker, role }) => ({ text, speaker, role })),
    figures: extractFigures(article.blocks, article.lang).map(({ text, value, unit, context }) => ({
      text,
      value,
      unit,
      context,
    })),
    summary: summarize(article.blocks, article.lang),
    // The whole page was asked for: there is no article to be cut short.
    paywall: article.mode === 'whole' ? null : findPaywall(doc, words),
  };
  return { report, content: article.content };
}

export type { ArticleReport, AnalyzeOptions } from './types';
