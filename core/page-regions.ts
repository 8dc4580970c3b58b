/**
 * Where things are on a page: the article's header (headline, byline, times) and the regions a
 * reader does not count as the article (comments, related teasers, footers, cookie banners).
 */
import { normalizeSpace } from './text';

/** Class, id or role words of regions whose dates, quotes and bylines are not the article's. */
export const FOREIGN_REGION =
  /\b(comments?|commentaires?|kommentare?|comentarios?|commenti|related|teasers?|recommend\w*|more-stories|read-more|trending|popular|newsletter|footer|site-footer|cookie\w*|consent|gdpr|banner|sidebar|promo\w*|advert\w*|sponsor\w*|outbrain|taboola)\b/i;

function regionWords(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
}

/** True when the element is in, or is, a region that is not the article. */
export function inForeignRegion(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'FOOTER' || tag === 'ASIDE' || tag === 'NAV') return true;
    if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY') return false;
    if (FOREIGN_REGION.test(regionWords(node).replace(/[_-]+/g, ' '))) return true;
  }
  return false;
}

/** The page's main headline: the first visible `<h1>` outside foreign regions. */
export function findHeadline(doc: Document): Element | null {
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    if (!inForeignRegion(h1) && (h1.textContent ?? '').trim()) return h1;
  }
  return null;
}

/** Enough room above and below a headline for kicker, standfirst, byline and times. */
const HEADER_MAX_CHARS = 2000;

/**
 * The article's header: the largest ancestor of the headline that is still short, stopping at
 * `<header>`, `<article>` and `<main>`.
 */
export function findHeaderRegion(doc: Document): Element | null {
  const headline = findHeadline(doc);
  if (!headline) return null;
  let region: Element = headline;
  for (let parent = headline.parentElement; parent && parent !== doc.body; parent = parent.parentElement) {
    if ((parent.textContent ?? '').length > HEADER_MAX_CHARS) break;
    region = parent;
    const tag = parent.tagName.toUpperCase();
    if (tag === 'HEADER' || tag === 'ARTICLE' || tag === 'MAIN') break;
  }
  return region;
}

const norm = (text: string): string => normalizeSpace(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));

/** What the page says its title is: og:title, twitter:title, <title> and its longest part. */
function titleKeys(doc: Document): string[] {
  const keys = [
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content'),
    doc.title,
    // The longest part of "Headline | Site": the site's name must not pass for the headline.
    doc.title.split(/\s[|–—:»·-]\s|\s::\s/).reduce((a, b) => (b.length > a.length ? b : a), ''),
  ];
  return keys.map((k) => norm(k ?? '')).filter((k) => k.length >= 8);
}

function titleMatch(text: string, keys: string[]): number {
  const t = norm(text);
  if (t.length < 8) return 0;
  let best = 0;
  for (const key of keys) {
    if (key === t) return 3;
    if ((key.includes(t) && t.length * 2 >= key.length) || (t.includes(key) && key.length * 2 >= t.length)) best = 2;
  }
  return best;
}

/**
 * The article's headline: the first <h1> or <h2> that says what the page's title says, else the
 * first <h1> outside foreign regions. Pages put the site name in an <h1> (or the headline in an
 * <h2>) often enough that the first <h1> alone misses a fifth of the headlines on htmldate-a.
 */
export function findArticleHeadline(doc: Document): Element | null {
  const keys = titleKeys(doc);
  let best: Element | null = null;
  let bestScore = 0;
  const headings = Array.from(doc.querySelectorAll('h1, h2')).slice(0, 200);
  for (const h of headings) {
    const score = titleMatch(h.textContent ?? '', keys) + (h.tagName.toUpperCase() === 'H1' ? 0.5 : 0);
    if (score >= 2 && score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return (
    best ?? findHeadline(doc) ?? headings.find((h) => h.tagName.toUpperCase() === 'H1' && h.textContent?.trim()) ?? null
  );
}
