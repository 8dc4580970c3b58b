/**
 * The page as HTML, for the off-page parser (utils/read-off-page.ts), which parses it back into
 * an inert document. The doctype comes first, so that the copy is parsed in the page's own mode
 * (standards or quirks, which change how some markup nests).
 *
 * Without its code: scripts and style sheets keep only what the analysis reads in them
 * (core/page-code.ts: JSON-LD, a script's date field, and code where Readability's readerable
 * check counts it), which halves what is sent on the corpora.
 * Every element and attribute stays, so the parser finds the article where the page has it.
 *
 * In slices (a generator: the content script yields between them, utils/yield-steps.ts): one
 * `outerHTML` of a large page is a task of 40 ms and more on this machine, and no task of ours on
 * the page's main thread may take 50 ms (issue 9). An element with more than SLICE_ELEMENTS
 * elements inside, or with code inside, is written as its start tag, its children one by one, and
 * its end tag; other ones by the browser's own serializer, which is the same text, found much faster.
 */

import { codeKeeper } from '@/core/page-code';
import { runAtOnce, SLICE_MS } from './yield-steps';

/** Elements in one slice at most: a few ms of outerHTML on a news page. */
export const SLICE_ELEMENTS = 2_000;

const doctypeOf = (doc: Document): string => {
  const type = doc.doctype;
  if (!type) return '';
  const ids = type.publicId
    ? ` PUBLIC "${type.publicId}"${type.systemId ? ` "${type.systemId}"` : ''}`
    : type.systemId
      ? ` SYSTEM "${type.systemId}"`
      : '';
  return `<!DOCTYPE ${type.name}${ids}>`;
};

/** Text as the HTML serializer writes it outside script and style (the only places it is raw). */
const escapeText = (text: string): string =>
  text.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));

const XHTML = 'http://www.w3.org/1999/xhtml';

/** `element`'s start tag, and its end tag (none for a void element). */
function tags(element: Element): [string, string] {
  const empty = (element.cloneNode(false) as Element).outerHTML;
  const end = `</${element.localName}>`;
  return empty.endsWith(end) ? [empty.slice(0, -end.length), end] : [empty, ''];
}

/**
 * `element`'s HTML in pieces, each no larger than `limit` elements (but a leaf's), its code's text
 * cut to what is kept (`code`).
 */
function* pieces(element: Element, limit: number, code: Code): Generator<string> {
  const kept = code.kept(element);
  if (kept !== null) {
    const [start, end] = tags(element);
    // Only an HTML script or style holds raw text; in SVG, its text is escaped like any other.
    yield `${start}${element.namespaceURI === XHTML ? kept : escapeText(kept)}${end}`;
    return;
  }
  if (!code.andHolders.has(element) && element.getElementsByTagName('*').length <= limit) {
    yield element.outerHTML;
    return;
  }
  // A heavy element, or one holding code, has element children: it is none of the raw-text or
  // void elements (a <template>'s content is not its children: it is never taken apart).
  const [start, end] = tags(element);
  yield start;
  // Its children as they are now: the page may add some between slices (an infinite scroll); what
  // it adds later is not part of this reading.
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1) yield* pieces(child as Element, limit, code);
    else if (child.nodeType === 3) yield escapeText((child as Text).data);
    else if (child.nodeType === 8) yield `<!--${(child as Comment).data}-->`;
  }
  yield end;
}

interface Code {
  /** What is kept of a code element's text (core/page-code.ts); null for other elements. */
  kept: (element: Element) => string | null;
  /** The page's scripts and style sheets, and every element that holds one. */
  andHolders: Set<Element>;
}

function codeOf(doc: Document): Code {
  const andHolders = new Set<Element>();
  for (const code of Array.from(doc.querySelectorAll('script, style'))) {
    for (let node: Element | null = code; node && !andHolders.has(node); node = node.parentElement)
      andHolders.add(node);
  }
  return { kept: codeKeeper(doc), andHolders };
}

/**
 * The page's HTML, in slices: the generator pauses (yields) whenever a slice has taken SLICE_MS,
 * and returns the whole text. `limit` is for tests, which set it low to slice small pages.
 */
export function* serializePageSteps(doc: Document, limit = SLICE_ELEMENTS): Generator<void, string> {
  const root = doc.documentElement;
  if (!root) return doctypeOf(doc);
  const out = [doctypeOf(doc)];
  let sliceStart = performance.now();
  for (const piece of pieces(root, limit, codeOf(doc))) {
    out.push(piece);
    if (performance.now() - sliceStart > SLICE_MS) {
      yield;
      sliceStart = performance.now();
    }
  }
  return out.join('');
}

/** The page's HTML at once (the tests; the content script runs the steps, pausing between them). */
export function serializePage(doc: Document, limit = SLICE_ELEMENTS): string {
  return runAtOnce(serializePageSteps(doc, limit));
}
