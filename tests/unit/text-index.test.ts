/**
 * The highlights' text index (utils/text-index.ts) against the obvious per-character index it
 * replaced, on real pages: the same folded text, and every character maps to the same text node
 * and offset.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, positionAt } from '@/utils/text-index';
import { CORPORA, SEED_DIR, loadPage, readGold } from '../support/pages';

/** The text nodes under the body, as the highlights walk them (scripts and styles left out). */
function textNodes(doc: Document): Text[] {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, 0x1 | 0x4, {
    acceptNode: (node) => (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes((node as Element).tagName) ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) nodes.push(node as Text);
  return nodes;
}

/** The reference: one entry per kept character. */
function perCharacter(nodes: Text[]): { text: string; at: { node: Text; offset: number }[] } {
  let text = '';
  const at: { node: Text; offset: number }[] = [];
  let lastWasSpace = true;
  for (const node of nodes) {
    for (let i = 0; i < node.data.length; i++) {
      const space = /\s/.test(node.data[i] ?? '');
      if (space && lastWasSpace) continue;
      text += space ? ' ' : node.data[i];
      at.push({ node, offset: i });
      lastWasSpace = space;
    }
  }
  return { text, at };
}

function compare(doc: Document): number {
  const nodes = textNodes(doc);
  const reference = perCharacter(nodes);
  const index = buildTextIndex((visit) => nodes.forEach(visit));
  expect(index.text).toBe(reference.text);
  reference.at.forEach((expected, i) => {
    const found = positionAt(index, i);
    if (found?.node !== expected.node || found.offset !== expected.offset)
      throw new Error(`character ${i} (${JSON.stringify(reference.text.slice(i, i + 20))}) maps elsewhere`);
  });
  expect(positionAt(index, reference.text.length)).toBeNull();
  expect(positionAt(index, -1)).toBeNull();
  return reference.text.length;
}

describe('the highlights’ text index', () => {
  it('folds and maps back every character of the seed page', () => {
    expect(compare(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')))).toBeGreaterThan(5000);
  });

  it('folds and maps back every character of five AEB pages', () => {
    for (const line of readGold('aeb').slice(0, 5)) {
      expect(compare(loadPage(path.join(CORPORA, 'aeb', line.html)))).toBeGreaterThan(500);
    }
  });

  it('handles white space across nodes, nodes of white space alone, and empty nodes', () => {
    const doc = loadPage(path.join(SEED_DIR, 'watson-visible-times.html'));
    doc.body.innerHTML = '<p>  a \n b  </p><p>   </p><p></p><p>\t c</p><span>d</span> <span> e\u00a0\u00a0f </span>';
    doc.body.querySelector('p:nth-of-type(3)')?.appendChild(doc.createTextNode(''));
    compare(doc);
    expect(buildTextIndex((visit) => textNodes(doc).forEach(visit)).text).toBe('a b cd e f '); // no space between blocks, as before
  });
});
