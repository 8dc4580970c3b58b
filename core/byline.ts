/**
 * The byline as the reader sees it ("Ivan Ruslyannikov / ch media"), from the article's header;
 * metadata names only the person, so it comes second.
 */
import { findHeaderRegion, inForeignRegion } from './page-regions';
import { findJsonLdArticles } from './json-ld';
import { normalizeSpace } from './text';

const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop~="author"]',
  '[class*="byline" i]',
  '[class*="author" i]',
  '[id*="byline" i]',
  '[id*="author" i]',
  '[data-testid*="byline" i]',
  'address',
].join(',');

// Role words that pages put before names: "By", "Par", "Von", "Por", "Di", "Text:".
const LEADING_WORDS = /^(by|par|von|por|di|de|text|texte|texto|testo|auteur|autor|author)\s*:?\s+/i;

function isPlausibleByline(text: string): boolean {
  return text.length >= 3 && text.length <= 100 && !/\d{1,2}[.:/]\d{2}/.test(text) && /\p{Lu}/u.test(text);
}

/**
 * The first plausible byline-like element in the header, in document order, so the outermost:
 * it holds the whole line, with the outlet.
 */
function visibleByline(doc: Document): string | null {
  const region = findHeaderRegion(doc);
  if (!region) return null;
  const matched = new Set(Array.from(region.querySelectorAll(BYLINE_SELECTOR)));
  // Some DOMs (jsdom's selector engine) do not return a selector list in document order.
  const ordered = [...matched].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const el of ordered) {
    if (inForeignRegion(el)) continue;
    const text = normalizeSpace(el.textContent ?? '').replace(LEADING_WORDS, '');
    if (isPlausibleByline(text)) return text;
  }
  return null;
}

function jsonLdAuthors(doc: Document): string | null {
  for (const article of findJsonLdArticles(doc)) {
    const authors = Array.isArray(article.author) ? article.author : [article.author];
    const names = authors
      .map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : ''))
      .map(normalizeSpace)
      .filter(Boolean);
    if (names.length) return names.join(', ');
  }
  return null;
}

/** `readabilityByline` is what Readability found, if anything. */
export function extractByline(doc: Document, readabilityByline: string | null): string | null {
  return visibleByline(doc) ?? readabilityByline ?? jsonLdAuthors(doc);
}
