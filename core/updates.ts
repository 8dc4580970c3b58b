/**
 * Update and correction notes the article carries ("Update, 10:09: …", "Mise à jour : …",
 * "Correction: an earlier version of this article…", "Aktualisierung, 14.11.: …"), with their time
 * when the label gives one. A note is a block that opens with one of these labels, then a colon
 * or a dash within a short label part (which may hold a date or time), then text; or one of the
 * set sentences newsrooms use ("This article has been updated…", "An earlier version…").
 * Headings such as "Update on the war" have no colon and are not notes.
 *
 * A time without a day ("Update, 10:09") is on the day the article was published, in its zone.
 *
 * A live blog's timed entries are notes too (findLiveNotes): each entry's time, and its headline
 * or first sentences. An entry starts at a `<time>` the clean-up kept as a live entry's
 * (cleanup.ts, rule live-entry-time; `liveEntry` in blocks.ts), or, on tickers that print the time
 * in the entry's heading ("12.31 Uhr: …", "10h32 : …"), at such a heading.
 */
import type { TextBlock } from './blocks';
import { bmpRegExp } from './bmp-regexp';
import { instantMs, parseMachineDate, toIso, wallClockMs, type PageDate } from './dates';
import { splitSentences } from './sentences';
import { findTextDates } from './text-dates';
import type { Timestamp, UpdateNote } from './types';

const LABELS = [
  // en
  'update[sd]?',
  'correction[s]?',
  'clarification',
  "editor[’']?s[’']? note",
  // fr
  'mise à jour',
  'mis à jour',
  'màj',
  'rectificatif',
  'correctif',
  'erratum',
  'précision',
  'note de la rédaction',
  // de
  'aktualisierung',
  'aktualisiert',
  'korrektur',
  'berichtigung',
  'richtigstellung',
  'transparenzhinweis',
  '(?:anmerkung|hinweis) der redaktion',
  // es
  'actualización',
  'actualizado',
  'corrección',
  'fe de errores',
  'aclaración',
  'nota del editor',
  'nota de la redacción',
  // it
  'aggiornamento',
  'aggiornato',
  'correzione',
  'rettifica',
  'precisazione',
  'nota della redazione',
].join('|');

/** The label, a short label part (a number, a date, a time: no sentence), then ":" or a dash. */
const LABELLED = bmpRegExp(
  `^[\\s\\[(*]*(?:${LABELS})(?![\\p{L}])((?:[^:\\n]|(?<=\\d):(?=\\d)){0,40}?)[\\s\\])*]*(?::(?!\\d)|[—–]|\\s-\\s)\\s*(\\S.*)$`,
  'isu',
);
/** The sentences newsrooms open a note with, which are the note themselves. */
const SET_SENTENCE =
  /^[\s[(*]*(?:this (?:article|story|post) (?:has been|was) (?:updated|corrected)|an earlier version of this|a previous version of this|in einer früheren version|une précédente version de cet|dans une version précédente|una versión anterior|una versione precedente)/iu;
/** A label part says when, or numbers the update ("UPDATE 2"); longer words make it a sentence. */
const LABEL_PART = bmpRegExp(String.raw`^[\s\d.,:/h()-]*(?:\p{L}{1,12}[\s\d.,:/h()-]*){0,4}$`, 'u');
const MIN_NOTE_WORDS = 3;
const NOTE_KINDS = new Set<TextBlock['kind']>(['paragraph', 'heading', 'caption', 'quote', 'list-item']);

/** A clock time in a label part: "10:09", "10h09", "12.30", "11:30 Uhr". */
const CLOCK = /(?<![\d.:])([01]?\d|2[0-3])\s?[:h.]\s?([0-5]\d)(?![\d.:])/u;

/** The note's time: a date the label part gives, else the publication day, at the clock time it gives. */
function noteTime(labelPart: string, published: PageDate | null, now: Date): string | null {
  const publishedDay = published && { ...published, hour: null, minute: null, second: null };
  const dated = findTextDates(labelPart, { day: publishedDay, now })[0]?.date ?? null;
  const clock = CLOCK.exec(labelPart);
  const day = dated ?? (clock ? publishedDay : null);
  if (!day) return null;
  const date: PageDate = { ...day };
  if (clock) Object.assign(date, { hour: Number(clock[1]), minute: Number(clock[2]), second: null });
  // The page's own offset for a time it prints without one (same article, same zone); a bare
  // day has no offset.
  if (date.hour !== null && date.offset === null) date.offset = published?.offset ?? null;
  if (date.hour === null) date.offset = null;
  return toIso(date);
}

/**
 * The labelled notes in page order, then the live blog's entries in page order (findLiveNotes).
 * `modified` dates a live blog's newest entries, which are often days after its first.
 */
export function findUpdateNotes(
  blocks: readonly TextBlock[],
  published: Timestamp | null,
  now: Date,
  modified: Timestamp | null = null,
): UpdateNote[] {
  const day = published ? parseMachineDate(published.iso) : null;
  const notes: UpdateNote[] = [];
  for (const block of blocks) {
    if (!NOTE_KINDS.has(block.kind)) continue;
    const text = block.text.trim();
    const labelled = LABELLED.exec(text);
    if (labelled && LABEL_PART.test(labelled[1] ?? '')) {
      const body = labelled[2] ?? '';
      if (body.split(/\s+/).length < MIN_NOTE_WORDS) continue;
      notes.push({ iso: noteTime(labelled[1] ?? '', day, now), text });
    } else if (SET_SENTENCE.test(text)) {
      notes.push({ iso: null, text });
    }
  }
  const labelled = new Set(notes.map((n) => n.text));
  const live = findLiveNotes(blocks, day, modified ? parseMachineDate(modified.iso) : null, now);
  return [...notes, ...live.filter((n) => !labelled.has(n.text))];
}

/**
 * At most this many entries: a live blog may hold hundreds, the popup is a glance, and the
 * newest come first on almost every live blog (the article, in the reader view, has them all).
 */
const MAX_LIVE_NOTES = 50;
/**
 * A live blog has several entries. One kept `<time>` is more likely a "live updates" box beside
 * an article; a clock time in headings is weaker evidence still (a programme's "20.15 Uhr: …").
 */
const MIN_TIME_ENTRIES = 2;
const MIN_TIMED_HEADINGS = 3;
/** An entry's note is its headline or first sentences, up to this length. */
const MAX_LIVE_NOTE_CHARS = 200;
/** Shorter paragraphs at an entry's start are its author's name or a label ("KEY EVENT"). */
const MIN_LEAD_WORDS = 5;

/** A clock time, with am/pm if the page prints it: "16:56", "11:48", "9.05pm", "14h32". */
const LIVE_CLOCK = /(?<![\d.:])([01]?\d|2[0-3])\s?[:h.]\s?([0-5]\d)(?![\d.:])(?:\s?([ap])\.?m\b\.?)?/iu;
/**
 * A ticker's heading that opens with its time, in the five languages: "12.31 Uhr: …",
 * "10h32 : …", "Ore 16.56 - …", "10:32 h | …", "9.05pm: …". The separator is required: a heading
 * that merely starts with a number is no entry.
 */
const TIMED_HEADING =
  /^(?:(?:ore|um|à|a las|at)\s+)?([01]?\d|2[0-3])\s?[:h.]\s?([0-5]\d)(?![\d.:])\s*(?:([ap])\.?m\b\.?|uhr\b|horas?\b|hrs?\b|h\b)?\.?\s*(?:[:|·—–]|-(?!\d))\s*(\S.*)$/iu;
const MIN_HEADLINE_WORDS = 3;

interface LiveEntry {
  /** Minutes after midnight, on the page's clock; null when the entry shows none. */
  clock: number | null;
  /** The day (and time) the entry's machine time or printed date gives, if any. */
  dated: PageDate | null;
  text: string;
}

function hour24(hour: string, meridiem: string | undefined): number {
  const h = Number(hour);
  if (!meridiem) return h;
  return (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

function clockOf(text: string): number | null {
  const m = LIVE_CLOCK.exec(text);
  return m ? hour24(m[1] ?? '', m[3]) * 60 + Number(m[2]) : null;
}

/** The wall-clock time at `offset` of an instant. */
function atOffset(ms: number, offset: number): PageDate {
  const t = new Date(ms + offset * 60000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    offset,
  };
}

const minutesOf = (d: PageDate): number => (d.hour ?? 0) * 60 + (d.minute ?? 0);

/**
 * The time a `<time datetime>` gives, in the page's offset. Some pages write their local time
 * with a "Z" (Repubblica: "2023-11-02T16:56Z" on an entry it shows at 16:56, in Rome, a minute
 * before its dateModified of 16:58:23+01:00): when the instant does not show the printed clock in
 * the page's offset but the written wall-clock time does, the wall-clock time is the one meant.
 */
function machineTime(datetime: string, clock: number | null, pageOffset: number | null): PageDate | null {
  const d = parseMachineDate(datetime);
  if (!d || d.hour === null) return d;
  if (pageOffset === null) return d;
  if (d.offset === null) return { ...d, offset: pageOffset };
  const ms = instantMs(d);
  const inPage = ms === null ? d : atOffset(ms, pageOffset);
  if (clock !== null && minutesOf(inPage) !== clock && minutesOf(d) === clock) return { ...d, offset: pageOffset };
  return inPage;
}

/** A printed date with its day ("21:22, 6 OCT 2020"), not a relative one ("2 hours ago"). */
function printedDate(text: string, pageOffset: number | null, now: Date): PageDate | null {
  const found = findTextDates(text, { now }).find((f) => f.kind === 'date')?.date;
  if (!found) return null;
  return found.offset === null && found.hour !== null ? { ...found, offset: pageOffset } : found;
}

/** Cut at a word, with an ellipsis, to `max` characters. */
function shorten(text: string, max = MAX_LIVE_NOTE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** The first sentences that fit, else the first one shortened. */
function leadOf(text: string): string {
  let lead = '';
  for (const sentence of splitSentences(text)) {
    const next = lead ? `${lead} ${sentence}` : sentence;
    if (next.length > MAX_LIVE_NOTE_CHARS) break;
    lead = next;
  }
  return lead || shorten(text);
}

const LEAD_KINDS = new Set<TextBlock['kind']>(['paragraph', 'quote', 'list-item']);

/** An entry's headline (a heading before its text), else the first sentences of its first real paragraph. */
function entryText(body: readonly TextBlock[]): string {
  for (const block of body) {
    if (block.kind === 'heading') return shorten(block.text);
    if (LEAD_KINDS.has(block.kind) && block.text.split(' ').length >= MIN_LEAD_WORDS) return leadOf(block.text);
  }
  return '';
}

/**
 * Entries that start at a live entry's `<time>`: the blocks after it, up to the next one, are the
 * entry (every live blog in the corpora prints the time above the entry; one that prints it below
 * would have its notes shifted by one).
 */
function timeEntries(blocks: readonly TextBlock[], pageOffset: number | null, now: Date): LiveEntry[] {
  const starts: number[] = [];
  blocks.forEach((b, i) => {
    if (b.liveEntry) starts.push(i);
  });
  if (starts.length < MIN_TIME_ENTRIES) return [];
  return starts.map((start, n) => {
    const block = blocks[start] as TextBlock;
    const clock = clockOf(block.text);
    const datetime = block.liveEntry?.datetime;
    const dated =
      (datetime ? machineTime(datetime, clock, pageOffset) : null) ?? printedDate(block.text, pageOffset, now);
    return { clock, dated, text: entryText(blocks.slice(start + 1, starts[n + 1] ?? blocks.length)) };
  });
}

function headingEntries(blocks: readonly TextBlock[]): LiveEntry[] {
  const entries: LiveEntry[] = [];
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    const m = TIMED_HEADING.exec(block.text);
    const headline = m?.[4] ?? '';
    if (!m || headline.split(' ').length < MIN_HEADLINE_WORDS) continue;
    entries.push({ clock: hour24(m[1] ?? '', m[3]) * 60 + Number(m[2]), dated: null, text: shorten(headline) });
  }
  return entries.length >= MIN_TIMED_HEADINGS ? entries : [];
}

const addDays = (d: PageDate, days: number): PageDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { ...d, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/**
 * Live-blog entries as notes, in page order: newest first on the live blogs we know, which is
 * the order a reader wants too.
 *
 * An entry that shows only a clock time takes its day from its neighbours: on a newest-first
 * blog the first entry is on the day the page was last modified (else published), and each
 * time the clock goes up from one entry to the next, the entries below are a day older (the
 * Mirror's riots blog, published on 4 August, shows entries of the 5th); on an oldest-first
 * blog the first is on the day it was published, and a clock going down is a day later. An
 * entry with a date of its own sets the day for those after it.
 */
function findLiveNotes(
  blocks: readonly TextBlock[],
  published: PageDate | null,
  modified: PageDate | null,
  now: Date,
): UpdateNote[] {
  const pageOffset = published?.offset ?? modified?.offset ?? null;
  let entries = timeEntries(blocks, pageOffset, now);
  if (!entries.length) entries = headingEntries(blocks);
  entries = entries.filter((e) => e.text);
  let falling = 0;
  let rising = 0;
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1]?.clock ?? null, entries[i]?.clock ?? null];
    if (a !== null && b !== null) {
      if (b < a) falling++;
      if (b > a) rising++;
    }
  }
  const newestFirst = falling >= rising;
  // The page's last change, on the page's clock (a dateModified in UTC may be on another day).
  const modifiedMs = modified ? instantMs(modified) : null;
  const changed = modifiedMs !== null && pageOffset !== null ? atOffset(modifiedMs, pageOffset) : modified;
  const latest = changed && (!published || wallClockMs(changed) >= wallClockMs(published)) ? changed : published;
  let day: PageDate | null = newestFirst ? latest : published;
  let previous: number | null = null;
  const notes: UpdateNote[] = [];
  for (const entry of entries.slice(0, MAX_LIVE_NOTES)) {
    const { clock, dated } = entry;
    if (dated) day = dated;
    else if (day && clock !== null && previous !== null && (newestFirst ? clock > previous : clock < previous))
      day = addDays(day, newestFirst ? -1 : 1);
    previous = clock;
    let date: PageDate | null = dated;
    if ((!date || date.hour === null) && day && clock !== null)
      date = {
        ...day,
        hour: Math.floor(clock / 60),
        minute: clock % 60,
        second: null,
        offset: pageOffset ?? day.offset,
      };
    notes.push({ iso: date ? toIso(date) : null, text: entry.text });
  }
  return notes;
}
