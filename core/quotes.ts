/**
 * Direct quotes and who said them, in English, French, German, Spanish and Italian.
 *
 *   blocks ─> quote spans (paired marks of every style; a quote running over several paragraphs,
 *             its opening mark repeated; pull-quotes in <blockquote>)
 *          ─> not quotes: titles and names in marks («New York Times»), scare quotes (≤ 3 words
 *             with no speech around them)
 *          ─> speaker: the same sentence ("», a déclaré X", "X said", "selon X", "laut X"), the
 *             attribution line under a pull-quote, the paragraph before a standalone quote
 *          ─> resolution: pronouns and descriptions ("he said", "selon lui", "le fondateur…") to
 *             the last named speaker; a bare surname to the full name used earlier
 *
 * Hand-written: the models that do this (BBC's citron) need a server; these patterns run in the
 * content script in milliseconds, and are measured on a hand-annotated gold set.
 */
import type { TextBlock } from './blocks';

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

const LETTER = /\p{L}/u;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}\.)`;
// Bare der/la/le/el are left out: "Schulleiterin der MS" is a description, not a name.
const PARTICLE = String.raw`(?:von der|van der|van den|de la|von|van|de|da|del|della|di|dos|du|bin|al|ibn|ten|ter)`;
/** "Ruslan Leviev", "Jean-Luc Mélenchon", "Ursula von der Leyen", "Kim Jong Un", "J. D. Vance". */
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){0,3}`;

// Speech verbs and attributing prepositions, five languages. Multi-word forms come first.
const VERBS = [
  // en
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'explained',
  'explains',
  'stated',
  'noted',
  'warned',
  'argued',
  'wrote',
  'writes',
  'asked',
  'replied',
  'insisted',
  'continued',
  'recalled',
  'claimed',
  'declared',
  'admitted',
  'tweeted',
  'commented',
  'acknowledged',
  'suggested',
  'urged',
  'recalls',
  'concluded',
  'insists',
  'told reporters',
  'confirmed',
  'announced',
  'emphasized',
  'emphasised',
  'pointed out',
  'responded',
  'revealed',
  'described',
  'added that',
  'believes',
  'thinks',
  'predicted',
  'cautioned',
  'conceded',
  'countered',
  'recounted',
  'testified',
  'shouted',
  // fr
  'a déclaré',
  'a dit',
  'déclare',
  'dit',
  'a expliqué',
  'explique',
  'a ajouté',
  'ajoute',
  'a affirmé',
  'affirme',
  'a estimé',
  'estime',
  'a souligné',
  'souligne',
  'a indiqué',
  'indique',
  'a précisé',
  'précise',
  'raconte',
  'rappelle',
  'assure',
  'a assuré',
  'confie',
  'a confié',
  'poursuit',
  'conclut',
  'lance',
  'a lancé',
  'martèle',
  'ironise',
  'regrette',
  'a réagi',
  'réagit',
  'avertit',
  'a averti',
  'a-t-il',
  'a-t-elle',
  'a-t-il ajouté',
  'a-t-elle ajouté',
  'a-t-il déclaré',
  'a-t-elle déclaré',
  'explique-t-il',
  'explique-t-elle',
  'dit-il',
  'dit-elle',
  'a confirmé',
  'confirme',
  'a annoncé',
  'annonce',
  'a reconnu',
  'reconnaît',
  'a répondu',
  'répond',
  'a insisté',
  'insiste',
  'a commenté',
  'commente',
  'a raconté',
  'a prévenu',
  'prévient',
  'résume',
  'témoigne',
  'a témoigné',
  'ajoute-t-il',
  'ajoute-t-elle',
  'poursuit-il',
  'poursuit-elle',
  'estime-t-il',
  'estime-t-elle',
  'souligne-t-il',
  // de
  'sagte',
  'sagt',
  'erklärte',
  'erklärt',
  'betonte',
  'betont',
  'meinte',
  'meint',
  'fügte hinzu',
  'berichtete',
  'warnte',
  'kritisierte',
  'schrieb',
  'teilte mit',
  'sagte er',
  'sagte sie',
  'so',
  'bestätigte',
  'ergänzte',
  'erläuterte',
  'erzählte',
  'räumte ein',
  'unterstrich',
  'forderte',
  'kündigte an',
  'führte aus',
  'hieß es',
  'sagen',
  // Separable verbs put the name in the middle: "„…“, führte Webhofer aus".
  'führte',
  'fügte',
  'räumte',
  'gab',
  // es
  'dijo',
  'dice',
  'afirmó',
  'afirma',
  'explicó',
  'explica',
  'señaló',
  'señala',
  'aseguró',
  'asegura',
  'añadió',
  'declaró',
  'indicó',
  'apuntó',
  'comentó',
  'sostuvo',
  'advirtió',
  'manifestó',
  'agregó',
  'subrayó',
  'confirmó',
  'reconoció',
  'respondió',
  'insistió',
  'destacó',
  'recordó',
  'criticó',
  'aseveró',
  'expresó',
  'relató',
  // it
  'ha detto',
  'ha dichiarato',
  'ha spiegato',
  'ha aggiunto',
  'ha affermato',
  'ha sottolineato',
  'ha osservato',
  'afferma',
  'dice',
  'spiega',
  'sottolinea',
  'aggiunge',
  'osserva',
  'ha commentato',
  'commenta',
  'conclude',
  'ha confermato',
  'conferma',
  'ha ribadito',
  'ribadisce',
  'racconta',
  'ha raccontato',
  'ha risposto',
  'risponde',
  'ha ammesso',
  'ammette',
  'evidenzia',
  'ha evidenziato',
];
const PREPOSITIONS = ['according to', 'selon', "d'après", 'd’après', 'laut', 'zufolge', 'según', 'secondo', 'per'];
const VERB = `(?:${[...new Set(VERBS)]
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
const AFTER_VERB_NAME = new RegExp(
  String.raw`^[\s,.:;—–-]*${VERB}\s+(?:(?:le|la|l'|l’|the|der|die|el|il|la)\s+)?([\p{Ll}\s'’-]{0,40}?)\s*(${NAME})`,
  'u',
);
// After the closing mark: "", John Smith said", "», Ruslan Leviev a déclaré".
const AFTER_NAME_VERB = new RegExp(String.raw`^[\s,.:;—–-]*(${NAME})\s+${VERB}(?![\p{L}])`, 'u');
// After the closing mark: "", he said", "», a-t-il ajouté", "", sagte er".
const AFTER_PRONOUN = new RegExp(
  String.raw`^[\s,.:;—–-]*(?:${PRONOUN}\s+${VERB}|${VERB}(?:\s+${PRONOUN})?)(?![\p{L}])`,
  'iu',
);
// Before the opening mark: "Selon Ruslan Leviev, «", "According to the analyst John Smith, "".
const BEFORE_PREP = new RegExp(String.raw`${PREP}\s+((?:[\p{Ll}'’-]+\s+){0,4}?)(${NAME}|${PRONOUN})[\s,:]*$`, 'u');
// Before the opening mark: "Leviev explique que le chef du Kremlin «", "John Smith said: "".
const BEFORE_VERB = new RegExp(
  String.raw`(?:^|[.!?;]\s+|,\s+)([^.!?;«»“”"]{1,120}?)\s+${VERB}(?![\p{L}])[^«»“”"„]{0,80}$`,
  'u',
);
// Before the opening mark: "Ruslan Leviev: «".
const BEFORE_COLON = new RegExp(String.raw`(?:^|[.!?]\s+)(${NAME})\s*:\s*$`, 'u');
const NAME_AT_END = new RegExp(String.raw`(${NAME})\s*$`, 'u');
const STARTS_DESCRIPTIVE = /^(?:le|la|les|l'|l’|un|une|the|a|an|der|die|das|ein|eine|el|los|las|il|lo|gli|un|una)\s/iu;
const PRONOUN_ONLY = new RegExp(`^${PRONOUN}$`, 'iu');
const ATTRIBUTION_LINE = new RegExp(String.raw`^[—–-]?\s*((?:[\p{L}'’-]+\s+){0,5}?)(${NAME})(?:\s*[,(].{0,60})?$`, 'u');

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

const WORDS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Titles and names in marks: few words, each capitalised, no sentence punctuation. */
function looksLikeTitle(text: string): boolean {
  const words = text.match(WORDS) ?? [];
  return words.length <= 6 && !/[.!?,;:]/.test(text) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
}

interface Attribution {
  speaker: string | null;
  role: string | null;
  /** A pronoun or a description ("le fondateur du groupe"): the last named speaker. */
  anaphoric: boolean;
}

const NONE: Attribution = { speaker: null, role: null, anaphoric: false };

/** A name right after "of the", "du groupe", "der Volksschule": the complement of a description. */
const COMPLEMENT_BEFORE =
  /(?:^|\s)(?:du|de|des|de la|d'|d’|of|of the|der|des|del|della|di|dello|degli)\s*(?:[\p{Ll}'’-]+\s+){0,2}$/u;
const NAME_THEN_COMMA = new RegExp(String.raw`(${NAME})\s*,`, 'u');

function fromPhrase(phrase: string): Attribution {
  const trimmed = phrase.trim().replace(/[\s,:]+$/u, '');
  if (!trimmed) return NONE;
  if (PRONOUN_ONLY.test(trimmed)) return { speaker: null, role: null, anaphoric: true };
  const name = NAME_AT_END.exec(trimmed);
  if (name?.[1]) {
    const lead = trimmed.slice(0, name.index);
    if (!COMPLEMENT_BEFORE.test(lead)) {
      const role = lead
        .replace(/^(?:le|la|les|l'|l’|the|der|die|das|el|il|lo)\s*/iu, '')
        .replace(/[\s,]+$/u, '')
        .trim();
      return { speaker: name[1], role: role && /^[\p{Ll}\s'’-]+$/u.test(role) ? role : null, anaphoric: false };
    }
    // "Gabi Schwab, Schulleiterin der MS Egger-Lienz": the name before the description.
    const apposed = NAME_THEN_COMMA.exec(lead);
    if (apposed?.[1] && !STARTS_DESCRIPTIVE.test(`${apposed[1]} `))
      return { speaker: apposed[1], role: null, anaphoric: false };
    // "Le fondateur du groupe d'enquête Conflict Intelligence Team": someone already named.
    return { speaker: null, role: null, anaphoric: true };
  }
  return STARTS_DESCRIPTIVE.test(trimmed) ? { speaker: null, role: null, anaphoric: true } : NONE;
}

function attributionAround(text: string, start: number, end: number): Attribution {
  const after = text.slice(end, end + 100);
  let m = AFTER_VERB_NAME.exec(after);
  if (m?.[2]) return { speaker: m[2], role: m[1]?.trim() || null, anaphoric: false };
  m = AFTER_NAME_VERB.exec(after);
  if (m?.[1]) return fromPhrase(m[1]);
  if (AFTER_PRONOUN.test(after)) return { speaker: null, role: null, anaphoric: true };
  const before = text.slice(Math.max(0, start - 200), start);
  m = BEFORE_PREP.exec(before);
  if (m?.[2]) return fromPhrase(`${m[1] ?? ''}${m[2]}`);
  m = BEFORE_COLON.exec(before);
  if (m?.[1]) return { speaker: m[1], role: null, anaphoric: false };
  m = BEFORE_VERB.exec(before);
  if (m?.[1]) return fromPhrase(m[1]);
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
  const sentences = text.split(/(?<=[.!?])\s+/u);
  const last = sentences[sentences.length - 1] ?? '';
  const prep = new RegExp(String.raw`(?:^|\s)${PREP}\s+((?:[\p{Ll}'’-]+\s+){0,4}?)(${NAME}|${PRONOUN})\b`, 'u').exec(
    last,
  );
  if (prep?.[2]) return fromPhrase(`${prep[1] ?? ''}${prep[2]}`);
  for (const sentence of [...sentences].reverse()) {
    const verb = new RegExp(String.raw`^(.{1,120}?)\s+(?:${VERB})(?![\p{L}])`, 'u').exec(sentence);
    if (verb?.[1]) {
      const found = fromPhrase(verb[1]);
      if (found.speaker || found.anaphoric) return found;
    }
  }
  return NONE;
}

/** Full names seen so far, by surname, so "Leviev" becomes "Ruslan Leviev". */
class Names {
  private readonly bySurname = new Map<string, string>();

  constructor(blocks: readonly TextBlock[]) {
    const full = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){1,3}`, 'gu');
    for (const block of blocks) {
      for (const m of block.text.matchAll(full)) {
        const surname = m[0].split(/\s+/).pop() ?? '';
        if (!this.bySurname.has(surname)) this.bySurname.set(surname, m[0]);
      }
    }
  }

  full(name: string): string {
    if (/\s/.test(name)) return name;
    return this.bySurname.get(name) ?? name;
  }

  isKnownSurname(name: string): boolean {
    return this.bySurname.has(name);
  }
}

export function extractQuotes(blocks: readonly TextBlock[], lang: string | null = null): FoundQuote[] {
  const names = new Names(blocks);
  // German capitalises every noun: a lone capitalised word is a name only if the article gave it in full.
  const loneWordsAreNames = !/^de\b/i.test(lang ?? '');
  const quotes: FoundQuote[] = [];
  let lastSpeaker: string | null = null;
  for (const span of findSpans(blocks)) {
    const kind = blocks[span.block]?.kind;
    if (kind === 'caption') continue;
    const words = span.text.match(WORDS)?.length ?? 0;
    const text = blocks[span.block]?.text ?? '';
    let found = span.endBlock === span.block ? attributionAround(text, span.start, span.end) : NONE;
    const standalone = span.start <= 1 && (span.endBlock > span.block || span.end >= text.length - 1);
    if (!found.speaker && !found.anaphoric && kind === 'quote') {
      const next = blocks[span.endBlock + 1];
      if (next?.kind === 'quote') found = attributionLine(next.text);
    }
    if (!found.speaker && !found.anaphoric && standalone && span.block > 0) {
      found = attributionBefore(blocks[span.block - 1]?.text ?? '');
    }
    const isPull = kind === 'quote';
    const hasSpeech = found.speaker !== null || found.anaphoric;
    // Scare quotes and titles: short, or Title Case, with no speech around them.
    if (!isPull && !hasSpeech && (words <= 3 || looksLikeTitle(span.text))) continue;
    if (!isPull && words <= 3) continue;
    const named: string | null =
      found.speaker && (/\s/.test(found.speaker) || loneWordsAreNames || names.isKnownSurname(found.speaker))
        ? names.full(found.speaker)
        : null;
    const speaker: string | null = named ?? (found.anaphoric ? lastSpeaker : null);
    if (speaker) lastSpeaker = speaker;
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
  return quotes;
}
