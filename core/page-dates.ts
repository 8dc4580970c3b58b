/**
 * The dates a reader sees on the page, each placed relative to the article's headline.
 *
 *   headline (best match for og:title / <title>) ──> header region, article root
 *   one walk over <body>, skipping scripts, hidden parts and foreign regions ──> page text
 *   page text ──> findTextDates ──> SeenDate (position, element, date-like class, in header?)
 *   <time datetime> met on the way ──> SeenTime (position, machine date)
 *
 * One walk and one pass of the date patterns: linear in the page's size.
 */
import type { PageDate } from './dates';
import { parseMachineDate } from './dates';
import { findTextDates, findUpdateTimes, type DateRole, type TextDate, type UpdateTime } from './text-dates';
import { FOREIGN_REGION, findHeadline, headerRegionOf } from './page-regions';
import { normalizeSpace } from './text';
import { shownLength, shownText } from './page-code';
import { bmpRegExp } from './bmp-regexp';

export interface SeenDate extends TextDate {
  /** Where it starts in the page text; compare with PageDates.headlineAt. */
  at: number;
  element: Element;
  /** Its element or a near ancestor has a date-like class, id or itemprop ("post-date", "meta"). */
  hinted: boolean;
  inHeader: boolean;
  /** Inside the headline itself, where dates are the story's subject ("Ergebnisse vom 19.5.2007"). */
  inHeadline: boolean;
  /** What its element's class says it is (hAtom "published" / "updated", "date-modified"…). */
  classRole: DateRole | null;
}

export interface SeenTime {
  at: number;
  element: Element;
  date: PageDate;
  inHeader: boolean;
}

export interface PageDates {
  headline: Element | null;
  header: Element | null;
  /** Position of the headline in the page text, -1 when there is none. */
  headlineAt: number;
  dates: SeenDate[];
  times: SeenTime[];
  /** Update times with no day near them ("Updated 10:09 GMT"), for the caller to place. */
  updateTimes: (UpdateTime & { inHeader: boolean; at: number })[];
  /** The date in the page's trackback RDF, an HTML comment old blog engines add to each post. */
  trackback: Trackback | null;
}

export interface Trackback {
  /** The address the RDF describes, to compare with the page's own. */
  about: string;
  date: PageDate;
}

const TRACKBACK_ABOUT = /rdf:about="([^"]+)"/;
const TRACKBACK_DATE = /dc:date="([^"]+)"/;

function readTrackback(comment: string): Trackback | null {
  const about = TRACKBACK_ABOUT.exec(comment)?.[1];
  const value = TRACKBACK_DATE.exec(comment)?.[1];
  const date = value ? parseMachineDate(value) : null;
  return about && date ? { about, date } : null;
}

/** Pages beyond this much text are read only this far: articles start well before it. */
const MAX_TEXT = 300_000;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'OPTION', 'BUTTON']);
const BLOCKS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TD', 'TH', 'TR', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'FOOTER', 'SECTION', 'ARTICLE', 'ASIDE', 'NAV', 'MAIN', 'BR', 'FIGURE', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE',
]); // prettier-ignore
const DATE_HINT =
  /date|datum|time|zeit|fecha|publi|posted|meta|byline|dateline|stand|info|submitted|created|author|autor/i;
const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;
const CLASS_MODIFIED = /\b(?:updated|modified|date[-_]?modified|last[-_]?modified|lastmod|aktualisiert)\b/i;
const CLASS_PUBLISHED = /\b(?:published|pubdate|date[-_]?published|post[-_]?date|entry[-_]?date|publish[-_]?date)\b/i;
const TODAY = /\b(?:today|current[-_]?date|date[-_]?today|heute|aujourd|hoy|oggi)\b/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const NOT_WORD = bmpRegExp(String.raw`[^\p{L}\p{N}]+`, 'gu');
const norm = (text: string): string => normalizeSpace(text.toLowerCase().replace(NOT_WORD, ' '));

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
    const score = titleMatch(shownText(h), keys) + (h.tagName.toUpperCase() === 'H1' ? 0.5 : 0);
    if (score >= 2 && score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return (
    best ?? findHeadline(doc) ?? headings.find((h) => h.tagName.toUpperCase() === 'H1' && shownText(h).trim()) ?? null
  );
}

function words(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.replace(
    /[_-]+/g,
    ' ',
  );
}

/**
 * Whether an element (on its own, not counting its ancestors) starts a part of the page that is
 * not the article. The headline's ancestors never do, whatever their class says ("content_block
 * right-sidebar" wraps whole articles); inside the article, its own <footer> and <aside> hold its
 * dates ("Erschienen am", "Stand") and are kept.
 */
function startsForeignRegion(
  el: Element,
  tag: string,
  holdsHeadline: boolean,
  inArticle: boolean,
  bare: boolean,
): boolean {
  if (holdsHeadline) return false;
  if (!inArticle && (tag === 'FOOTER' || tag === 'ASIDE' || tag === 'NAV')) return true;
  if (tag === 'NAV') return true;
  // An <article> is an article ("node-promoted" is Drupal's front-page flag); a list of them
  // is foreign by its own words ("teaser-list").
  if (tag === 'ARTICLE' || bare) return false;
  const w = words(el);
  return FOREIGN_REGION.test(inArticle ? w.replace(ARTICLE_OWN_PARTS, '') : w);
}

/**
 * A region foreign only by a word that inside articles marks their own parts ("teaser"), or one
 * that names itself a date or meta line ("wpcom-comments-date", "teaser_text_meta").
 */
function isSoftForeign(el: Element, tag: string): boolean {
  if (tag === 'FOOTER' || tag === 'ASIDE' || tag === 'NAV') return false;
  const w = words(el);
  return META_LINE_WORDS.test(w) || !FOREIGN_REGION.test(w.replace(ARTICLE_OWN_PARTS, ''));
}

const META_LINE_WORDS = /date|datum|meta|byline|posted|dateline/i;

/**
 * A block that calls itself a footer ("rez_footer", "Footer__Author-Info") but is no <footer>:
 * an article's closing lines, where "Erschienen am" and "Zuletzt geändert am" are the article's.
 * The page's own <footer> holds the copyright and stays out.
 */
function isFooterOnly(el: Element, tag: string): boolean {
  const w = words(el);
  return tag !== 'FOOTER' && /\bfooter\b/i.test(w) && !FOREIGN_REGION.test(w.replace(/\bfooter\b/gi, ''));
}

/** Inside the article, these hold its own byline and dates (an "article footer", a details sidebar). */
const ARTICLE_OWN_PARTS = /\b(?:footer|sidebar|teaser|promo\w*|banner)\b/gi;

/**
 * The element of the page that holds its article (see articleRootOf), or null: where highlights
 * look first in the live page (utils/page-highlights.ts).
 */
export function articleRegion(doc: Document): Element | null {
  const headline = findArticleHeadline(doc);
  const region = headline ? articleRootOf(headline, headerRegionOf(headline)) : null;
  // One without a paragraph is a header or a hero block (aeb f5c90a6d…: a sticky site header),
  // where nothing would be found: the highlights would index it and then the whole page.
  return region?.querySelector('p') ? region : null;
}

/** The element that holds the article: the headline's <article> or <main>, else the header's parent. */
function articleRootOf(headline: Element | null, header: Element | null): Element | null {
  if (!headline) return null;
  return (
    headline.closest('article, main, [itemtype*="Article"], [itemtype*="BlogPosting"]') ?? header?.parentElement ?? null
  );
}

/** A foreign-looking region this short and this near the headline is the article's own meta line. */
const META_LINE_CHARS = 300;
const META_LINE_DISTANCE = 600;

export function findPageDates(doc: Document, options: { monthFirst: boolean; now: Date }): PageDates {
  const headline = findArticleHeadline(doc);
  const header = headline ? headerRegionOf(headline) : null;
  const articleRoot = articleRootOf(headline, header);
  const parts: string[] = [];
  const starts: number[] = [];
  const owners: Element[] = [];
  /** The foreign region each part is in, if any. */
  const regions: (Element | null)[] = [];
  const regionStart = new Map<Element, number>();
  const times: (SeenTime & { region: Element | null })[] = [];
  let length = 0;
  let headlineAt = -1;
  let inHeader = false;
  let trackback: Trackback | null = null;
  /** Regions foreign only for being a footer: a labelled "Erschienen am" there is the article's. */
  const footers = new Set<Element>();
  /** Regions that may be the article's meta line after all (see isSoftForeign). */
  const soft = new Set<Element>();

  const push = (text: string, owner: Element, region: Element | null): void => {
    parts.push(text);
    starts.push(length);
    owners.push(owner);
    regions.push(region);
    length += text.length;
  };
  let last = '';
  let lastOwner: Element | null = null;
  /** Adds a text node's text, spaces collapsed, so distances count what a reader sees. */
  const pushText = (raw: string, owner: Element, region: Element | null): void => {
    // The cap holds inside a text node too: one node may hold megabytes (and the date patterns
    // would read them all).
    if (length > MAX_TEXT) return;
    let text = raw.slice(0, MAX_TEXT + 1 - length).replace(SPACES, ' ');
    if (last.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
    if (!text) return;
    // Digits from two elements never make one number ("<span>04</span><span>2013</span>").
    if (owner !== lastOwner && /\d$/.test(last) && /^\d/.test(text)) push(' ', owner, region);
    push(text, owner, region);
    last = text;
    lastOwner = owner;
  };
  const separate = (owner: Element, region: Element | null): void => {
    if (length > 0 && !last.endsWith(' ')) {
      push(' ', owner, region);
      last = ' ';
    }
  };
  /** The headline and the elements that hold it: a set, as every element of the page is asked. */
  const aboveHeadline = new Set<Element>();
  for (let node = headline; node; node = node.parentElement) aboveHeadline.add(node);
  const walk = (el: Element, inArticle: boolean, region: Element | null): void => {
    if (length > MAX_TEXT) return;
    const tag = el.tagName.toUpperCase();
    // Most elements have no attribute at all: one call answers for every attribute read below
    // (the walk visits every element of the page, docs/PERFORMANCE.md).
    const bare = !el.hasAttributes();
    if (SKIPPED.has(tag) || (!bare && (el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? ''))))
      return;
    const holdsHeadline = aboveHeadline.has(el);
    // A <header> before the headline and outside the article is the site's masthead, whose date
    // is today's (htmldate-a asiapacificstar, nachtkritik).
    const masthead = tag === 'HEADER' && !inArticle && headlineAt < 0 && !!headline && !holdsHeadline;
    if (!region && (masthead || startsForeignRegion(el, tag, holdsHeadline, inArticle, bare))) {
      region = el;
      // A masthead is never the article's meta line, however short and close (see below).
      regionStart.set(el, masthead ? Number.NEGATIVE_INFINITY : length);
      if (!masthead && isFooterOnly(el, tag)) footers.add(el);
      if (!masthead && isSoftForeign(el, tag)) soft.add(el);
    }
    const enteringArticle = !inArticle && el === articleRoot;
    const enteringHeader = !inHeader && el === header;
    if (enteringHeader) inHeader = true;
    if (el === headline) headlineAt = length;
    if (tag === 'TIME') {
      const date = parseMachineDate(el.getAttribute('datetime') ?? '');
      if (date) times.push({ at: length, element: el, date, inHeader, region });
    }
    const block = BLOCKS.has(tag);
    if (block) separate(el, region);
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (child.nodeValue) pushText(child.nodeValue, el, region);
      } else if (child.nodeType === 1) {
        walk(child as Element, inArticle || enteringArticle, region);
      } else if (child.nodeType === 8 && !trackback && child.nodeValue?.includes('rdf:Description')) {
        trackback = readTrackback(child.nodeValue);
      }
    }
    if (block) separate(el, region);
    if (enteringHeader) inHeader = false;
  };
  if (doc.body) walk(doc.body, false, null);

  // Foreign regions are read too, then dropped, unless one is a short line next to the headline
  // and soft ("teaser_text_meta" above it, "teaser-small__metadata" below it hold the article's
  // byline and date); comment threads and footers stay out however short.
  const metaLines = new Map<Element, boolean>();
  const foreign = (region: Element | null): boolean => {
    if (!region) return false;
    let known = metaLines.get(region);
    if (known === undefined) {
      const at = regionStart.get(region) ?? 0;
      known =
        soft.has(region) &&
        headlineAt >= 0 &&
        Math.abs(at - headlineAt) <= META_LINE_DISTANCE &&
        shownLength(region) <= META_LINE_CHARS;
      metaLines.set(region, known);
    }
    return !known;
  };
  const text = parts.join('');
  const classRoles = new Map<Element, DateRole | null>();
  const classRole = (el: Element): DateRole | null => {
    let known = classRoles.get(el);
    if (known === undefined) {
      known = null;
      let node: Element | null = el;
      for (let i = 0; node && i < 3 && node !== articleRoot && node !== doc.body; i++, node = node.parentElement) {
        const attrs = `${node.getAttribute('class') ?? ''} ${node.getAttribute('itemprop') ?? ''}`;
        known = CLASS_MODIFIED.test(attrs) ? 'modified' : CLASS_PUBLISHED.test(attrs) ? 'published' : null;
        if (known) break;
      }
      classRoles.set(el, known);
    }
    return known;
  };
  const hints = new Map<Element, boolean>();
  const hinted = (el: Element): boolean => {
    let known = hints.get(el);
    if (known === undefined) {
      known = false;
      let node: Element | null = el;
      for (let i = 0; node && i < 4 && node !== articleRoot && node !== doc.body; i++, node = node.parentElement) {
        const attrs = `${node.getAttribute('class') ?? ''} ${node.id} ${node.getAttribute('itemprop') ?? ''}`;
        if (DATE_HINT.test(attrs) || node.tagName.toUpperCase() === 'TIME') {
          known = true;
          break;
        }
      }
      hints.set(el, known);
    }
    return known;
  };
  const partAt = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const dates: SeenDate[] = [];
  const todays = new Map<Element, boolean>();
  /** "Today is …" in a site's header or top bar is the day of the visit, not of the article. */
  const isToday = (el: Element): boolean => {
    let known = todays.get(el);
    if (known === undefined) {
      known = false;
      for (let node: Element | null = el, i = 0; node && i < 3; i++, node = node.parentElement) {
        if (TODAY.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) known = true;
      }
      todays.set(el, known);
    }
    return known;
  };
  for (const found of findTextDates(text, options)) {
    // The part holding the date's first character, past any space the match began with.
    const part = partAt(found.index + (/^\s*/.exec(text.slice(found.index, found.index + 8))?.[0].length ?? 0));
    const region = regions[part] ?? null;
    if (foreign(region) && !(region && footers.has(region) && found.role)) continue;
    const element = owners[part] as Element;
    if (isToday(element)) continue;
    dates.push({
      ...found,
      at: found.index,
      element,
      hinted: hinted(element),
      inHeader: !!header && header.contains(element),
      inHeadline: !!headline && headline.contains(element),
      classRole: classRole(element),
    });
  }
  const placed = new Set(dates.filter((d) => d.kind === 'time-only').map((d) => d.index));
  const updateTimes: PageDates['updateTimes'] = [];
  for (const update of findUpdateTimes(text)) {
    const part = partAt(update.index);
    if (placed.has(update.index) || foreign(regions[part] ?? null)) continue;
    const element = owners[part] as Element;
    updateTimes.push({ ...update, at: update.index, inHeader: !!header && header.contains(element) });
  }
  const visibleTimes = times.filter((t) => !foreign(t.region)).map(({ region: _, ...t }) => t);
  return { headline, header, headlineAt, dates, times: visibleTimes, updateTimes, trackback };
}
