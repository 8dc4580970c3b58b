/**
 * What changed in an article (issue 7, "Done when"): real pages from the shared corpora, edited
 * here as a newsroom would edit them (a figure, a quote, paragraphs, the headline) or only
 * cosmetically (whitespace, ’ → ', tracking parameters, a new timestamp), then diffed. Each expected
 * diff is written by hand from the edit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { comparableText, diffSnapshots, isUnchanged, type ArticleDiff } from '@/core/article-diff';
import { analyze } from '@/core/report';
import { sameContent, snapshotOf, type Snapshot } from '@/core/snapshot';
import { CORPORA, loadHtml, parse, ROOT } from '../support/pages';

const AT = new Date('2024-11-14T08:12:00Z');
const LATER = new Date('2024-11-15T09:00:00Z');

const WEWORK = path.join(CORPORA, 'aeb/html/06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85.html.gz');
const EMIRATES = path.join(
  CORPORA,
  'aeb/html/374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4.html.gz',
);
const AP_LATEST = path.join(
  CORPORA,
  'aeb/html/5caf91b8a4423735f866b089d2611ea14503584cf3b6f487c6d26eb7b9521fca.html.gz',
);
const MERLU = path.join(CORPORA, 'fundus-a/html/fr_EuronewsFR_2024_04_30.html.gz');

const snapshotOfHtml = (html: string, at = AT): Snapshot => snapshotOf(analyze(parse(html), { now: LATER }), at);

/** `html` with every `from` replaced, after checking that the page holds it `times` times. */
function edit(html: string, from: string, to: string, times = 1): string {
  expect(html.split(from).length - 1, `occurrences of ${from}`).toBe(times);
  return html.replaceAll(from, to);
}

interface Pair {
  before: Snapshot;
  after: Snapshot;
  diff: ArticleDiff;
}

/** Each page's own snapshot, taken once: analysing a big page takes seconds under Vitest. */
const originals = new Map<string, Snapshot>();

function pair(file: string, change: (html: string) => string): Pair {
  const html = loadHtml(file);
  const before = originals.get(file) ?? originals.set(file, snapshotOfHtml(html)).get(file);
  if (!before) throw new Error(file);
  const after = snapshotOfHtml(change(html), LATER);
  return { before, after, diff: diffSnapshots(before, after) };
}

function pairOf(oldHtml: string, newHtml: string): Pair {
  const before = snapshotOfHtml(oldHtml);
  const after = snapshotOfHtml(newHtml, LATER);
  return { before, after, diff: diffSnapshots(before, after) };
}

const NO_CHANGE: ArticleDiff = { title: null, changes: [], figures: [], quotes: { added: [], removed: [] }, times: {} };

/** The diff without the word-level detail, for the cases whose words are not the point. */
const withoutWords = (diff: ArticleDiff): ArticleDiff => ({
  ...diff,
  changes: diff.changes.map(({ type, before, after }) => ({ type, before, after })),
});

describe('real pages, edited as a newsroom edits them', () => {
  it('a corrected figure: a changed paragraph, word by word, and the figure "4,000 jobs → 2,400 jobs"', () => {
    const { diff } = pair(WEWORK, (html) => edit(html, 'cut 4,000 jobs', 'cut 2,400 jobs'));
    const before =
      'The New York Times reported on Sunday that WeWork is preparing to cut 4,000 jobs. The company itself had 12,500 employees on June 30, and there are others who work for affiliates.';
    expect(diff).toEqual({
      ...NO_CHANGE,
      changes: [
        {
          type: 'changed',
          before,
          after: before.replace('4,000', '2,400'),
          words: [
            { text: 'The New York Times reported on Sunday that WeWork is preparing to cut ' },
            { removed: true, text: '4,000 ' },
            { added: true, text: '2,400 ' },
            {
              text: 'jobs. The company itself had 12,500 employees on June 30, and there are others who work for affiliates.',
            },
          ],
        },
      ],
      figures: [{ before: '4,000 jobs', after: '2,400 jobs' }],
    });
  });

  it('a figure in a long paragraph of many figures: "$16 billion → $17 billion", the others untouched', () => {
    const { diff } = pair(EMIRATES, (html) =>
      edit(html, 'at a value of $16 billion at list prices', 'at a value of $17 billion at list prices', 3),
    );
    const before =
      'As of October, Emirates had a fleet of 270 aircraft, including 12 freight. In addition to its order of 30 Boeing jets Wednesday, it announced an order of 50 Airbus A350-900 jets on Monday at a value of $16 billion at list prices. The A350 order had been revised to cancel a prior order of A330neo jets from the French plane-maker, favoring a larger order of the lighter and slightly wider-body A350.';
    expect(withoutWords(diff)).toEqual({
      ...NO_CHANGE,
      changes: [{ type: 'changed', before, after: before.replace('$16 billion', '$17 billion') }],
      figures: [{ before: '$16 billion', after: '$17 billion' }],
    });
  });

  it('a reworded quote: its paragraph changed, the old quote removed and the new one added', () => {
    const { diff } = pair(WEWORK, (html) =>
      edit(
        html,
        'eliminate and scale back certain functions and responsibilities,',
        'eliminate some functions and cut jobs,',
      ),
    );
    const before =
      'He said WeWork needs a more efficient and more customer-centric organization to grow. “We are going to eliminate and scale back certain functions and responsibilities,” added Claure, who is also an executive at SoftBank.';
    expect(withoutWords(diff)).toEqual({
      ...NO_CHANGE,
      changes: [
        {
          type: 'changed',
          before,
          after: before.replace(
            'eliminate and scale back certain functions and responsibilities,',
            'eliminate some functions and cut jobs,',
          ),
        },
      ],
      quotes: {
        added: ['We are going to eliminate some functions and cut jobs,'],
        removed: ['We are going to eliminate and scale back certain functions and responsibilities,'],
      },
    });
  });

  it('a new headline, everywhere the page states it', () => {
    const title =
      'Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand airline by early 2020s';
    const { diff } = pair(EMIRATES, (html) =>
      edit(html, title, 'Emirates buys 30 Boeing 787 jets and will grow again', 12),
    );
    expect(diff).toEqual({
      ...NO_CHANGE,
      title: { before: title, after: 'Emirates buys 30 Boeing 787 jets and will grow again' },
    });
  });

  it('a paragraph reworded, one removed and one added, in reading order', () => {
    const { diff } = pair(MERLU, (html) => {
      let out = edit(
        html,
        'Comment expliquer ce rétablissement remarquable ?',
        'Comment expliquer ce rétablissement, unique en Europe ?',
      );
      out = edit(out, "<p>Mais la situation semble s'améliorer.</p>", '');
      return edit(
        out,
        'commence à se rétablir lentement</strong>.</p>',
        'commence à se rétablir lentement</strong>.</p><p>Les pêcheurs de Galice espèrent des quotas plus élevés dès l’an prochain.</p>',
      );
    });
    expect(diff).toEqual({
      ...NO_CHANGE,
      changes: [
        {
          type: 'changed',
          before:
            'Comment expliquer ce rétablissement remarquable ? Et pourquoi les réussites de ce genre sont-elles si rares ?',
          after:
            'Comment expliquer ce rétablissement, unique en Europe ? Et pourquoi les réussites de ce genre sont-elles si rares ?',
          words: [
            // The comma is punctuation: "rétablissement" is common to both, shown as it now reads.
            { text: 'Comment expliquer ce rétablissement, ' },
            { removed: true, text: 'remarquable ? ' },
            { added: true, text: 'unique en Europe ? ' },
            { text: 'Et pourquoi les réussites de ce genre sont-elles si rares ?' },
          ],
        },
        { type: 'removed', before: "Mais la situation semble s'améliorer.", after: null },
        {
          type: 'added',
          before: null,
          after: 'Les pêcheurs de Galice espèrent des quotas plus élevés dès l’an prochain.',
        },
      ],
    });
  });
});

describe('cosmetic edits are not changes', () => {
  it('typography, whitespace, non-breaking spaces and tracking parameters in every link', () => {
    const { diff } = pair(WEWORK, (html) =>
      html
        .replaceAll('’', "'")
        .replaceAll(/[“”]/g, '"')
        .replaceAll(' the ', '  the\n ')
        .replaceAll(' of ', '&nbsp;of ')
        .replaceAll(/href="(https?:[^"?#]+)"/g, 'href="$1?utm_source=twitter&amp;utm_medium=social&amp;fbclid=IwAR0x"'),
    );
    expect(diff).toEqual(NO_CHANGE);
  });

  it('a tracking parameter in a URL written in the text', () => {
    const withUrl = edit(
      loadHtml(EMIRATES),
      'preferred by airliners.',
      'preferred by airliners. Details: https://www.emirates.com/media-centre/?id=787',
      3,
    );
    const tracked = withUrl.replaceAll('?id=787', '?utm_campaign=dubai-airshow&id=787&gclid=Cj0KCQ');
    expect(pairOf(withUrl, tracked).diff).toEqual(NO_CHANGE);
  });

  it('a live-blog entry stamped at a new time', () => {
    const { diff } = pair(AP_LATEST, (html) => edit(html, '<p>10 p.m.</p>', '<p>11:30 p.m.</p>'));
    expect(diff).toEqual(NO_CHANGE);
  });

  it('a new modified time: no change to the article, the time reported in `times`', () => {
    // The page states it 11 times (meta, microdata, JSON-LD, app state), in UTC; the report gives the page's offset.
    const { diff } = pair(EMIRATES, (html) => edit(html, '2019-11-20T10:37:05+0000', '2019-11-20T14:05:00+0000', 11));
    expect(diff).toEqual({
      ...NO_CHANGE,
      times: { modified: { before: '2019-11-20T05:37:05-05:00', after: '2019-11-20T09:05:00-05:00' } },
    });
  });

  it('a headline restyled in Title Case (case alone is cosmetic)', () => {
    const title =
      'Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand airline by early 2020s';
    const titleCase = title.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase());
    expect(titleCase).toBe(
      'Emirates Inks $9 Billion Order For 30 Boeing 787 Jets, Will Restart Plans To Expand Airline By Early 2020s',
    );
    expect(pair(EMIRATES, (html) => edit(html, title, titleCase, 12)).diff).toEqual(NO_CHANGE);
  });
});

describe('comparableText', () => {
  it('masks the timestamps of stamp lines, in five languages', () => {
    const agree = [
      ['Updated 10:09', 'Updated 11:30 CET'],
      ['10 p.m.', '9:45 a.m.'],
      ['Nov. 19, 2019 10:09 ET', 'Wednesday, Nov. 20, 2019 8:00 a.m. ET'],
      ['Mis à jour le 14/11/2024 à 10h09', 'Mis à jour le 15/11/2024 à 08h30'],
      ['Veröffentlicht am 14.11.2024, 10.09 Uhr', 'Veröffentlicht am 15.11.2024, 8.30 Uhr'],
      ['Actualizado el 14 de noviembre de 2024', 'Actualizado el 2 de diciembre de 2024'],
      ['Aggiornato il 14 novembre 2024 alle 10:09', 'Aggiornato il 15 novembre 2024 alle 08:30'],
      ['vor 2 Stunden', 'vor 5 Stunden'],
      ['10:09 Russian forces entered the town', '11:15 Russian forces entered the town'],
    ];
    for (const [a, b] of agree) expect(comparableText(a ?? ''), `${a} / ${b}`).toBe(comparableText(b ?? ''));
  });

  it('keeps dates, figures and signs that are news', () => {
    const differ = [
      [
        'The vote moved to 6 November, officials said on Tuesday.',
        'The vote moved to 7 November, officials said on Tuesday.',
      ],
      ['The 2020 election', 'The 2024 election'],
      ['Price: 3.50', 'Price: 4.50'],
      ['It costs $5.', 'It costs €5.'],
      ['Temperatures fell to −5 °C.', 'Temperatures fell to 5 °C.'],
      ['1,5 million', '15 million'],
    ];
    for (const [a, b] of differ) expect(comparableText(a ?? ''), `${a} / ${b}`).not.toBe(comparableText(b ?? ''));
  });

  it('reads French typography as plain text', () => {
    expect(comparableText('L’armée a dit « non » — 50\u00a0000 soldats…')).toBe(
      comparableText('l\'armée a dit "non" - 50 000 soldats...'),
    );
  });
});

/** A snapshot written by hand, for the cases no real page needs. */
function snapshot(paragraphs: string[], more: Partial<Snapshot> = {}): Snapshot {
  return {
    v: 1,
    url: null,
    at: AT.toISOString(),
    title: 'Titre',
    published: null,
    modified: null,
    paragraphs,
    quotes: [],
    figures: [],
    ...more,
  };
}

describe('diffSnapshots', () => {
  it('pairs a figure by its unit: "50 000 soldats → 60 000 soldats"', () => {
    const before = snapshot(['Près de 50 000 soldats sont déployés, et 2 000 dollars promis.'], {
      figures: [
        { text: '50 000 soldats', value: 50000, unit: 'soldats' },
        { text: '2 000 dollars', value: 2000, unit: 'USD' },
      ],
    });
    const after = snapshot(['Près de 60 000 soldats sont déployés, et 2 000 dollars promis.'], {
      figures: [
        { text: '60 000 soldats', value: 60000, unit: 'soldats' },
        { text: '2 000 dollars', value: 2000, unit: 'USD' },
      ],
    });
    expect(diffSnapshots(before, after).figures).toEqual([{ before: '50 000 soldats', after: '60 000 soldats' }]);
  });

  it('does not pair a figure that left with an unrelated one that came', () => {
    const before = snapshot(['Il y avait 3 chars et des camions.'], {
      figures: [{ text: '3 chars', value: 3, unit: 'chars' }],
    });
    const after = snapshot(['Il y avait des camions et 40 hommes.'], {
      figures: [{ text: '40 hommes', value: 40, unit: 'hommes' }],
    });
    expect(diffSnapshots(before, after).figures).toEqual([]);
  });

  it('keeps a dissimilar rewrite as removed + added, and leaves out paragraphs without words', () => {
    const diff = diffSnapshots(
      snapshot(['Un.', 'Le ministre a démissionné mardi.', '***', 'Trois.']),
      snapshot(['Un.', 'La pluie a inondé la vallée.', 'Trois.']),
    );
    expect(diff.changes).toEqual([
      { type: 'removed', before: 'Le ministre a démissionné mardi.', after: null },
      { type: 'added', before: null, after: 'La pluie a inondé la vallée.' },
    ]);
  });

  it('gives a huge changed paragraph whole, without word-level detail', () => {
    const long = 'mot '.repeat(1500);
    const [change] = diffSnapshots(snapshot([`${long}avant`]), snapshot([`${long}après`])).changes;
    expect(change).toEqual({ type: 'changed', before: `${long}avant`, after: `${long}après` });
  });

  it('reports a published time that moved, not one written in another offset', () => {
    const diff = diffSnapshots(
      snapshot(['Texte.'], { published: '2024-11-14T05:48:00+01:00', modified: '2024-11-14T10:09:00+01:00' }),
      snapshot(['Texte.'], { published: '2024-11-14T04:48:00Z', modified: '2024-11-14T11:30:00+01:00' }),
    );
    expect(diff.times).toEqual({
      modified: { before: '2024-11-14T10:09:00+01:00', after: '2024-11-14T11:30:00+01:00' },
    });
    expect(isUnchanged(diff)).toBe(true);
  });
});

describe('sameContent', () => {
  const original = snapshotOfHtml(loadHtml(WEWORK));

  it('holds for a snapshot and its copy taken later', () => {
    expect(sameContent(original, { ...structuredClone(original), at: LATER.toISOString() })).toBe(true);
  });

  it('holds after cosmetic edits and a new modified time, fails after a figure or a headline changed', () => {
    const html = loadHtml(WEWORK);
    const cosmetic = snapshotOfHtml(html.replaceAll('’', "'").replaceAll(' the ', '  the '));
    expect(sameContent(original, cosmetic)).toBe(true);
    expect(sameContent(original, { ...original, modified: '2019-11-20T10:00:00-08:00' })).toBe(true);
    expect(sameContent(original, snapshotOfHtml(edit(html, 'cut 4,000 jobs', 'cut 2,400 jobs')))).toBe(false);
    expect(sameContent(original, { ...original, title: 'WeWork under investigation' })).toBe(false);
  });

  it('fails when only a quote changed, or a paragraph went', () => {
    expect(sameContent(original, { ...original, quotes: original.quotes.slice(1) })).toBe(false);
    expect(sameContent(original, { ...original, paragraphs: original.paragraphs.slice(1) })).toBe(false);
  });

  it('agrees with diffSnapshots on every real pair', () => {
    const pairs = [
      pair(WEWORK, (html) => edit(html, 'cut 4,000 jobs', 'cut 2,400 jobs')),
      pair(WEWORK, (html) => html.replaceAll('’', "'")),
      pair(AP_LATEST, (html) => edit(html, '<p>10 p.m.</p>', '<p>11 p.m.</p>')),
      pair(MERLU, (html) => edit(html, "<p>Mais la situation semble s'améliorer.</p>", '')),
    ];
    expect(pairs.map((p) => sameContent(p.before, p.after))).toEqual([false, true, true, false]);
    for (const p of pairs) expect(sameContent(p.before, p.after)).toBe(isUnchanged(p.diff));
  });
});

describe('snapshotOf', () => {
  it('keeps the paragraphs, times, quotes and figures, and drops tracking parameters from the URL', () => {
    const url = 'https://www.reuters.com/article/us-wework?utm_source=twitter&id=7';
    const s = snapshotOf(analyze(parse(loadHtml(WEWORK), url), { url, now: LATER }), AT);
    expect(s).toMatchObject({
      v: 1,
      url: 'https://www.reuters.com/article/us-wework?id=7',
      at: '2024-11-14T08:12:00.000Z',
      title: 'New York State Attorney General investigating WeWork and former CEO',
      published: '2019-11-18T23:03:25-08:00',
      modified: '2019-11-19T08:43:09-08:00',
    });
    expect(s.paragraphs).toHaveLength(18);
    expect(s.quotes[1]).toEqual({
      text: 'We are going to eliminate and scale back certain functions and responsibilities,',
      speaker: 'Marcelo Claure',
    });
    expect(s.figures[5]).toEqual({ text: '4,000 jobs', value: 4000, unit: 'jobs' });
  });
});

describe('npm run diff', () => {
  const run = promisify(execFile);
  const diffCli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'cli/diff.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });

  it('prints one JSON object for an .html.gz and an edited .html', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lede-diff-'));
    const edited = path.join(dir, 'new.html');
    writeFileSync(edited, edit(loadHtml(WEWORK), 'cut 4,000 jobs', 'cut 2,400 jobs'));
    const { stdout } = await diffCli(WEWORK, edited, '--url', 'https://www.reuters.com/x');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const diff = JSON.parse(stdout) as ArticleDiff;
    expect(diff.title).toBeNull();
    expect(diff.changes.map((c) => [c.type, c.after?.slice(0, 40)])).toEqual([
      ['changed', 'The New York Times reported on Sunday th'],
    ]);
    expect(diff.figures).toEqual([{ before: '4,000 jobs', after: '2,400 jobs' }]);
    expect(diff.quotes).toEqual({ added: [], removed: [] });
  });

  it('exits with 2 and says why on a missing file or a wrong number of files', async () => {
    const missing = path.join(ROOT, 'tests/fixtures/does-not-exist.html');
    await expect(diffCli(WEWORK, missing)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`cannot read ${missing}: ENOENT`),
    });
    await expect(diffCli(WEWORK)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected two files'),
    });
  });
});
