/**
 * Where things are on a page: the article's header (headline, byline, times) and the regions a
 * reader does not count as the article (comments, related teasers, footers, cookie banners).
 */
import { shownLength, shownText } from './page-code';

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
    if (!inForeignRegion(h1) && shownText(h1).trim()) return h1;
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
  return headline ? headerRegionOf(headline) : null;
}

/** The header region around a given headline (see findHeaderRegion). */
export function headerRegionOf(headline: Element): Element {
  const body = headline.ownerDocument.body;
  let region: Element = headline;
  for (let parent = headline.parentElement; parent && parent !== body; parent = parent.parentElement) {
    if (shownLength(parent) > HEADER_MAX_CHARS) break;
    region = parent;
    const tag = parent.tagName.toUpperCase();
    if (tag === 'HEADER' || tag === 'ARTICLE' || tag === 'MAIN') break;
  }
  return region;
}
