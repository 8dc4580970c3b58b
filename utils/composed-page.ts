/**
 * The page as the reader sees it, for pages that put their article in web components: Readability
 * reads a clone of the document, and a clone leaves open shadow roots behind (only their hosts'
 * light children are copied), so an article in a shadow root would not be read at all.
 *
 * The composed copy has each open shadow root's content in place of its host's children, and
 * each slot replaced by the light nodes assigned to it, as they are rendered. The live page is
 * only read.
 */
import { runAtOnce, SLICE_MS } from './yield-steps';

/**
 * Copies each open shadow root's content under its host's copy, recursively. `lightOf` gives, for
 * a light child of the shadow root's host, its copy: a slot is replaced by the copies of the
 * nodes assigned to it (moved, so hosts among them are composed in turn), or keeps its fallback.
 */
function compose(
  live: Document | ShadowRoot,
  copy: ParentNode,
  doc: Document,
  lightOf?: (node: Node) => Node | undefined,
): void {
  // Both lists are in tree order over the same light tree, so the i-th copy is the i-th element's.
  const elements = live.querySelectorAll('*');
  const copies = copy.querySelectorAll('*');
  elements.forEach((element, i) => {
    const target = copies[i];
    if (!target) return;
    if (lightOf && element.localName === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes().map(lightOf);
      if (assigned.length) target.replaceWith(...assigned.filter((node) => node !== undefined));
    }
    const shadow = element.shadowRoot;
    if (!shadow) return;
    const light = [...target.childNodes];
    const hostChildren = [...element.childNodes];
    const content = doc.createDocumentFragment();
    for (const child of shadow.childNodes) content.append(doc.importNode(child, true));
    compose(shadow, content, doc, (node) => light[hostChildren.indexOf(node as ChildNode)]);
    target.replaceChildren(content);
  });
}

/** Elements the walk visits between two looks at the clock. */
const CLOCK_EVERY = 64;

/**
 * Whether any element of the document hosts an open shadow root, in slices of SLICE_MS (a
 * generator: the caller pauses where it yields). A tree walker rather than `some` over
 * `querySelectorAll('*')`: a sixth of the time in Chromium (0.10 ms against 0.66 at the median of
 * 30 AEB pages). Every element is visited, in the script's first run on the page: 1 to 6 ms on
 * most pages, but one click on a page of 1,300 elements took 52.5 ms in one task (the same page:
 * 5 to 12 ms in other clicks; docs/PERFORMANCE.md), hence the slices.
 */
export function* hasShadowRootsSteps(doc: Document): Generator<void, boolean> {
  const walker = doc.createTreeWalker(doc, 1 /* NodeFilter.SHOW_ELEMENT */);
  let sliceStart = performance.now();
  let visited = 0;
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if ((element as Element).shadowRoot) return true;
    if (++visited % CLOCK_EVERY === 0 && performance.now() - sliceStart > SLICE_MS) {
      yield;
      sliceStart = performance.now();
    }
  }
  return false;
}

/**
 * The document itself when it has no open shadow root (the usual page), else its composed copy,
 * in steps (hasShadowRootsSteps). The copy is made and composed in one step: the composition
 * pairs each element of the page with its copy, which a change in between would undo. A page
 * whose composition fails (a hostile or exotic tree) is read as before, without it.
 */
export function* composedDocumentSteps(doc: Document): Generator<void, Document> {
  try {
    if (!(yield* hasShadowRootsSteps(doc))) return doc;
    const copy = doc.cloneNode(true) as Document;
    compose(doc, copy, copy);
    return copy;
  } catch {
    return doc;
  }
}

/** composedDocumentSteps at once (the tests; the content script runs the steps, pausing between them). */
export function composedDocument(doc: Document): Document {
  return runAtOnce(composedDocumentSteps(doc));
}
