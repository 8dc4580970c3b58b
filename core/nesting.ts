/**
 * Pages nested deeper than any article needs. Readability's clean-up measures the text of every
 * element inside every element it weighs, so its cost grows with the cube of the nesting: a page
 * of 2,000 nested elements keeps it busy for minutes, and at 5,000 the deep clones and walkers
 * that recurse once per level (jsdom's, Readability's, ours) overflow the stack. Browsers' parsers
 * cap nesting too (Blink at 512 levels: deeper elements become siblings). A page deeper than the
 * cap is read from a copy built the same way, with a loop; any other page is read as it is.
 */

/**
 * Real pages nest a few dozen levels (Lighthouse flags more than 32 as excessive). At 128,
 * Readability reads a page nested to the cap in well under a second in jsdom; at 512, seconds.
 */
export const MAX_NESTING = 128;

/** Whether an element has MAX_NESTING element ancestors: one walk over the elements, with a loop. */
export function isNestedTooDeep(doc: Document): boolean {
  const root = doc.documentElement;
  let node: Element | null = root;
  let depth = 0;
  while (node) {
    const child: Element | null = node.firstElementChild;
    if (child) {
      if (++depth >= MAX_NESTING) return true;
      node = child;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return false;
}

const hasOwnText = (node: Node): boolean => {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && child.nodeValue?.trim()) return true;
  }
  return false;
};

/**
 * A copy of the page in a new inert document, its nesting capped at `maxDepth`: the children of an
 * element at that depth follow it as its siblings, in document order. Built with a loop, so no
 * insertion is deeper than the cap.
 */
export function copyWithNestingLimit(doc: Document, maxDepth = MAX_NESTING): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const root = doc.documentElement;
  if (!root) return copy;
  const rootCopy = copy.importNode(root, false);
  copy.replaceChild(rootCopy, copy.documentElement);
  const stack: [Node, Node, number][] = [];
  const pushChildren = (node: Node, parent: Node, depth: number): void => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push([child, parent, depth]);
  };
  pushChildren(root, rootCopy, 1);
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, parent, depth] = item;
    // Past the cap, a wrapper (no text of its own) is left out: its children take its place. Kept,
    // thousands of empty siblings would each cost Readability a removal.
    if (depth >= maxDepth && node.firstChild && !hasOwnText(node)) {
      pushChildren(node, parent, depth);
      continue;
    }
    const clone = parent.appendChild(copy.importNode(node, false));
    if (depth < maxDepth) pushChildren(node, clone, depth + 1);
    else pushChildren(node, parent, depth);
  }
  // Relative addresses in the article keep resolving against the page's own address.
  if (!copy.querySelector('base[href]')) {
    const base = copy.createElement('base');
    base.setAttribute('href', doc.baseURI);
    copy.head?.prepend(base);
  }
  return copy;
}
