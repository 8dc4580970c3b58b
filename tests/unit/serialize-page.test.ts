/**
 * The page's HTML as the content script sends it to the parser (utils/serialize-page.ts): in
 * slices, and the same text as the browser's own serializer, on real pages.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializePage } from '@/utils/serialize-page';
import { codeKeeper } from '@/core/page-code';
import { CORPORA, loadPage, ROOT, SEED_DIR } from '../support/pages';

/** The browser's own serialization of the page once its code is cut to what the analysis keeps. */
const whole = (doc: Document): string => {
  const copy = doc.cloneNode(true) as Document;
  const kept = codeKeeper(copy);
  for (const code of Array.from(copy.querySelectorAll('script, style'))) code.textContent = kept(code);
  return `${doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : ''}${copy.documentElement.outerHTML}`;
};

const AEB = path.join(CORPORA, 'aeb/html');
const PAGES = [
  path.join(SEED_DIR, 'watson-visible-times.html'),
  path.join(ROOT, 'tests/fixtures/pages/xss-hostile.html'),
  path.join(ROOT, 'tests/fixtures/pages/integrity-shadow.html'),
  ...readdirSync(AEB)
    .sort()
    .slice(0, 12)
    .map((file) => path.join(AEB, file)),
];

describe('the page serialized for the parser', () => {
  it.each(PAGES)('%s: sliced down to 20 elements a piece, the same text as outerHTML', (file) => {
    const doc = loadPage(file);
    expect(serializePage(doc, 20)).toBe(whole(doc));
    // The default slices too.
    expect(serializePage(doc)).toBe(whole(doc));
  });

  it('writes what a heavy element holds besides elements: text to escape, no-break spaces, comments', () => {
    const doc = loadPage(path.join(SEED_DIR, 'watson-visible-times.html'));
    const body = doc.body;
    body.prepend(doc.createComment(' a comment '), doc.createTextNode('1 < 2 & 3 > 2\u00a0km'));
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.innerHTML = '<title>a &amp; b</title>';
    body.append(svg);
    const sliced = serializePage(doc, 5);
    expect(sliced).toContain('<!-- a comment -->1 &lt; 2 &amp; 3 &gt; 2&nbsp;km');
    expect(sliced).toBe(whole(doc));
  });

  it('gives the doctype its public and system ids, and a page without a root its doctype alone', () => {
    const doc = loadPage(path.join(SEED_DIR, 'watson-visible-times.html'));
    const legacy = doc.implementation.createDocumentType(
      'html',
      '-//W3C//DTD HTML 4.01//EN',
      'http://www.w3.org/TR/html4/strict.dtd',
    );
    doc.doctype?.replaceWith(legacy);
    expect(serializePage(doc)).toMatch(
      /^<!DOCTYPE html PUBLIC "-\/\/W3C\/\/DTD HTML 4\.01\/\/EN" "http:\/\/www\.w3\.org\/TR\/html4\/strict\.dtd"><html/,
    );
    doc.documentElement.remove();
    expect(serializePage(doc)).toBe(
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
    );
  });
});
