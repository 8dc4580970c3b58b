/**
 * Figures: the numbers that carry a story ("700 000 tonnes", "$1.2bn", "3,5 %", "trois contre un"),
 * each with a normalised value and unit, its place in the article and a few words of context.
 *
 * How a block is read, in one pass from left to right:
 *   1. spans that are not figures are masked first: URLs, dates ("20 janvier", "14.11.2024",
 *      "March 3"), clock times ("05:48", "10h09", "um 10 Uhr"), phone numbers, a heading's own
 *      numbering;
 *   2. numerals are found: runs of digits (read by numbers.ts with the article's decimal mark,
 *      settled once for the whole article) and spelled-out numbers in the article's language;
 *   3. each numeral grows into a figure: a currency before it ("$", "CHF"), a scale word after it
 *      ("bn", "Mrd.", "millions de"), then a unit ("%", "dollars", "km", "heures", "fois") or else
 *      the noun it counts ("soldats", "Menschen"), and a rate ("par semaine"); a second numeral
 *      joined by "à", "-", "to", "bis" makes a range, by "contre" or "to 1" a ratio, by "sur",
 *      "in", "out of" a fraction; fractions are also read from "deux tiers", "la moitié",
 *      "jeder Fünfte";
 *   4. what is left is dropped when it is furniture rather than a figure: years and decades,
 *      ordinals, ids ("F-16", "Interstate 80", "page 3"), scores, a lone "un"/"one" (an article,
 *      not a count: "un kilo de riz", "l'un des soldats"), vague amounts ("several thousand"),
 *      and spelled-out small numbers that count nothing ("ils étaient trois").
 *
 * Everything is regular expressions compiled once below and table look-ups over a bounded window
 * around each numeral, so the cost is linear in the article's length. Hand-written for the reasons
 * in numbers.ts: Microsoft Recognizers-Text alone is many times the content script's 50 KB budget.
 *
 * Conventions (those of the gold set, tests/fixtures/quotes-figures/README.md): `value` is a plain
 * number (1.2e9 for "$1.2bn"; a range gives its first end, and its last in `upper`; a ratio X/Y: "trois contre un" 3; a
 * fraction its decimal: "one in three" 1/3). `unit` is an ISO 4217 code for money; "percent",
 * "percentage point"; a short English unit for measures ("km", "km/h", "m²", "kg", "tonnes",
 * "litres", "miles", "°C"); English plurals for durations ("days", "hours"); "times" for
 * multipliers; "fraction"; "ratio"; a rate as "<unit> per week"; the counted noun as written,
 * lower-case ("soldats", "betroffenen"); null when nothing is counted ("mille").
 */
import type { TextBlock } from './blocks';
import {
  detectDecimalMark,
  guessNumberLang,
  numberLang,
  parseDigits,
  readNumberWords,
  scaleFactor,
  startsNumberWord,
  type DecimalMark,
  type NumberLang,
} from './numbers';

export interface FoundFigure {
  /** Exactly blocks[block].text.slice(start, end): the figure as written, with its unit or noun. */
  text: string;
  value: number | null;
  /** A range's upper end ("10 à 15 %": 15), null for a single value. */
  upper: number | null;
  unit: string | null;
  /** A few words around it (at most about twelve), for the popup. */
  context: string;
  block: number;
  start: number;
  end: number;
}

/**
 * Headings are read: a subheading's figures are the story's (the gold set lists them too), and a
 * heading's own numbering ("2. Next steps") is masked. Captions are not read (photo credits,
 * dimensions, dates of pictures), nor preformatted text (code, data tables).
 */
const READ_KINDS = new Set<TextBlock['kind']>(['paragraph', 'heading', 'quote', 'list-item']);

const SP = '[\\s\\u00a0\\u2007\\u2009\\u202f]';

// ------------------------------------------------------------------------------------------------
// Units

/** Units written as words (matched without regard to case): unit -> spellings, "|" between. */
const UNIT_WORDS: Readonly<Record<string, string>> = {
  percent: 'percent|per cent|pct|pour cent|pourcent|prozent|por ciento|porciento|per cento|percento',
  'percentage point':
    'percentage point|percentage points|points de pourcentage|point de pourcentage|prozentpunkte|prozentpunkten|prozentpunkt|punto porcentual|puntos porcentuales|punti percentuali|punto percentuale',
  'basis point': 'basis points|basis point|points de base|basispunkte|basispunkten|puntos básicos|punti base',
  USD: 'dollar|dollars|us dollars|us-dollar|us-dollars|dollars américains|dollars us|dólar|dólares|dólares estadounidenses|dollari|dollaro',
  EUR: 'euro|euros',
  GBP: 'pound|pounds|pounds sterling|livre sterling|livres sterling|livres|pfund|britische pfund|libras esterlinas|libras|sterline|sterlina',
  CHF: 'franc|francs|francs suisses|franken|schweizer franken|francos suizos|franchi|franchi svizzeri',
  JPY: 'yen',
  CNY: 'yuan|renminbi',
  RUB: 'rouble|roubles|ruble|rubles|rubel|rublos|rubli',
  INR: 'rupee|rupees|roupies|rupien|rupias',
  UAH: 'hryvnia|hryvnias|hrywnja|hrywnjas',
  cent: 'cent|cents|centime|centimes|rappen|céntimo|céntimos|centesimi|centesimo',
  'km/h':
    "kilometres per hour|kilometers per hour|kilomètres par heure|kilomètres à l’heure|kilomètres à l'heure|kilometern pro stunde|kilometer pro stunde|stundenkilometer|stundenkilometern|kilómetros por hora|chilometri orari|chilometri all'ora",
  mph: 'miles per hour',
  'km²':
    'square kilometres|square kilometers|kilomètres carrés|quadratkilometer|quadratkilometern|kilómetros cuadrados|chilometri quadrati',
  'm²': 'square metres|square meters|mètres carrés|quadratmeter|quadratmetern|metros cuadrados|metri quadrati',
  km: 'kilometre|kilometres|kilometer|kilometers|kilometern|kilomètre|kilomètres|kilómetro|kilómetros|chilometro|chilometri',
  m: 'metre|metres|meter|meters|metern|mètre|mètres|metro|metros|metri',
  cm: 'centimetre|centimetres|centimeter|centimeters|zentimeter|zentimetern|centimètre|centimètres|centímetro|centímetros|centimetri',
  mm: 'millimetre|millimetres|millimeter|millimeters|millimetern|millimètre|millimètres|milímetro|milímetros|millimetri',
  miles: 'mile|miles|meile|meilen|milla|millas|miglia',
  feet: 'foot|feet|fuß',
  inches: 'inch|inches|pouces|zoll|pulgadas|pollici',
  kg: 'kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes|kilogramm|kilogramo|kilogramos|chilo|chili|chilogrammi',
  g: 'gram|grams|gramme|grammes|gramm|gramo|gramos|grammi',
  mg: 'milligram|milligrams|milligramme|milligrammes|milligramm|miligramo|miligramos|milligrammi',
  tonnes: 'ton|tons|tonne|tonnes|tonnen|tonelada|toneladas|tonnellata|tonnellate',
  litres: 'litre|litres|liter|liters|litern|litro|litros|litri',
  barrels: 'barrel|barrels|baril|barils|barril|barriles|barili',
  '°C': 'degrees celsius|degrés celsius|grad celsius|grados celsius|grados centígrados|gradi celsius',
  '°': 'degree|degrees|degré|degrés|grad|grados|gradi',
  MW: 'megawatt|megawatts|mégawatts|mégawatt',
  GW: 'gigawatt|gigawatts',
  seconds: 'second|seconds|seconde|secondes|sekunde|sekunden|segundo|segundos|secondi',
  minutes: 'minute|minutes|minuten|minuto|minutos|minuti',
  hours: 'hour|hours|heure|heures|stunde|stunden|std.|hora|horas|ore',
  days: 'day|days|jour|jours|journées|tag|tage|tagen|día|días|giorno|giorni',
  weeks: 'week|weeks|semaine|semaines|woche|wochen|semana|semanas|settimana|settimane',
  months: 'month|months|mois|monat|monate|monaten|mes|meses|mese|mesi',
  years:
    'year|years|ans|année|années|jahr|jahre|jahren|año|años|anno|anni|year-old|years-old|jährige|jährigen|jähriger',
  decades: 'decade|decades|décennie|décennies|jahrzehnt|jahrzehnte|jahrzehnten|década|décadas|decennio|decenni',
  centuries: 'century|centuries|siècle|siècles|jahrhundert|jahrhunderte|siglo|siglos|secolo|secoli',
  times: 'times|fois|mal|veces|volte',
};

/** Symbols and codes, matched with their case ("5G" is no gram, "10 T" no tonne). */
const UNIT_SYMBOLS: Readonly<Record<string, string>> = {
  percent: '%',
  permille: '‰',
  'percentage point': 'pp|Pp.|p.p.',
  USD: '$|US$|USD',
  EUR: '€|EUR',
  GBP: '£|GBP',
  CHF: 'CHF|Fr.|SFr.',
  JPY: '¥|JPY',
  CNY: 'CNY|RMB',
  RUB: '₽|RUB',
  INR: '₹|INR',
  km: 'km',
  m: 'm',
  cm: 'cm',
  mm: 'mm',
  kg: 'kg',
  g: 'g',
  mg: 'mg',
  tonnes: 't|Mt',
  'km²': 'km²|km2|qkm',
  'm²': 'm²|m2|qm',
  'km/h': 'km/h|kmh|kph',
  mph: 'mph',
  litres: 'l|L',
  '°C': '°C|° C',
  '°F': '°F|° F',
  '°': '°',
  kW: 'kW',
  MW: 'MW',
  GW: 'GW',
  kWh: 'kWh',
  MWh: 'MWh',
  GWh: 'GWh',
  TWh: 'TWh',
  GB: 'GB|Go',
  TB: 'TB|To',
  hours: 'h',
  minutes: 'min',
};
/** Symbols that must be apart from the number: "2020s" is a decade, "10h" a time. */
const SPACED_SYMBOLS = new Set(['h', 'l', 'L']);

/** Currencies written before the amount: "$1.2bn", "CHF 50", "US$ 3", "€5m". */
const CURRENCY_BEFORE: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  'US $': 'USD',
  USD: 'USD',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  '¥': 'JPY',
  JPY: 'JPY',
  CHF: 'CHF',
  'Fr.': 'CHF',
  'SFr.': 'CHF',
  '₹': 'INR',
  '₽': 'RUB',
  CNY: 'CNY',
  RMB: 'CNY',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  HK$: 'HKD',
  NZ$: 'NZD',
  R$: 'BRL',
};
const MONEY = new Set([...Object.values(CURRENCY_BEFORE), 'UAH']);

/** Periods of a rate ("quatre jours par semaine", "tre volte a settimana"): word -> English. */
const PERIODS: Readonly<Record<string, string>> = {
  day: 'day|jour|tag|día|dia|giorno',
  week: 'week|semaine|woche|semana|settimana',
  month: 'month|mois|monat|mes|mese',
  year: 'year|an|année|jahr|año|anno',
  hour: 'hour|heure|stunde|hora|ora',
};

/** Denominators of fractions written as nouns: "deux tiers", "ein Drittel", "two-thirds". */
const DENOMINATORS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    3: 'third thirds tiers drittel tercio tercios terzo terzi',
    4: 'quarter quarters quart quarts viertel quarti',
    5: 'fifth fifths cinquième cinquièmes fünftel quinto quintos quinti',
    10: 'tenth tenths dixième dixièmes zehntel décimo décimos decimi',
  }).flatMap(([n, words]) => words.split(' ').map((w): [string, number] => [w, Number(n)])),
);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const spaced = (s: string): string => escape(s).replace(/ /g, `${SP}+`);

function unitTable(table: Readonly<Record<string, string>>, lower: boolean): Map<string, string> {
  const map = new Map<string, string>();
  for (const [unit, forms] of Object.entries(table)) {
    for (const form of forms.split('|')) map.set(lower ? form.toLowerCase() : form, unit);
  }
  return map;
}
const UNIT_BY_WORD = unitTable(UNIT_WORDS, true);
const UNIT_BY_SYMBOL = unitTable(UNIT_SYMBOLS, false);
const PERIOD_BY_WORD = unitTable(PERIODS, true);
const alternation = (forms: Iterable<string>): string =>
  [...forms]
    .sort((a, b) => b.length - a.length)
    .map(spaced)
    .join('|');

// Sticky patterns, run at a number's end. A unit may follow a space, nothing ("100km") or a hyphen
// ("a 10-km race", "45-year-old"); "de"/"d'" before it only after a scale ("3 millions de dollars").
const UNIT_WORD_AFTER = new RegExp(
  `(${SP}*|-)((?:de${SP}+|d['’]|of${SP}+|di${SP}+)?)(${alternation(UNIT_BY_WORD.keys())})(?![\\p{L}\\p{N}])`,
  'iuy',
);
const UNIT_SYMBOL_AFTER = new RegExp(`(${SP}*|-)(${alternation(UNIT_BY_SYMBOL.keys())})(?![\\p{L}\\p{N}])`, 'uy');
const CURRENCY_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}$])(${alternation(Object.keys(CURRENCY_BEFORE))})${SP}?$`,
  'u',
);
/** A scale word after digits: "1,2 Mrd.", "$1.2bn", "3 millions", "20 mil", "5 mila". */
const SCALE_AFTER =
  /[\s\u00a0\u2007\u2009\u202f]*(thousand|mille|mila|mil|tausend|tsd\.|millions?|millionen|mio\.?|mn|mln\.?|millón|millon|millones|milione|milioni|milliards?|milliarden?|mrd\.?|mds?\.?|mld\.?|miliardo|miliardi|bn|bln|billions?|billionen|billón|billones|trillions?|tn|trn|bio\.|k|m|b)(?![\p{L}\p{N}])/iuy;
const OF_AFTER_SCALE = /[\s\u00a0]+(?:de|of|di|del|de los)[\s\u00a0]+|[\s\u00a0]+d['’]/iuy;
const RATE_AFTER = new RegExp(
  `${SP}+(?:per|par|pro|por|a|al|à${SP}+la|all['’]|a${SP}+la|every|each|jede[nrs]?|chaque)${SP}*(${alternation(PERIOD_BY_WORD.keys())})(?![\\p{L}])`,
  'iuy',
);
/** The word after a number, for the noun it counts. */
const NEXT_WORD = /[\s\u00a0\u2007\u2009\u202f]+(\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}+)*)/uy;

// ------------------------------------------------------------------------------------------------
// Counted nouns

// Function words that follow numbers but are not what they count ("mille et que", "50 were").
const STOP_WORDS: Record<NumberLang, string> = {
  en: 'the a an and or but nor of to in on at by for from with as than that this these those which who whom whose what when where while is are was were be been being has have had do does did will would can could may might shall should must not no so if then also only just more most less over under about around after before since until per each every all some any other such both either its it they them their there here he she his her we our you your i me my out up down into through during against between among ago later earlier again too very still already yet million billion thousand hundred said says say according exists remains seems appears',
  fr: 'le la les l un une des du de d au aux à en dans sur sous par pour avec sans et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces son sa ses leur leurs se s il elle ils elles on nous vous je tu me te lui y ne n pas plus moins très trop tout tous toute toutes autre même est sont était étaient sera seront a ont avait avaient été être avoir fait font selon comme entre vers chez après avant depuis pendant contre environ près jusqu si déjà encore aussi ainsi alors puis parmi dès',
  de: 'der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern als wie wenn dass daß ob weil in im ins an am auf aus bei beim mit nach seit von vom zu zum zur für gegen ohne um über unter vor hinter zwischen durch bis pro je ist sind war waren wird werden wurde wurden worden hat haben hatte hatten sein seien kann können konnte soll sollen sollte muss müssen will wollen nicht kein keine keinen noch schon auch nur mehr weniger rund etwa fast knapp gut insgesamt es er sie wir ihr ich man sich davon so da hier dort uhr',
  es: 'el la los las lo un una unos unas de del al a en con por para sin sobre entre desde hasta hacia y o e u ni pero sino que quien quienes cual cuales cuyo como cuando donde este esta estos estas ese esa esos esas su sus se le les nos me te es son fue fueron era eran ha han había habían ser estar está están más menos muy ya también tan no sí casi cerca según',
  it: 'il lo la i gli le l un una uno dei degli delle del della dello dell al allo alla ai agli alle all di da in con su per tra fra a e o ed ma né che chi cui come quando dove questo questa questi queste quello quella quelli quelle suo sua suoi sue si ci ne non è sono era erano fu stato stati stata state ha hanno aveva avevano essere avere più meno molto già anche solo circa quasi',
};
const STOP: Record<NumberLang, ReadonlySet<string>> = (() => {
  const out = {} as Record<NumberLang, Set<string>>;
  for (const [lang, words] of Object.entries(STOP_WORDS)) out[lang as NumberLang] = new Set(words.split(' '));
  return out;
})();
/** Adjectives that stand between a number and its noun ("12 000 nouveaux cas", "40 fellow teachers"). */
const BEFORE_NOUN = new Set(
  'nouveaux nouvelles autres premiers premières derniers dernières petits petites grands grandes jeunes nuevos nuevas otros otras primeros primeras últimos últimas nuovi nuove altri altre primi prime ultimi ultime new more other additional extra young old small large big major minor former further fellow main key top senior total separate different similar local foreign'.split(
    ' ',
  ),
);
/** English plurals without an s, which may follow any number. */
const EN_PLURALS = new Set(
  'people children men women police staff personnel cattle sheep fish deer aircraft'.split(' '),
);
const ADJECTIVE_EN = /(?:ian|ese|ish|al|ive|ous|ic|ern|ful|less|ed)$/;
const ELIDED = /^\p{L}{1,2}['’]/u;

// ------------------------------------------------------------------------------------------------
// What is not a figure

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januar|jänner|februar|märz|april|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|jan\\.?|feb\\.?|mar\\.|apr\\.?|jun\\.|jul\\.|aug\\.?|sep\\.?|sept\\.|oct\\.?|okt\\.?|nov\\.?|dec\\.?|dez\\.?|janv\\.|févr\\.|avr\\.|juil\\.';
const DAY_SUFFIX = '(?:er|re|ère|º|°|st|nd|rd|th|\\.)?';
const NOT_FIGURES: readonly RegExp[] = [
  // URLs and e-mail addresses (the local part at most 64 characters, as RFC 5321 has it: unbounded,
  // a long word without an "@" was read again from each of its letters; a 100 KB word took 12 s)
  /(?:https?:\/\/|www\.)[^\s]+|[^\s@]{1,64}@[^\s@]+\.\p{L}+/giu,
  // dates with digits: 14.11.2024, 14/11/2024, 2024-11-14, 11/14, "18. 7." (a Swiss live ticker)
  /(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)|(?<!\d)\d{1,2}\/\d{1,2}(?![\d/])|(?<![\d.])\d{1,2}\.[\s\u00a0]\d{1,2}\.(?!\d)/gu,
  // day and month: "20 janvier", "3 et 4 mars", "14. November", "1er août", "3rd of May"
  new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,2}${DAY_SUFFIX}(?:${SP}*(?:-|–|et|and|und|y|e|au|bis|to|al|&)${SP}*\\d{1,2}${DAY_SUFFIX})?${SP}+(?:de${SP}+|of${SP}+)?(?:${MONTHS})(?![\\p{L}])`,
    'giu',
  ),
  // month and day, as English writes it: "March 3", "Nov. 14th"
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?[\s\u00a0]+\d{1,2}(?:st|nd|rd|th)?(?![\d,.]\d)/gu,
  // clock times: 05:48, 10h09, 10 h 30, 10.30 Uhr, 23 Uhr, 5 pm, 10 p.m., à 10 h, las 10.50, alle 10
  new RegExp(
    `(?<!\\d)\\d{1,2}(?:${SP}?[:h]${SP}?\\d{2}|(?:[.:]\\d{2})?${SP}?(?:uhr|a\\.m\\.|p\\.m\\.|am|pm|o'clock)(?![\\p{L}]))|(?:à|vers|dès|jusqu'à|um|gegen|ab)${SP}+\\d{1,2}${SP}?(?:h|heures?|uhr)(?![\\p{L}\\p{N}])|(?:a las|alle ore|le ore)${SP}+\\d{1,2}(?:[.:]\\d{2})?(?![\\p{L}\\p{N}])|(?:las|alle)${SP}+\\d{1,2}[.:]\\d{2}(?!\\d)|\\d{1,2}[.:]\\d{2}${SP}+(?:hora|horas|ore|heures|h)(?![\\p{L}])`,
    'giu',
  ),
  // phone numbers: +41 44 123 45 67, (555) 123-4567
  /\+\d[\d\s\u00a0().-]{7,}\d|\(\d{2,4}\)[\s\u00a0]?\d{3}[\s\u00a0-]?\d{2,4}/gu,
];
// German "am" is "on the": the clock-time pattern's "am" only counts in other languages.
const GERMAN_AM = /\d(?:[.:]\d{2})?[\s\u00a0]?am$/iu;
/** A heading's or list item's own numbering: "1. Introduction", "3) Next". */
const NUMBERING = /^\s*\d{1,2}[.)][\s\u00a0]/u;

/** Words before a number that make it a name or an id: "page 3", "Article 5", "n° 12", "Nr. 4". */
const ID_BEFORE =
  /(?:(?<!\p{L})(?:page|pages|seite|seiten|página|pagina|article|articles|artikel|artículo|articolo|section|chapter|chapitre|kapitel|capítulo|capitolo|numéro|nummer|número|numero|number|line|ligne|linie|línea|linea|room|salle|zimmer|phase|episode|épisode|folge|season|saison|staffel|temporada|stagione|version|flight|route|paragraph|absatz|alinéa|tome|band|classe|klasse|gruppe|group|groupe|division|liga|ligue|league|serie|série|series|covid|gate|platform|quai|gleis|terminal|zone|highway|interstate|autoroute|ruta|strada|straße)[\s\u00a0]+|(?<!\p{L})(?:p|pp|s|art|no|nr|n|v|vol|num|bd|ch)\.[\s\u00a0]*|(?:[#§№'’]|n°|nº|N°|Nº)[\s\u00a0]*)$/iu;
/** Words after which a four-digit number is a year even with a noun ("in 2020 elections"). */
const YEAR_BEFORE =
  /(?<!\p{L})(?:in|en|im|seit|since|depuis|desde|dal|nel|del|année|year|jahr|año|anno|until|jusqu'en|bis|by|from|de|von|to|à|a|al|au|l'an|fin|début|ende|anfang|summer|été|sommer|verano|estate|winter|hiver|invierno|inverno|spring|printemps|frühjahr|primavera|autumn|fall|automne|herbst|otoño|autunno)[\s\u00a0]+$/iu;
/** Amount words after which a year-like number is an amount: "más de 2000", "more than 1900". */
const AMOUNT_BEFORE =
  /(?<!\p{L})(?:more than|less than|fewer than|nearly|almost|plus de|moins de|près de|mehr als|weniger als|fast|knapp|más de|menos de|casi|cerca de|più di|meno di|quasi|oltre)[\s\u00a0]+$/iu;
/** Decades: "años 90", "les années 1990", "anni Novanta", "the '90s". */
const DECADE_BEFORE = /(?<!\p{L})(?:années|años|anni|jahre|years|the)[\s\u00a0]+$/iu;
/** Articles before a bare number up to 31 make it a day of the month: "le 20", "am 3.", "bis zum 10.". */
const DAY_ARTICLE =
  /(?<!\p{L})(?:le|the|am|el|il|du|au|vom|zum|bis|dal|al|del|día|jour|giorno|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)[\s\u00a0]+$/iu;
/** Ordinals written with digits: "1er", "3e", "23e", "2nd", "3rd", "4th", "5º", "1ª". */
const ORDINAL_AFTER = /^(?:er|re|ère|ere|e|ème|eme|es|èmes|st|nd|rd|th|º|ª)(?![\p{L}])/iu;
/** German writes ordinals with a point: "am 3. März", "der 2. Weltkrieg", "27. Minute". */
const GERMAN_ORDINAL = /^\.[\s\u00a0]+(\p{L}+)/u;
const GERMAN_SENTENCE_START = new Set(
  'Der Die Das Den Dem Des Ein Eine Er Sie Es Wir Ich Man Auch Doch Aber Und Oder Im In Am An Auf Aus Bei Mit Nach Seit Von Vor Zu Zum Zur Für Dies Diese Dieser Damit Dabei Dann Da Dass So Wie Was Wer Wo Wann Als Nun Noch Nur Schon Laut Bis Insgesamt Außerdem Zudem Trotzdem Jetzt Heute'.split(
    ' ',
  ),
);
/** Vague amounts: "several thousand", "quelques milliers", "ein paar hundert". */
const VAGUE_BEFORE =
  /(?<!\p{L})(?:several|a few|few|many|some|hundreds of|thousands of|plusieurs|quelques|mehrere|einige|ein paar|viele|varios|varias|algunos|algunas|unos pocos|diversi|diverse|alcuni|alcune|qualche)[\s\u00a0]+$/iu;
/**
 * Before a lone "one": it is a count, not an article ("nur ein Feuerwehrmann", "je ein Spiel");
 * before "one" and a measure, approximators too ("etwa ein Kilo"). "nicht nur ein" is "not only a".
 */
const ONE_COUNTS_AFTER =
  /(?<!(?:nicht|not|non|no|pas)[\s\u00a0]+)(?<!\p{L})(?:nur|only|just|seulement|solo|sólo|solamente|soltanto|je|genau|exactly|exactement|mindestens|at least|au moins|al menos|almeno)[\s\u00a0]+$/iu;
const ONE_MEASURE_AFTER =
  /(?<!\p{L})(?:etwa|rund|ungefähr|about|around|roughly|environ|circa|cerca de|unos|alrededor de|zusammen)[\s\u00a0]+$/iu;
/** Before a bare number: a multiplier ("multiplier par 10", "multiplied by 3"). */
const MULTIPLY_BEFORE =
  /(?<!\p{L})(?:multipli\p{L}*|moltiplica\p{L}*|multiplica\p{L}*|vervielfach\p{L}*)[\s\u00a0]+(?:par|by|per|por|um)[\s\u00a0]+$/iu;
/** Before a lone small number: an article makes it a count of things named before ("las otras siete"). */
const ARTICLE_BEFORE =
  /(?<!\p{L})(?:the|les|los|las|die|den|gli|le|i|these|those|ces|esos|esas|estos|estas|diese|questi|quei|quelle)(?:[\s\u00a0]+(?:other|autres|otros|otras|anderen|altri|altre|first|last|premiers|derniers|primeros|últimos|ersten|letzten))?[\s\u00a0]+$/iu;
/** After a lone small number: "cuatro de ellos", "three of them", "deux d'entre eux". */
const PARTITIVE_AFTER =
  /^[\s\u00a0]+(?:of (?:them|those|these|us)|d['’]entre|de (?:ellos|ellas|ustedes|nosotros|los|las|estos|estas)|di (?:loro|questi|quelli|noi)|von (?:ihnen|denen|uns))(?![\p{L}])/iu;
/** "Level 3 out of 5": a rating on a scale. */
const LEVEL =
  /(?<![\p{L}-])(?:level|niveau|stufe|nivel|livello|category|catégorie|kategorie|categoría|categoria)[\s\u00a0]+(\d{1,2})(?:[\s\u00a0]+(?:out of|of|sur|von|de|su)[\s\u00a0]+\d{1,2})?(?![\p{N}])/giu;

/**
 * Fractions written with words: "a third", "deux tiers", "one-third", "ein Drittel"; followed by
 * "of"/"de"/"der" or by no word, since "a third case" is an ordinal.
 */
const FRACTION = new RegExp(
  `(?<![\\p{L}])(a|an|one|two|three|un|une|deux|trois|ein|eine|einem|einen|zwei|drei|uno|una|dos|tres|due|tre)[\\s\\u00a0-]+(${[...DENOMINATORS.keys()].join('|')})(?![\\p{L}])(?!${SP}+(?!(?:of|de|des|du|der|dem|den|del|di|dei|della|delle|degli)(?!\\p{L}))\\p{L})`,
  'giu',
);
// prettier-ignore
const NUMERATORS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, un: 1, une: 1, ein: 1, eine: 1, einem: 1, einen: 1, uno: 1, una: 1,
  two: 2, deux: 2, zwei: 2, dos: 2, due: 2, three: 3, trois: 3, drei: 3, tres: 3, tre: 3,
};
/** Halves: "la moitié", "die Hälfte", "la mitad", "la metà"; English "half" only as "half of", "more than half". */
const HALF =
  /(?<!\p{L})(?:la moitié|die hälfte|la mitad|la metà|(?<=(?:than|over|nearly|almost|about|roughly|around|just|only)[\s\u00a0]+)half|half(?=[\s\u00a0]+of[\s\u00a0]))(?!\p{L})/giu;
/** "jeder Fünfte", "jede dritte": one in n. */
const GERMAN_EVERY =
  /(?<!\p{L})jede[rsnm]?[\s\u00a0]+(zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|zwanzigste|hundertste)[nrs]?(?!\p{L})/giu;
// prettier-ignore
const GERMAN_ORDINAL_VALUE: Readonly<Record<string, number>> = {
  zweite: 2, dritte: 3, vierte: 4, fünfte: 5, sechste: 6, siebte: 7, achte: 8, neunte: 9, zehnte: 10,
  zwanzigste: 20, hundertste: 100,
};

/** Between two numbers: a range ("10 à 15 %", "10-15 km"), a ratio ("trois contre un") or a fraction ("un sur trois"). */
const JOIN =
  /([\s\u00a0]*(?:-|–|—)[\s\u00a0]*|[\s\u00a0]+(?:à|a|to|bis|al|et|and|und|y|e|ou|or|oder|o|contre|against|contra|contro|zu|sur|in|out of|von|su|de cada|of)[\s\u00a0]+)/iuy;
const RATIO_WORDS = new Set(['contre', 'against', 'contra', 'contro', 'zu']);
const FRACTION_WORDS = new Set(['sur', 'in', 'out of', 'von', 'su', 'de cada', 'of']);
const AND_WORDS = new Set(['et', 'and', 'und', 'y', 'e']);
/** "entre 10 et 20", "between 10 and 20": "and" joins a range only after these. */
const BETWEEN_BEFORE = /(?<!\p{L})(?:entre|between|zwischen|tra|fra)[\s\u00a0]+$/iu;

const DIGIT_RUN = /(?<![\p{N}])\d+(?:[.,'’\s\u00a0\u2007\u2009\u202f]\d+)*/gu;
const WORD = /\p{L}+(?:-\p{L}+)*/gu;
const SPACE_ONLY = /^[\s\u00a0\u2007\u2009\u202f]+$/u;
const LETTER = /\p{L}/u;
const UPPER = /^\p{Lu}/u;
const ACRONYM = /(?<!\p{L})\p{Lu}{2,}[\s\u00a0]+$/u;
const CAPITAL_BEFORE = /(\p{L}+)[\s\u00a0]+$/u;
const SENTENCE_END = /[.!?:;…«»"“”(–—-]\s*$/u;
const PLAIN = /^\d+$/;

// ------------------------------------------------------------------------------------------------

interface Numeral {
  start: number;
  end: number;
  value: number;
  spelled: boolean;
  /** Digits written without separators: a year, a phone number or an id may look like this. */
  plain: boolean;
  determiner: boolean;
  /** Spelled out and ending with a scale word: "deux millions", "un milione". */
  scaled: boolean;
}

type UnitKind = 'money' | 'measure' | 'noun' | 'ratio';

interface Draft {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  unitKind: UnitKind | null;
  /** The unit came after the number (not a currency before it), so a range cannot share it. */
  unitAfter: boolean;
  scaled: boolean;
  /** A range's upper end, in the same scale and unit as `value`. */
  upper?: number;
}

const numeral = (start: number, text: string, value: number): Numeral => ({
  start,
  end: start + text.length,
  value,
  spelled: false,
  plain: PLAIN.test(text),
  determiner: false,
  scaled: false,
});

/** Splits a run of digits into numbers: "50 000" is one, "2023 500" two, "044 123 45 67" none. */
function numeralsInRun(run: string, at: number, decimal: DecimalMark): Numeral[] {
  const whole = parseDigits(run, decimal);
  if (whole !== null) return [numeral(at, run, whole)];
  const chunks = [...run.matchAll(/[^\s\u00a0\u2007\u2009\u202f]+/gu)];
  if (chunks.length !== 2) return []; // a date, a version, a phone number
  const out: Numeral[] = [];
  for (const c of chunks) {
    const value = parseDigits(c[0], decimal);
    if (value !== null) out.push(numeral(at + c.index, c[0], value));
  }
  return out;
}

function findNumerals(text: string, lang: NumberLang | null, decimal: DecimalMark): Numeral[] {
  const found: Numeral[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) found.push(...numeralsInRun(m[0], m.index, decimal));
  if (lang) {
    const words = [...text.matchAll(WORD)];
    for (let i = 0; i < words.length; i++) {
      const first = words[i];
      if (!first || !startsNumberWord(first[0].toLowerCase(), lang)) continue;
      // The words that follow with nothing but a space between: a number spans no punctuation.
      const run = [first];
      for (let j = i + 1; j < words.length && run.length < 8; j++) {
        const prev = run[run.length - 1];
        const next = words[j];
        if (!prev || !next || !SPACE_ONLY.test(text.slice(prev.index + prev[0].length, next.index))) break;
        run.push(next);
      }
      const number = readNumberWords(
        run.map((w) => w[0].toLowerCase()),
        lang,
      );
      if (!number) continue;
      const last = run[number.words - 1] ?? first;
      found.push({
        start: first.index,
        end: last.index + last[0].length,
        value: number.value,
        spelled: true,
        plain: false,
        determiner: number.determiner,
        scaled: number.scaled,
      });
      i += number.words - 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function maskOf(text: string, lang: NumberLang | null, kind: TextBlock['kind']): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const re of NOT_FIGURES) {
    for (const m of text.matchAll(re)) {
      if (lang === 'de' && GERMAN_AM.test(m[0])) continue;
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  if (kind !== 'paragraph') {
    const numbering = NUMBERING.exec(text);
    if (numbering) mask.fill(1, 0, numbering[0].length);
  }
  return mask;
}

/** The unit right after `pos`: [unit, end, kind], or null. */
function unitAt(text: string, pos: number, afterScale: boolean): [string, number, UnitKind] | null {
  UNIT_SYMBOL_AFTER.lastIndex = pos;
  const sym = UNIT_SYMBOL_AFTER.exec(text);
  UNIT_WORD_AFTER.lastIndex = pos;
  const word = UNIT_WORD_AFTER.exec(text);
  const wordOk = word && (afterScale || word[2] === '');
  const symOk = sym && (sym[1] !== '' || !SPACED_SYMBOLS.has(sym[2] ?? ''));
  let unit: string | undefined;
  let end = pos;
  if (wordOk && word && !(symOk && sym && sym[0].length > word[0].length)) {
    unit = UNIT_BY_WORD.get((word[3] ?? '').toLowerCase().replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' '));
    end = pos + word[0].length;
  } else if (symOk && sym) {
    unit = UNIT_BY_SYMBOL.get(sym[2] ?? '');
    end = pos + sym[0].length;
  }
  if (!unit) return null;
  return [unit, end, MONEY.has(unit) ? 'money' : 'measure'];
}

/** Whether a word can be the noun a number counts, by the shape of nouns in the language. */
function nounShape(word: string, lower: string, lang: NumberLang, one: boolean): boolean {
  switch (lang) {
    case 'de':
      return UPPER.test(word); // German capitalises nouns
    case 'fr':
    case 'es':
      return one || /[sxz]$/.test(lower); // plurals end so; "393 n'ont", "cuatro permanecen" do not
    case 'it':
      return !/(?:ano|ono)$/.test(lower); // "novanta progettarono": a verb
    default:
      return one || lower.endsWith('s') || EN_PLURALS.has(lower);
  }
}

/** The noun a number counts: the next word unless it is a function word, adjectives skipped. */
function nounAt(text: string, pos: number, lang: NumberLang | null, one: boolean): [string, number] | null {
  if (!lang) return null;
  const stop = STOP[lang];
  let at = pos;
  for (let skipped = 0; skipped < 3; skipped++) {
    NEXT_WORD.lastIndex = at;
    const m = NEXT_WORD.exec(text);
    const word = m?.[1];
    if (!m || !word) return null;
    const lower = word.toLowerCase();
    if (stop.has(lower) || ELIDED.test(word) || startsNumberWord(lower, lang)) return null;
    const end = at + m[0].length;
    if (nounShape(word, lower, lang, one) && !(lang === 'en' && /ed$/.test(lower))) {
      // English and Romance adjectives may stand before the noun: "50,000 Russian soldiers".
      const adjective = BEFORE_NOUN.has(lower) || (lang === 'en' && (UPPER.test(word) || ADJECTIVE_EN.test(lower)));
      if (!adjective) return [lower, end];
    } else if (lang === 'de') {
      // Lower-case words between a number and a German noun are adjectives ("50.000 russische Soldaten").
      if (!/(?:e|en|er|es|em)$/.test(lower)) return null;
    } else if (!(lang === 'en' && ADJECTIVE_EN.test(lower)) && !BEFORE_NOUN.has(lower)) {
      return null;
    }
    // An adjective: the noun is the next word, if there is one; else the adjective stands for it.
    NEXT_WORD.lastIndex = end;
    const after = NEXT_WORD.exec(text)?.[1];
    if (!after || stop.has(after.toLowerCase()) || (lang === 'en' && UPPER.test(after))) {
      return nounShape(word, lower, lang, one) ? [lower, end] : null;
    }
    at = end;
  }
  return null;
}

/** Grows a numeral into a figure: currency before; scale, unit or noun, rate after. */
function grow(text: string, n: Numeral, lang: NumberLang | null): Draft {
  let start = n.start;
  let value = n.value;
  let unit: string | null = null;
  let unitKind: UnitKind | null = null;
  let end = n.end;
  // A minus sign: "-5 %", "−3 °C" (not the hyphen of "10-15").
  if (!n.spelled && /(?:^|[\s(])[-−]$/u.test(text.slice(Math.max(0, start - 2), start))) {
    // "-0 %" is 0: a -0 would turn into 0 in the JSON that carries the report to the popup.
    value = -value || 0;
    start -= 1;
  }
  const head = text.slice(Math.max(0, start - 8), start);
  const currency = CURRENCY_BEFORE_RE.exec(head);
  if (currency?.[1]) {
    unit = CURRENCY_BEFORE[currency[1].replace(/[\s\u00a0]+/g, ' ')] ?? null;
    unitKind = 'money';
    // The match may begin with the character before the symbol (its left boundary): not ours.
    start -= currency[0].length - currency[0].indexOf(currency[1]);
  }
  let scaled = n.scaled;
  if (!n.scaled) {
    SCALE_AFTER.lastIndex = end;
    const scale = SCALE_AFTER.exec(text);
    const money = unit !== null || moneyAt(text, SCALE_AFTER.lastIndex);
    const factor = scale?.[1] ? scaleFactor(scale[1].replace(/\.$/, ''), lang, money) : null;
    if (scale && factor) {
      value *= factor;
      end = SCALE_AFTER.lastIndex;
      scaled = true;
    }
  }
  let unitAfter = false;
  const found = unitAt(text, end, scaled);
  if (found && !(unitKind === 'money' && found[2] !== 'money')) {
    if (unitKind !== 'money') [unit, , unitKind] = found;
    end = found[1];
    unitAfter = true;
  } else if (unitKind === null) {
    let from = end;
    if (scaled) {
      OF_AFTER_SCALE.lastIndex = end;
      if (OF_AFTER_SCALE.exec(text)) from = OF_AFTER_SCALE.lastIndex - 1;
    }
    const noun = nounAt(text, from, lang, n.value === 1);
    if (noun) {
      const denominator = DENOMINATORS.get(noun[0]);
      // After an adjective the noun may be a unit after all: "six premiers mois".
      const named = UNIT_BY_WORD.get(noun[0]);
      if (denominator) [unit, end, unitKind] = ['fraction', noun[1], 'ratio'];
      else if (named) [unit, end, unitKind] = [named, noun[1], MONEY.has(named) ? 'money' : 'measure'];
      else [unit, end, unitKind] = [noun[0], noun[1], 'noun'];
      if (denominator) value /= denominator;
      unitAfter = true;
    }
  }
  if (unitKind === null && MULTIPLY_BEFORE.test(text.slice(Math.max(0, start - 24), start))) {
    [unit, unitKind] = ['times', 'measure'];
  }
  RATE_AFTER.lastIndex = end;
  const rate = unitKind !== 'money' && unitKind !== 'ratio' ? RATE_AFTER.exec(text) : null;
  if (rate?.[1]) {
    unit = `${unit === null ? '' : `${unit} `}per ${PERIOD_BY_WORD.get(rate[1].toLowerCase()) ?? ''}`;
    unitKind = 'measure';
    end = RATE_AFTER.lastIndex;
  }
  return { start, end, value, unit, unitKind, unitAfter, scaled };
}

function moneyAt(text: string, pos: number): boolean {
  const found = unitAt(text, pos, true);
  return found !== null && found[2] === 'money';
}

/** Whether the characters around a numeral make it furniture: an id, an ordinal, a score. */
function isFurniture(text: string, n: Numeral, lang: NumberLang | null): boolean {
  if (n.spelled) return false;
  const before = text.slice(Math.max(0, n.start - 24), n.start);
  const prev = before.slice(-1);
  const prev2 = before.slice(-2, -1);
  if (LETTER.test(prev)) return !CURRENCY_BEFORE_RE.test(before); // "A320", "MH17" (but "CHF5")
  if (prev === '-' && LETTER.test(prev2)) return true; // "F-16", "COVID-19"
  if ((prev === '/' || prev === '.' || prev === ':') && /\p{N}/u.test(prev2)) return true; // "24/7", "v1.2", "2:1"
  if (/\p{N}[:/][\s\u00a0]$/u.test(before)) return true; // "6: 0"
  if ((ID_BEFORE.test(before) || ACRONYM.test(before)) && !CURRENCY_BEFORE_RE.test(before)) return true; // "page 3", "CAC 40"
  const after = text.slice(n.end, n.end + 24);
  if (/^[/:][\s\u00a0]?\d/.test(after)) return true; // "24/7", "2:1", "05:48"
  if (ORDINAL_AFTER.test(after)) return true;
  if (/^[ºª°](?![CF])/u.test(after) && (lang === 'it' || lang === 'es')) return true;
  if (lang === 'de') {
    const m = GERMAN_ORDINAL.exec(after);
    if (m?.[1] && !(UPPER.test(m[1]) && GERMAN_SENTENCE_START.has(m[1]))) return true;
  }
  return false;
}

function isYear(text: string, n: Numeral, d: Draft): boolean {
  if (!n.plain || n.value < 1000 || n.value > 2100 || d.scaled) return false;
  if (d.unitKind === 'money' || d.unitKind === 'measure' || d.unitKind === 'ratio') return false;
  const before = text.slice(Math.max(0, n.start - 16), n.start);
  // Before 1900 only after a word that says so: "since 1812", but "1300 people".
  if (n.value < 1900) return d.unitKind === null && YEAR_BEFORE.test(before);
  if (AMOUNT_BEFORE.test(before)) return false;
  if (d.unitKind === 'noun') return n.value % 100 !== 0 || YEAR_BEFORE.test(before);
  return true;
}

/** A bare number that names rather than counts: "Boeing 737", "Ligue 1", "le 20", "años 90". */
function isName(text: string, n: Numeral, d: Draft, lang: NumberLang | null): boolean {
  if (d.unitKind === 'money' || d.unitKind === 'measure' || d.unitKind === 'ratio') return false;
  const before = text.slice(Math.max(0, n.start - 24), n.start);
  if (n.value % 10 === 0 && n.value <= 90 && d.unitKind === null && DECADE_BEFORE.test(before)) return true;
  if (n.spelled) return false;
  // A capitalised word mid-sentence names a thing ("Windows 11", "Interstate 80"); German
  // capitalises every noun, so there only a bare number counts as named.
  const word = CAPITAL_BEFORE.exec(before);
  if (word?.[1] && UPPER.test(word[1]) && (d.unitKind === null || lang !== 'de')) {
    const head = before.slice(0, before.length - word[0].length);
    if (head.trim() !== '' && !SENTENCE_END.test(head)) return true;
  }
  return d.unitKind === null && n.value <= 31 && Number.isInteger(n.value) && DAY_ARTICLE.test(before);
}

interface Join {
  kind: 'range' | 'ratio' | 'fraction';
  word: string;
  next: Numeral;
}

/** A second numeral joined to the figure: a range, a ratio or a fraction. */
function joinAt(text: string, pos: number, first: Numeral, numerals: readonly Numeral[], from: number): Join | null {
  JOIN.lastIndex = pos;
  const m = JOIN.exec(text);
  if (!m?.[1]) return null;
  const at = JOIN.lastIndex;
  let next: Numeral | undefined;
  for (let i = from; i < numerals.length; i++) {
    const c = numerals[i];
    if (!c || c.start > at) break;
    if (c.start === at) next = c;
  }
  if (!next) return null;
  const word = m[1].trim().toLowerCase();
  // "trois contre un", "three to one": X/Y; "deux sur trois", "one in three": a part of a whole.
  if (RATIO_WORDS.has(word) || (word === 'to' && next.value === 1 && first.value > 1)) {
    // Odds are small numbers: "438 contre 86" is a vote, two figures.
    const odds = !first.determiner && first.value >= next.value && next.value <= 10;
    return odds ? { kind: 'ratio', word, next } : null;
  }
  if (FRACTION_WORDS.has(word)) {
    const whole = first.value < next.value && !(next.plain && next.value >= 1900);
    return whole && (!first.determiner || word !== 'von') ? { kind: 'fraction', word, next } : null;
  }
  if (AND_WORDS.has(word) && !BETWEEN_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start))) return null;
  // A range goes up ("10 à 15 %", "ein bis zwei"); "from 7 to 5" is a change, "2-1" a score.
  return next.value > first.value && (!first.determiner || next.spelled) ? { kind: 'range', word, next } : null;
}

function draft(start: number, end: number, value: number, unit: string): Draft {
  return { start, end, value, unit, unitKind: 'ratio', unitAfter: true, scaled: false };
}

/** Fractions and ratings written without a numeral pair: "deux tiers", "la moitié", "jeder Fünfte", "Level 3". */
function wordFractions(text: string, lang: NumberLang | null): Draft[] {
  const out: Draft[] = [];
  for (const m of text.matchAll(FRACTION)) {
    const [numerator, denominator] = [
      NUMERATORS[(m[1] ?? '').toLowerCase()],
      DENOMINATORS.get((m[2] ?? '').toLowerCase()),
    ];
    if (numerator && denominator) out.push(draft(m.index, m.index + m[0].length, numerator / denominator, 'fraction'));
  }
  for (const m of text.matchAll(HALF)) out.push(draft(m.index, m.index + m[0].length, 0.5, 'fraction'));
  if (lang === 'de') {
    for (const m of text.matchAll(GERMAN_EVERY)) {
      const n = GERMAN_ORDINAL_VALUE[(m[1] ?? '').toLowerCase()] ?? 1;
      out.push(draft(m.index, m.index + m[0].length, 1 / n, 'fraction'));
    }
  }
  for (const m of text.matchAll(LEVEL)) out.push(draft(m.index, m.index + m[0].length, Number(m[1]), 'level'));
  return out;
}

/** Two small numbers joined by a dash that does not go up: "4-1", "2–2". */
const SCORE = /^\d{1,2}[-–](\d{1,2})(?![\d.,])/u;

/** A block that is nothing but a number: a counter, a page number, a rating. */
const LONE_NUMBER = /^[\s\u00a0]*[\d.,\s\u00a0]+[\s\u00a0]*$/u;

function figuresIn(text: string, kind: TextBlock['kind'], lang: NumberLang | null, decimal: DecimalMark): Draft[] {
  if (LONE_NUMBER.test(text)) return [];
  const mask = maskOf(text, lang, kind);
  const numerals = findNumerals(text, lang, decimal);
  const words = wordFractions(text, lang);
  for (const w of words) mask.fill(2, w.start, w.end);
  const out: Draft[] = [...words];
  let consumed = 0;
  for (let i = 0; i < numerals.length; i++) {
    const n = numerals[i];
    if (!n || n.start < consumed || mask[n.start] || isFurniture(text, n, lang)) continue;
    const score = SCORE.exec(text.slice(n.start, n.start + 12));
    if (score && n.plain && Number(score[1]) <= n.value) {
      // "4-1", "2–2": a score (the gold set's optional items); a range would go up.
      consumed = n.start + score[0].length;
      continue;
    }
    let d = grow(text, n, lang);
    const join = joinAt(text, d.unitAfter ? d.end : n.end, n, numerals, i + 1);
    if (join && join.kind !== 'range') {
      const end = join.next.end;
      out.push({ ...d, end, value: d.value / join.next.value, unit: join.kind, unitKind: 'ratio' });
      consumed = end;
      continue;
    }
    if (join && !d.unitAfter && !mask[join.next.start] && !isFurniture(text, join.next, lang)) {
      const second = grow(text, join.next, lang);
      // The second end's scale and unit are the first's too: "10 à 15 %", "$40-50 billion".
      if (!d.scaled && second.scaled) d = { ...d, value: d.value * (second.value / join.next.value), scaled: true };
      if (d.unitKind === null) d = { ...d, unit: second.unit, unitKind: second.unitKind };
      const bare = d.unitKind === null && /^[-–—]$/.test(join.word) && n.plain && join.next.plain;
      // The upper end in the first's scale: "$40-50 billion" 5e10, "10 à 15 %" 15, "3 millions à 4" 4e6.
      const upper = second.scaled ? second.value : join.next.value * (d.value / n.value);
      if (!bare && !isYear(text, n, d)) out.push({ ...d, end: Math.max(d.end, second.end), upper });
      // "2-1", "1939-1945": a score or years, not a range of anything.
      consumed = Math.max(d.end, second.end);
      continue;
    }
    if (isYear(text, n, d) || isName(text, n, d, lang)) continue;
    // "1300s", "5G": digits glued to letters that are no unit are no figure.
    if (!n.spelled && d.end === n.end && LETTER.test(text.charAt(n.end))) continue;
    // Long runs of digits that count nothing are ids and phone numbers ("030 46644664"): amounts
    // that large are written with separators or a scale word.
    if (d.unitKind === null && ((n.plain && n.end - n.start >= 5) || n.value >= 1e7) && !n.spelled) continue;
    const before = text.slice(Math.max(0, n.start - 24), n.start);
    // "un kilo de riz", "l'un des soldats", "plus d'un mois": articles, not counts.
    const measured = d.unitKind === 'measure' || d.unitKind === 'money';
    if (n.determiner && !ONE_COUNTS_AFTER.test(before) && !(measured && ONE_MEASURE_AFTER.test(before))) continue;
    if (n.spelled && d.unitKind === null && d.value < 100 && !n.determiner) {
      // "ils étaient trois" counts nothing; "cuatro de ellos" and "las otras siete" count people.
      if (!PARTITIVE_AFTER.test(text.slice(d.end, d.end + 24)) && !ARTICLE_BEFORE.test(before)) continue;
    }
    // "several thousand teachers": a scale word alone after a vague quantifier is no number.
    if (n.spelled && n.scaled && VAGUE_BEFORE.test(before) && !/\s/u.test(text.slice(n.start, n.end))) continue;
    out.push(d);
    consumed = d.end;
  }
  return out.sort((a, b) => a.start - b.start);
}

const POUND_MONEY = /£|sterling|sterline|esterlinas|GBP/iu;
const POUND_WORD = /(?:pounds?|pfund|livres?|libras?)$/iu;

const CONTEXT_WORDS = 12;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/gu;
const SENTENCE_BREAK = /[.!?…][\s\u00a0]+(?=[\p{Lu}«"“„¿¡])/gu;

/** The figure with a few words on each side, within its sentence, "…" where it was cut. */
function contextOf(text: string, start: number, end: number): string {
  // With no sentence break near, the context starts 300 characters back, not at the block's start:
  // reading every word back to it for each figure was quadratic (100 KB of figures took 4 s).
  const back = Math.max(0, start - 300);
  let from = back;
  // matchAll starts where the last exec() left the pattern: reset first, or a figure's context
  // depended on the figure, even the page, read before it.
  SENTENCE_BREAK.lastIndex = 0;
  for (const m of text.slice(back, start).matchAll(SENTENCE_BREAK)) from = back + m.index + m[0].length;
  const rest = text.slice(end, end + 300);
  const stop = SENTENCE_BREAK.exec(rest);
  const to = stop ? end + stop.index + 1 : Math.min(text.length, end + 300);
  // Word boundaries on each side, nearest first.
  const left = [...text.slice(from, start).matchAll(/\S+/gu)].map((m) => from + m.index).reverse();
  const right = [...text.slice(end, to).matchAll(/\S+/gu)].map((m) => end + m.index + m[0].length);
  const room = Math.max(2, CONTEXT_WORDS - text.slice(start, end).split(SPACES).length);
  const nRight = Math.min(
    right.length,
    Math.max(room - Math.min(left.length, Math.ceil(room / 2)), Math.floor(room / 2)),
  );
  const nLeft = Math.min(left.length, room - nRight);
  const cutFrom = nLeft > 0 ? (left[nLeft - 1] ?? start) : start;
  const cutTo = nRight > 0 ? (right[nRight - 1] ?? end) : end;
  const body = text.slice(cutFrom, cutTo).replace(SPACES, ' ').trim();
  return `${nLeft < left.length ? '… ' : ''}${body}${nRight < right.length ? ' …' : ''}`;
}

/**
 * Every figure in the article's blocks, in article order. `lang` is the page's language ("fr-CH");
 * without one, the language is guessed from the text. Spelled-out numbers are read in English,
 * French, German, Spanish and Italian; digits in any language.
 */
export function extractFigures(blocks: readonly TextBlock[], lang: string | null): FoundFigure[] {
  const all = blocks.map((b) => b.text).join('\n');
  const nl = numberLang(lang) ?? (lang === null ? guessNumberLang(all) : null);
  const decimal = detectDecimalMark(all, nl);
  // "130 pounds" is a weight unless the article deals in sterling ("£", "sterling" somewhere).
  const sterling = POUND_MONEY.test(all);
  const out: FoundFigure[] = [];
  blocks.forEach((block, index) => {
    if (!READ_KINDS.has(block.kind)) return;
    for (const d of figuresIn(block.text, block.kind, nl, decimal)) {
      // In a language we cannot read, only a unit says that a number is an amount.
      if (nl === null && (d.unitKind === null || d.unitKind === 'noun')) continue;
      const text = block.text.slice(d.start, d.end);
      out.push({
        text,
        value: Number.isFinite(d.value) ? d.value : null,
        upper: d.upper !== undefined && Number.isFinite(d.upper) ? d.upper : null,
        unit: d.unit === 'GBP' && !sterling && POUND_WORD.test(text) ? 'pounds' : d.unit,
        context: contextOf(block.text, d.start, d.end),
        block: index,
        start: d.start,
        end: d.end,
      });
    }
  });
  return out;
}
