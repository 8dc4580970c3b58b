/**
 * Numbers as news articles write them, in English, French, German, Spanish and Italian: digits
 * with the page's own separators ("50 000" with any space, "1.000,5", "1,000.5", "1'000"), scale
 * words ("1,2 Mrd.", "$1.2bn", "20 mil", "3 millions") and spelled-out numbers ("cent mille",
 * "two dozen", "zwei Millionen", "dreihundertfünfzig", "duemila", "veintitrés").
 *
 * Hand-written, not a library: Microsoft Recognizers-Text (the usual choice) ships megabytes of
 * grammars and culture tables for a content script budgeted at 50 KB gzip, and it scored value F1
 * 0.69 on news quantities (CQE's comparison). What news needs is small: a few hundred number
 * words, the two decimal conventions, and scale words whose meaning depends on the language
 * ("billion" is 10^9 in English but 10^12 in French, German, Spanish and Italian).
 *
 * Spelled-out numbers are read in two steps. A word is split into atoms: itself when it is in the
 * language's lexicon, or (German and Italian write compounds as one word: "fünfundzwanzig",
 * "centomila") the lexicon's morphemes that spell it exactly. The atoms are then added up the
 * usual way (units and tens add, "hundred" multiplies what precedes it, "thousand" and larger
 * close a group) with a check at each step that the sequence is grammatical, so "deux trois" or
 * "mille et que" end the number instead of being summed into nonsense.
 */

export type NumberLang = 'en' | 'fr' | 'de' | 'es' | 'it';

/** The five languages we read, from a page's lang ("fr-CH" -> "fr"); null for any other. */
export function numberLang(lang: string | null): NumberLang | null {
  const base = (lang ?? '').slice(0, 2).toLowerCase();
  return base === 'en' || base === 'fr' || base === 'de' || base === 'es' || base === 'it' ? base : null;
}

// ------------------------------------------------------------------------------------------------
// Digits

/** ',' when the article writes decimals with a comma ("3,5"), '.' with a point ("3.5"). */
export type DecimalMark = ',' | '.';

const SPACE_SEPARATOR = /^[\s\u00a0\u2007\u2009\u202f]$/u;
const DIGITS_AND_SEPARATORS = /(\d+)|([^\d])/gu;
const THREE = /^\d{3}$/;

/** Languages whose articles write "1.000,5" unless the article itself shows otherwise. */
export function defaultDecimalMark(lang: NumberLang | null): DecimalMark {
  return lang === null || lang === 'en' ? '.' : ',';
}

// Unambiguous evidence of an article's convention: a decimal part of 1-2 or 4+ digits, or a
// thousands separator used twice ("1,000,000"). Dates ("14.11.2024") look like the latter and
// are left out by requiring the groups to be exactly three digits.
const COMMA_DECIMAL = /(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d.,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.])/gu;
const POINT_DECIMAL = /(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])|\d{1,3}(?:,\d{3}){2,}(?![\d,])/gu;

/**
 * The decimal mark an article uses, from the numbers in it that can only be read one way; the
 * language's usual mark when they are too few to tell. English pages quoting "3,5" once do not
 * flip, hence the margin.
 */
export function detectDecimalMark(text: string, lang: NumberLang | null): DecimalMark {
  const comma = text.match(COMMA_DECIMAL)?.length ?? 0;
  const point = text.match(POINT_DECIMAL)?.length ?? 0;
  if (comma > point + 1) return ',';
  if (point > comma + 1) return '.';
  return defaultDecimalMark(lang);
}

/**
 * The value of one number written with digits and separators, e.g. "50 000", "1.000,5", "1'000",
 * "3,5", "0.125"; null when it is not one number (a date "14.11.2024", a version "1.2.3", a
 * phone-like "044 123" with a leading zero). `decimal` settles "1,500" and "1.500", the only
 * ambiguous shape (one separator, then exactly three digits).
 */
export function parseDigits(raw: string, decimal: DecimalMark): number | null {
  const groups: string[] = [];
  const seps: string[] = [];
  for (const m of raw.matchAll(DIGITS_AND_SEPARATORS)) {
    if (m[1] !== undefined) groups.push(m[1]);
    else seps.push(SPACE_SEPARATOR.test(m[2] ?? '') ? ' ' : m[2] === '’' ? "'" : (m[2] ?? ''));
  }
  const n = seps.length;
  const first = groups[0] ?? '';
  if (groups.length !== n + 1 || first === '') return null;
  // Where the decimal part starts: only ',' or '.' can mark it, and only the last separator.
  let decimalAt = -1;
  const last = seps[n - 1];
  if (last === ',' || last === '.') {
    const before = seps.slice(0, n - 1);
    if (before.includes(last))
      decimalAt = -1; // "1,000,000"
    else if (before.length > 0)
      decimalAt = n - 1; // "1.000,5", "1 000,5", "1'000.50"
    else if (!THREE.test(groups[1] ?? '') || first === '0' || last === decimal) decimalAt = 0;
  }
  const intGroups = decimalAt === -1 ? groups : groups.slice(0, decimalAt + 1);
  const thousands = seps.slice(0, intGroups.length - 1);
  if (first.length > 1 && first.startsWith('0')) return null;
  if (intGroups.length > 1) {
    if (first.length > 3 || thousands.some((s) => s !== thousands[0])) return null;
    if (!intGroups.slice(1).every((g) => THREE.test(g))) return null;
  }
  const int = intGroups.join('');
  return Number(decimalAt === -1 ? int : `${int}.${groups[decimalAt + 1] ?? ''}`);
}

// ------------------------------------------------------------------------------------------------
// Scale words after digits: "1,2 Mrd.", "$1.2bn", "3 millions", "20 mil", "5 mila"

const SCALE_WORDS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const put = (value: number, words: string): void => {
    for (const w of words.split(' ')) table[w] = value;
  };
  put(1e3, 'thousand mille mil mila tausend tsd tsd. k');
  put(1e6, 'million millions millionen mio mio. mn mln mln. millón millon millones milione milioni m');
  put(1e9, 'milliard milliards milliarde milliarden mrd mrd. md md. mds mld mld. miliardo miliardi bn bln b');
  put(1e12, 'trillion trillions tn trn bio bio. billón billones bilione bilioni');
  return table;
})();

/** "billion": 10^9 in English, 10^12 ("Billion", "billion") elsewhere. */
function billion(lang: NumberLang | null): number {
  return lang === 'en' || lang === null ? 1e9 : 1e12;
}

/** Abbreviations that mean a scale only next to a currency ("$3m", "€5k", "$2B"), else a unit. */
const MONEY_ONLY_SCALES = new Set(['m', 'k', 'b']);

/** The factor of a scale word ("Mrd." -> 1e9), or null. `money`: the number is an amount. */
export function scaleFactor(word: string, lang: NumberLang | null, money: boolean): number | null {
  const w = word.toLowerCase();
  if (w === 'billion' || w === 'billions' || w === 'billionen') return billion(lang);
  if (MONEY_ONLY_SCALES.has(w) && !money) return null;
  // "mil" and "mila" are Spanish and Italian: elsewhere "20 mil" is rather a typo or a unit.
  if ((w === 'mil' && lang !== 'es') || (w === 'mila' && lang !== 'it')) return null;
  return SCALE_WORDS[w] ?? null;
}

// ------------------------------------------------------------------------------------------------
// Spelled-out numbers

/** n: a number that adds (0-999); h: "hundred", multiplies; s: thousand and up; c: "and". */
type AtomKind = 'n' | 'h' | 's' | 'c';
interface Atom {
  kind: AtomKind;
  value: number;
  /** A scale that cannot stand alone ("millions", "mila"): needs a number before it. */
  bound?: boolean;
}

const UNITS_1_19: Record<NumberLang, string> = {
  en: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  fr: 'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize',
  de: 'eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn',
  es: 'uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve',
  it: 'uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove',
};
const TENS_20_90: Record<NumberLang, string> = {
  en: 'twenty thirty forty fifty sixty seventy eighty ninety',
  fr: 'vingt trente quarante cinquante soixante septante huitante nonante',
  de: 'zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig',
  es: 'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa',
  it: 'venti trenta quaranta cinquanta sessanta settanta ottanta novanta',
};
/** Spellings outside the regular lists: feminine and inflected "one", variants, Spanish 21-29 and hundreds. */
const EXTRA_WORDS: Record<NumberLang, string> = {
  en: 'zero:0 a:1 an:1',
  fr: 'zéro:0 une:1 vingts:20 octante:80 dix-sept:17 dix-huit:18 dix-neuf:19',
  de: 'null:0 ein:1 eine:1 einen:1 einem:1 einer:1 eines:1 zwo:2 dreissig:30',
  es: 'cero:0 un:1 una:1 dieciseis:16 veintiuno:21 veintiún:21 veintiuna:21 veintidós:22 veintidos:22 veintitrés:23 veintitres:23 veinticuatro:24 veinticinco:25 veintiséis:26 veintiseis:26 veintisiete:27 veintiocho:28 veintinueve:29 doscientos:200 doscientas:200 trescientos:300 trescientas:300 cuatrocientos:400 cuatrocientas:400 quinientos:500 quinientas:500 seiscientos:600 seiscientas:600 setecientos:700 setecientas:700 ochocientos:800 ochocientas:800 novecientos:900 novecientas:900',
  it: 'zero:0 un:1 una:1 tré:3 vent:20 trent:30 quarant:40 cinquant:50 sessant:60 settant:70 ottant:80 novant:90',
};
const HUNDRED: Record<NumberLang, string> = {
  en: 'hundred',
  fr: 'cent cents',
  de: 'hundert',
  es: 'cien ciento',
  it: 'cento cent',
};
/**
 * Scales; a trailing "*" marks the forms that need a number before them. The approximate group
 * nouns ("une quinzaine", "una veintena", "un centinaio") count as their number; their plurals
 * ("des dizaines", "centinaia") are vague and left out.
 */
const SCALES: Record<NumberLang, string> = {
  en: 'thousand:1e3 million:1e6* billion:1e9* trillion:1e12* dozen:12*',
  fr: 'mille:1e3 million:1e6* millions:1e6* milliard:1e9* milliards:1e9* billion:1e12* billions:1e12* dizaine:10* douzaine:12* douzaines:12* quinzaine:15* vingtaine:20* trentaine:30* quarantaine:40* cinquantaine:50* soixantaine:60* centaine:100* millier:1e3*',
  de: 'tausend:1e3 million:1e6* millionen:1e6* milliarde:1e9* milliarden:1e9* billion:1e12* billionen:1e12* dutzend:12*',
  es: 'mil:1e3 millón:1e6* millon:1e6* millones:1e6* billón:1e12* billones:1e12* decena:10* docena:12* docenas:12* quincena:15* veintena:20* treintena:30* centenar:100* millar:1e3*',
  it: 'mille:1e3 mila:1e3* milione:1e6* milioni:1e6* miliardo:1e9* miliardi:1e9* decina:10* dozzina:12* dozzine:12* quindicina:15* ventina:20* trentina:30* quarantina:40* cinquantina:50* centinaio:100* migliaio:1e3*',
};
const CONNECTOR: Record<NumberLang, string> = { en: 'and', fr: 'et', de: 'und', es: 'y', it: 'e' };

const LEXICON: Record<NumberLang, ReadonlyMap<string, Atom>> = (() => {
  const out = {} as Record<NumberLang, Map<string, Atom>>;
  for (const lang of ['en', 'fr', 'de', 'es', 'it'] as const) {
    const map = new Map<string, Atom>();
    UNITS_1_19[lang].split(' ').forEach((w, i) => map.set(w, { kind: 'n', value: i + 1 }));
    TENS_20_90[lang].split(' ').forEach((w, i) => map.set(w, { kind: 'n', value: 20 + 10 * i }));
    for (const pair of EXTRA_WORDS[lang].split(' ')) {
      const [w = '', v = ''] = pair.split(':');
      map.set(w, { kind: 'n', value: Number(v) });
    }
    for (const w of HUNDRED[lang].split(' ')) map.set(w, { kind: 'h', value: 100 });
    for (const pair of SCALES[lang].split(' ')) {
      const [w = '', v = ''] = pair.split(':');
      map.set(w, { kind: 's', value: Number(v.replace('*', '')), bound: v.endsWith('*') });
    }
    map.set(CONNECTOR[lang], { kind: 'c', value: 0 });
    out[lang] = map;
  }
  return out;
})();

/** Italian elided tens and "cent" ("ventuno", "centottanta"): numbers only inside a compound. */
const ITALIAN_MORPHEMES = new Set([
  'vent',
  'trent',
  'quarant',
  'cinquant',
  'sessant',
  'settant',
  'ottant',
  'novant',
  'cent',
  'tré',
]);
/** Words that are determiners as often as "one": never a figure on their own. */
const DETERMINERS = new Set([
  'a',
  'an',
  'one',
  'un',
  'une',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'uno',
  'una',
]);

const MAX_NUMBER_WORD = 80;

/**
 * The atoms of one word: the word itself when the lexicon has it; for German and Italian, which
 * write numbers as one word ("zweihunderttausend", "duemilacinquecento"), the shortest
 * decomposition into lexicon morphemes (longest first, with backtracking; words are short).
 */
function atomsOf(word: string, lang: NumberLang): Atom[] | null {
  const lexicon = LEXICON[lang];
  const whole = lexicon.get(word);
  const morphemeOnly = lang === 'it' && ITALIAN_MORPHEMES.has(word);
  if (whole && !morphemeOnly) return [whole];
  if (lang === 'fr' || lang === 'en' || lang === 'es') {
    // Hyphenated compounds: "quatre-vingt-dix", "twenty-five", "dix-sept".
    if (!word.includes('-')) return null;
    const parts: Atom[] = [];
    for (const part of word.split('-')) {
      const atom = lexicon.get(part);
      if (!atom) return null;
      parts.push(atom);
    }
    return parts;
  }
  // The longest number words are about 60 letters ("neunhundertneunundneunzigtausendneunhundert…");
  // a longer word is none, and split() recursed once per morpheme: a 5 MB word overflowed the stack.
  if (word.length < 4 || word.length > MAX_NUMBER_WORD) return null;
  const split = (rest: string): Atom[] | null => {
    if (rest === '') return [];
    for (let len = Math.min(rest.length, 12); len >= 2; len--) {
      const atom = lexicon.get(rest.slice(0, len));
      if (!atom) continue;
      const tail = split(rest.slice(len));
      if (tail) return [atom, ...tail];
    }
    return null;
  };
  const parts = split(word);
  return parts && parts.length > 1 ? parts : null;
}

interface Accumulator {
  total: number;
  current: number;
  maxScale: number;
  last: Atom | null;
  /** The last atom's value, as the grammar sees it: 80 after "quatre-vingt". */
  lastValue: number;
  pendingConnector: boolean;
  atoms: number;
}

/** Whether `next` may follow `last` (a connector in between when `joined`), per language grammar. */
function mayFollow(acc: Accumulator, next: Atom, joined: boolean, lang: NumberLang): boolean {
  const { last, current } = acc;
  if (next.kind === 'c') {
    return last !== null && last.kind !== 'c';
  }
  if (last === null) return !next.bound;
  if (last.kind === 'c') return false;
  if (joined) {
    if (next.kind !== 'n') return false;
    const [pv, v] = [acc.lastValue, next.value];
    if (last.kind === 'n') {
      if (lang === 'fr') return pv >= 20 && pv <= 70 && pv % 10 === 0 && (v === 1 || v === 11);
      if (lang === 'es') return pv >= 30 && pv <= 90 && pv % 10 === 0 && v >= 1 && v <= 9;
      if (lang === 'de') return pv >= 1 && pv <= 9 && v >= 20 && v <= 90 && v % 10 === 0;
      return false;
    }
    // "one hundred and five", "mille e cento"
    return (lang === 'en' || lang === 'it') && v < 100;
  }
  switch (next.kind) {
    case 'n': {
      if (last.kind !== 'n') return next.value < 100 || (last.kind === 's' && next.value < 1000);
      const [pv, v] = [acc.lastValue, next.value];
      if (pv >= 20 && pv <= 90 && pv % 10 === 0 && v >= 1 && v <= 9) return true; // twenty-five, ventitré
      if (pv >= 100 && pv % 100 === 0 && v < 100) return true; // doscientos cincuenta
      if (lang === 'fr') {
        if (pv === 10 && v >= 7 && v <= 9) return true; // dix-sept
        if ((pv === 60 || pv === 80) && v >= 10 && v <= 19) return true; // soixante-dix, quatre-vingt-onze
        if (pv === 4 && v === 20) return true; // quatre-vingt(s)
      }
      return false;
    }
    case 'h':
      return last.kind !== 'h' && (last.kind !== 'n' || current < 10);
    case 's':
      return last.kind === 'n' || next.value >= 1000;
    default:
      return false;
  }
}

function addAtom(acc: Accumulator, atom: Atom, lang: NumberLang): boolean {
  if (atom.kind === 'c') {
    if (acc.pendingConnector || !mayFollow(acc, atom, false, lang)) return false;
    acc.pendingConnector = true;
    return true;
  }
  if (!mayFollow(acc, atom, acc.pendingConnector, lang)) return false;
  acc.pendingConnector = false;
  switch (atom.kind) {
    case 'n':
      // "quatre-vingt": the four multiplies the twenty.
      if (lang === 'fr' && acc.last?.kind === 'n' && acc.last.value === 4 && atom.value === 20) acc.current += 76;
      else acc.current += atom.value;
      break;
    case 'h':
      acc.current = (acc.current || 1) * 100;
      break;
    case 's':
      if (atom.value > acc.maxScale) {
        acc.total = (acc.total + acc.current || 1) * atom.value;
        acc.maxScale = atom.value;
      } else if (acc.current > 0) {
        acc.total += acc.current * atom.value;
      } else return false;
      acc.current = 0;
      break;
  }
  acc.lastValue = acc.last?.kind === 'n' && acc.lastValue === 4 && atom.value === 20 && lang === 'fr' ? 80 : atom.value;
  acc.last = atom;
  acc.atoms++;
  return true;
}

export interface WordNumber {
  value: number;
  /** How many of the given words the number spans. */
  words: number;
  /** A lone "un", "one", "ein", "a"...: as often an article as a count. */
  determiner: boolean;
  /** Ends with a scale word ("deux millions", "un milione"), so "de"/"di" may introduce the unit. */
  scaled: boolean;
}

/**
 * The spelled-out number that starts at words[0] (lower-case words, consecutive in the text), as
 * many words long as grammar allows: ["cent", "mille", "et"] -> 100000 over 2 words;
 * ["two", "dozen", "eggs"] -> 24; ["vingt", "et", "un"] -> 21. Null when words[0] starts none.
 */
export function readNumberWords(words: readonly string[], lang: NumberLang): WordNumber | null {
  const acc: Accumulator = {
    total: 0,
    current: 0,
    maxScale: 0,
    last: null,
    lastValue: 0,
    pendingConnector: false,
    atoms: 0,
  };
  let used = 0;
  let committed: Accumulator | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    // English "a" and "an" are numbers only before a scale: "a hundred", "a million", "a dozen".
    if (lang === 'en' && (word === 'a' || word === 'an')) {
      const next = LEXICON.en.get(words[i + 1] ?? '');
      if (i > 0 || !next || (next.kind !== 'h' && next.kind !== 's')) break;
    }
    const atoms = atomsOf(word, lang);
    if (!atoms) break;
    const trial = { ...acc };
    if (!atoms.every((a) => addAtom(trial, a, lang))) break;
    Object.assign(acc, trial);
    if (!acc.pendingConnector) {
      used = i + 1;
      committed = { ...acc };
    }
  }
  if (!committed || used === 0) return null;
  const value = committed.total + committed.current;
  const determiner = used === 1 && DETERMINERS.has(words[0] ?? '');
  return { value, words: used, determiner, scaled: committed.last?.kind === 's' };
}

/** Whether a lower-case word can start a spelled-out number in the language (cheap pre-check). */
export function startsNumberWord(word: string, lang: NumberLang): boolean {
  if (LEXICON[lang].get(word)?.kind === 'c') return false;
  return atomsOf(word, lang) !== null;
}

// ------------------------------------------------------------------------------------------------
// Which language, when the page does not say

const COMMON_WORDS: Record<NumberLang, ReadonlySet<string>> = {
  en: new Set('the and of to is was that for with are have from'.split(' ')),
  fr: new Set('le les et des est une pour dans que qui sur avec'.split(' ')),
  de: new Set('der die und das ist nicht mit sich von den auf für'.split(' ')),
  es: new Set('el los las y del que por con una para es se'.split(' ')),
  it: new Set('il di che della per sono con gli una nel non è'.split(' ')),
};
const GUESS_WORD = /\p{L}+/gu;

/**
 * The language of a text from its most common function words, for pages without a lang
 * attribute; null when no language clearly leads (a 50% margin over the runner-up).
 */
export function guessNumberLang(text: string): NumberLang | null {
  const counts: Record<NumberLang, number> = { en: 0, fr: 0, de: 0, es: 0, it: 0 };
  let seen = 0;
  for (const m of text.matchAll(GUESS_WORD)) {
    const w = m[0].toLowerCase();
    for (const lang of ['en', 'fr', 'de', 'es', 'it'] as const) if (COMMON_WORDS[lang].has(w)) counts[lang]++;
    if (++seen > 3000) break; // the first few thousand words are plenty
  }
  const ranked = (Object.entries(counts) as [NumberLang, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0], ranked[1]];
  return best && second && best[1] >= 10 && best[1] >= 1.5 * second[1] ? best[0] : null;
}
