/**
 * Turns an article's DOM into its blocks of text (paragraphs, headings, quotes, captions, list
 * items), in order. The report's `text` is these blocks joined by blank lines, and the summary
 * uses the block kinds to keep headings and captions out.
 */
import { normalizeSpace } from './text';

export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'caption' | 'list-item' | 'preformatted';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /**
   * Only on the time of a live-blog entry (a caption block; cleanup.ts, rule live-entry-time):
   * the `<time>`'s `datetime`, null when it has none. The entry's update note starts there
   * (updates.ts).
   */
  liveEntry?: { datetime: string | null };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
  'CENTER',
]);

/** Never text a reader sees. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

/** Tags whose content is never text a reader sees. */
export function isSkippedTag(tag: string): boolean {
  return SKIPPED_TAGS.has(tag.toUpperCase());
}

/**
 * Set by the clean-up (cleanup.ts) on captions and photo credits that are not `<figcaption>`s: they
 * stay in the article for the reader view, as blocks of kind 'caption'.
 */
export const CAPTION_KIND_ATTRIBUTE = 'data-lede-kind';
/** Set by the clean-up beside the caption mark on a live-blog entry's `<time>`. */
export const LIVE_ENTRY_TIME_ATTRIBUTE = 'data-lede-live-entry-time';

function kindOf(tag: string, inherited: BlockKind): BlockKind {
  switch (tag) {
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
      return 'heading';
    case 'BLOCKQUOTE':
    case 'Q':
      return 'quote';
    case 'FIGCAPTION':
    case 'CAPTION':
      return 'caption';
    case 'LI':
    case 'DD':
    case 'DT':
      return inherited === 'quote' ? 'quote' : 'list-item';
    case 'PRE':
      return 'preformatted';
    default:
      return inherited;
  }
}

/** The text before a `<q>` already opens a quotation. */
const OPENING_MARK_BEFORE = /[„“"«‹‚‘「『]\s*$/;

/**
 * Walks `root` once (linear in its size) and returns its blocks. Inline runs between blocks become
 * blocks of their own, so text directly inside a `<div>` is not lost; `<br><br>` splits paragraphs.
 */
export function extractBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let bufferKind: BlockKind = 'paragraph';
  let bufferEntry: TextBlock['liveEntry'];
  let inQuote = false;

  const flush = (): void => {
    const text = normalizeSpace(buffer);
    if (text)
      blocks.push(bufferEntry ? { kind: bufferKind, text, liveEntry: bufferEntry } : { kind: bufferKind, text });
    buffer = '';
    bufferEntry = undefined;
  };

  const visit = (node: Node, kind: BlockKind): void => {
    if (node.nodeType === TEXT_NODE) {
      if (!buffer) bufferKind = kind;
      buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || el.hasAttribute('hidden')) return;
    if (tag === 'BR') {
      // A double <br> is a paragraph break on old-style pages; a single one is a line break.
      if (el.previousSibling && (el.previousSibling as Element).tagName === 'BR') flush();
      else buffer += ' ';
      return;
    }
    const marked = el.getAttribute(CAPTION_KIND_ATTRIBUTE) === 'caption';
    const isBlock = marked || BLOCK_TAGS.has(tag);
    const childKind = marked ? 'caption' : kindOf(tag, kind);
    if (isBlock) flush();
    if (el.hasAttribute(LIVE_ENTRY_TIME_ATTRIBUTE)) bufferEntry = { datetime: el.getAttribute('datetime') };
    // A <q>'s quotation marks are drawn by CSS, not written in the text: they are written here, so
    // the quote is found like any other, unless the page wrote them too („<q>…</q>“).
    const marks = tag === 'Q' && !OPENING_MARK_BEFORE.test(buffer) ? (inQuote ? ['‘', '’'] : ['“', '”']) : null;
    if (marks) buffer += marks[0];
    const outerQuote = inQuote;
    inQuote ||= tag === 'Q';
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, childKind);
    inQuote = outerQuote;
    if (marks) buffer += marks[1];
    if (isBlock) flush();
  };

  visit(root, 'paragraph');
  flush();
  return blocks;
}

export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/**
 * The report's `text`: every block but captions and photo credits. The AEB's human-annotated
 * article bodies leave them out (of 86 `<figcaption>` blocks Readability keeps, 12 are in the
 * gold text), and so does a reader reading the article; the reader view still shows them.
 */
export function articleText(blocks: readonly TextBlock[]): string {
  return blocksToText(blocks.filter((b) => b.kind !== 'caption'));
}
