/**
 * Direct quotes and who said them, in English, French, German, Spanish and Italian.
 *
 *   blocks ─> quote spans (paired marks of every style; a quote running over several paragraphs,
 *             its opening mark repeated; pull-quotes in <blockquote>)
 *          ─> not quotes: titles and names in marks («New York Times»), scare quotes (≤ 3 words
 *             with no speech around them)
 *          ─> speaker: the same sentence ("», a déclaré X", "X said", "selon X", "laut X"), the
 *             attribution line under a pull-quote, the paragraph before a standalone quote
 *          ─> resolution: a description ("el presidente andaluz", "die Synodalpräsidentin") to the
 *             person the article gave that role; a pronoun ("he said", "selon lui", "ha señalado")
 *             to the last speech act or sentence subject since the previous quote, else its speaker;
 *             a quote with no attribution to the speaker of the passage; a bare surname to the full
 *             name used earlier
 *
 * Hand-written: the models that do this (BBC's citron) need a server; these patterns run in the
 * content script in milliseconds, and are measured on a hand-annotated gold set.
 */
import type { TextBlock } from './blocks';
import { bmpRegExp } from './bmp-regexp';

export interface FoundQuote {
  text: string;
  speaker: string | null;
  /** The speaker's role when the article gives it ("analyste militaire"). */
  role: string | null;
  /** Where it starts and ends: block index and character offsets in that block's text. */
  block: number;
  start: number;
  endBlock: number;
  end: number;
}

/** Opening mark → closing marks it pairs with. */
const PAIRS: Readonly<Record<string, string>> = {
  '«': '»',
  '“': '”',
  '„': '“”',
  '‚': '‘’',
  '‹': '›',
  '「': '」',
  '"': '"',
  '»': '«', // German and Scandinavian »…«
};

const LETTER = bmpRegExp(String.raw`\p{L}`, 'u');
const NAME_WORD = String.raw`(?:\p{Lu}(?!['’]\p{Ll})[\p{L}'’.-]*\p{L}|\p{Lu}\.(?=\s*\p{Lu}))`;
// Bare der/la/le/el are left out: "Schulleiterin der MS" is a description, not a name.
const PARTICLE = String.raw`(?:von der|van der|van den|de la|von|van|de|da|del|della|di|dos|du|bin|al|ibn|ten|ter)`;
/** "Ruslan Leviev", "Jean-Luc Mélenchon", "Ursula von der Leyen", "Kim Jong Un", "J. D. Vance". */
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){0,3}`;

// Speech verbs, five languages, '|'-separated (VERB tries multi-word forms first). Past participles after
// ha / a / avait ("ha especificado", "a déclaré") are matched by VERB itself.
const VERBS = [
  // en
  'said|says|told|tells|added|adds|explained|explains|stated|noted|warned|argued|wrote|writes|asked|replied',
  'insisted|continued|recalled|claimed|declared|admitted|tweeted|commented|acknowledged|suggested|urged',
  'recalls|concluded|insists|told reporters|confirmed|announced|emphasized|emphasised|pointed out|responded',
  'revealed|described|added that|believes|thinks|predicted|cautioned|conceded|countered|recounted|testified',
  'shouted',
  // fr
  'a dit|déclare|dit|explique|ajoute|affirme|estime|souligne|indique|précise|raconte|rappelle|assure|confie',
  'poursuit|conclut|lance|martèle|ironise|regrette|a réagi|réagit|avertit|a averti|a-t-il|a-t-elle',
  'a-t-il ajouté|a-t-elle ajouté|a-t-il déclaré|a-t-elle déclaré|explique-t-il|explique-t-elle|dit-il',
  'dit-elle|confirme|annonce|a reconnu|reconnaît|a répondu|répond|insiste|commente|a prévenu|prévient|résume',
  'témoigne|ajoute-t-il|ajoute-t-elle|poursuit-il|poursuit-elle|estime-t-il|estime-t-elle|souligne-t-il',
  // de
  // Separable verbs put the name in the middle: "„…“, führte Webhofer aus" (führte, fügte, räumte, gab).
  'sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|fügte hinzu|berichtete|warnte|kritisierte|schrieb',
  'teilte mit|sagte er|sagte sie|so|bestätigte|ergänzte|erläuterte|erzählte|räumte ein|unterstrich|forderte',
  'kündigte an|führte aus|hieß es|sagen|führte|fügte|räumte|gab',
  // es
  'dijo|dice|afirmó|afirma|explicó|explica|señaló|señala|aseguró|asegura|añadió|declaró|indicó|apuntó',
  'comentó|sostuvo|advirtió|manifestó|agregó|subrayó|confirmó|reconoció|respondió|insistió|destacó|recordó',
  'criticó|aseveró|expresó|relató',
  // it
  'ha detto|ha aggiunto|afferma|dice|spiega|sottolinea|aggiunge|osserva|commenta|conclude|conferma|ribadisce',
  'racconta|ha risposto|risponde|ha ammesso|ammette|evidenzia',
].flatMap((verbs) => verbs.split('|'));
const PREPOSITIONS = ['according to', 'selon', "d'après", 'd’après', 'laut', 'zufolge', 'según', 'secondo', 'per'];
// Any past participle after "ha", "a", "avait" (es, it, fr): "ha especificado", "a également déclaré".
const VERB = `(?:(?:ha|han|hanno|a|ont|avait)\\s+(?:\\p{Ll}+ment[e]?\\s+)?\\p{Ll}+(?:ado|ido|ato|uto|ito|é)|${[
  ...new Set(VERBS),
]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})`;
// Prepositions open sentences too: "Selon lui, …", "According to…".
const PREP = `(?:${PREPOSITIONS.flatMap((p) => [p, p[0]?.toUpperCase() + p.slice(1)])
  .map(escape)
  .join('|')})`;
const PRONOUN = String.raw`(?:he|she|they|il|elle|ils|elles|lui|eux|er|sie|él|ella|lei|lui|egli|ella)`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// After the closing mark: "», a déclaré Ruslan Leviev", "", said John Smith", "", sagte Merkel".
const ARTICLE = String.raw`(?:le|la|les|l'|l’|the|der|die|das|el|los|las|il|lo|gli)`;
const AFTER_VERB_NAME = bmpRegExp(
  String.raw`^[\s,—–-]*${VERB}\s+((?:le|la|l'|l’|the|der|die|das|el|il|lo)\s+)?([\p{Ll}\s'’-]{0,40}?)\s*(${NAME})(?:\s*,\s*(${NAME})(?=\s*,))?`,
  'u',
);
// After the closing mark: "", John Smith said", "», Ruslan Leviev a déclaré".
/**
 * Right after a closing mark and its comma, the next verb is a verb of saying almost always, so
 * any verb form counts there: "», ha señalado", "", ha resumido Moreno", "», a-t-il réagi".
 */
const FUNCTION_WORD = String.raw`(?:les|le|la|l|der|die|das|den|dem|des|du|de|el|los|las|il|lo|gli|the|a|an|un|une|uno|una|ein|eine|et|und|y|e|and|or|ou|oder|o|que|qui|which|who|that|in|en|im|à|au|aux|on|of|for|pour|für|por|per|con|with|avec|mit|sont|est|is|are|was|were|ist|sind|es|son|sono|à|dans|nel|nella)(?![\p{L}])`;
const ANY_VERB = String.raw`(?:(?:ha|han|hat|a|ont|has|had|have|è|ha\s+poi)\s+)?(?!${FUNCTION_WORD})\p{Ll}[\p{Ll}-]*(?:-t-(?:il|elle|ils|elles|on))?`;
const AFTER_NAME_VERB = bmpRegExp(String.raw`^[\s,—–-]*(${NAME})\s+(?:${VERB}|${ANY_VERB})(?![\p{L}])`, 'u');
// "», twitterte der 35 Jahre alte Aufbauspieler", "", wrote the center": someone named before.
const AFTER_DEFINITE = bmpRegExp(
  String.raw`^\s*(?:,\s*(?:${VERB}|${ANY_VERB})(?:\s+(?!${FUNCTION_WORD})\p{Ll}+){0,3}?|${VERB})\s+(${ARTICLE}\s*(?!${NAME}\s*[,.;])[\p{L}-]+)`,
  'u',
);
// "», ha señalado.", "», ha subrayado." (Spanish and Italian drop the pronoun).
const AFTER_BARE_VERB = bmpRegExp(String.raw`^\s*,\s*(?:${ANY_VERB})(?:\s*[.;]|\s+(?:a|à|al|to|ai|alla)\s)`, 'u');
const AFTER_ANY_VERB_NAME = bmpRegExp(
  String.raw`^\s*,\s*(?:${ANY_VERB})\s+((?:le|la|l'|l’|the|der|die|das|el|il|lo)\s+)?([\p{Ll}\s'’-]{0,40}?)\s*(${NAME})(?=[\s,.;:]|$)`,
  'u',
);
/**
 * The pronouns, capitalised too ("He said", after a quote that ends its sentence). Spelt out
 * rather than matched with the /i flag: case-insensitive matching made V8 compile case-folding
 * for every letter of the verb list, on each page's first quote (12.8 ms to compile with /i,
 * 1.8 ms without, in Node 20).
 */
const PRONOUN_ANY_CASE = `(?:${PRONOUN.slice(3, -1)
  .split('|')
  .flatMap((p) => [p, p[0]?.toUpperCase() + p.slice(1)])
  .join('|')})`;
// After the closing mark: "", he said", "», a-t-il ajouté", "", sagte er".
const AFTER_PRONOUN = bmpRegExp(
  String.raw`^[\s,—–-]*(?:${PRONOUN_ANY_CASE}\s+${VERB}|${VERB}(?:\s+${PRONOUN_ANY_CASE})?)(?![\p{L}])`,
  'u',
);
// Before the opening mark: "Selon Ruslan Leviev, «", "According to the analyst John Smith, "".
// The prepositional phrase may open the sentence: "Según ha contado Javier Imbroda, atravesó la enfermedad "".
const BEFORE_PREP = bmpRegExp(
  String.raw`${PREP}\s+((?:[\p{Ll}'’-]+\s+){0,4}?)(${NAME}|${PRONOUN})(?=[\s,:])[^.!?«»“”"„]{0,120}$`,
  'u',
);
// Before the opening mark: "Leviev explique que le chef du Kremlin «", "John Smith said: "".
const BEFORE_VERB = bmpRegExp(
  String.raw`(?:^|[.!?;]\s+|,\s+)([^.!?;«»“”"]{1,120}?)\s+${VERB}(?![\p{L}])[^«»“”"„]{0,90}$`,
  'u',
);
// Before the opening mark: "Ruslan Leviev: «".
const BEFORE_COLON = bmpRegExp(String.raw`(?:^|[.!?]\s+)(${NAME})\s*:\s*$`, 'u');
// After the closing mark: "", one Weibo commenter said", "», sagte der Feuerwehrsprecher".
const AFTER_DESCRIPTION = bmpRegExp(
  String.raw`^[\s,—–-]*(?:${VERB}\s+)?((?:a|an|one|un|une|ein|eine|einer|uno|una|the|der|die|das|le|la|el|il)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?)(?:\s+${VERB})?(?=[\s,.;:]|$)`,
  'u',
);
// The sentence that introduces a quote with a colon: "Gleich zu Beginn … gibt Präsidentin Annekathrin Preidel den Ton vor: "".
const COLON_INTRO = /(?:^|[.!?]\s+)([^.!?]{3,250}?):\s*$/u;
const MULTIWORD_NAMES = bmpRegExp(String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){1,5}`, 'gu');
/** Capitalised words that start sentences or phrases but are not names. */
const STOP_FIRST_WORD =
  /^(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Herr|Frau|Sr|Sra|Le|La|Les|The|Der|Die|Das|Den|Dem|El|Los|Las|Il|Lo|Gli|In|Im|Am|Au|Aux|En|Für|Mit|Bei|Nach|Selon|Laut|Según|Secondo|According|But|And|Et|Und|Mais|Aber|Pero|Ma|An|Un|Une|Ein|Eine|This|That|Ce|Cette|Dieser|Diese|Dieses|Auch|Doch|Gleich|Als|When|After|Before|Avant|Après)\s/u;
const RELATIVE = /^(?:who|which|qui|que|der|die|welche|welcher|que|quien|quienes|che|il quale|la quale)\s/iu;
/** Months and weekdays are capitalised in English and German but name no one. */
const NOT_A_NAME =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)$/u;

const DESCRIPTION_OPENS = bmpRegExp(
  String.raw`^(?:le|la|les|l'|l’|the|der|die|das|el|los|las|il|lo|gli)\s*\p{Ll}`,
  'iu',
);
/** A sentence; the dot of an abbreviation ("Sonya A. Zoghlin", "U.S.", "Dr.") does not end it. */
const SENTENCE = bmpRegExp(String.raw`(?:[^.!?]|(?<=(?<!\p{L})\p{Lu}\p{Ll}{0,2})\.)+[.!?]*`, 'gu');
const QUOTED = /[«“„"][^«»“”"„]*[»”“"]/gu;
const CAPITALISED = bmpRegExp(String.raw`(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*\p{L}`, 'gu');

/** Last words that make a name an institution or a place, not a person. */
const INSTITUTION =
  /^(?:School|University|College|Center|Centre|House|City|County|State|States|Party|Police|Department|Ministry|Council|Committee|Association|Group|Team|Times|News|Post|Journal|Club|Church|Court|Bank|Airport|Street|Agency|Service|Office|Union|Institute|Foundation|Company|Corporation|Inc|Ltd|Schule|Universität|Partei|Regierung|Ministerium|Feuerwehr|Polizei|Verein|Gericht|Stadt|Gobierno|Ministerio|Universidad|Ayuntamiento|Junta|Santé|Ministère|Gouvernement|Université|Mairie|Governo|Ministero|Università|Comune|Regione)$/u;

/** Multi-word names in a text, with sentence-start and function words taken off their front. */
function* personNames(text: string, bodies = false): Generator<{ name: string; index: number }> {
  for (const m of text.matchAll(MULTIWORD_NAMES)) {
    let name = m[0];
    let index = m.index;
    while (STOP_FIRST_WORD.test(`${name.split(/\s+/, 1)[0]} `)) {
      const cut = name.indexOf(' ') + 1;
      name = name.slice(cut);
      index += cut;
    }
    const words = name.split(/\s+/);
    const person = personWords(words);
    if (
      NOT_A_NAME.test(person[person.length - 1] ?? '') ||
      (!bodies && (INSTITUTION.test(person[person.length - 1] ?? '') || INSTITUTION.test(person[0] ?? '')))
    )
      continue;
    if (person.length > 1) yield { name: person.join(' '), index: index + name.length - person.join(' ').length };
  }
}

function firstPersonName(text: string, bodies = false): string | null {
  for (const { name } of personNames(text, bodies)) return name;
  return null;
}

const NAME_AT_END = bmpRegExp(String.raw`(${NAME})\s*$`, 'u');
const STARTS_DESCRIPTIVE = /^(?:le|la|les|l'|l’|un|une|the|a|an|der|die|das|ein|eine|el|los|las|il|lo|gli|un|una)\s/iu;
const ATTRIBUTION_LINE = bmpRegExp(String.raw`^[—–-]?\s*((?:[\p{L}'’-]+\s+){0,5}?)(${NAME})(?:\s*[,(].{0,60})?$`, 'u');

// Patterns the functions below use, compiled once (bmpRegExp rewrites the source each time it is called).
const CAPITAL_OR_DIGIT_FIRST = bmpRegExp(String.raw`^[\p{Lu}\p{N}]`, 'u');
const LETTERS_ONLY = bmpRegExp(String.raw`^[\p{L}\s'’-]+$`, 'u');
const LOWERCASE_ONLY = bmpRegExp(String.raw`^[\p{Ll}\s'’-]+$`, 'u');
const CAPITAL_NEXT = bmpRegExp(String.raw`^\s*\p{Lu}`, 'u');
const ABBREVIATION_DOT = bmpRegExp(String.raw`(?<=(?<!\p{L})\p{Lu}\p{Ll}{0,2})\.`, 'gu');
const PRONOUN_FIRST = bmpRegExp(`^\\s*${PRONOUN}\\b`, 'iu');
const PREP_THEN_NAME = bmpRegExp(String.raw`(?:^|\s)${PREP}\s+((?:[\p{Ll}'’-]+\s+){0,4}?)(${NAME}|${PRONOUN})\b`, 'u');
const PHRASE_THEN_VERB = bmpRegExp(String.raw`^(.{1,120}?)\s+(?:${VERB})(?![\p{L}])`, 'u');
const INITIAL = bmpRegExp(String.raw`^\p{Lu}\.$`, 'u');
/** Whole runs of capitalised words, so a surname is always the end of its run. */
const NAME_RUNS = bmpRegExp(String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){0,7}`, 'gu');
const LOWERCASE_FIRST = bmpRegExp(String.raw`^\p{Ll}`, 'u');
const LONG_WORDS = bmpRegExp(String.raw`[\p{L}-]{4,}`, 'gu');
const SPACE_THEN_CAPITAL = bmpRegExp(String.raw`^\s+\p{Lu}`, 'u');
const CAPITALISED_AT_END = bmpRegExp(
  String.raw`(?:^|\s)(?!(?:Mr|Mrs|Ms|Dr|M|Mme|Herr|Frau|Sr|Sra)\.?\s)\p{Lu}\S*\s+$`,
  'u',
);
const CAPITAL_FIRST = bmpRegExp(String.raw`^\p{Lu}`, 'u');

interface Span {
  block: number;
  start: number;
  endBlock: number;
  end: number;
  text: string;
}

function isOpening(text: string, i: number): boolean {
  const mark = text[i] ?? '';
  if (!(mark in PAIRS)) return false;
  const before = text[i - 1];
  const after = text[i + 1];
  if (mark === '»') return (before === undefined || /\s/.test(before)) && after !== undefined && LETTER.test(after);
  if (mark === '"') return before === undefined || /[\s([{—–-]/.test(before);
  return after !== undefined && !/\s/.test(after) ? true : mark === '«';
}

/** Quote spans in one block, with a flag when the quote runs on past the block's end. */
function spansInBlock(text: string, block: number): { spans: Span[]; open: { start: number; closers: string } | null } {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isOpening(text, i)) {
      i++;
      continue;
    }
    const closers = PAIRS[text[i] ?? ''] ?? '';
    let j = i + 1;
    let depth = 0;
    while (j < text.length) {
      const c = text[j] ?? '';
      // A nested quote of the same outer style ("«… «x» …»") is part of the quote.
      if (c === text[i] && c !== '"' && isOpening(text, j)) depth++;
      else if (closers.includes(c) && !(c === '’' && LETTER.test(text[j + 1] ?? ''))) {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (j >= text.length) return { spans, open: { start: i, closers } };
    spans.push({ block, start: i, endBlock: block, end: j + 1, text: text.slice(i + 1, j).trim() });
    i = j + 1;
  }
  return { spans, open: null };
}

/** All quote spans; a paragraph that opens a quote without closing it continues into the next ones. */
function findSpans(blocks: readonly TextBlock[]): Span[] {
  const spans: Span[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const text = blocks[b]?.text ?? '';
    const { spans: inBlock, open } = spansInBlock(text, b);
    spans.push(...inBlock);
    if (!open) continue;
    // Convention in every language: each new paragraph of a long quote repeats the opening mark,
    // and only the last one closes.
    const parts = [text.slice(open.start + 1)];
    let k = b + 1;
    let closed: { block: number; end: number } | null = null;
    for (; k < blocks.length && k <= b + 8; k++) {
      const next = blocks[k]?.text ?? '';
      const body = next[0] === text[open.start] ? next.slice(1) : next;
      const close = [...body].findIndex((c) => open.closers.includes(c));
      if (close >= 0) {
        parts.push(body.slice(0, close));
        closed = { block: k, end: close + (body === next ? 1 : 2) };
        break;
      }
      if (next[0] !== text[open.start]) break;
      parts.push(body);
    }
    if (closed) {
      spans.push({
        block: b,
        start: open.start,
        endBlock: closed.block,
        end: closed.end,
        text: parts.map((p) => p.trim()).join(' '),
      });
      b = closed.block;
    } else if (blocks[b]?.kind === 'quote') {
      spans.push({
        block: b,
        start: open.start,
        endBlock: b,
        end: text.length,
        text: text.slice(open.start + 1).trim(),
      });
    }
  }
  return spans;
}

const WORDS = bmpRegExp(String.raw`[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`, 'gu');

/** Titles and names in marks: few words, each capitalised, no sentence punctuation. */
function looksLikeTitle(text: string): boolean {
  const words = text.match(WORDS) ?? [];
  return (
    words.length <= 6 && !/[.!?,;:]/.test(text) && words.every((w) => CAPITAL_OR_DIGIT_FIRST.test(w) || w.length <= 3)
  );
}

interface Attribution {
  speaker: string | null;
  role: string | null;
  /** A pronoun or a definite description ("le fondateur du groupe"): someone already named. */
  anaphoric: boolean;
  /** The noun of that description ("ministre", "Synodalpräsidentin"), to find whom the article gave that role. */
  head?: string;
  /** An indefinite description ("ein Feuerwehrsprecher", "one Weibo commenter"): someone new, unnamed. */
  description?: string;
}

const NONE: Attribution = { speaker: null, role: null, anaphoric: false };

const INDEFINITE = /^(?:a|an|one|un|une|ein|eine|einer|uno|una|otro|otra|un'|another)\s+/iu;

/** "ein Feuerwehrsprecher" → "Feuerwehrsprecher": a new, unnamed speaker, if short. */
function indefinite(phrase: string): Attribution | null {
  if (!INDEFINITE.test(phrase)) return null;
  const rest = phrase.replace(INDEFINITE, '').trim();
  const words = rest.split(/\s+/);
  return words.length <= 4 && LETTERS_ONLY.test(rest) ? { ...NONE, description: rest } : null;
}

/** A name right after "of the", "du groupe", "der Volksschule": the complement of a description. */
const COMPLEMENT_BEFORE = bmpRegExp(
  String.raw`(?:^|\s)(?:du|de|des|de la|d'|d’|of|of the|der|des|del|della|di|dello|degli)\s*(?:[\p{Ll}'’-]+\s+){0,2}$`,
  'u',
);
const NAME_THEN_COMMA = bmpRegExp(String.raw`(${NAME})\s*,`, 'u');

/** "Barack Obama has admitted": the auxiliary is not part of the name. */
const TRAILING_AUXILIARY = /\s+(?:has|have|had|is|was|will|would|a|ont|avait|hat|hatte|ha|han|había|è|ha\s+poi)$/iu;

const ANAPHORIC: Attribution = { speaker: null, role: null, anaphoric: true };
const HEAD = bmpRegExp(String.raw`^${ARTICLE}\s*([\p{L}-]+)`, 'iu');
/** "le ministre de la Santé", "der Feuerwehrsprecher": someone named before, or described before. */
const described = (phrase: string): Attribution => ({ ...ANAPHORIC, head: HEAD.exec(phrase.trim())?.[1] });
const PRONOUN_AT_END = bmpRegExp(String.raw`(?:^|\s)${PRONOUN}$`, 'iu');
const NAME_FIRST = bmpRegExp(String.raw`^(${NAME})\s*,\s*(.*)`, 'u');

function fromPhrase(phrase: string): Attribution {
  const raw = phrase.trim().replace(/[\s:]+$/u, '');
  const trimmed = raw.replace(/,$/u, '').trimEnd().replace(TRAILING_AUXILIARY, '');
  // "But he", "in which he": someone named before.
  if (!trimmed || PRONOUN_AT_END.test(trimmed)) return ANAPHORIC;
  const unnamed = indefinite(trimmed);
  if (unnamed) return unnamed;
  // "Sonya A. Zoghlin, Carlineo's attorney,", "McCormick, who has split from…": the name, then its apposition.
  const apposed = NAME_FIRST.exec(trimmed);
  if (
    apposed?.[1] &&
    !STOP_FIRST_WORD.test(`${apposed[1]} `) &&
    (/\s/.test(apposed[1]) || RELATIVE.test(apposed[2] ?? '') || INDEFINITE.test(apposed[2] ?? ''))
  )
    return { speaker: apposed[1], role: null, anaphoric: false };
  const name = NAME_AT_END.exec(trimmed);
  if (name?.[1]) {
    const lead = trimmed.slice(0, name.index);
    if (!COMPLEMENT_BEFORE.test(lead)) {
      const role = lead
        .replace(/^(?:le|la|les|l'|l’|the|der|die|das|el|il|lo)\s*/iu, '')
        .replace(/[\s,]+$/u, '')
        .trim();
      return { speaker: name[1], role: role && LOWERCASE_ONLY.test(role) ? role : null, anaphoric: false };
    }
    // "Gabi Schwab, Schulleiterin der MS Egger-Lienz": the name before the description.
    const apposed = NAME_THEN_COMMA.exec(lead);
    if (apposed?.[1] && !STARTS_DESCRIPTIVE.test(`${apposed[1]} `))
      return { speaker: apposed[1], role: null, anaphoric: false };
    // "Le fondateur du groupe d'enquête Conflict Intelligence Team": someone already named.
    return described(trimmed);
  }
  if (STARTS_DESCRIPTIVE.test(trimmed)) return described(trimmed);
  // "Así, el consejero … se ha reconocido": the subject after the opening adverbial.
  const comma = trimmed.lastIndexOf(',');
  if (comma > 0) return fromPhrase(trimmed.slice(comma + 1));
  // "En ese sentido, ha señalado": Spanish and Italian drop the pronoun.
  return raw.endsWith(',') ? ANAPHORIC : NONE;
}

function attributionAfter(after: string): Attribution | null {
  let m = AFTER_VERB_NAME.exec(after);
  // "ha advertido el alcalde de Los Gallardos, Francisco Miguel Reyes, quien…": the name after the role.
  if (m?.[4]) return { speaker: m[4], role: null, anaphoric: false };
  if (m?.[3]) {
    // "sagte die Synodalpräsidentin", "said the president": a definite description of someone named before.
    if (m[1] && !/\s/.test(m[3])) return described(m[1] + m[3]);
    // "sagte ein Feuerwehrsprecher", "a déclaré à cette occasion le ministre de la Santé".
    return fromPhrase(`${m[2] ?? ''} ${m[3]}`);
  }
  m = AFTER_NAME_VERB.exec(after);
  if (m?.[1]) return fromPhrase(m[1]);
  m = AFTER_ANY_VERB_NAME.exec(after);
  if (m?.[3]) {
    if (m[1] && !/\s/.test(m[3])) return described(m[1] + m[3]);
    return { speaker: m[3], role: m[2]?.trim() || null, anaphoric: false };
  }
  m = AFTER_DEFINITE.exec(after);
  if (m?.[1]) return described(m[1]);
  if (AFTER_PRONOUN.test(after) || AFTER_BARE_VERB.test(after)) return ANAPHORIC;
  m = AFTER_DESCRIPTION.exec(after);
  return m?.[1] ? fromPhrase(m[1]) : null;
}

function attributionAround(text: string, start: number, end: number, after = text.slice(end, end + 100)): Attribution {
  // A quote that closes its sentence ("…." Liverpool spielt…) is not attributed by the next one.
  const found = text[end - 2] === '.' && CAPITAL_NEXT.test(after) ? null : attributionAfter(after);
  if (found) return found;
  // "U.S. Attorney James Kennedy Jr. said", "Dr. Silvia S. Martins": abbreviations end no sentence.
  const before = text.slice(Math.max(0, start - 300), start).replace(ABBREVIATION_DOT, '');
  const intro = COLON_INTRO.exec(before);
  if (intro?.[1]) {
    // A person, else a body: "il New York Times rivela: «…»".
    const named = firstPersonName(intro[1]) ?? firstPersonName(intro[1], true);
    if (named) return { speaker: named, role: null, anaphoric: false };
    if (PRONOUN_FIRST.test(intro[1])) return { speaker: null, role: null, anaphoric: true };
  }
  let m = BEFORE_PREP.exec(before);
  if (m?.[2]) return fromPhrase(`${m[1] ?? ''}${m[2]}`);
  m = BEFORE_COLON.exec(before);
  if (m?.[1]) return { speaker: m[1], role: null, anaphoric: false };
  m = BEFORE_VERB.exec(before);
  if (m?.[1]) {
    // "Jennifer McCormick, who has split from…, told": the name before the relative clause.
    if (RELATIVE.test(m[1])) {
      const head = before.slice(0, m.index + m[0].indexOf(m[1])).replace(/[\s,]+$/u, '');
      const name = NAME_AT_END.exec(head);
      if (name?.[1]) return { speaker: name[1], role: null, anaphoric: false };
    }
    return fromPhrase(m[1]);
  }
  return NONE;
}

/** The line under a pull-quote: "L'analyste militaire Ruslan Leviev", "— John Smith, minister". */
function attributionLine(text: string): Attribution {
  if (text.length > 90 || /[«»“”"„]/.test(text)) return NONE;
  const m = ATTRIBUTION_LINE.exec(text.trim());
  if (!m?.[2]) return NONE;
  return fromPhrase(`${m[1] ?? ''}${m[2]}`);
}

/** A paragraph before a standalone quote that names its speaker: "X rappelle que…", "Selon lui, …:". */
function attributionBefore(text: string): Attribution {
  const sentences = (text.match(SENTENCE) ?? []).map((t) => t.trim());
  const last = sentences[sentences.length - 1] ?? '';
  const prep = PREP_THEN_NAME.exec(last);
  if (prep?.[2]) return fromPhrase(`${prep[1] ?? ''}${prep[2]}`);
  for (const sentence of [...sentences].reverse()) {
    const verb = PHRASE_THEN_VERB.exec(sentence);
    if (verb?.[1]) {
      const found = fromPhrase(verb[1]);
      if (found.speaker || found.anaphoric) return found;
    }
  }
  return NONE;
}

/** Full names seen so far, by surname, so "Leviev" becomes "Ruslan Leviev". */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Dr|Prof|M|Mme|Mlle|Me|Herr|Frau|Sr|Sra|Dña|Don|Sig|Dott|President|Président|Präsident|Präsidentin|Presidente)\.?$/u;

/**
 * The name at the end of a run of capitalised words: the surname, its particles, one given name
 * and its initials ("Ursula von der Leyen", "Sonya A. Zoghlin", "Jean-Luc Mélenchon").
 */
function personWords(words: string[]): string[] {
  let i = words.length - 1;
  while (i > 0 && /^(?:von|van|der|den|de|la|da|del|della|di|du|dos|bin|al|ibn|ten|ter)$/u.test(words[i - 1] ?? ''))
    i--;
  if (i > 0) i--; // the given name
  while (i > 0 && INITIAL.test(words[i - 1] ?? '')) i--;
  if (i > 0 && INITIAL.test(words[i] ?? '')) i--;
  return words.slice(i);
}

/** Titles and roles written before names, in the five languages. */
const TITLE =
  /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Senator|Rep|Gov|Governor|President|Minister|Chancellor|Mayor|Judge|General|Gen|Secretary|Premier|Coach|Captain|Trainer|Kapitän|Präsident|Präsidentin|Kanzler|Kanzlerin|Bundeskanzler|Bundeskanzlerin|Ministerpräsident|Ministerpräsidentin|Minister|Ministerin|Bürgermeister|Bürgermeisterin|Président|Présidente|Ministre|Maire|Presidente|Ministro|Ministra|Alcalde|Alcaldesa|Sindaco|Premier|Herr|Frau|M|Mme|Sr|Sra)\.?$/u;

class Names {
  private readonly bySurname = new Map<string, string>();
  /** Where each surname was first given in full (block × 10⁶ + offset): "Leviev" refers back, never ahead. */
  private readonly firstFull = new Map<string, number>();
  /** Capitalised words that stand alone, outside a longer name, and those of them that do after their full name. */
  private readonly solo = new Set<string>();
  private readonly referredTo = new Set<string>();

  constructor(blocks: readonly TextBlock[]) {
    for (const [b, block] of blocks.entries()) {
      for (const m of block.text.matchAll(NAME_RUNS)) {
        // "Mr Obama" is Obama alone; "Nach Angaben von DLR-Meteoritenexperte Dieter Heinlein" is Dieter Heinlein.
        const all = m[0].split(/\s+/);
        while (all.length > 1 && (HONORIFIC.test(all[0] ?? '') || STOP_FIRST_WORD.test(`${all[0]} `))) all.shift();
        if (/^(?:Jr|Sr)$/u.test(all[all.length - 1] ?? '')) all.pop(); // "Patrick Carlineo Jr."
        const words = personWords(all);
        const surname = words[words.length - 1] ?? '';
        if (words.length > 1) {
          if (!this.bySurname.has(surname)) this.bySurname.set(surname, words.join(' '));
          if (!this.firstFull.has(surname)) this.firstFull.set(surname, b * 1e6 + m.index + m[0].length);
          // A role noun before the name: "Basketball-Star Sergio Llull", "Präsidentin Annekathrin Preidel".
          if (all.length > words.length && !words.some((w) => LOWERCASE_FIRST.test(w))) this.referredTo.add(surname);
        } else {
          this.solo.add(surname);
          // German nouns stand alone before they are ever part of a two-word phrase; surnames come after the full name.
          if (this.bySurname.has(surname)) this.referredTo.add(surname);
        }
      }
    }
  }

  /** The full name, without a title in front ("Senator Jane Miller" → "Jane Miller"). */
  full(name: string): string {
    const full = /\s/.test(name) ? name : (this.bySurname.get(name) ?? name);
    const words = full.split(/\s+/);
    while (words.length > 2 && TITLE.test(words[0] ?? '')) words.shift();
    // "Santé Roman Prymula" (from "le ministre de la Santé Roman Prymula") is Roman Prymula.
    return (words.length > 3 ? personWords(words) : words).join(' ');
  }

  isKnownSurname(name: string, at = Infinity): boolean {
    return (this.firstFull.get(name) ?? Infinity) < at && !NOT_A_NAME.test(name);
  }

  /** People are named in full once, then by surname: "Silvia S. Martins … Martins said". */
  isPerson(name: string): boolean {
    const words = name.split(/\s+/);
    return (words.length > 1 ? this.referredTo : this.solo).has(words[words.length - 1] ?? '');
  }
}

interface Position {
  block: number;
  index: number;
}

/**
 * How many blocks back the person given a role ("le ministre") is looked for. Every block back to
 * the first, for each quote, was quadratic: 4,000 paragraphs, each a quote by a new role, took
 * 9 s; articles name a speaker's role within a few dozen paragraphs of the quote.
 */
const ROLE_LOOK_BACK = 100;

/**
 * How far back in a block the speaker of a quote is looked for: a few sentences are enough, and
 * reading the whole block before each quote was quadratic (a paragraph of 200 KB of "«…», dit-il":
 * four minutes).
 */
const LOOK_BACK = 3000;

/** The last person named before `at` (from the start of its sentence back), within three blocks. */
/** An utterance with no attribution right after a sentence naming someone: "X sieht das so. „…“". */
function previousSentenceName(text: string, start: number, names: Names): string | null {
  const head = text.slice(Math.max(0, start - LOOK_BACK), start).trimEnd();
  if (!/[.!?:]$/u.test(head)) return null;
  const sentences = (head.match(SENTENCE) ?? []).map((t) => t.trim());
  const sentence = sentences[sentences.length - 1] ?? '';
  // A sentence with a quote of its own: the same speaker goes on ("«…», twitterte der Kapitän von Real. «…»").
  if (sentence.search(QUOTED) >= 0) return null;
  // Its subject, or the name that ends it ("… si è detto Matteo Salvini.").
  for (const { name } of personNames(sentence))
    return names.isPerson(name) || sentence.startsWith(name) || /^\W*$/u.test(sentence.split(name)[1] ?? '')
      ? name
      : null;
  return null;
}

/** The speaker as first written when it is the same person ("BKA-Präsident Holger Münch", then "Münch"). */
const sameName = (name: string | null, before: string | undefined): string | null =>
  before?.endsWith(` ${name}`) ? before : name;

export function extractQuotes(blocks: readonly TextBlock[], lang: string | null = null): FoundQuote[] {
  // German capitalises every noun: a lone capitalised word is a name only if the article gave it in full.
  const loneWordsAreNames = !/^de\b/i.test(lang ?? '');
  // The article's names are read on first need: a name pattern over every block, wasted on the
  // third of pages that quote no one (344 of the corpora's 934).
  let known: Names | undefined;
  const names = (): Names => (known ??= new Names(blocks));
  const quotes: FoundQuote[] = [];
  let last: { speaker: string; at: Position } | null = null;
  const nameOf = (speaker: string | null): string | null =>
    speaker &&
    !NOT_A_NAME.test(speaker) &&
    (/\s/.test(speaker) || names().isKnownSurname(speaker) || (loneWordsAreNames && names().isPerson(speaker)))
      ? names().full(speaker)
      : null;
  /** "el presidente andaluz", "die Synodalpräsidentin", "the center": whom the article gave that role before. */
  const byRole = (head: string | undefined, at: Position): string | null => {
    const key = head?.replace(/-/g, '').toLowerCase() ?? '';
    // No role to look for ("he said"): nothing can match, and scanning every quote so far for each
    // quote was quadratic.
    if (key.length <= 3) return null;
    const same = (word: string): boolean => {
      const w = word.replace(/-/g, '').toLowerCase();
      return key.length > 3 && w.length > 3 && (w.endsWith(key) || key.endsWith(w));
    };
    // "der Feuerwehrsprecher" after "sagte ein Feuerwehrsprecher".
    const described = quotes.findLast((q) => q.speaker && !/\s/.test(q.speaker) && same(q.speaker));
    if (described) return described.speaker;
    for (let b = at.block; b >= 0 && b > at.block - ROLE_LOOK_BACK; b--) {
      const text = (blocks[b]?.text ?? '').slice(0, b === at.block ? at.index : undefined);
      for (const w of [...text.matchAll(LONG_WORDS)].reverse()) {
        if (!same(w[0])) continue;
        const end = w.index + w[0].length;
        // "Storm Prediction Center": the role is the name's last word.
        const run = NAME_AT_END.exec(text.slice(0, end))?.[1];
        if (run?.includes(' ') && run.endsWith(w[0])) return run;
        // "President Barack Obama", "el presidente de la Junta de Andalucía, Juanma Moreno".
        const rest = text.slice(end, end + 80);
        for (const n of personNames(rest)) {
          const between = rest.slice(0, n.index);
          if ((between.match(WORDS)?.length ?? 0) > 6) break;
          if (!COMPLEMENT_BEFORE.test(between)) return n.name;
        }
      }
    }
    return null;
  };
  /**
   * Who "he said", "selon lui", "the president" is. Sentence by sentence back to the previous quote:
   * the person of a speech act ("X said…", "selon X"), else the first person named, unless the
   * sentence opens with a description ("The president…", which itself refers back). Names inside
   * quotes are someone's words, not mentions.
   */
  const antecedent = (at: Position, previous: { speaker: string; at: Position } | null): string | null => {
    for (let b = at.block; b >= 0 && b >= at.block - 3; b--) {
      const whole = blocks[b]?.text ?? '';
      const end = b === at.block ? at.index : whole.length;
      const from = Math.max(0, end - LOOK_BACK);
      const text = whole.slice(from, end).replace(QUOTED, (q) => ' '.repeat(q.length));
      for (const s of [...text.matchAll(SENTENCE)].reverse()) {
        const index = from + s.index;
        if (previous && b === previous.at.block && index <= previous.at.index) return previous.speaker;
        const speech = nameOf(attributionBefore(s[0]).speaker);
        if (speech) return speech;
        // "El consejero ha lanzado…": the person with that role.
        const role = DESCRIPTION_OPENS.test(s[0].trim()) && byRole(HEAD.exec(s[0].trim())?.[1], { block: b, index });
        if (role) return role;
        const own = b === at.block && s.index + s[0].length === text.length && !/[.!?]\s*$/u.test(s[0]);
        let first: { name: string; index: number } | null = null;
        for (const found of personNames(s[0]))
          if (names().isPerson(found.name) || (loneWordsAreNames && !previous && b >= at.block - 1)) {
            first = found;
            break;
          }
        // "Mr Obama", "Moreno": a surname the article gave in full earlier, standing alone ("Guardia Civil" is no mention of "Civil").
        for (const m of s[0].matchAll(CAPITALISED))
          if (
            (!first || m.index < first.index) &&
            !SPACE_THEN_CAPITAL.test(s[0].slice(m.index + m[0].length)) &&
            !CAPITALISED_AT_END.test(s[0].slice(0, m.index)) &&
            names().isKnownSurname(m[0], b * 1e6 + index + m.index) &&
            !INSTITUTION.test(m[0])
          )
            first = { name: m[0], index: m.index };
        // In the quote's own sentence only its subject counts ("Carlineo was arrested…, in which he
        // said"); after a description, only the name it introduces ("Der spanische Basketball-Star Sergio Llull").
        const lead = first && s[0].slice(0, first.index).match(WORDS)?.length;
        const apposed = first && /,\s*$/u.test(s[0].slice(0, first.index));
        if (first && (lead ?? 0) <= (own ? 0 : DESCRIPTION_OPENS.test(s[0].trim()) && !apposed ? 4 : 99))
          return names().full(first.name);
      }
      if (previous && b === previous.at.block) return previous.speaker;
    }
    return previous?.speaker ?? null;
  };
  for (const span of findSpans(blocks)) {
    const kind = blocks[span.block]?.kind;
    if (kind === 'caption') continue;
    const words = span.text.match(WORDS)?.length ?? 0;
    const text = blocks[span.block]?.text ?? '';
    const at = { block: span.block, index: span.start };
    // A quote running on into later paragraphs is introduced in its first one.
    // A quote running on into later paragraphs is attributed after its end, or introduced in its first one.
    let found = attributionAround(
      text,
      span.start,
      span.endBlock === span.block ? span.end : text.length,
      blocks[span.endBlock]?.text.slice(span.end, span.end + 100),
    );
    const attributed = (): boolean => found.speaker !== null || found.anaphoric || found.description !== undefined;
    const standalone = span.start <= 1 && (span.endBlock > span.block || span.end >= text.length - 1);
    // An attribution inside the marks: «Consistono nel contrarre i muscoli - spiega Artibani - tenendoli…».
    const inside = /\s[-–—]\s([^-–—]{3,60}?)\s[-–—]\s/u.exec(span.text)?.[1];
    if (!attributed() && inside) found = attributionAfter(`, ${inside}`) ?? found;
    if (!attributed() && kind === 'quote') {
      const next = blocks[span.endBlock + 1];
      if (next?.kind === 'quote') found = attributionLine(next.text);
    }
    if (!attributed() && standalone && span.block > 0) found = attributionBefore(blocks[span.block - 1]?.text ?? '');
    if (!attributed() && CAPITAL_FIRST.test(span.text) && words > 3) {
      const name = previousSentenceName(text, span.start, names());
      if (name) found = { speaker: name, role: null, anaphoric: false };
    }
    const isPull = kind === 'quote';
    // Scare quotes and titles: short, or Title Case, with no speech around them.
    if (!isPull && !attributed() && (words <= 3 || looksLikeTitle(span.text))) continue;
    let speaker: string | null = nameOf(found.speaker) ?? found.description ?? null;
    if (!speaker && (found.anaphoric || !attributed())) {
      const previous = last as { speaker: string; at: Position } | null;
      // A quote near an attributed one is by the same person (news convention); "he said", "selon
      // lui", "the president": whoever spoke last, or was last named.
      const recent = previous && previous.at.block >= span.block - 2 ? previous.speaker : null;
      speaker = found.anaphoric ? (byRole(found.head, at) ?? antecedent(at, previous) ?? found.head ?? null) : recent;
    }
    speaker = sameName(speaker, last?.speaker);
    if (speaker) last = { speaker, at };
    quotes.push({
      text: span.text,
      speaker,
      role: found.role,
      block: span.block,
      start: span.start,
      endBlock: span.endBlock,
      end: span.end,
    });
  }
  // A quote that opens a paragraph before its speaker is named: "«d'encore plus de 200»… «…», a ajouté X".
  for (let i = quotes.length - 2; i >= 0; i--) {
    const [q, next] = [quotes[i], quotes[i + 1]];
    if (q && !q.speaker && next?.block === q.block) q.speaker = next.speaker;
  }
  return quotes;
}
