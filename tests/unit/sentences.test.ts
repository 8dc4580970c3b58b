/**
 * Sentences: our UAX #29 scan (core/sentences.ts) against Intl.Segmenter, the implementation of
 * the same rules it replaced, on generated text and on the corpora's paragraphs; then the
 * repairs for abbreviations, initials and ordinals on top.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/core/article';
import { segments, splitSentences } from '@/core/sentences';
import { CORPORA, loadPage } from '../support/pages';

const reference = new Intl.Segmenter('en', { granularity: 'sentence' });
const segmenterSays = (text: string): string[] => Array.from(reference.segment(text), (s) => s.segment);
const oursSays = (text: string): string[] => [...segments(text)];

/**
 * What sentence boundaries turn on: terminators of several scripts, closing marks, spaces, line
 * breaks, continuation punctuation, letters of each case and none, digits of two scripts,
 * invisible format characters.
 */
const ALPHABET = [
  ...'aBéÉßxYжЖ中ǅ1٣ .!?…«»"\'()“”\n\r\t,;:-—¿؟।！．ａＡ。',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\u0085',
  '\u2029',
];

describe('sentence boundaries', () => {
  it('are those of Intl.Segmenter on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(oursSays(text)).toEqual(segmenterSays(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['He earned 3.5 million. Then he left.', ['He earned 3.5 million. ', 'Then he left.']],
    ['Er sagte: «Nein.» Dann ging er.', ['Er sagte: «Nein.» ', 'Dann ging er.']],
    ['U.S.A. is big. e.g. this one', ['U.S.A. is big. e.g. this one']],
    ['Quoi ? Oui ! Bon.', ['Quoi ? ', 'Oui ! ', 'Bon.']],
    ['Stop.» «Go', ['Stop.» ', '«Go']],
    ['one\ntwo', ['one\n', 'two']],
  ])('cut %j as Intl.Segmenter does', (text, expected) => {
    expect(oursSays(text)).toEqual(expected);
    expect(segmenterSays(text)).toEqual(expected);
  });

  it('are those of Intl.Segmenter in every block of 24 pages from four corpora', () => {
    const pages = ['aeb', 'fundus-a', 'readability-pages', 'htmldate-a'].flatMap((set) =>
      readdirSync(path.join(CORPORA, set, 'html'))
        .sort()
        .filter((_, i) => i % 17 === 0)
        .slice(0, 6)
        .map((file) => path.join(CORPORA, set, 'html', file)),
    );
    let blocks = 0;
    for (const file of pages) {
      for (const { text } of extractArticle(loadPage(file)).blocks) {
        blocks++;
        expect(oursSays(text), file).toEqual(segmenterSays(text));
      }
    }
    expect(blocks).toBeGreaterThan(300);
  });

  it('stay linear on a long paragraph with no break', () => {
    const text = 'a. b. '.repeat(100_000);
    expect(oursSays(text)).toEqual([text]);
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations, initials and ordinals inside their sentence', () => {
    expect(splitSentences('Mr. Smith met Dr. Jones. J. R. R. Tolkien wrote it. Am 14. November kam er.')).toEqual([
      'Mr. Smith met Dr. Jones.',
      'J. R. R. Tolkien wrote it.',
      'Am 14. November kam er.',
    ]);
  });
});
