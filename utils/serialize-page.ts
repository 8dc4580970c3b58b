/**
 * The page as HTML, for the off-page parser (utils/read-off-page.ts), which parses it back into
 * an inert document. The doctype comes first, so that the copy is parsed in the page's own mode
 * (standards or quirks, which change how some markup nests).
 *
 * All of it, scripts and style sheets too, though Readability drops them: the core measures some
 * regions by their whole text (core/page-regions.ts), so a page without them can be read otherwise
 * (aeb 0dd13570…: another region, measured). The report must be the CLI's.
 *
 * In slices (a generator: the content script yields between them, utils/yield-steps.ts): one
 * `outerHTML` of a large page is a task of 40 ms and more on this machine, and no task of ours on
 * the page's main thread may take 50 ms (issue 9). An element with more than SLICE_ELEMENTS
 * elements inside is written as its start tag, its children one by one, and its end tag; smaller
 * ones by the browser's own serializer, which is the same text, found much faster.
 */

/** Elements in one slice at most: a few ms of outerHTML on a news page. */
export const SLICE_ELEMENTS = 2_000;
/** Time after which a slice ends (ms): pieces are joined until then. */
const SLICE_MS = 8;

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

/** `element`'s HTML in pieces, each no larger than SLICE_ELEMENTS elements (but a leaf's). */
function* pieces(element: Element, limit: number): Generator<string> {
  if (element.getElementsByTagName('*').length <= limit) {
    yield element.outerHTML;
    return;
  }
  // A heavy element has element children, so it is none of the raw-text or void elements.
  const empty = (element.cloneNode(false) as Element).outerHTML;
  const end = `</${element.localName}>`;
  yield empty.endsWith(end) ? empty.slice(0, -end.length) : empty;
  // Its children as they are now: the page may add some between slices (an infinite scroll); what
  // it adds later is not part of this reading.
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1) yield* pieces(child as Element, limit);
    else if (child.nodeType === 3) yield escapeText((child as Text).data);
    else if (child.nodeType === 8) yield `<!--${(child as Comment).data}-->`;
  }
  yield end;
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
  for (const piece of pieces(root, limit)) {
    out.push(piece);
    if (performance.now() - sliceStart > SLICE_MS) {
      yield;
      sliceStart = performance.now();
    }
  }
  return out.join('');
}

/** The page's HTML at once (the reader view's request, the tests). */
export function serializePage(doc: Document, limit = SLICE_ELEMENTS): string {
  const steps = serializePageSteps(doc, limit);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
