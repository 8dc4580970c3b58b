/**
 * The page's text as one string with runs of white space folded to one space, and the way back
 * from a place in that string to a text node and an offset in it: how highlights find the
 * report's quotes and figures in the live page (page-highlights.ts).
 *
 * Built per text node (one native replace each), with one entry per node; the offset inside a
 * node is worked out only for the few places asked for. A first version kept a node and an
 * offset for every character of the page: three array pushes and a regular expression test per
 * character, most of the highlights' cost on a large page (docs/PERFORMANCE.md).
 */

export interface TextIndex {
  /** The page's text, each run of white space folded to one space. */
  text: string;
  nodes: Text[];
  /** Where each node's folded text starts in `text`. */
  starts: number[];
  /** Whether the text before each node ended in white space (its own leading space is then dropped). */
  afterSpace: boolean[];
}

const SPACES = /\s+/g;

/** `eachText` calls its visitor on every text node to index, in document order. */
export function buildTextIndex(eachText: (visit: (node: Text) => void) => void): TextIndex {
  const index: TextIndex = { text: '', nodes: [], starts: [], afterSpace: [] };
  const parts: string[] = [];
  let length = 0;
  let lastWasSpace = true;
  eachText((node) => {
    let folded = node.data.replace(SPACES, ' ');
    const afterSpace = lastWasSpace;
    if (afterSpace && folded.startsWith(' ')) folded = folded.slice(1);
    index.nodes.push(node);
    index.starts.push(length);
    index.afterSpace.push(afterSpace);
    if (!folded) return;
    parts.push(folded);
    length += folded.length;
    lastWasSpace = folded.endsWith(' ');
  });
  index.text = parts.join('');
  return index;
}

/** The text node and the offset in it of the character at `at` in the folded text. */
export function positionAt(index: TextIndex, at: number): { node: Text; offset: number } | null {
  if (at < 0 || at >= index.text.length) return null;
  // The last node that starts at or before `at`: nodes that folded to nothing share their start
  // with the next one, which comes later in the list and wins.
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((index.starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  const node = index.nodes[low];
  if (!node) return null;
  let left = at - (index.starts[low] ?? 0);
  let previousSpace = index.afterSpace[low] ?? true;
  const value = node.data;
  // Most nodes fold to themselves (single spaces, no tab or line break, no space to drop at the
  // start): the place in the folded text is the offset.
  if (!FOLDS.test(value) && !(previousSpace && value.charCodeAt(0) === 32))
    return left < value.length ? { node, offset: left } : null;
  // Else walk the node's own characters, folding as buildTextIndex did, to the one asked for: by
  // character code, as a regular expression test per character was most of a highlight's cost.
  for (let i = 0; i < value.length; i++) {
    const space = isSpace(value.charCodeAt(i));
    if (space && previousSpace) continue;
    if (left === 0) return { node, offset: i };
    left--;
    previousSpace = space;
  }
  return null;
}

/** Text that folding changes: white space other than a single space. */
const FOLDS = /[^\S ]| \s/;

/** Whether the character is white space to `\s` (as SPACES folds it). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
