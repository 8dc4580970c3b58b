/**
 * Watching an article (issue 7, item 5): the schedule, the store, and the background's round of
 * checks on WXT's fake browser, with the off-page parser answering as the real one does: the
 * seed page and an edited copy, read by `readHtml` (utils/read-off-page.ts) into snapshots.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '@/core/report';
import { snapshotOf } from '@/core/snapshot';
import { decodeHtml } from '@/core/charset';
import type { ParserResponse } from '@/utils/messages';
import { readHtml } from '@/utils/read-off-page';
import { recordVisit } from '@/utils/snapshot-store';
import { answerWatch, checkDue, isWatchRequest, seen, WATCH_ALARM } from '@/utils/watch-check';
import { clampDays, MINUTE, nextCheckAt } from '@/utils/watch-schedule';
import { readWatches, startWatch, watchSettings } from '@/utils/watch-store';
import { MAX_WATCHES } from '@/utils/watch-limits';
import { parse, SEED_DIR } from '../support/pages';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2024-11-14T08:12:00Z');

describe('the watch schedule', () => {
  it('checks every 15 minutes for 2 hours, then hourly for a day, then daily until the watch ends', () => {
    expect(MINUTE).toBe(60_000); // the real schedule; the e2e build shrinks it
    const checks: number[] = [];
    for (let at: number | null = nextCheckAt(T0, T0); at !== null; at = nextCheckAt(T0, at)) checks.push(at);
    const hours = checks.map((at) => (at - T0) / HOUR);
    // 8 quarter-hours (0.25 … 2), then 22 hours (3 … 24), then days 2 … 7.
    expect(hours.slice(0, 8)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(hours.slice(8, 30)).toEqual(Array.from({ length: 22 }, (_, i) => i + 3));
    expect(hours.slice(30)).toEqual([48, 72, 96, 120, 144, 168]);
    expect(checks).toHaveLength(36);
  });

  it('ends on the day set, never runs past it, and takes only sane settings', () => {
    expect(nextCheckAt(T0, T0 + 7 * DAY)).toBeNull();
    expect(nextCheckAt(T0, T0 + 6.5 * DAY)).toBe(T0 + 7 * DAY);
    expect(nextCheckAt(T0, T0 + 2 * HOUR, 1)).toBe(T0 + 3 * HOUR);
    expect(nextCheckAt(T0, T0 + 23.5 * HOUR, 1)).toBe(T0 + DAY);
    expect([clampDays(0), clampDays(3.4), clampDays(99), clampDays('7'), clampDays(NaN)]).toEqual([1, 3, 30, 7, 7]);
  });
});

const URL_SEED = 'https://www.watson.ch/fr/international/russie/poutine-nord-coreens';
const SEED = readFileSync(path.join(SEED_DIR, 'watson-visible-times.html'), 'utf8');
const EDITED = SEED.replace(
  "reçoit un salaire mensuel d'environ 2 000 dollars",
  "reçoit un salaire mensuel d'environ 2 500 dollars",
);

describe('reading a page off-page', () => {
  beforeAll(() => {
    // The browsers' DOMParser, as the offscreen document has it.
    vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
  });

  it('gives the snapshot the popup would keep for the same page', () => {
    const now = new Date('2024-11-14T10:00:00Z');
    const answer = readHtml(SEED, URL_SEED, now);
    const expected = snapshotOf(analyze(parse(SEED, URL_SEED), { url: URL_SEED, now }), now);
    expect(answer).toEqual({ ok: true, snapshot: expected });
    expect(expected.paragraphs.length).toBeGreaterThan(10);
  });

  it('says when a page is no article', () => {
    const html = '<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>';
    expect(readHtml(html, 'https://example.org/', new Date())).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('decodes bytes by the header charset, else the page’s meta, else UTF-8', () => {
    const latin1 = Uint8Array.from([0x3c, 0x70, 0x3e, 0xe9, 0x74, 0xe9]); // <p>été in ISO-8859-1
    expect(decodeHtml(latin1, 'text/html; charset=iso-8859-1')).toBe('<p>été');
    const meta = new TextEncoder().encode('<meta charset="iso-8859-15"><p>');
    expect(decodeHtml(Uint8Array.from([...meta, 0xa4]), 'text/html')).toBe('<meta charset="iso-8859-15"><p>€');
    expect(decodeHtml(new TextEncoder().encode('<p>été'), null)).toBe('<p>été');
  });
});

describe('the background’s checks', () => {
  let serving = SEED;
  let parserAnswer: (() => ParserResponse) | null = null;

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
    serving = SEED;
    parserAnswer = null;
    // Neither is in WXT's fake browser: the site's permission is granted, and the offscreen
    // document opens and closes.
    fakeBrowser.permissions.contains = vi.fn(async () => true);
    fakeBrowser.i18n.getMessage = vi.fn((key: string) => key);
    let open = false;
    fakeBrowser.offscreen.createDocument = vi.fn(async () => void (open = true));
    fakeBrowser.offscreen.closeDocument = vi.fn(async () => void (open = false));
    fakeBrowser.offscreen.hasDocument = vi.fn(async () => open);
    // The parser, answering as entrypoints/offscreen does (sendResponse), from what the site serves.
    fakeBrowser.runtime.onMessage.addListener(((message: { type?: string; url?: string }, _sender, send) => {
      if (message.type !== 'background→parser:read') return false;
      send(parserAnswer ? parserAnswer() : readHtml(serving, message.url ?? '', new Date()));
      return true;
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
    // The reader read the article at T0.
    await recordVisit(snapshotOf(analyze(parse(SEED, URL_SEED), { url: URL_SEED }), new Date(T0)), T0);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const badge = () => fakeBrowser.action.getBadgeText({});
  const only = async () => {
    const all = await readWatches();
    expect(all).toHaveLength(1);
    return all[0];
  };

  it('finds a change at the first check due, counts it once, and schedules the next check', async () => {
    expect(await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: 'Poutine', on: true })).toEqual({
      watched: true,
    });
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.scheduledTime).toBe(T0 + 15 * MINUTE);

    // Not due yet: nothing is fetched.
    await checkDue();
    expect((await only())?.lastCheck).toBeNull();

    serving = EDITED;
    vi.setSystemTime(T0 + 15 * MINUTE);
    await checkDue();
    const changed = await only();
    expect(changed).toMatchObject({ result: 'changed', unseen: true, lastCheck: T0 + 15 * MINUTE });
    expect(changed?.nextCheck).toBe(T0 + 30 * MINUTE);
    expect(await badge()).toBe('1');
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.scheduledTime).toBe(T0 + 30 * MINUTE);

    // The same new version at the next check: nothing new to tell.
    vi.setSystemTime(T0 + 30 * MINUTE);
    await checkDue();
    expect(await only()).toMatchObject({ result: 'same', unseen: true, changedAt: T0 + 15 * MINUTE });
    expect(await badge()).toBe('1');
  });

  it('a tab still on the old version hears of the newer one; opening the new one clears the badge', async () => {
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: null, on: true });
    serving = EDITED;
    vi.setSystemTime(T0 + 15 * MINUTE);
    await checkDue();

    const stale = snapshotOf(analyze(parse(SEED, URL_SEED), { url: URL_SEED }), new Date());
    const answer = await seen({ ...stale, url: URL_SEED });
    expect(answer.watched).toBe(true);
    expect(answer.newer?.paragraphs.join(' ')).toContain('2 500 dollars');
    expect(await badge()).toBe('1');

    const fresh = snapshotOf(analyze(parse(EDITED, URL_SEED), { url: URL_SEED }), new Date());
    expect(await seen({ ...fresh, url: URL_SEED })).toEqual({ watched: true, newer: null });
    expect(await badge()).toBe('');
    expect((await only())?.unseen).toBe(false);
  });

  it('announces a change only when the reader turned notifications on, with the figure that changed', async () => {
    fakeBrowser.i18n.getMessage = vi.fn(
      (key: string, subs?: string | (string | number)[]) => `${key}:${[subs ?? []].flat().join('|')}`,
    );
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: 'Poutine', on: true });
    serving = EDITED;
    vi.setSystemTime(T0 + 15 * MINUTE);
    await checkDue();
    expect(create).not.toHaveBeenCalled();

    await watchSettings.setValue({ days: 7, notify: true });
    serving = EDITED.replace('2 500 dollars', '3 000 dollars');
    vi.setSystemTime(T0 + 30 * MINUTE);
    await checkDue();
    expect(await fakeBrowser.notifications.getAll()).toEqual({ [`lede-watch:${URL_SEED}`]: true });
    expect(create).toHaveBeenCalledOnce();
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      // The title as the first change found it on the site.
      title: 'notifyTitle:Poutine envoie des milliers de Nord-Coréens à Koursk en urgence',
      message: 'notifyFigure:2 500 dollars|3 000 dollars',
    });
  });

  it('records a refused site, a failed fetch and a page that is no longer an article, and keeps going', async () => {
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: null, on: true });
    fakeBrowser.permissions.contains = vi.fn(async () => false);
    vi.setSystemTime(T0 + 15 * MINUTE);
    await checkDue();
    expect(await only()).toMatchObject({ result: 'no-access', nextCheck: T0 + 30 * MINUTE });

    fakeBrowser.permissions.contains = vi.fn(async () => true);
    fakeBrowser.i18n.getMessage = vi.fn((key: string) => key);
    parserAnswer = () => ({ ok: false, reason: 'error', message: 'HTTP 503' });
    vi.setSystemTime(T0 + 30 * MINUTE);
    await checkDue();
    expect(await only()).toMatchObject({ result: 'failed', error: 'HTTP 503' });

    parserAnswer = () => ({ ok: false, reason: 'not-article', message: URL_SEED });
    vi.setSystemTime(T0 + 45 * MINUTE);
    await checkDue();
    expect(await only()).toMatchObject({ result: 'not-article', unseen: false });
    expect(await badge()).toBe('');
  });

  it('ends after the days set, and then no alarm is left', async () => {
    await watchSettings.setValue({ days: 1, notify: false });
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: null, on: true });
    for (let at: number | null = T0 + 15 * MINUTE; at !== null; at = (await only())?.nextCheck ?? null) {
      vi.setSystemTime(at);
      await checkDue();
    }
    expect(await only()).toMatchObject({ lastCheck: T0 + DAY, nextCheck: null, result: 'same' });
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeUndefined();
  });

  it('stops on request, keeps at most MAX_WATCHES, and reads a corrupted list as empty', async () => {
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: null, on: true });
    await answerWatch({ type: 'popup→background:watch', url: URL_SEED, title: null, on: false });
    expect(await readWatches()).toEqual([]);
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeUndefined();

    for (let i = 0; i < MAX_WATCHES; i++) expect(await startWatch(`https://example.org/${i}`, null)).not.toBeNull();
    expect(await startWatch('https://example.org/one-more', null)).toBeNull();
    expect(await readWatches()).toHaveLength(MAX_WATCHES);

    await fakeBrowser.storage.local.set({ watches: { a: 'garbage', b: { url: 3 } } });
    expect(await readWatches()).toEqual([]);
  });

  it('takes only well-formed watch requests, and keys them without tracking parameters', async () => {
    expect(isWatchRequest({ type: 'popup→background:watch', url: URL_SEED, title: null, on: true })).toBe(true);
    expect(isWatchRequest({ type: 'popup→background:watch', url: URL_SEED, on: 'yes' })).toBe(false);
    expect(isWatchRequest(null)).toBe(false);
    await answerWatch({ type: 'popup→background:watch', url: `${URL_SEED}?utm_source=x`, title: null, on: true });
    expect((await only())?.url).toBe(URL_SEED);
  });
});
