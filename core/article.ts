/**
 * The article: Readability on a clone of the page (it mutates what it parses), then our clean-up
 * of what it keeps by mistake (cleanup.ts); or the whole `<body>` on request or when Readability
 * finds nothing. The live page is only read.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { extractBlocks, type TextBlock } from './blocks';
import { cleanArticle, type CleanupRule } from './cleanup';
import { restoreLazyImages } from './lazy-images';
import { findArticleHeadline } from './page-dates';
import type { ExtractionMode } from './types';
import { normalizeSpace } from './text';
import { limitBlocks } from './limits';

export interface Article {
  readerable: boolean;
  mode: ExtractionMode;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
  lang: string | null;
  /**
   * The cleaned article, in the parsed clone (untrusted page content), or null: Readability's
   * element after our clean-up, captions and credits kept (marked `data-lede-kind="caption"`).
   */
  content: Element | null;
  blocks: TextBlock[];
}

/** The cheap check, run before the expensive parse. */
export function isReaderable(doc: Document): boolean {
  return isProbablyReaderable(doc);
}

function orNull(value: string | null | undefined): string | null {
  const text = value ? normalizeSpace(value) : '';
  return text || null;
}

function wholeBody(doc: Document): TextBlock[] {
  return doc.body ? extractBlocks(doc.body) : [];
}

/**
 * A page that holds several stories, each its own `<article>` with its own `<h1>` (the next story
 * an infinite scroll has loaded below, or above once the reader has scrolled on): only the story
 * whose headline is the page's title stays, or Readability would join them into one. Parts of one
 * story split over several `<article>`s, and live-blog entries, have no `<h1>` of their own.
 */
function keepOneStory(clone: Document): void {
  const stories = Array.from(clone.querySelectorAll('article')).filter(
    (a) => a.querySelector('h1') && !a.parentElement?.closest('article'),
  );
  if (stories.length < 2) return;
  const headline = findArticleHeadline(clone);
  const main = headline && stories.find((story) => story.contains(headline));
  if (main) for (const story of stories) if (story !== main) story.remove();
}

/** The language the page declares: `<html lang>`, else its Content-Language or og:locale ("fr_CH"). */
function declaredLang(doc: Document): string | null {
  const meta = (selector: string): string | null =>
    orNull(doc.querySelector(selector)?.getAttribute('content')?.split(',')[0]?.trim().replace('_', '-'));
  return (
    orNull(doc.documentElement?.getAttribute('lang')) ??
    meta('meta[http-equiv="content-language" i]') ??
    meta('meta[property="og:locale"]')
  );
}

/** `skipRules` leaves clean-up rules out, to measure what each is worth (`npm run eval -- --without`). */
export function extractArticle(doc: Document, whole = false, skipRules?: ReadonlySet<CleanupRule>): Article {
  return finish(extractArticleSteps(doc, { whole, skipRules }));
}

/** Runs steps to their end without pausing (the CLI, the tests, the off-page parser). */
export function finish<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export interface ArticleStepOptions {
  whole?: boolean;
  skipRules?: ReadonlySet<CleanupRule>;
  /** isProbablyReaderable's answer, when the caller has it already (the content script asks first). */
  readerable?: boolean;
}

/**
 * extractArticle() in steps: it pauses (yields) after Readability's parse, so a caller on the
 * page's main thread can give the page its turn between that parse and our clean-up.
 */
export function* extractArticleSteps(
  doc: Document,
  { whole = false, skipRules, readerable = isReaderable(doc) }: ArticleStepOptions = {},
): Generator<void, Article> {
  const lang = declaredLang(doc);
  if (whole) {
    return {
      readerable,
      mode: 'whole',
      title: orNull(doc.title),
      byline: null,
      siteName: null,
      excerpt: null,
      lang,
      content: null,
      blocks: limitBlocks(wholeBody(doc)),
    };
  }
  const clone = doc.cloneNode(true) as Document;
  keepOneStory(clone);
  // The serializer hands back Readability's own element instead of HTML to parse again; class,
  // id and aria survive (keepClasses) because the clean-up reads them.
  const parsed = new Readability<Element>(clone, {
    charThreshold: 500,
    keepClasses: true,
    serializer: (el) => el as Element,
  }).parse();
  const content = parsed?.content ?? null;
  const title = orNull(parsed?.title) ?? orNull(doc.title);
  yield;
  if (content) {
    restoreLazyImages(content);
    cleanArticle(content, { title, skip: skipRules });
  }
  const blocks = content ? limitBlocks(extractBlocks(content)) : [];
  return {
    readerable,
    mode: blocks.length ? 'readability' : 'whole-fallback',
    title,
    byline: orNull(parsed?.byline),
    siteName: orNull(parsed?.siteName),
    excerpt: orNull(parsed?.excerpt),
    lang: orNull(parsed?.lang) ?? lang,
    content,
    blocks: blocks.length ? blocks : limitBlocks(wholeBody(doc)),
  };
}
