/**
 * The article: Readability on a clone of the page (it mutates what it parses), then our clean-up
 * of what it keeps by mistake (cleanup.ts); or the whole `<body>` on request or when Readability
 * finds nothing. The live page is only read.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { extractBlocks, type TextBlock } from './blocks';
import { cleanArticle, type CleanupRule } from './cleanup';
import type { ExtractionMode } from './types';
import { normalizeSpace } from './text';

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

/** `skipRules` leaves clean-up rules out, to measure what each is worth (`npm run eval -- --without`). */
export function extractArticle(doc: Document, whole = false, skipRules?: ReadonlySet<CleanupRule>): Article {
  const readerable = isReaderable(doc);
  const lang = orNull(doc.documentElement?.getAttribute('lang'));
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
      blocks: wholeBody(doc),
    };
  }
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back Readability's own element instead of HTML to parse again; class,
  // id and aria survive (keepClasses) because the clean-up reads them.
  const parsed = new Readability<Element>(clone, {
    charThreshold: 500,
    keepClasses: true,
    serializer: (el) => el as Element,
  }).parse();
  const content = parsed?.content ?? null;
  const title = orNull(parsed?.title) ?? orNull(doc.title);
  if (content) cleanArticle(content, { title, skip: skipRules });
  const blocks = content ? extractBlocks(content) : [];
  return {
    readerable,
    mode: blocks.length ? 'readability' : 'whole-fallback',
    title,
    byline: orNull(parsed?.byline),
    siteName: orNull(parsed?.siteName),
    excerpt: orNull(parsed?.excerpt),
    lang: orNull(parsed?.lang) ?? lang,
    content,
    blocks: blocks.length ? blocks : wholeBody(doc),
  };
}
