/** Update and correction notes in the article, and their times (issue 7, item 1). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '@/core/blocks';
import { analyze } from '@/core/report';
import { findUpdateNotes } from '@/core/updates';
import { CORPORA, loadPage, SEED_DIR } from '../support/pages';

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

/**
 * Live blogs' timed entries (issue 7, item 1), on real pages of the shared corpora. The expected
 * times and headlines were read by hand in each page's HTML, as each comment says.
 */
describe('live-blog entries', () => {
  const LIVE_NOW = new Date('2026-11-25T00:00:00Z');
  const report = (set: string, file: string) =>
    analyze(loadPage(path.join(CORPORA, set, 'html', file), 'https://example.com/news/story.html'), {
      url: null,
      now: LIVE_NOW,
    });

  it("Repubblica's live page (it): its 79 entries give the 50 newest, each at its time in Rome, under its title", () => {
    const { updates } = report('htmldate-a', 'Repubblica.it-Israele-Hamas.html.gz');
    expect(updates).toHaveLength(50);
    // <section class="liveblog__post" id="419364605_event79"> and "…event78", the first two: each has
    // <time class="liveblog__post__pubdate" datetime="2023-11-02T16:56Z">16:56</time> (and 16:48),
    // then <h2 class="liveblog__post__title">. The datetime is Rome's time written with a "Z": the
    // page shows 16:56, and its JSON-LD dateModified, two minutes later, is 2023-11-02T15:58:23Z.
    expect(updates.slice(0, 2)).toEqual([
      { iso: '2023-11-02T16:56:00+01:00', text: 'Oms: “A Gaza fermi 14 ospedali su 36, gli altri in sovraccarico”' },
      { iso: '2023-11-02T16:48:00+01:00', text: 'Netanyahu non ha approvato la benzina per ospedali di Gaza' },
    ]);
    expect(updates.at(-1)).toEqual({
      iso: '2023-11-02T11:25:00+01:00',
      text: "Cisgiordania, morti 4 palestinesi in scontri con l'esercito",
    });
  });

  it("the Mirror's live blog (en): its entries of 5 August, the day after it was published, newest first", () => {
    const { published, updates } = report('fundus-a', 'uk_TheMirror_2024_08_05.html.gz');
    expect(published?.iso).toBe('2024-08-04T14:23:00+01:00');
    // 30 entry times; the entry of 17:56 ("Exact date far right thugs…") is lost by Readability
    // itself (its <p><div><p> nesting), so it has no text and no note.
    expect(updates).toHaveLength(29);
    // <time class="updating-timezone-live-event">21:00</time> (and 20:42), with no datetime; the
    // JSON-LD liveBlogUpdate gives these two entries "datePublished":"2024-08-05T21:00:18.921+01:00"
    // and "2024-08-05T20:42:30.565+01:00", with these headlines.
    expect(updates.slice(0, 2)).toEqual([
      { iso: '2024-08-05T21:00:00+01:00', text: 'Loud bang heard at Plymouth scene' },
      {
        iso: '2024-08-05T20:42:00+01:00',
        text: "Plymouth protests erupt in violence as multiple people injured by rioters 'throwing stones'",
      },
    ]);
  });

  it("BR's news ticker (de), whose entries are headings that open with their time: all 7", () => {
    const { updates } = report('fundus-a', 'de_BR_2024_08_27.html.gz');
    // <h2>12.31 Uhr: Ultraorthodoxe jüdische Zeitung …</h2> and <h2>11.39 Uhr: Offenbar mehrere
    // Kinder …</h2>; the page was last updated "27.08.2024, 12:32 Uhr" (its <time title>), and the
    // 11.39 entry speaks of "Montagabend bis Dienstag": 27 August 2024 was a Tuesday.
    expect(updates).toHaveLength(7);
    expect(updates.slice(0, 2)).toEqual([
      {
        iso: '2024-08-27T12:31:00+02:00',
        text: 'Ultraorthodoxe jüdische Zeitung lehnt Tempelberg-Aussagen von Sicherheitsminister ab',
      },
      { iso: '2024-08-27T11:39:00+02:00', text: 'Offenbar mehrere Kinder bei israelischen Angriffen getötet' },
    ]);
  });

  it("NZZ's live ticker (de) over three days: each entry on the day of the date heading above it", () => {
    const { updates } = report('fundus-a', 'ch_NZZ_2024_07_18.html.gz');
    // <h5 class="articlecomponent time"><span class="time__value">11.04 Uhr: Israelische Drohne …
    // and 06.20 Uhr under <h2 class="subtitle">Donnerstag, 18. 7.</h2>, then 15.32 Uhr under
    // "Mittwoch, 17. 7." and 19.27 Uhr under "Dienstag, 16. 7.". The day headings are not read:
    // the clock going up from one entry to the next says the day changed.
    expect(updates).toHaveLength(12);
    expect(updates.map((n) => n.iso?.slice(0, 16))).toEqual([
      '2024-07-18T11:04',
      '2024-07-18T06:20',
      '2024-07-17T15:32',
      '2024-07-17T13:28',
      '2024-07-17T02:59',
      '2024-07-17T01:10',
      '2024-07-16T19:27',
      '2024-07-16T18:20',
      '2024-07-16T14:56',
      '2024-07-16T03:41',
      '2024-07-16T01:30',
      '2024-07-16T01:26',
    ]);
    expect(updates[0]).toEqual({
      iso: '2024-07-18T11:04:00+02:00',
      text: 'Israelische Drohne tötet offenbar libanesischen Extremisten',
    });
  });

  it('an ordinary article with <time> elements in its byline has no live notes', () => {
    const doc = loadPage(path.join(SEED_DIR, 'watson-metadata.html'));
    expect(doc.querySelectorAll('.watson-snippet__date time')).toHaveLength(2);
    expect(analyze(doc, { now: LIVE_NOW }).updates).toEqual([]);
  });

  it('a clock that goes up from one entry to the next, on a newest-first blog, crossed midnight', () => {
    const entry = (time: string, headline: string): TextBlock[] => [
      { kind: 'caption', text: time, liveEntry: { datetime: null } },
      { kind: 'paragraph', text: 'Jane Doe' },
      { kind: 'heading', text: headline },
    ];
    const blocks = [
      ...entry('00:20', 'Polls close in the last state'),
      ...entry('23:55', 'Turnout is the highest since 1960'),
      ...entry('21:10', 'First results from the east coast'),
    ];
    const modified = { iso: '2024-11-06T00:30:00-05:00', source: 'json-ld:dateModified' };
    const published = { iso: '2024-11-05T06:00:00-05:00', source: 'json-ld:datePublished' };
    expect(findUpdateNotes(blocks, published, NOW, modified).map((n) => n.iso)).toEqual([
      '2024-11-06T00:20:00-05:00',
      '2024-11-05T23:55:00-05:00',
      '2024-11-05T21:10:00-05:00',
    ]);
  });

  it('a long entry without a headline gives its first sentence, cut at a word', () => {
    const long = `${'The committee heard evidence from witnesses '.repeat(6)}today. It adjourned at noon.`;
    const blocks: TextBlock[] = [
      { kind: 'caption', text: '10:05', liveEntry: { datetime: '2024-11-14T10:05:00+01:00' } },
      { kind: 'paragraph', text: 'KEY EVENT' },
      { kind: 'paragraph', text: long },
      { kind: 'caption', text: '09:40', liveEntry: { datetime: '2024-11-14T09:40:00+01:00' } },
      { kind: 'paragraph', text: 'The session opened. The chair read the agenda.' },
    ];
    const notes = findUpdateNotes(blocks, PUBLISHED, NOW);
    const cut = notes[0]?.text ?? '';
    expect(cut.endsWith('…') && cut.length <= 200).toBe(true);
    expect(long.startsWith(`${cut.slice(0, -1)} `)).toBe(true);
    expect(notes[1]).toEqual({
      iso: '2024-11-14T09:40:00+01:00',
      text: 'The session opened. The chair read the agenda.',
    });
  });

  it.each([
    [
      'three headings that open with a number, not a time',
      ['10.000 Euro: the prize', '12.50 Euro: the ticket', '3.20 m: the jump'],
    ],
    ['only two timed headings', ['12.31 Uhr: Die Polizei sperrt die Straße', '11.39 Uhr: Der Zug fährt wieder']],
  ])('no entries: %s', (_, headings) => {
    const blocks = headings.map((text): TextBlock => ({ kind: 'heading', text }));
    expect(findUpdateNotes(blocks, PUBLISHED, NOW)).toEqual([]);
  });
});
