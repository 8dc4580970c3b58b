/**
 * Figures (issue 5, item 3): the seed page through the real pipeline, then the shapes news
 * articles write numbers in, in five languages, and what must never count as a figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/core/article';
import type { TextBlock } from '@/core/blocks';
import { extractFigures, type FoundFigure } from '@/core/figures';
import { unitMatch } from '@/eval/figures';
import { loadPage, SEED_DIR } from '../support/pages';

type Row = [text: string, value: number | null, unit: string | null];

const rows = (figures: readonly FoundFigure[]): Row[] => figures.map((f) => [f.text, f.value, f.unit]);
const figuresOf = (text: string, lang: string | null, kind: TextBlock['kind'] = 'paragraph'): Row[] =>
  rows(extractFigures([{ kind, text }], lang));

describe('the seed page', () => {
  const article = extractArticle(loadPage(path.join(SEED_DIR, 'watson-visible-times.html')));
  const figures = extractFigures(article.blocks, article.lang);
  const expected = (
    JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as {
      figures: { text: string; value: number; unit: string | null }[];
    }
  ).figures;

  it('has exactly its eleven figures, in order (DESIGN.md)', () => {
    expect(rows(figures)).toEqual([
      ['50 000 soldats', 50000, 'soldats'],
      ['700 000 tonnes', 700000, 'tonnes'],
      ['2 000 dollars', 2000, 'USD'],
      ['12 000 hommes', 12000, 'hommes'],
      ['mille', 1000, null],
      ['cent mille', 100000, null],
      ['cinq mille dollars', 5000, 'USD'],
      ['50 000 soldats', 50000, 'soldats'],
      ['trois contre un', 3, 'ratio'],
      ['30 000 hommes', 30000, 'hommes'],
      ['90 000 hommes', 90000, 'hommes'],
    ]);
  });

  it('agrees with the hand-checked expected.json, item by item', () => {
    // expected.json's texts keep the approximators ("près de", "environ"); ours are the figure itself.
    expect(figures).toHaveLength(expected.length);
    figures.forEach((f, i) => {
      const e = expected[i];
      expect(e?.text).toContain(f.text);
      expect(f.value).toBe(e?.value);
      expect(unitMatch({ value: e?.value ?? null, unit: e?.unit ?? null }, f.unit)).toBe(true);
    });
  });

  it('leaves out dates, times and articles', () => {
    const texts = figures.map((f) => f.text).join(' | ');
    for (const not of ['20 janvier', 'août', '2023', '05:48', 'un mois', 'un kilo', "l'un", 'un salaire']) {
      expect(texts).not.toContain(not);
    }
  });

  it('places each figure in its block, with a short context around it', () => {
    for (const f of figures) {
      expect(article.blocks[f.block]?.text.slice(f.start, f.end)).toBe(f.text);
      expect(f.context).toContain(f.text);
      expect(f.context.split(' ').filter((w) => w !== '…').length).toBeLessThanOrEqual(13);
    }
    expect(figures[1]?.context).toBe('… fournira à Pyongyang près de 700 000 tonnes de riz, atténuant ainsi, …');
  });
});

describe('money', () => {
  it.each<[string, string, Row[]]>([
    ['en', 'The deal is worth $1.2bn.', [['$1.2bn', 1.2e9, 'USD']]],
    [
      'en',
      'It cost £5m, or US$ 3,500.',
      [
        ['£5m', 5e6, 'GBP'],
        ['US$ 3,500', 3500, 'USD'],
      ],
    ],
    ['en', 'Investors lost more than $2 trillion.', [['$2 trillion', 2e12, 'USD']]],
    ['en', 'A $40-50 billion deal.', [['$40-50 billion', 40e9, 'USD']]],
    [
      'de',
      'Es kostet 1,2 Mrd. Euro und 5 Millionen Franken.',
      [
        ['1,2 Mrd. Euro', 1.2e9, 'EUR'],
        ['5 Millionen Franken', 5e6, 'CHF'],
      ],
    ],
    ['de', 'Die Strafe: CHF 5 Mio.', [['CHF 5 Mio.', 5e6, 'CHF']]],
    [
      'fr',
      "Un plan de 1,5 milliard d'euros et 2 000 dollars.",
      [
        ["1,5 milliard d'euros", 1.5e9, 'EUR'],
        ['2 000 dollars', 2000, 'USD'],
      ],
    ],
    ['fr', 'Un obus coûte cinq mille dollars.', [['cinq mille dollars', 5000, 'USD']]],
    ['es', 'Un paquete de 3.000 millones de dólares.', [['3.000 millones de dólares', 3e9, 'USD']]],
    [
      'it',
      'Un fondo di 10 milioni di euro e un milione di dollari.',
      [
        ['10 milioni di euro', 1e7, 'EUR'],
        ['un milione di dollari', 1e6, 'USD'],
      ],
    ],
  ])('%s: %s', (lang, text, expected) => {
    expect(figuresOf(text, lang)).toEqual(expected);
  });
});

describe('percentages, measures, durations, multipliers, rates', () => {
  it.each<[string, string, Row[]]>([
    ['fr', 'Le taux passe à 3,5 %.', [['3,5 %', 3.5, 'percent']]],
    ['fr', 'Le taux passe à 3,5\u202f%.', [['3,5\u202f%', 3.5, 'percent']]],
    [
      'en',
      'Up 3.5% and 2 per cent.',
      [
        ['3.5%', 3.5, 'percent'],
        ['2 per cent', 2, 'percent'],
      ],
    ],
    [
      'de',
      'Ein Plus von 3,5 Prozent, 0,25 Prozentpunkte.',
      [
        ['3,5 Prozent', 3.5, 'percent'],
        ['0,25 Prozentpunkte', 0.25, 'percentage point'],
      ],
    ],
    ['es', 'El 5 por ciento.', [['5 por ciento', 5, 'percent']]],
    ['it', 'Il 3,5 per cento.', [['3,5 per cento', 3.5, 'percent']]],
    [
      'en',
      'He ran 10 km at 12 km/h in -5 °C.',
      [
        ['10 km', 10, 'km'],
        ['12 km/h', 12, 'km/h'],
        ['-5 °C', -5, '°C'],
      ],
    ],
    ['es', '80.000 kilómetros cuadrados', [['80.000 kilómetros cuadrados', 80000, 'km²']]],
    ['de', 'mit 150 Kilometern pro Stunde', [['150 Kilometern pro Stunde', 150, 'km/h']]],
    [
      'fr',
      'Pendant 72 heures et deux semaines.',
      [
        ['72 heures', 72, 'hours'],
        ['deux semaines', 2, 'weeks'],
      ],
    ],
    ['en', 'He was 10 times richer.', [['10 times', 10, 'times']]],
    ['fr', 'Il faut multiplier par 10 le nombre de merlus.', [['10', 10, 'times']]],
    ['fr', 'La pêche est limitée à quatre jours par semaine.', [['quatre jours par semaine', 4, 'days per week']]],
    ['it', 'Esce tre volte a settimana.', [['tre volte a settimana', 3, 'times per week']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(figuresOf(text, lang)).toEqual(expected);
  });
});

describe('counted nouns', () => {
  it.each<[string, string, Row[]]>([
    ['fr', 'Les quelque 12 000 hommes nord-coréens.', [['12 000 hommes', 12000, 'hommes']]],
    [
      'en',
      'About 50,000 Russian soldiers and 40 fellow teachers.',
      [
        ['50,000 Russian soldiers', 50000, 'soldiers'],
        ['40 fellow teachers', 40, 'teachers'],
      ],
    ],
    ['de', 'Es kamen 50.000 russische Soldaten.', [['50.000 russische Soldaten', 50000, 'soldaten']]],
    ['de', 'zwei Millionen Menschen', [['zwei Millionen Menschen', 2e6, 'menschen']]],
    ['es', 'Unos 20 mil personas.', [['20 mil personas', 20000, 'personas']]],
    ['it', 'duemila soldati', [['duemila soldati', 2000, 'soldati']]],
    ['fr', 'Une quinzaine de ressortissants.', [['Une quinzaine de ressortissants', 15, 'ressortissants']]],
    ['it', 'Per un centinaio di giorni.', [['un centinaio di giorni', 100, 'days']]],
    ['en', 'Two dozen eggs.', [['Two dozen eggs', 24, 'eggs']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(figuresOf(text, lang)).toEqual(expected);
  });

  it('gives no noun where a verb or a function word follows', () => {
    expect(figuresOf('Si tu en as mille et que l’ennemi en a cent mille.', 'fr')).toEqual([
      ['mille', 1000, null],
      ['cent mille', 100000, null],
    ]);
    expect(figuresOf('Nearly 50 died.', 'en')).toEqual([['50', 50, null]]);
    expect(figuresOf('Dont 393 n’ont pas pu être joints.', 'fr')).toEqual([['393', 393, null]]);
  });

  it('counts "one" only when the text stresses it', () => {
    expect(figuresOf('Nur ein Feuerwehrmann, je ein Spiel, etwa ein Kilo, ein Mann.', 'de')).toEqual([
      ['ein Feuerwehrmann', 1, 'feuerwehrmann'],
      ['ein Spiel', 1, 'spiel'],
      ['ein Kilo', 1, 'kg'],
    ]);
    expect(figuresOf('un kilo de riz, l’un des soldats, plus d’un mois, one of them', 'fr')).toEqual([]);
  });

  it('keeps small spelled numbers that stand for people named before', () => {
    expect(figuresOf('Cuatro de ellos siguen graves; las otras siete murieron.', 'es')).toEqual([
      ['Cuatro', 4, null],
      ['siete', 7, null],
    ]);
    expect(figuresOf('Ils étaient trois.', 'fr')).toEqual([]);
  });
});

describe('ranges have both ends, in one scale and unit', () => {
  const ends = (text: string, lang: string): [number | null, number | null][] =>
    extractFigures([{ kind: 'paragraph', text }], lang).map((f) => [f.value, f.upper]);
  it.each<[string, string, [number | null, number | null][]]>([
    ['fr', 'De 10 à 15 % des cas.', [[10, 15]]],
    ['en', 'Between 10 and 20 million people.', [[1e7, 2e7]]],
    ['en', 'A deal worth $40-50 billion.', [[4e10, 5e10]]],
    ['de', 'ein bis zwei Milligramm', [[1, 2]]],
    ['es', 'Entre 400 y 500 huéspedes.', [[400, 500]]],
    ['fr', 'Près de 700 000 tonnes de riz.', [[700000, null]]],
  ])('%s: %s', (lang, text, expected) => {
    expect(ends(text, lang)).toEqual(expected);
  });
});

describe('ranges, ratios and fractions', () => {
  it.each<[string, string, Row[]]>([
    ['fr', 'De 10 à 15 % des cas.', [['10 à 15 %', 10, 'percent']]],
    ['en', 'Between 10 and 20 million people.', [['10 and 20 million people', 1e7, 'people']]],
    [
      'es',
      'Entre 400 y 500 huéspedes, las próximas 24 o 48 horas.',
      [
        ['400 y 500 huéspedes', 400, 'huéspedes'],
        ['24 o 48 horas', 24, 'hours'],
      ],
    ],
    ['de', 'ein bis zwei Milligramm', [['ein bis zwei Milligramm', 1, 'mg']]],
    [
      'en',
      'Prices rose from 5% to 7%.',
      [
        ['5%', 5, 'percent'],
        ['7%', 7, 'percent'],
      ],
    ],
    ['fr', 'Un avantage de trois contre un.', [['trois contre un', 3, 'ratio']]],
    [
      'fr',
      'Adopté par 438 contre 86.',
      [
        ['438', 438, null],
        ['86', 86, null],
      ],
    ],
    ['en', 'One in three adults.', [['One in three', 1 / 3, 'fraction']]],
    ['es', 'Uno de cada tres españoles.', [['Uno de cada tres', 1 / 3, 'fraction']]],
    [
      'fr',
      'Huit véhicules sur dix, deux tiers des annonces, la moitié.',
      [
        ['Huit véhicules sur dix', 0.8, 'fraction'],
        ['deux tiers', 2 / 3, 'fraction'],
        ['la moitié', 0.5, 'fraction'],
      ],
    ],
    [
      'de',
      'Jeder Fünfte, mehr als ein Drittel, gut die Hälfte.',
      [
        ['Jeder Fünfte', 0.2, 'fraction'],
        ['ein Drittel', 1 / 3, 'fraction'],
        ['die Hälfte', 0.5, 'fraction'],
      ],
    ],
    [
      'en',
      'Nearly one-third of voters, more than half of them; a third case.',
      [
        ['one-third', 1 / 3, 'fraction'],
        ['half', 0.5, 'fraction'],
      ],
    ],
    ['en', 'A Level 3 out of 5 risk.', [['Level 3 out of 5', 3, 'level']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(figuresOf(text, lang)).toEqual(expected);
  });
});

describe('not figures', () => {
  it.each<[string, string]>([
    ['fr', 'Le 20 janvier, en août 2023, à 05:48, mis à jour à 10h09, à 10 h.'],
    ['fr', 'Publié le 14.11.2024, le 1er août, la 23e minute, les années 1990.'],
    ['en', 'On March 3 at 5 p.m., in 2019, the 3rd round, the 1990s, open 24/7.'],
    ['en', 'See page 3, the F-16, COVID-19, an A350, Interstate 80 and Windows 11.'],
    ['en', 'Call +41 44 123 45 67 or visit https://example.com/story/12345.'],
    ['de', 'Am 3. März um 23 Uhr, im Jahr 2022, der 2. Weltkrieg, ein 2:1-Sieg, bis zum 10. Mai.'],
    ['de', 'Bürgertelefon: 030 46644664.'],
    ['es', 'El 20 de enero de 2024, en los años 90, a las 10.50 hora local.'],
    ['it', 'Il 1° gennaio, alle ore 10.'],
    ['en', 'Several thousand teachers marched.'],
    ['en', 'After the 4-1 win and a 2–2 draw.'],
  ])('%s: %s', (lang, text) => {
    expect(figuresOf(text, lang)).toEqual([]);
  });

  it('skips a heading’s own numbering and a block that is only a number', () => {
    expect(figuresOf('2. Die nächsten Schritte', 'de', 'heading')).toEqual([]);
    expect(figuresOf('4', 'fr')).toEqual([]);
  });

  it('skips captions', () => {
    expect(extractFigures([{ kind: 'caption', text: '50 000 soldats' }], 'fr')).toEqual([]);
  });

  it('keeps a year-like number that an amount word introduces', () => {
    expect(figuresOf('Lleva más de 2000 desaparecidos.', 'es')).toEqual([
      ['2000 desaparecidos', 2000, 'desaparecidos'],
    ]);
  });

  it('in a language it cannot read, keeps only numbers with a unit', () => {
    expect(figuresOf('O tratamento custa R$ 6 e dura 20 dias, diz o 5.', 'pt')).toEqual([['R$ 6', 6, 'BRL']]);
  });
});

describe('the article as a whole', () => {
  it('reads "1.500" by the decimal mark the article uses elsewhere', () => {
    const blocks: TextBlock[] = [
      { kind: 'paragraph', text: 'Rates rose 3.5%, 2.25% and 1.75%.' },
      { kind: 'paragraph', text: 'Then 1.500 people came.' },
    ];
    expect(extractFigures(blocks, 'de').at(-1)?.value).toBe(1.5);
  });

  it('guesses the language of a page without one', () => {
    const text =
      'El conflicto entre el Partido y la República se cobró cerca de 40.000 vidas y es una de las causas que más pesan en los años de la crisis del país.';
    expect(figuresOf(text, null)).toEqual([['40.000 vidas', 40000, 'vidas']]);
  });

  it('takes linear time', () => {
    const paragraph =
      'Près de 50 000 soldats, 700 000 tonnes de riz et cinq mille dollars le 20 janvier à 05:48, soit 3,5 %. ';
    const blocks: TextBlock[] = Array.from({ length: 200 }, () => ({ kind: 'paragraph', text: paragraph.repeat(20) }));
    const started = performance.now();
    const figures = extractFigures(blocks, 'fr');
    expect(figures).toHaveLength(200 * 20 * 4);
    // ~400 KB of text: well under a second on a shared CI core; a quadratic step would take minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
