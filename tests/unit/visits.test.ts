/** The background's answer to "the reader sees this article now": what changed since last time. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '@/core/report';
import { answerVisit, isVisitRequest } from '@/utils/visits';
import { parse, SEED_DIR } from '../support/pages';

const URL = 'https://www.watson.ch/fr/international/russie/poutine-nord-coreens';
const SEED = readFileSync(path.join(SEED_DIR, 'watson-visible-times.html'), 'utf8');
const reportOf = (html: string) => analyze(parse(html, URL), { url: URL, now: new Date('2026-01-01T00:00:00Z') });

describe('visits', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says nothing on the first visit, "no change" on an unchanged one, and what changed on a changed one', async () => {
    const first = { type: 'popup→background:visit' as const, report: reportOf(SEED) };
    expect(await answerVisit(first, new Date('2024-11-14T08:12:00Z'))).toEqual({ since: null, watched: false });

    const same = await answerVisit(first, new Date('2024-11-15T09:00:00Z'));
    expect(same.since?.at).toBe('2024-11-14T08:12:00.000Z');
    expect(same.since?.diff.changes).toEqual([]);
    expect(same.since?.changed).toBe(false);

    const edited = SEED.replace(
      "reçoit un salaire mensuel d'environ 2 000 dollars",
      "reçoit un salaire mensuel d'environ 2 500 dollars",
    );
    expect(edited).not.toBe(SEED);
    const changed = await answerVisit({ ...first, report: reportOf(edited) }, new Date('2024-11-16T09:00:00Z'));
    expect(changed.since?.at).toBe('2024-11-14T08:12:00.000Z');
    expect(changed.since?.changed).toBe(true);
    expect(changed.since?.diff.figures).toEqual([{ before: '2 000 dollars', after: '2 500 dollars' }]);
    expect(changed.since?.diff.changes.map((c) => c.type)).toEqual(['changed']);
  });

  it('takes only well-formed requests', () => {
    expect(isVisitRequest({ type: 'popup→background:visit', report: reportOf(SEED) })).toBe(true);
    expect(isVisitRequest({ type: 'popup→background:visit', report: { title: 'x' } })).toBe(false);
    expect(isVisitRequest({ type: 'popup→content:ping' })).toBe(false);
    expect(isVisitRequest(null)).toBe(false);
  });
});
