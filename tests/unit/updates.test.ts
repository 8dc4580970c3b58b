/** Update and correction notes in the article, and their times (issue 7, item 1). */
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '@/core/blocks';
import { findUpdateNotes } from '@/core/updates';

const PUBLISHED = { iso: '2024-11-14T05:48:00+01:00', source: 'json-ld:datePublished' };
const NOW = new Date('2026-01-01T00:00:00Z');
const notesIn = (text: string, kind: TextBlock['kind'] = 'paragraph') =>
  findUpdateNotes([{ kind, text }], PUBLISHED, NOW);

describe('update notes', () => {
  it.each([
    ['Update, 10:09: Russia has denied the report in a statement.', '2024-11-14T10:09:00+01:00'],
    ['Mise à jour à 10h09 : le Kremlin a démenti l’information.', '2024-11-14T10:09:00+01:00'],
    ['Aktualisierung, 14.11.2024, 11:30 Uhr: Die Polizei hat den Mann festgenommen.', '2024-11-14T11:30:00+01:00'],
    ['Aggiornamento delle 12.30 - La polizia ha arrestato il sospetto.', '2024-11-14T12:30:00+01:00'],
    ['Actualización: el Gobierno ha confirmado la cifra de muertos.', null],
    ['UPDATE 2: The ministry confirmed the figures on Friday.', null],
    ['[Update] — The company said it would appeal the ruling.', null],
  ])('%s', (text, iso) => {
    expect(notesIn(text)).toEqual([{ iso, text }]);
  });

  it.each([
    'Correction: An earlier version of this article misstated the number of soldiers in Kursk.',
    'This article has been updated with comment from the Ministry of Defence.',
    'An earlier version of this story gave the wrong date for the vote.',
    'Transparenzhinweis: In einer früheren Version hieß es, der Minister sei zurückgetreten.',
    'Rectificatif : contrairement à ce que nous écrivions, le vote a eu lieu mardi.',
    'Fe de errores: en una versión anterior se atribuía la cita al alcalde.',
    'Rettifica: nella versione precedente il nome del sindaco era sbagliato.',
  ])('corrections, in any of the five languages: %s', (text) => {
    expect(notesIn(text)).toEqual([{ iso: null, text }]);
  });

  it.each([
    'Update on the war in Ukraine',
    'Updated: 10:09',
    'Die Aktualisierung der Software dauert drei Stunden, sagte der Sprecher.',
    'Correction of the figures by the statistics office came too late: the budget was already voted.',
    'The update, released on Tuesday: faster and safer.',
  ])('not a note: %s', (text) => {
    expect(notesIn(text)).toEqual([]);
  });

  it('keeps the article’s order, and has no time when the article has no day', () => {
    const blocks: TextBlock[] = [
      { kind: 'paragraph', text: 'Update, 10:09: Russia has denied the report in a statement.' },
      { kind: 'paragraph', text: 'The soldiers were flown to Kursk, officials said on Thursday.' },
      { kind: 'caption', text: 'Correction: the photo shows soldiers in Rostov, not in Kursk.' },
    ];
    expect(findUpdateNotes(blocks, null, NOW).map((n) => [n.iso, n.text.slice(0, 10)])).toEqual([
      [null, 'Update, 10'],
      [null, 'Correction'],
    ]);
  });
});
