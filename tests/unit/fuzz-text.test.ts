/**
 * Fuzz (issue 10, item 2): the text-level analysers on hostile text (tests/support/hostile-text.ts:
 * absurd dates and numbers, quotation marks of every kind, other scripts, lone surrogates, NUL,
 * BOMs), each held to what its callers rely on, not merely to not throwing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlausibleDate, parseMachineDate, toIso } from '@/core/dates';
import { findTextDates, findUpdateTimes } from '@/core/text-dates';
import { parseDigits, readNumberWords, type NumberLang } from '@/core/numbers';
import { extractFigures } from '@/core/figures';
import { extractQuotes } from '@/core/quotes';
import { splitSentences } from '@/core/sentences';
import { summarize } from '@/core/summary';
import { findUpdateNotes } from '@/core/updates';
import type { BlockKind, TextBlock } from '@/core/blocks';
import { ABSURD_DATES, ABSURD_NUMBERS, QUOTE_MARKS, hostileText, pageLang } from '../support/hostile-text';
import { NOW, withinMs } from '../support/report-checks';

const blockKind = fc.constantFrom<BlockKind>('paragraph', 'heading', 'quote', 'caption', 'list-item', 'preformatted');
const blocks: fc.Arbitrary<TextBlock[]> = fc.array(fc.record({ kind: blockKind, text: hostileText(30) }), {
  maxLength: 8,
});
const numberLang = fc.constantFrom<NumberLang>('en', 'fr', 'de', 'es', 'it');
const noSpace = (text: string): string => text.replace(/\s+/gu, '');

describe('fuzz: dates', () => {
  it('parseMachineDate gives null or a plausible date, which its own ISO form gives back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...ABSURD_DATES), hostileText(4), fc.string({ unit: 'binary' })), (text) => {
        const date = parseMachineDate(text);
        if (date === null) return;
        expect(isPlausibleDate(date)).toBe(true);
        expect(parseMachineDate(toIso(date))).toEqual(
          date.hour === null ? date : { ...date, second: date.second ?? 0 },
        );
      }),
      { numRuns: 400 },
    );
  });

  it('every absurd date is refused as a machine date', () => {
    // Real times with an offset or zone that is none: the time stays, the offset goes.
    const realTimes = ['2024-11-14T05:48:00+99:99', '2024-11-14T05:48:00-23:59', '2024/11/14 05:48 XYZT'];
    for (const text of realTimes)
      expect(parseMachineDate(text), text).toMatchObject({ hour: 5, minute: 48, offset: null });
    expect(parseMachineDate('2024-11-14T05:48:00.123456789Z')).toMatchObject({ hour: 5, minute: 48, offset: 0 });
    const refused = ABSURD_DATES.filter((d) => !realTimes.includes(d) && !d.startsWith('2024-11-14T05:48:00.'));
    for (const text of refused) expect(parseMachineDate(text), text).toBeNull();
  });

  it('findTextDates finds only plausible dates, in order, inside the text', () => {
    fc.assert(
      fc.property(hostileText(), fc.boolean(), (text, monthFirst) => {
        const found = withinMs(1000, () => findTextDates(text, { monthFirst, now: NOW }));
        for (const [i, f] of found.entries()) {
          expect(isPlausibleDate(f.date)).toBe(true);
          expect(f.index).toBeGreaterThanOrEqual(i > 0 ? (found[i - 1]?.index ?? 0) : 0);
          expect(f.index).toBeLessThan(text.length);
        }
        for (const u of findUpdateTimes(text)) expect(u.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('update notes on any blocks have real dates or none', () => {
    fc.assert(
      fc.property(blocks, fc.constantFrom(null, '2024-11-14T05:48:00+01:00', '2024-11-14'), (bs, published) => {
        const notes = findUpdateNotes(bs, published ? { iso: published, source: 'test' } : null, NOW);
        for (const note of notes) if (note.iso !== null) expect(parseMachineDate(note.iso), note.iso).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('fuzz: numbers and figures', () => {
  it('parseDigits gives null or a finite number that is not -0', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ABSURD_NUMBERS), fc.stringMatching(/^[\d.,' \u00a0’]{1,40}$/)),
        fc.constantFrom<',' | '.'>(',', '.'),
        (raw, mark) => {
          const value = parseDigits(raw, mark);
          // A number past what a double holds is Infinity; the figures turn it into null (no figure value).
          if (value !== null) expect(Number.isNaN(value) || Object.is(value, -0)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('readNumberWords reads at most the words it was given, and a finite value', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'one',
              'hundred',
              'thousand',
              'million',
              'and',
              'a',
              'et',
              'un',
              'cent',
              'mille',
              'vingt',
              'quatre-vingt',
              'zwei',
              'hundert',
              'tausend',
              'und',
              'mila',
              'cento',
              'y',
              'mil',
              'millones',
              'dozen',
              'dutzend',
              'zweihundertdreiundzwanzig',
            ),
            hostileText(1),
          ),
          { maxLength: 12 },
        ),
        numberLang,
        (words, lang) => {
          const n = readNumberWords(words, lang);
          if (n === null) return;
          expect(n.words).toBeGreaterThan(0);
          expect(n.words).toBeLessThanOrEqual(words.length);
          expect(Number.isFinite(n.value)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('extractFigures: each figure is its block text at its place, with a finite value or none', () => {
    fc.assert(
      fc.property(blocks, pageLang, (bs, lang) => {
        const figures = withinMs(1000, () => extractFigures(bs, lang));
        for (const f of figures) {
          expect(bs[f.block]?.text.slice(f.start, f.end)).toBe(f.text);
          expect(f.text.length).toBeGreaterThan(0);
          for (const v of [f.value, f.upper])
            if (v !== null) expect(Number.isFinite(v) && !Object.is(v, -0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('extractFigures gives the same figures whatever it read before (the core keeps no state)', () => {
    fc.assert(
      fc.property(blocks, blocks, pageLang, (first, second, lang) => {
        const alone = extractFigures(second, lang);
        extractFigures(first, lang);
        expect(extractFigures(second, lang)).toEqual(alone);
      }),
      { numRuns: 150 },
    );
    // Regression: a figure's context started where the last figure's sentence search had stopped,
    // on another page even (found by comparing corpus runs: htmldate-a 1509819104 and three more).
    const page: TextBlock[] = [
      {
        kind: 'paragraph',
        text: 'Le marché des fromages ne changeait guère, année après année, malgré les crises. Depuis 15 ans, le prix du gruyère a doublé.',
      },
    ];
    const alone = extractFigures(page, 'fr');
    extractFigures(
      [{ kind: 'paragraph', text: `Il y a 5 % ${'de gens qui disent des choses '.repeat(6)}. Puis la suite.` }],
      'fr',
    );
    expect(extractFigures(page, 'fr')).toEqual(alone);
    expect(alone[0]?.context).toBe('Depuis 15 ans, le prix du gruyère a doublé.');
  });

  it('a minus zero is a zero: "-0 %" has the value 0, which JSON keeps', () => {
    // Regression: the minus sign turned 0 into -0, which JSON writes as 0, so the report changed in transit.
    const [figure] = extractFigures([{ kind: 'paragraph', text: 'Inflation was -0 % in March, at -0,0 °C.' }], 'en');
    expect(Object.is(figure?.value, 0)).toBe(true);
  });
});

describe('fuzz: quotes', () => {
  it('every quote has text, and a speaker that is a non-empty name or null', () => {
    const markText = fc
      .array(fc.oneof(fc.constantFrom(...QUOTE_MARKS), hostileText(4)), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ kind: blockKind, text: markText }), { maxLength: 8 }), pageLang, (bs, lang) => {
        const quotes = withinMs(1000, () => extractQuotes(bs, lang));
        for (const q of quotes) {
          expect(q.block).toBeLessThanOrEqual(q.endBlock);
          expect(q.endBlock).toBeLessThan(bs.length);
          if (q.speaker !== null) expect(q.speaker.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unbalanced and nested marks of every kind', () => {
    const cases = [
      '«',
      '»',
      '« « « «',
      '» » » »',
      '“ ” „ ‚ \' " ‹ ›',
      '«Er sagte: „Ich ‚weiß‘ nicht“», sagte Müller.',
      '„Sie sagte: «Nein »“',
      '"""""""',
      '‹ › ‹ › ‹',
      '« Nous « verrons » », a dit Alain Berset.',
      '“He said “she said “they said”',
      '«'.repeat(1000) + ' a dit Alain Berset.',
      '»Nein«, sagte er. »Doch',
    ];
    for (const text of cases) {
      const quotes = extractQuotes(
        [
          { kind: 'paragraph', text },
          { kind: 'quote', text },
        ],
        'fr',
      );
      for (const q of quotes) expect(typeof q.text).toBe('string');
    }
  });
});

describe('fuzz: sentences and summary', () => {
  it('splitSentences loses and adds nothing but spaces', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const sentences = withinMs(1000, () => splitSentences(text));
        expect(noSpace(sentences.join(''))).toBe(noSpace(text));
      }),
      { numRuns: 300 },
    );
  });

  it('the summary is at most five of the paragraphs’ own sentences, in their order', () => {
    fc.assert(
      fc.property(blocks, pageLang, fc.option(hostileText(6)), (bs, lang, title) => {
        const summary = withinMs(1000, () => summarize(bs, lang, { title }));
        expect(summary.length).toBeLessThanOrEqual(5);
        const paragraphs = bs
          .filter((b) => b.kind === 'paragraph')
          .map((b) => b.text)
          .join('\n');
        for (const sentence of summary) expect(paragraphs).toContain(sentence);
      }),
      { numRuns: 200 },
    );
  });
});
