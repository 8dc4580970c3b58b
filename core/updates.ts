/**
 * Update and correction notes the article carries ("Update, 10:09: …", "Mise à jour : …",
 * "Correction: an earlier version of this article…", "Aktualisierung, 14.11.: …"), with their time
 * when the label gives one. A note is a block that opens with one of these labels, then a colon
 * or a dash within a short label part (which may hold a date or time), then text; or one of the
 * set sentences newsrooms use ("This article has been updated…", "An earlier version…").
 * Headings such as "Update on the war" have no colon and are not notes.
 *
 * A time without a day ("Update, 10:09") is on the day the article was published, in its zone.
 */
import type { TextBlock } from './blocks';
import { parseMachineDate, toIso, type PageDate } from './dates';
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
const LABELLED = new RegExp(
  `^[\\s\\[(*]*(?:${LABELS})(?![\\p{L}])((?:[^:\\n]|(?<=\\d):(?=\\d)){0,40}?)[\\s\\])*]*(?::(?!\\d)|[—–]|\\s-\\s)\\s*(\\S.*)$`,
  'isu',
);
/** The sentences newsrooms open a note with, which are the note themselves. */
const SET_SENTENCE =
  /^[\s[(*]*(?:this (?:article|story|post) (?:has been|was) (?:updated|corrected)|an earlier version of this|a previous version of this|in einer früheren version|une précédente version de cet|dans une version précédente|una versión anterior|una versione precedente)/iu;
/** A label part says when, or numbers the update ("UPDATE 2"); longer words make it a sentence. */
const LABEL_PART = /^[\s\d.,:/h()-]*(?:\p{L}{1,12}[\s\d.,:/h()-]*){0,4}$/u;
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

export function findUpdateNotes(blocks: readonly TextBlock[], published: Timestamp | null, now: Date): UpdateNote[] {
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
  return notes;
}
