/**
 * A watched article read again without a tab (issue 7, item 5): fetched with the reader's cookies,
 * as their browser would show it, parsed into an inert document (DOMParser runs no script and
 * loads nothing) and analysed as the popup would, down to the snapshot the history compares.
 * Runs in the off-page parser (entrypoints/offscreen): Chrome's offscreen document, or a frame
 * of Firefox's background page. No extension API here: the host permission the reader gave is
 * what lets this fetch read the site.
 */
import { decodeHtml } from '@/core/charset';
import { isReaderable } from '@/core/article';
import { readPage } from '@/core/read-page';
import { snapshotOf } from '@/core/snapshot';
import { withFigures } from '@/core/with-figures';
import type { PageReadRequest, ParsedPage, ParserResponse, ReaderResponse, RegionHint } from './messages';
import { articleRegion } from '@/core/page-dates';
import type { ArticleReport } from '@/core/types';
import { findItems, highlightItems, textPlaces } from './page-highlights';

/** Beyond this a page is not an article but a dump; the content script's own limit is the same. */
const MAX_BYTES = 5_000_000;
const TIMEOUT_MS = 30_000;

export async function fetchSnapshot(url: string, now = new Date()): Promise<ParserResponse> {
  const response = await fetch(url, {
    credentials: 'include',
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) return { ok: false, reason: 'error', message: `HTTP ${response.status}` };
  const type = response.headers.get('content-type');
  if (type && !/html/i.test(type)) return { ok: false, reason: 'not-article', message: type };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES)
    return { ok: false, reason: 'error', message: `page too large (${bytes.length} bytes)` };
  return readHtml(decodeHtml(bytes, type), response.url || url, now);
}

/**
 * The elements that give a document named properties, which shadow its own (an
 * `<img name="querySelector">` makes `doc.querySelector` that image): the HTML standard's
 * "supported property names" of Document. Firefox's DOMParser documents have them, and a content
 * script in Firefox never saw them (its Xray view of the page hides them), so a page could
 * break a reading only once it was read off-page.
 */
const NAMED = 'embed[name], form[name], iframe[name], img[name], object[name], object[id]';

/**
 * Takes the names away (and an `<object>`'s id), through the prototypes' own methods, which a
 * page cannot shadow. Neither Readability nor our analysis reads them: the report is the same.
 */
function unclobber(doc: Document): void {
  // The names live on the instances: their prototypes keep the real methods.
  const own = <T extends object>(node: T): T => Object.getPrototypeOf(node) as T;
  for (const element of own(doc).querySelectorAll.call(doc, NAMED)) {
    own(element).removeAttribute.call(element, 'name');
    if (element.localName === 'object') own(element).removeAttribute.call(element, 'id');
  }
}

/** `html` parsed into an inert document whose relative links resolve against `url`. */
function parseHtml(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  unclobber(doc);
  // The parsed document's address is the parser's own page: relative links resolve against the article's.
  if (!doc.querySelector('base[href]') && URL.canParse(url)) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}

const failure = (error: unknown): { ok: false; reason: 'error'; message: string } => ({
  ok: false,
  reason: 'error',
  message: error instanceof Error ? error.message : String(error),
});

/**
 * The reader's tab, read off-page: the content script serialized the page (utils/serialize-page.ts)
 * and this reads it as it would have read the page itself. Not an article (the cheap check first,
 * no Readability parse) unless the reader asked for the whole page; for the reader view, the
 * cleaned article's HTML too (untrusted: the reader view sanitizes it before rendering).
 */
export function readServedPage(request: PageReadRequest): ParsedPage | ReaderResponse {
  try {
    const { url, whole, sentences, reader } = request;
    const doc = parseHtml(request.html, url);
    if (reader) {
      const { report, blocks, content } = readPage(doc, { url, whole });
      return { ok: true, report: withFigures(report, blocks), html: content ? content.innerHTML : null };
    }
    const readerable = isReaderable(doc);
    if (!whole && !readerable) return { ok: false, reason: 'not-article' };
    const { report, blocks } = readPage(doc, { url, whole, summarySentences: sentences, readerable });
    const full = withFigures(report, blocks);
    return { ok: true, report: full, region: regionHint(doc, articleRegion(doc) ?? itemsRegion(doc, full), full) };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Where the article is (articleRegion, else itemsRegion), told by its place among the body's
 * elements: the page's own DOM and this copy of it have the same elements in the same order (but
 * where the page's markup does not survive a second parse as it is, as some misnested tables and
 * forms do: the content script then sees another tag or size and reads the whole page), and the
 * content script finds it there without looking for it (several ms of its thread on a click).
 *
 * Counted as the page has them. DOMParser runs no script, so it parses what a `<noscript>` holds
 * into elements; the page, which runs scripts, keeps it as text. Those elements are not counted:
 * 108 of the 181 AEB pages have one (a tag manager's `<noscript><iframe>` at the top of the body),
 * and every element after it would be one place off.
 */
function regionHint(doc: Document, region: Element | null, report: ArticleReport): RegionHint | null {
  if (!region || !doc.body) return null;
  const unseen = new Set(doc.body.querySelectorAll('noscript *'));
  const shown = (root: Element): Element[] =>
    Array.from(root.getElementsByTagName('*')).filter((element) => !unseen.has(element));
  const index = unseen.has(region) ? -1 : shown(doc.body).indexOf(region);
  if (index < 0) return null;
  const inRegion = shown(region);
  return {
    index,
    tag: region.localName,
    size: inRegion.length,
    // And where the report's items are in it, counted the same way: the content script takes them
    // there, without reading the region's text to look for them (docs/PERFORMANCE.md).
    places: textPlaces(region, inRegion, findItems(doc, highlightItems(report), { root: region, shadows: false })),
  };
}

/** Share of the report's items the region found for them must hold (see itemsRegion). */
const ITEMS_HELD = 0.8;

/**
 * Where the report's quotes, figures and summary are, on a page without a headline to find the
 * article by (articleRegion finds none on 15 of the 181 AEB pages): the smallest element that
 * holds four in five of them, found as the highlights find them (utils/page-highlights.ts). Not
 * all of them: a figure's first occurrence may be in a menu or a teaser. Without it the content
 * script would read the whole page for the highlights (up to 77 ms of its thread on AEB pages).
 */
function itemsRegion(doc: Document, report: ArticleReport): Element | null {
  const found = findItems(doc, highlightItems(report), { shadows: false }).filter((range) => range !== null);
  const held = new Map<Element, number>();
  for (const range of found) {
    const start = range.commonAncestorContainer;
    for (
      let el = start.nodeType === 1 ? (start as Element) : start.parentElement;
      el && el !== doc.body;
      el = el.parentElement
    )
      held.set(el, (held.get(el) ?? 0) + 1);
  }
  // Elements that hold more than half of the items are one another's ancestors: the deepest is the smallest.
  let region: Element | null = null;
  for (const [el, count] of held)
    if (count >= found.length * ITEMS_HELD && (!region || region.contains(el))) region = el;
  return region;
}

/** The snapshot of the page `html` served at `url`, or why there is none. */
export function readHtml(html: string, url: string, now: Date): ParserResponse {
  const doc = parseHtml(html, url);
  // The popup's rule (utils/content-answers.ts): a page that no longer reads as an article (taken
  // down, or replaced by a section front) is reported, not compared.
  if (!isReaderable(doc)) return { ok: false, reason: 'not-article', message: url };
  const { report, blocks } = readPage(doc, { url, now });
  if (report.extraction !== 'readability') return { ok: false, reason: 'not-article', message: url };
  return { ok: true, snapshot: snapshotOf(withFigures(report, blocks), now) };
}
