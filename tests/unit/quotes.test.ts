import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/core/article';
import type { TextBlock } from '@/core/blocks';
import { extractQuotes } from '@/core/quotes';
import { normalizeSpace } from '@/core/text';
import { CORPORA, loadPage, SEED_DIR } from '../support/pages';

const expected = JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as {
  quotes: { text: string; speaker: string }[];
  notQuotes: string[];
};

const paragraphs = (...texts: string[]): TextBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

describe('quotes on the seed page', () => {
  const article = extractArticle(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')));
  const quotes = extractQuotes(article.blocks, article.lang);

  it('finds exactly its six quotes, in order, all by Ruslan Leviev', () => {
    expect(quotes.map((q) => q.text)).toEqual(expected.quotes.map((q) => q.text));
    expect(quotes.map((q) => q.speaker)).toEqual(expected.quotes.map((q) => q.speaker));
  });

  it('gives the role from the attribution line', () => {
    expect(quotes[0]?.role).toBe('analyste militaire');
  });

  it('takes none of the names and scare quotes in marks', () => {
    for (const not of expected.notQuotes) expect(quotes.map((q) => q.text)).not.toContain(not);
  });
});

describe('quote styles and speakers', () => {
  it.each([
    ['«\u00a0Nous avons gagné\u00a0», a déclaré Marie Dupont.', 'Nous avons gagné', 'Marie Dupont'],
    ['„Wir waren nicht gut genug“, sagte Trainer Jürgen Klopp.', 'Wir waren nicht gut genug', 'Jürgen Klopp'],
    [
      '“We will keep trying every single day,” said John Smith, the mayor.',
      'We will keep trying every single day,',
      'John Smith',
    ],
    [
      'According to Ana García, "the river rose two metres overnight".',
      'the river rose two metres overnight',
      'Ana García',
    ],
    ['Secondo Marco Rossi, «la situazione è molto grave adesso».', 'la situazione è molto grave adesso', 'Marco Rossi'],
    [
      '"La situación es muy grave en toda la región", dijo Pedro Sánchez.',
      'La situación es muy grave en toda la región',
      'Pedro Sánchez',
    ],
  ])('%s', (text, quote, speaker) => {
    const [found] = extractQuotes(paragraphs(text));
    expect(found?.text).toBe(quote);
    expect(found?.speaker).toBe(speaker);
  });

  it('resolves "he said" and a bare surname to the person named before', () => {
    const quotes = extractQuotes(
      paragraphs(
        'Senator Jane Miller spoke after the vote. "This is a good day for the state," Miller said.',
        '"We waited far too long for this bill to pass," she said.',
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Miller', 'Jane Miller']);
  });

  it('joins a quote that runs over several paragraphs, its opening mark repeated', () => {
    const quotes = extractQuotes(
      paragraphs(
        'Le ministre Paul Martin a déclaré: «Nous ferons tout notre possible.',
        '«Et nous le ferons vite, très vite.»',
      ),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('Nous ferons tout notre possible. Et nous le ferons vite, très vite.');
    expect(quotes[0]?.speaker).toBe('Paul Martin');
  });

  it('leaves out titles and scare quotes', () => {
    const quotes = extractQuotes(
      paragraphs('Comme le rapporte le «New York Times», une «horrible» découverte a eu lieu hier.'),
    );
    expect(quotes).toEqual([]);
  });
});

describe('<q> elements, whose quotation marks are drawn by CSS', () => {
  it("Wikipedia's <q> citations are quotes, though their text has no marks", () => {
    const doc = loadPage(
      path.join(CORPORA, 'readability-pages/html/wikipedia.html.gz'),
      'http://fakehost/test/page.html',
    );
    const cited = Array.from(doc.querySelectorAll('q')).map((q) => normalizeSpace(q.textContent ?? ''));
    expect(cited).toHaveLength(4);
    const article = extractArticle(doc);
    const found = extractQuotes(article.blocks, article.lang).map((q) => q.text);
    expect(cited.filter((text) => !found.includes(text.replace(/[.,]$/, '')) && !found.includes(text))).toEqual([]);
  });

  it('a page that writes the marks around its <q> too („<q>…</q>“) gets them once, and its speaker', () => {
    const doc = loadPage(path.join(CORPORA, 'htmldate-a/html/bka.de-messengerdienste.html.gz'), 'https://www.bka.de/');
    const article = extractArticle(doc);
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/„“|“”/);
    const quotes = extractQuotes(article.blocks, article.lang);
    expect(quotes.map((q) => q.speaker)).toEqual(['BKA-Präsident Holger Münch', 'BKA-Präsident Holger Münch']);
    expect(quotes[0]?.text).toMatch(/^Insbesondere die Corona-Pandemie hat dazu beigetragen/);
  });
});
