import { describe, expect, it } from 'vitest';
import {
  detectDecimalMark,
  guessNumberLang,
  numberLang,
  parseDigits,
  readNumberWords,
  scaleFactor,
  type NumberLang,
} from '@/core/numbers';

describe('parseDigits', () => {
  it.each([
    ['50 000', 50000],
    ['50\u00a0000', 50000], // no-break space
    ['50\u202f000', 50000], // narrow no-break space, as French typography has it
    ['1 000 000', 1e6],
    ["1'000", 1000], // Swiss
    ['1’000’000', 1e6],
    ['1.000,5', 1000.5],
    ['1,000.5', 1000.5],
    ['1 000,5', 1000.5],
    ["1'000.50", 1000.5],
    ['3,5', 3.5],
    ['0.125', 0.125],
    ['0,125', 0.125],
    ['12', 12],
    ['1,000,000', 1e6],
    ['1.000.000', 1e6],
  ])('reads %s as %d whatever the decimal mark', (raw, value) => {
    expect(parseDigits(raw, ',')).toBe(value);
    expect(parseDigits(raw, '.')).toBe(value);
  });

  it('reads the one ambiguous shape, a separator and three digits, by the decimal mark', () => {
    expect(parseDigits('1,500', '.')).toBe(1500);
    expect(parseDigits('1,500', ',')).toBe(1.5);
    expect(parseDigits('2.225', ',')).toBe(2225);
    expect(parseDigits('2.225', '.')).toBe(2.225);
  });

  it.each(['14.11.2024', '1.2.3', '044', '0123', '1,00,000', '12 34', '1.000,000.5'])('%s is no number', (raw) => {
    expect(parseDigits(raw, ',')).toBeNull();
    expect(parseDigits(raw, '.')).toBeNull();
  });
});

describe('detectDecimalMark', () => {
  it('follows the numbers an article writes unambiguously', () => {
    expect(detectDecimalMark('Inflation 3,5 %, chômage 7,2 % et 2,1 % de croissance.', 'en')).toBe(',');
    expect(detectDecimalMark('Up 3.5%, then 7.25% and 2.1%.', 'de')).toBe('.');
  });

  it("falls back on the language's convention", () => {
    expect(detectDecimalMark('Il y a 2.225 personnes.', 'de')).toBe(',');
    expect(detectDecimalMark('There were 2,225 people.', 'en')).toBe('.');
    expect(detectDecimalMark('', null)).toBe('.');
  });
});

describe('readNumberWords', () => {
  const read = (lang: NumberLang, text: string): [number, number] | null => {
    const n = readNumberWords(text.split(' '), lang);
    return n && [n.value, n.words];
  };

  it.each([
    ['fr', 'cent mille et que', 100000, 2],
    ['fr', 'mille et que', 1000, 1],
    ['fr', 'cinq mille dollars', 5000, 2],
    ['fr', 'vingt et un ans', 21, 3],
    ['fr', 'soixante et onze', 71, 3],
    ['fr', 'quatre-vingt-dix-neuf', 99, 1],
    ['fr', 'quatre-vingts', 80, 1],
    ['fr', 'septante-cinq', 75, 1],
    ['fr', 'deux millions cinq cent mille', 2_500_000, 5],
    ['fr', 'une quinzaine de', 15, 2],
    ['fr', 'deux trois', 2, 1], // no number says "two three"
    ['en', 'two dozen eggs', 24, 2],
    ['en', 'a hundred and five', 105, 4],
    ['en', 'one hundred twenty-three thousand', 123000, 4],
    ['en', 'a million people', 1e6, 2],
    ['de', 'zwei Millionen', 2e6, 2],
    ['de', 'dreihundertfünfundzwanzigtausend', 325000, 1],
    ['de', 'einundzwanzig', 21, 1],
    ['de', 'zweitausendvierhundert', 2400, 1],
    ['es', 'mil millones de', 1e9, 2],
    ['es', 'treinta y dos', 32, 3],
    ['es', 'doscientos cincuenta mil', 250000, 3],
    ['es', 'veintitrés', 23, 1],
    ['es', 'una veintena de', 20, 2],
    ['it', 'duemilacinquecento', 2500, 1],
    ['it', 'centomila', 100000, 1],
    ['it', 'ventuno', 21, 1],
    ['it', 'un milione di', 1e6, 2],
    ['it', 'un centinaio di', 100, 2],
  ] as const)('%s "%s" is %d over %d words', (lang, text, value, words) => {
    expect(read(lang, text.toLowerCase())).toEqual([value, words]);
  });

  it.each([
    ['en', 'a man'],
    ['en', 'million'], // a bare "million" needs "a" or a number
    ['de', 'achtung'],
    ['de', 'tausende'], // vague
    ['it', 'novembre'],
    ['it', 'tremendo'],
    ['fr', 'milliers'],
  ] as const)('%s "%s" is no number', (lang, text) => {
    expect(readNumberWords(text.split(' '), lang)).toBeNull();
  });

  it('marks a lone "un", "one", "ein" as a determiner', () => {
    expect(readNumberWords(['un', 'kilo'], 'fr')?.determiner).toBe(true);
    expect(readNumberWords(['one', 'of'], 'en')?.determiner).toBe(true);
    expect(readNumberWords(['un', 'million'], 'fr')?.determiner).toBe(false);
  });
});

describe('scaleFactor', () => {
  it('reads "billion" by language', () => {
    expect(scaleFactor('billion', 'en', false)).toBe(1e9);
    expect(scaleFactor('billion', 'fr', false)).toBe(1e12);
    expect(scaleFactor('Billionen', 'de', false)).toBe(1e12);
  });

  it('knows the abbreviations, and "m", "k", "b" only for money', () => {
    expect(scaleFactor('Mrd', 'de', false)).toBe(1e9);
    expect(scaleFactor('Mio', 'de', false)).toBe(1e6);
    expect(scaleFactor('bn', 'en', false)).toBe(1e9);
    expect(scaleFactor('m', 'en', true)).toBe(1e6);
    expect(scaleFactor('m', 'en', false)).toBeNull();
    expect(scaleFactor('mil', 'es', false)).toBe(1e3);
    expect(scaleFactor('mil', 'fr', false)).toBeNull();
    expect(scaleFactor('mila', 'it', false)).toBe(1e3);
  });
});

describe('languages', () => {
  it('reduces a page language to one of the five', () => {
    expect(numberLang('fr-CH')).toBe('fr');
    expect(numberLang('EN_us')).toBe('en');
    expect(numberLang('pt-BR')).toBeNull();
    expect(numberLang(null)).toBeNull();
  });

  it('guesses the language of a page that does not say', () => {
    const es =
      'El conflicto entre el Partido y la República se cobró cerca de 40.000 vidas en los años 90 y es una de las causas que más';
    expect(guessNumberLang(`${es} ${es}`)).toBe('es');
    expect(guessNumberLang('Ein kurzer Text')).toBeNull();
  });
});
