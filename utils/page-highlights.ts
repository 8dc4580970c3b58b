/**
 * Quotes and figures highlighted in the live page with the CSS Custom Highlight API: ranges over
 * the page's own text nodes, so the page's DOM is never touched (React and Vue sites keep working)
 * and turning highlights off leaves nothing behind.
 *
 * The analysis ran on the parser's copy of the page; its quote and figure texts are found again in
 * the live page's text, in article order: as they stand in the article region's text (or with
 * other white space between their words), else through a whitespace-normalised index of its text
 * nodes.
 */
import { HIGHLIGHT_COLORS, type HighlightColors } from './highlight-colors';
import { buildTextIndex, positionAt, type TextIndex } from './text-index';
import { BENCH_MEASURES, timed } from './bench-marks';
import type { TextPlace } from './messages';

/** Summary sentences are found too, so the popup can take the reader to them, but not painted. */
export type HighlightKind = 'quote' | 'figure' | 'summary';

export interface HighlightItem {
  kind: HighlightKind;
  text: string;
}

const NAMES = {
  quote: 'lede-quote',
  figure: 'lede-figure',
  flash: 'lede-flash',
} as const;

// Translucent fills (hex alpha) read on light and dark pages; figures are also underlined, so
// colour is never the only difference.
const cssText = ({ quote, figure }: HighlightColors): string => `
::highlight(lede-quote) { background-color: ${quote}61; }
::highlight(lede-figure) { background-color: ${figure}52; text-decoration: underline 2px ${figure}e6; }
::highlight(lede-flash) { background-color: rgba(255, 80, 80, 0.55); }
`;

/** Whether the browser has the CSS Custom Highlight API (Chrome 105, Firefox 140 and later). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The colours' style sheet, and the rules it was made with. */
export interface HighlightSheet {
  readonly css: string;
  readonly sheet: CSSStyleSheet;
}

function makeSheet(css: string): HighlightSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return { css, sheet };
}

/**
 * What painting needs, made ahead of the highlights (content-answers.ts: while the page waits for
 * the parser, its thread idle): the colours' style sheet, and the browser's first use of its
 * highlight API and CSS parser in the content script's world. That first use was about half of
 * the highlights' time on the page's thread (docs/PERFORMANCE.md). Only made: a sheet is adopted,
 * and the page restyled, when a range is painted. Null where the browser cannot highlight.
 */
export function prepareHighlights(colors: HighlightColors = HIGHLIGHT_COLORS): HighlightSheet | null {
  return canHighlight() ? makeSheet(cssText(colors)) : null;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION']);

/**
 * Calls `visit` on each text node under `root` in document order, and, when `shadows`, open
 * shadow roots' text where their host stands (an article in a web component is read too:
 * utils/composed-page.ts).
 *
 * The walker has no filter: a JavaScript filter is a call out of the browser's native walk for
 * every element of the page, most of the walk's cost (docs/PERFORMANCE.md). Skipped elements'
 * subtrees are stepped over here instead.
 */
function eachText(doc: Document, root: Node, shadows: boolean, visit: (node: Text) => void): void {
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3 /* Node.TEXT_NODE */) visit(node as Text);
    else if (SKIP.has((node as Element).tagName)) {
      node = nextOutside(walker);
      continue;
    } else if (shadows && (node as Element).shadowRoot)
      eachText(doc, (node as Element).shadowRoot as ShadowRoot, shadows, visit);
    node = walker.nextNode();
  }
}

/** The node after the walker's current node and all it holds, in document order, or null. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

function rangeAt(doc: Document, index: TextIndex, start: number, length: number): Range | null {
  const first = positionAt(index, start);
  const last = positionAt(index, start + length - 1);
  if (!first || !last) return null;
  const range = doc.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

export interface PageHighlights {
  /** One range per item, in the items' order; null where the text was not found in the page. */
  ranges: (Range | null)[];
  remove(): void;
  reveal(position: number): boolean;
}

/** Quotes, then figures, then summary sentences: the order the popup numbers them in. */
export function highlightItems(report: {
  quotes: readonly { text: string }[];
  figures: readonly { text: string }[];
  summary?: readonly string[];
}): HighlightItem[] {
  return [
    ...report.quotes.map((q) => ({ kind: 'quote' as const, text: q.text })),
    ...report.figures.map((f) => ({ kind: 'figure' as const, text: f.text })),
    ...(report.summary ?? []).map((text) => ({ kind: 'summary' as const, text })),
  ];
}

export interface SearchOptions {
  /** Where to look: the page's body by default. */
  root?: Node;
  /**
   * The part of `root` that holds the article, looked in first: the page's text is indexed only
   * where an item is not found there. Most of a news page's text (menus, teasers, footers) is
   * not the article's, and indexing it was most of the highlights' cost (docs/PERFORMANCE.md).
   */
  region?: Element | null;
  /** Whether open shadow roots may hold text to look in (the analysis saw one). */
  shadows?: boolean;
  /**
   * Where each item is in `region`, in the items' order, as the parser found them (null, or none,
   * where it did not): taken where the text is there, which spares reading the region's text.
   */
  places?: readonly (TextPlace | null | undefined)[] | null;
}

export interface HighlightOptions extends SearchOptions {
  /** Paint quotes and figures (else they are only found, for reveal()). */
  visible?: boolean;
  colors?: HighlightColors;
  /**
   * The style sheet made ahead (prepareHighlights): used if made for these colours. Every
   * PageHighlights made with it adopts that one sheet and takes it away on remove(), so one is
   * removed before the next is made (content-answers.ts does).
   */
  prepared?: HighlightSheet | null;
}

type Search = (needle: string) => Range | null;

/** Looks for texts in order in one index: in article order first, else anywhere in it. */
function searcher(doc: Document, index: TextIndex): Search {
  let from = 0;
  return (needle) => {
    // A text found earlier (a repeated figure) is the fallback.
    let at = index.text.indexOf(needle, from);
    if (at < 0) at = index.text.indexOf(needle);
    if (at < 0) return null;
    from = at + needle.length;
    return rangeAt(doc, index, at, needle.length);
  };
}

/** Elements whose text a reader does not see as the page's words (SKIP, for closest()). */
const UNSEEN = Array.from(SKIP, (tag) => tag.toLowerCase()).join(',');

/**
 * `needle` (its white space folded) with any run of white space where it has a space: a text the
 * page breaks over lines, or spaces with a no-break space. `\s` is the class that folding uses.
 */
export function spacedPattern(needle: string): RegExp {
  return new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
}

/** Where a text was found in a string: its first character and its length there. */
interface Place {
  at: number;
  length: number;
}

/**
 * Looks for texts in `root`'s own text (its textContent, one native call), in article order, else
 * anywhere in it: as they stand first, then with other white space where they have a space; null
 * where a text is not there either way (it runs over a skipped element), which the folded index
 * (searcher) then finds. Most items are found here, without indexing the region's text node by
 * node: that index, each node's white space folded, was most of the highlights' time
 * (docs/PERFORMANCE.md), and pages that break a quote over lines in their HTML took it.
 */
function exactSearcher(doc: Document, root: Node): Search {
  const text = root.textContent ?? '';
  // The text nodes, and where each ends in `text`: listed as far as the texts found need, in one
  // walk for all of them (the items come in article order; the region's tail is seldom walked).
  const nodes: Text[] = [];
  const ends: number[] = [];
  let walker: TreeWalker | undefined;
  let listed = 0;
  const nodeAt = (at: number): { node: Text; offset: number } => {
    walker ??= doc.createTreeWalker(root, 0x4 | 0x8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
    while (listed <= at) {
      const node = walker.nextNode() as Text | null;
      if (!node) break;
      nodes.push(node);
      listed += node.length;
      ends.push(listed);
    }
    // The first node that ends after `at`.
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((ends[middle] ?? 0) > at) high = middle;
      else low = middle + 1;
    }
    const node = nodes[low] as Text;
    return { node, offset: at - ((ends[low] ?? 0) - node.length) };
  };
  // Text in a script, a style sheet, a form control…: not where the reader sees the words. Looked
  // for around each text found only where the region holds such an element at all.
  let holdsUnseen: boolean | undefined;
  const unseen = (node: Text): boolean =>
    (holdsUnseen ??= (root as ParentNode).querySelector(UNSEEN) !== null) && !!node.parentElement?.closest(UNSEEN);
  const rangeOver = ({ at, length }: Place): Range | null => {
    const first = nodeAt(at);
    const last = nodeAt(at + length - 1);
    if (unseen(first.node) || (last.node !== first.node && unseen(last.node))) return null;
    const range = doc.createRange();
    range.setStart(first.node, first.offset);
    range.setEnd(last.node, last.offset + 1);
    return range;
  };
  let from = 0;
  /** The first place `find` gives at or after `start` that the reader sees, and the search goes on after it. */
  const takeFrom = (find: (start: number) => Place | null, start: number): Range | null => {
    for (let place = find(start); place; place = find(place.at + 1)) {
      const range = rangeOver(place);
      if (range) {
        from = place.at + place.length;
        return range;
      }
    }
    return null;
  };
  const inOrder = (find: (start: number) => Place | null): Range | null =>
    takeFrom(find, from) ?? (from > 0 ? takeFrom(find, 0) : null);
  return (needle) => {
    const asItStands = inOrder((start) => {
      const at = text.indexOf(needle, start);
      return at < 0 ? null : { at, length: needle.length };
    });
    if (asItStands || !needle.includes(' ')) return asItStands;
    const spaced = spacedPattern(needle);
    return inOrder((start) => {
      spaced.lastIndex = start;
      const match = spaced.exec(text);
      return match ? { at: match.index, length: match[0].length } : null;
    });
  };
}

/** The `ordinal`th child text node of `element`. */
function textChild(element: Element | undefined, ordinal: number): Text | null {
  let seen = 0;
  for (let child = element?.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && seen++ === ordinal) return child as Text;
  return null;
}

/**
 * The places of `ranges` (found in `region`, as findItems finds them) in that region, whose
 * elements are `elements` (in tree order, as the live page has them); null for a range that is
 * not over text nodes of those elements. Off-page: the parser's copy of the page.
 */
export function textPlaces(
  region: Element,
  elements: readonly Element[],
  ranges: readonly (Range | null)[],
): (TextPlace | null)[] {
  const indexes = new Map<Element, number>([[region, -1]]);
  elements.forEach((element, i) => indexes.set(element, i));
  const pointOf = (node: Node, offset: number): [number, number, number] | null => {
    const parent = node.parentElement;
    const index = parent ? indexes.get(parent) : undefined;
    if (node.nodeType !== 3 || !parent || index === undefined) return null;
    let ordinal = 0;
    for (let child = parent.firstChild; child !== node; child = child?.nextSibling ?? null)
      if (child?.nodeType === 3) ordinal++;
    return [index, ordinal, offset];
  };
  return ranges.map((range) => {
    const start = range && pointOf(range.startContainer, range.startOffset);
    const end = range && pointOf(range.endContainer, range.endOffset);
    return start && end ? [...start, ...end] : null;
  });
}

/**
 * The range at `place` in the live page's `region` (its elements in `elements`), if its text is
 * `needle` there: the page may differ from the parser's copy (a script's changes since), and a
 * place that does not hold the text is not taken.
 */
export function rangeAtPlace(
  doc: Document,
  region: Element,
  elements: HTMLCollection,
  place: TextPlace,
  needle: string,
): Range | null {
  const [startElement, startText, startOffset, endElement, endText, endOffset] = place;
  const start = textChild(startElement < 0 ? region : elements[startElement], startText);
  const end = textChild(endElement < 0 ? region : elements[endElement], endText);
  if (!start || !end || startOffset > start.length || endOffset > end.length) return null;
  const range = doc.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return fold(range.toString()) === needle ? range : null;
}

/**
 * A range over each item's text in the page, in the items' order, or null where it is not there:
 * at its place in the article's region if the parser gave one (`places`, the items' order), else
 * looked for in that region first, then in the whole of `root`. The DOM is only read.
 */
export function findItems(
  doc: Document,
  items: readonly HighlightItem[],
  { root, region, shadows = true, places }: SearchOptions = {},
): (Range | null)[] {
  const whole = root ?? doc.body ?? doc.documentElement;
  // In a page with open shadow roots, their text stands where their host does: only the folded
  // index walks into them (eachText).
  const searchIn = (node: Node): Search => {
    const exact = shadows ? null : exactSearcher(doc, node);
    let folded: Search | undefined;
    return (needle) =>
      exact?.(needle) ??
      (folded ??= searcher(
        doc,
        buildTextIndex((visit) => eachText(doc, node, shadows, visit)),
      ))(needle);
  };
  const inArticle = region && region !== whole && whole.contains(region) ? region : null;
  // Searchers are made at the first text they look for: a page whose texts are all at their
  // places reads no text of its own (each searcher takes its root's whole text first).
  let inRegion: Search | undefined;
  let inWhole: Search | undefined;
  const elements = inArticle && places ? inArticle.getElementsByTagName('*') : null;
  return items.map(({ text }, i) => {
    const needle = fold(text);
    if (!needle) return null;
    const place = places?.[i];
    const placed = place && elements && inArticle ? rangeAtPlace(doc, inArticle, elements, place, needle) : null;
    if (placed) return placed;
    return (inArticle && (inRegion ??= searchIn(inArticle))(needle)) || (inWhole ??= searchIn(whole))(needle);
  });
}

/**
 * Finds each item in the page (findItems) and, when visible, registers the highlights of quotes
 * and figures; nothing in the DOM changes. Hidden or not, reveal() can take the reader to any item.
 */
export function applyHighlights(
  doc: Document,
  items: readonly HighlightItem[],
  { visible = true, colors = HIGHLIGHT_COLORS, prepared, ...search }: HighlightOptions = {},
): PageHighlights {
  const ranges = findItems(doc, items, search);
  const registry = CSS.highlights;
  // The colours, in the document and in each shadow root that holds a painted range (a document's
  // ::highlight() rules do not reach into shadow trees); only while something is painted, so
  // highlights turned off leave no style sheet behind. Made at the first range styled: hidden
  // highlights need none until a reveal flashes one.
  let sheet: CSSStyleSheet | undefined;
  const styled = new Set<Document | ShadowRoot>();
  const style = (range: Range): void => {
    for (const scope of [doc, range.startContainer.getRootNode()]) {
      if (styled.has(scope as Document) || !('adoptedStyleSheets' in scope)) continue;
      if (!sheet) {
        const css = cssText(colors);
        ({ sheet } = prepared?.css === css ? prepared : makeSheet(css));
      }
      styled.add(scope as Document);
      (scope as Document).adoptedStyleSheets = [...(scope as Document).adoptedStyleSheets, sheet];
    }
  };
  const unstyle = (): void => {
    for (const scope of styled) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
    styled.clear();
  };
  const register = (): void => {
    for (const kind of visible ? (['quote', 'figure'] as const) : []) {
      const own = ranges.filter((r, i): r is Range => r !== null && items[i]?.kind === kind);
      registry.set(NAMES[kind], new Highlight(...own));
      own.forEach(style);
    }
  };
  // Bench build only (utils/bench-marks.ts; other builds drop it): the registration's own time.
  if (import.meta.env.MODE === 'bench') timed(BENCH_MEASURES.highlightRegister, register);
  else register();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const endFlash = (): void => {
    clearTimeout(flashTimer);
    registry.delete(NAMES.flash);
    if (!visible) unstyle();
  };

  return {
    ranges,
    remove() {
      clearTimeout(flashTimer);
      for (const name of Object.values(NAMES)) registry.delete(name);
      unstyle();
    },
    reveal(position) {
      const range = ranges[position];
      if (!range) return false;
      const rect = range.getBoundingClientRect();
      const view = doc.defaultView;
      // No animation for readers who asked for less motion, nor in a hidden tab, where browsers
      // throttle animations and the scroll would land late or never.
      const reduced = view?.matchMedia('(prefers-reduced-motion: reduce)').matches || doc.visibilityState !== 'visible';
      view?.scrollTo({
        top: rect.top + (view.scrollY ?? 0) - (view.innerHeight ?? 0) / 3,
        behavior: reduced ? 'auto' : 'smooth',
      });
      endFlash();
      registry.set(NAMES.flash, new Highlight(range));
      style(range);
      flashTimer = setTimeout(endFlash, 1600);
      return true;
    },
  };
}
