/**
 * readPage(): the first step of analyze() (see report.ts), everything that needs the page itself:
 * the article (Readability on a clone, then our clean-up) and its blocks of text, title, byline,
 * times, quotes, summary and paywall. The content script runs it in the reader's tab.
 */
import type { AnalyzeOptions } from './types';
import { bmpRegExp } from './bmp-regexp';
import { extractArticleSteps, finish } from './article';
import { extractByline } from './byline';
import { extractTimestamps } from './timestamps';
import { articleText, type TextBlock } from './blocks';
import { summarize } from './summary';
import { extractQuotes } from './quotes';
import type { PageReport } from './with-figures';
import { countWords, readingMinutes } from './text';
import { findPaywall } from './paywall';
import { findUpdateNotes } from './updates';
import { detectLanguage, primaryLang, STOP_WORD_LANGS } from './stop-words';
import { copyWithNestingLimit, isNestedTooDeep } from './nesting';
import { fitPageReport } from './limits';

/** Enough text to tell a language by its function words (about 2,000 words). */
const DETECT_CHARS = 12_000;
const LETTER_RUNS = bmpRegExp(String.raw`\p{L}+`, 'gu');

export interface PageReading {
  report: PageReport;
  /** The article's blocks of text (paragraphs, headings, quotes, captions…), the figures' input. */
  blocks: TextBlock[];
  /** The cleaned article element (in Readability's clone; untrusted page content), for the reader view. */
  content: Element | null;
}

/**
 * The page's declared language, else the one its words show. A page may declare one language
 * and be written in another (an English article under <html lang="de">, in AEB): when the
 * declared one is a language we can tell and the words clearly say another, the words win.
 */
function articleLang(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text.slice(0, DETECT_CHARS).toLowerCase().match(LETTER_RUNS) ?? []);
  const primary = primaryLang(declared);
  if (!declared) return detected;
  return detected && primary && STOP_WORD_LANGS.includes(primary) && detected !== primary ? detected : declared;
}

/** `readerable`: isReaderable(doc), when the caller has already asked (it is not asked twice). */
export function readPage(doc: Document, options: AnalyzeOptions & { readerable?: boolean } = {}): PageReading {
  return finish(readPageSteps(doc, options));
}

/**
 * readPage() in steps: it pauses (yields) after Readability's parse and after each of our larger
 * steps, so the content script can give the page the main thread back in between (issue 9: no
 * long task of ours beyond Readability's). The steps and the report are readPage()'s own.
 */
export function* readPageSteps(
  doc: Document,
  options: AnalyzeOptions & { readerable?: boolean } = {},
): Generator<void, PageReading> {
  // A page nested thousands of levels deep hangs Readability and overflows the stack (nesting.ts).
  if (isNestedTooDeep(doc)) doc = copyWithNestingLimit(doc);
  const url = options.url ?? null;
  const now = options.now ?? new Date();
  const article = yield* extractArticleSteps(doc, {
    whole: options.whole ?? false,
    skipRules: options.skipCleanupRules,
    readerable: options.readerable,
  });
  yield;
  const text = articleText(article.blocks);
  const words = countWords(text);
  const lang = articleLang(article.lang, text);
  const { published, modified } = extractTimestamps(doc, url, now);
  yield;
  let siteName = article.siteName;
  if (!siteName && url) {
    try {
      siteName = new URL(url).hostname.replace(/^www\./, '') || null;
    } catch {
      siteName = null;
    }
  }
  const updates = findUpdateNotes(article.blocks, published, now, modified);
  const quotes = extractQuotes(article.blocks, lang).map(({ text, speaker, role }) => ({ text, speaker, role }));
  yield;
  const summary = summarize(article.blocks, lang, {
    title: article.title,
    count: options.summarySentences || undefined,
  });
  const report: PageReport = {
    url,
    readerable: article.readerable,
    lang,
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
    updates,
    quotes,
    summary,
    // The whole page was asked for: there is no article to be cut short.
    paywall: article.mode === 'whole' ? null : findPaywall(doc, words),
  };
  return { report: fitPageReport(report), blocks: article.blocks, content: article.content };
}
