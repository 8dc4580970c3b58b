/**
 * What changed between two snapshots of an article (issue 7, item 3).
 *
 *   paragraphs ─ comparableText ─ diffArrays ─ hunks of removed/added ─ pairing ─ changes
 *                                                                       │ (similar ones)
 *                                                       word units ─ diffArrays ─ words
 *   figures    ─ not in the other version ─ paired inside a `changed` paragraph ─ figures
 *   quotes, title ─ comparableText ─ quotes, title;   times ─ same instant? ─ times
 *
 * Cosmetic changes are not changes. Every comparison goes through comparableText(), which keeps
 * only the words (letters, digits, currency and percent signs, lower-cased) of a text whose URLs
 * lost their tracking parameters and whose timestamps were masked. So whitespace, punctuation,
 * typographic variants (’ ' “ " « » – —, non-breaking spaces), case and tracking parameters never
 * count; the texts reported are always the originals.
 *
 * Case counts as cosmetic because newsrooms restyle headlines (Title Case ↔ Sentence case) and
 * CMSs change the case of kickers and crossheads; a change of meaning by case alone ("US" → "us")
 * is far rarer than those.
 *
 * Timestamps: a date or time is masked only where it stamps the article, not where it is news
 * ("the vote moved to 6 November" is a change). A paragraph is a stamp line when it names a
 * publication or update ("Updated", "Mis à jour", "Aktualisiert", …) or is little more than a date
 * or time ("10 p.m.", "Nov. 19, 2019 10:09 ET"); a live-blog entry's leading time is masked too.
 * The article's own times are compared in `times`.
 *
 * The word-level detail uses jsdiff's diffArrays over word units (a word and the spaces and
 * punctuation after it) with a comparator on their comparable form, rather than diffWords, which
 * compares the raw tokens and would show every ’ → ' of a changed paragraph as a change.
 */
import { diffArrays } from 'diff';
import type { Snapshot } from './snapshot';

export interface WordPart {
  added?: true;
  removed?: true;
  text: string;
}

export interface ParagraphChange {
  type: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
  /** For `changed` paragraphs short enough to diff word by word (WORD_DIFF_MAX_CHARS). */
  words?: WordPart[];
}

export interface BeforeAfter<T> {
  before: T;
  after: T;
}

export interface ArticleDiff {
  title: BeforeAfter<string | null> | null;
  changes: ParagraphChange[];
  figures: BeforeAfter<string>[];
  quotes: { added: string[]; removed: string[] };
  times: { published?: BeforeAfter<string | null>; modified?: BeforeAfter<string | null> };
}

/** Word-level detail costs O(words × edits); past this a paragraph is shown whole (huge pages, lists). */
const WORD_DIFF_MAX_CHARS = 4000;
/** A removed and an added paragraph this alike (Dice over their words) are one changed paragraph. */
const SIMILAR = 0.5;
/** How far ahead among the added paragraphs of a hunk to look for a removed one's new version. */
const PAIRING_WINDOW = 8;
/** A line that keeps at most this many words once its dates and times are masked is a stamp line. */
const STAMP_LINE_MAX_WORDS = 4;
/** A paragraph naming an update this long is a note about it, not running text. */
const STAMP_KEYWORD_MAX_WORDS = 40;

const CONTENT = String.raw`\p{L}\p{N}\p{M}\p{Sc}%‰°`;
/** A word: letters, digits and the signs that change a figure's meaning; a leading sign only before a digit. */
const WORD = new RegExp(String.raw`(?:(?<![${CONTENT}])[-−+](?=\p{N}))?[${CONTENT}]+`, 'gu');

const TRACKING_PARAM =
  /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|mc_cid|mc_eid|igshid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmpid|xtor|ocid|smid|at_\w+|s_cid|sr_share)$/i;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”]+/gi;

// Date and time shapes of the five main languages. Their edges are Unicode-aware lookarounds:
// \b knows only ASCII letters ("février", "août").
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const MONTH = String.raw`(?:jan(?:uary|vier|v|uar)?|j[äa]nner|feb(?:ruary|ruar|brero)?|f[ée]v(?:rier|r)?|mar(?:ch|s|zo)?|m[äa]rz|mrz|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|jun(?:e|i|io)?|juin|giu(?:gno)?|jul(?:y|i|io)?|juil(?:let)?|lug(?:lio)?|aug(?:ust)?|ao[ûu]t|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|setiembre|set(?:tembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre|iembre)?|d[ée]c(?:ember|embre)?|dez(?:ember)?|dic(?:iembre|embre)?|ene(?:ro)?|gen(?:naio)?)\.?`;
const WEEKDAY = String.raw`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|er|º|\.)?`;
const ZONE = String.raw`(?:\s*\(?(?:GMT|UTC|CES?T|MES?Z|BST|[ECMP][SD]?T)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?${E})?`;
const TIME = String.raw`(?:\d{1,2}(?:[.:][0-5]\d)?\s*(?:uhr${E}|[ap]\.?\s?m\.?(?![\p{L}]))|(?:[01]?\d|2[0-4])[:h][0-5]\d(?::[0-5]\d)?(?:\s*(?:uhr|h)${E})?)${ZONE}`;
const DATE = [
  String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
  String.raw`\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})`,
  String.raw`${DAY}\s+(?:de\s+)?${MONTH}(?:,?\s+(?:de\s+)?\d{4})?`,
  String.raw`${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?`,
  String.raw`${MONTH}\s+\d{4}`,
].join('|');
const SPAN = String.raw`\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|h|min|minuten?|stunden?|std\.?|tagen?|wochen?|heures?|jours?|semaines?|mois|segundos?|minutos?|horas?|días?|semanas?|meses|secondi|minuti|ore|giorni|settimane|mesi)${E}`;
/** "2 hours ago", "il y a 3 heures", "vor 2 Stunden", "hace 2 horas", "2 ore fa". */
const RELATIVE = String.raw`(?:${SPAN}\s+ago|(?:il y a|vor|hace)\s+${SPAN}|${SPAN}\s+fa)`;
const NOW_WORDS = String.raw`yesterday|today|just now|hier|aujourd'hui|aujourd’hui|gestern|heute|soeben|ayer|hoy|ieri|oggi`;

/** What makes a line a stamp: a date or time of the page (bare years excluded: "the 2020 election"). */
const STAMP = new RegExp(String.raw`${B}(?:${DATE}|${TIME}|${RELATIVE}${E})`, 'giu');
/** What a stamp line loses: the stamps, and the weekdays, years and "today"s around them. */
const STAMP_LINE_PARTS = new RegExp(
  String.raw`${B}(?:${DATE}|${TIME}|${RELATIVE}${E}|(?:${WEEKDAY}|${NOW_WORDS}|(?:19|20)\d{2})${E})`,
  'giu',
);
const LEADING_TIME = new RegExp(String.raw`^\s*${TIME}`, 'iu');
/** A line that opens with these (within its first three words) is a publication or update note. */
const STAMP_KEYWORD =
  /^[^\p{L}\p{N}]*(?:[\p{L}\p{N}]+[^\p{L}\p{N}]+){0,2}?(?:updated?|published|posted|last modified|modified|corrected|correction|mise? à jour|publié|modifié|actualisé|aktualisiert|aktualisierung|veröffentlicht|zuletzt|actualizado|actualización|publicado|aggiornat[oa]|aggiornamento|pubblicato)(?![\p{L}])/iu;

/** The URL without its tracking parameters (utm_*, fbclid, …); anything unparseable as it was. */
export function withoutTracking(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const kept = query.split('&').filter((p) => p !== '' && !TRACKING_PARAM.test(p.split('=')[0] ?? ''));
  return url.slice(0, q) + (kept.length ? `?${kept.join('&')}` : '') + (hash < 0 ? '' : url.slice(hash));
}

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The text without the timestamps that only stamp it (see the module header). */
function maskStamps(text: string): string {
  const stamps = text.match(STAMP);
  const words = wordCount(text);
  const isStampLine =
    (STAMP_KEYWORD.test(text) && words <= STAMP_KEYWORD_MAX_WORDS) ||
    (stamps !== null && wordCount(text.replace(STAMP_LINE_PARTS, ' ')) <= STAMP_LINE_MAX_WORDS);
  if (isStampLine) return text.replace(STAMP_LINE_PARTS, ' ');
  return text.replace(LEADING_TIME, ' ');
}

function comparableWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace('−', '-');
}

/** The words a text is compared by: "Updated 10:09 — L’armée a…" and "updated 11:30 - l'armée a…" agree. */
export function comparableText(text: string): string {
  const plain = maskStamps(text.replace(URL_IN_TEXT, withoutTracking));
  return (plain.match(WORD) ?? []).map(comparableWord).join(' ');
}

/** True when the diff shows no change to the article; times alone are not one (see sameContent). */
export function isUnchanged(diff: ArticleDiff): boolean {
  return (
    diff.title === null &&
    diff.changes.length === 0 &&
    diff.figures.length === 0 &&
    diff.quotes.added.length === 0 &&
    diff.quotes.removed.length === 0
  );
}

export function diffSnapshots(before: Snapshot, after: Snapshot): ArticleDiff {
  // Each text is made comparable once: the masks' regexes are the cost of a diff.
  const known = new Map<string, string>();
  const key: KeyOf = (text) => known.get(text) ?? known.set(text, comparableText(text)).get(text) ?? '';
  const changes = paragraphChanges(keyed(before.paragraphs, key), keyed(after.paragraphs, key));
  return {
    title: titleChange(before.title, after.title),
    changes,
    figures: figureChanges(before, after, changes, key),
    quotes: quoteChanges(before, after),
    times: timeChanges(before, after),
  };
}

type KeyOf = (text: string) => string;

interface Keyed {
  text: string;
  key: string;
}

/** Paragraphs with their comparable form; those without words ("***", a bare timestamp) are left out. */
function keyed(paragraphs: readonly string[], key: KeyOf): Keyed[] {
  return paragraphs.map((text) => ({ text, key: key(text) })).filter((p) => p.key !== '');
}

function paragraphChanges(old: Keyed[], now: Keyed[]): ParagraphChange[] {
  const parts = diffArrays(
    old.map((p) => p.key),
    now.map((p) => p.key),
  );
  const changes: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let removed: Keyed[] = [];
  let added: Keyed[] = [];
  const flush = (): void => {
    changes.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) removed.push(...old.slice(i, (i += part.count)));
    else if (part.added) added.push(...now.slice(j, (j += part.count)));
    else {
      flush();
      i += part.count;
      j += part.count;
    }
  }
  flush();
  return changes;
}

/** One hunk's removed and added paragraphs, the similar ones paired as `changed`, in reading order. */
function pairHunk(removed: Keyed[], added: Keyed[]): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  let r = 0;
  let a = 0;
  const emitUntil = (rEnd: number, aEnd: number): void => {
    for (; r < rEnd; r++) out.push({ type: 'removed', before: removed[r]?.text ?? null, after: null });
    for (; a < aEnd; a++) out.push({ type: 'added', before: null, after: added[a]?.text ?? null });
  };
  for (let ri = 0; ri < removed.length; ri++) {
    const old = removed[ri] as Keyed;
    const limit = Math.min(added.length, a + PAIRING_WINDOW);
    for (let ai = a; ai < limit; ai++) {
      const now = added[ai] as Keyed;
      if (similarity(old.key, now.key) < SIMILAR) continue;
      emitUntil(ri, ai);
      out.push(changedParagraph(old.text, now.text));
      r = ri + 1;
      a = ai + 1;
      break;
    }
  }
  emitUntil(removed.length, added.length);
  return out;
}

/** Dice coefficient of the two texts' sets of words. */
function similarity(a: string, b: string): number {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

function changedParagraph(before: string, after: string): ParagraphChange {
  const change: ParagraphChange = { type: 'changed', before, after };
  if (before.length <= WORD_DIFF_MAX_CHARS && after.length <= WORD_DIFF_MAX_CHARS) {
    change.words = wordParts(before, after);
  }
  return change;
}

/** A text cut into word units: each word with the spaces and punctuation after it. */
function wordUnits(text: string): { text: string; key: string }[] {
  const starts = [...text.matchAll(WORD)];
  if (!starts.length) return [{ text, key: '' }];
  return starts.map((m, n) => ({
    text: text.slice(n === 0 ? 0 : m.index, starts[n + 1]?.index ?? text.length),
    key: comparableWord(m[0]),
  }));
}

function wordParts(before: string, after: string): WordPart[] {
  const parts = diffArrays(wordUnits(before), wordUnits(after), { comparator: (x, y) => x.key === y.key });
  return parts.map((part) => {
    const text = part.value.map((u) => u.text).join('');
    if (part.added) return { added: true, text };
    if (part.removed) return { removed: true, text };
    return { text };
  });
}

function titleChange(before: string | null, after: string | null): ArticleDiff['title'] {
  return comparableText(before ?? '') === comparableText(after ?? '') ? null : { before, after };
}

/** Items of `items` whose key is not matched, one for one, by an item of `others`. */
function unmatched<T>(items: readonly T[], others: readonly T[], key: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const o of others) left.set(key(o), (left.get(key(o)) ?? 0) + 1);
  return items.filter((item) => {
    const n = left.get(key(item)) ?? 0;
    if (n > 0) left.set(key(item), n - 1);
    return n === 0;
  });
}

type SnapshotFigure = Snapshot['figures'][number];

/**
 * Figures that changed: one gone and one new in the same changed paragraph, with the same unit or
 * the same word after them ("50 000 soldats" → "60 000 soldats"). A figure that merely appears or
 * disappears is in its paragraph's change already.
 */
function figureChanges(
  before: Snapshot,
  after: Snapshot,
  changes: ParagraphChange[],
  key: KeyOf,
): BeforeAfter<string>[] {
  const figureKey = (f: SnapshotFigure): string => key(f.text);
  const gone = unmatched(before.figures, after.figures, figureKey);
  const come = unmatched(after.figures, before.figures, figureKey);
  if (!gone.length || !come.length) return [];
  const used = new Set<SnapshotFigure>();
  const out: BeforeAfter<string>[] = [];
  for (const change of changes) {
    if (change.type !== 'changed' || change.before === null || change.after === null) continue;
    const oldText = ` ${key(change.before)} `;
    const newText = ` ${key(change.after)} `;
    const olds = gone.filter((f) => !used.has(f) && oldText.includes(` ${figureKey(f)} `));
    const news = come.filter((f) => !used.has(f) && newText.includes(` ${figureKey(f)} `));
    for (const old of olds) {
      const match = news.find(
        (f) =>
          !used.has(f) &&
          ((old.unit !== null && old.unit === f.unit) ||
            nextWord(oldText, figureKey(old)) === nextWord(newText, figureKey(f))),
      );
      if (!match) continue;
      used.add(old).add(match);
      out.push({ before: old.text, after: match.text });
    }
  }
  return out;
}

/** The word after a figure in a comparable paragraph (" … 50 000 soldats … "), or null at its end. */
function nextWord(paragraph: string, figure: string): string | null {
  const at = paragraph.indexOf(` ${figure} `);
  const rest = paragraph.slice(at + figure.length + 2);
  return rest.slice(0, rest.indexOf(' ')) || null;
}

function quoteChanges(before: Snapshot, after: Snapshot): ArticleDiff['quotes'] {
  const newOnly = (a: Snapshot, b: Snapshot): string[] => {
    const known = new Set(b.quotes.map((q) => comparableText(q.text)));
    const seen = new Set<string>();
    return a.quotes
      .filter((q) => {
        const key = comparableText(q.text);
        if (known.has(key) || seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((q) => q.text);
  };
  return { added: newOnly(after, before), removed: newOnly(before, after) };
}

function timeChanges(before: Snapshot, after: Snapshot): ArticleDiff['times'] {
  const times: ArticleDiff['times'] = {};
  if (!sameInstant(before.published, after.published)) {
    times.published = { before: before.published, after: after.published };
  }
  if (!sameInstant(before.modified, after.modified)) {
    times.modified = { before: before.modified, after: after.modified };
  }
  return times;
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && !Number.isNaN(Date.parse(a)) && Date.parse(a) === Date.parse(b));
}
