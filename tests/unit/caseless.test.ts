/**
 * core/caseless.ts: a lower-case pattern run on the text's lower-case copy finds what the same
 * pattern with /i finds, at the same places, on generated text (capitals, accented letters, the
 * dotted capital I that lowers to two characters, the capital sharp s, the Kelvin sign).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCopy } from '@/core/caseless';

const SOURCE = String.raw`(?<![\p{L}])(?:novembre|nov\.?|straße|février|ik|ı)\s*(\d{1,2})?`;
const WORDS = [
  'novembre',
  'NOVEMBRE',
  'Nov.',
  'nOv',
  'Straße',
  'STRAẞE',
  'Février',
  'FÉVRIER',
  'İk',
  'IK',
  'K',
  'ı',
  'I',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', '12', '3', 'a', 'İ', 'É', '-', '\u00a0')), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

const places = (matches: Iterable<RegExpMatchArray>): [number | undefined, number][] =>
  [...matches].map((m) => [m.index, m[0].length]);

describe('the lower-case copy', () => {
  it('keeps every character where it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), text, (a, b) => {
        expect(lowerCopy(a + b)).toHaveLength((a + b).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a lower-case pattern the matches /i gives, at the same places', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(places(lowerCopy(t).matchAll(new RegExp(SOURCE, 'gu')))).toEqual(
          places(t.matchAll(new RegExp(SOURCE, 'giu'))),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a sticky pattern run at a place what /i gives there', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (t, at) => {
        const plain = new RegExp(SOURCE, 'uy');
        const folding = new RegExp(SOURCE, 'iuy');
        plain.lastIndex = at;
        folding.lastIndex = at;
        const found = plain.exec(lowerCopy(t));
        const expected = folding.exec(t);
        expect(found && [found.index, found[0].length]).toEqual(expected && [expected.index, expected[0].length]);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves the dotted capital I as it is, as /i does', () => {
    expect(lowerCopy('İSTANBUL, 12 NOVEMBRE')).toBe('İstanbul, 12 novembre');
    expect(places(lowerCopy('İ NOVEMBRE 12').matchAll(new RegExp(SOURCE, 'gu')))).toEqual([[2, 11]]);
  });
});
