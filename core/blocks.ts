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
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
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

/**
 * Walks `root` once (linear in its size) and returns its blocks. Inline runs between blocks become
 * blocks of their own, so text directly inside a `<div>` is not lost; `<br><br>` splits paragraphs.
 */
export function extractBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let bufferKind: BlockKind = 'paragraph';

  const flush = (): void => {
    const text = normalizeSpace(buffer);
    if (text) blocks.push({ kind: bufferKind, text });
    buffer = '';
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
    const isBlock = BLOCK_TAGS.has(tag);
    const childKind = kindOf(tag, kind);
    if (isBlock) flush();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, childKind);
    if (isBlock) flush();
  };

  visit(root, 'paragraph');
  flush();
  return blocks;
}

export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}
