/**
 * core/caseless.ts: a lower-case pattern run on the text's lower-case copy finds what the same
 * pattern with /i finds, at the same places, on generated text (capitals, accented letters, the
 * dotted capital I that lowers to two characters, the capital sharp s, the Kelvin sign).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Caseless, lowerCopy } from '@/core/caseless';

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

describe('Caseless', () => {
  const pattern = new Caseless((flags) => new RegExp(SOURCE, flags), 'gu');

  it('finds what /i finds, where /i finds it', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(places(pattern.matchAll(t))).toEqual(places(t.matchAll(new RegExp(SOURCE, 'giu'))));
        expect(pattern.test(t)).toBe(new RegExp(SOURCE, 'iu').test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('runs a sticky pattern at a place as /i does', () => {
    const sticky = new Caseless((flags) => new RegExp(SOURCE, flags), 'uy');
    fc.assert(
      fc.property(text, fc.nat(40), (t, at) => {
        const folding = new RegExp(SOURCE, 'iuy');
        folding.lastIndex = at;
        const expected = folding.exec(t);
        const found = sticky.execAt(t, at);
        expect(found && [found.index, found[0].length]).toEqual(expected && [expected.index, expected[0].length]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a text whose lower case is longer with the /i pattern itself', () => {
    expect(lowerCopy('İstanbul')).toBeNull();
    expect(lowerCopy('NOVEMBRE')).toBe('novembre');
    expect(places(pattern.matchAll('İ NOVEMBRE 12'))).toEqual([[2, 11]]);
  });
});
