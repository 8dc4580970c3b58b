/**
 * Hostile messages (issue 10, item 4): what a page that took over Lede's content script, or any
 * other sender, could put in a message, fed to the real validators and to the real listeners and
 * callers: the content script's, the background's, the off-page parser's, and the popup's and
 * reader launch's handling of the content script's answers. Each is refused, or made harmless;
 * a real answer from the seed page passes, so each refusal is the check's doing.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createContentSession } from '@/utils/content-answers';
import { analyzePage, parsePage, readerPayload, readInProcess } from '../support/off-page';
import type { AnalyzeResponse, ReaderResponse } from '@/utils/messages';
import { isContentRequest, isFromExtensionPage, isHttpUrl } from '@/utils/messages';
import { JSDOM } from 'jsdom';
import {
  isAnalyzeResponse,
  isArticleReport,
  isFigures,
  isHighlightResponse,
  isReaderResponse,
  isRegionHint,
} from '@/utils/validate-report';
import { isSnapshot } from '@/utils/validate-stored';
import { requestAnalysis, revealInPage, setHighlights } from '@/utils/tab-access';
import { openReaderView } from '@/utils/reader-launch';
import { readerPayloadKey } from '@/utils/storage';
import { readOffPage } from '@/utils/off-page-parser';
import { createParserListener } from '@/utils/parser-listener';
import { answerParserPort, PARSER_PORT, PART_CHARS, readThroughParser, type ParserPort } from '@/utils/page-read';
import { readServedPage } from '@/utils/read-off-page';
import { isVisitRequest } from '@/utils/visits';
import { isWatchRequest } from '@/utils/watch-check';
import { snapshotOf } from '@/core/snapshot';
import { HIGHLIGHT_COLORS } from '@/utils/highlight-colors';
import background from '@/entrypoints/background';
import { loadPage, SEED_DIR } from '../support/pages';

const PAGE_URL = 'https://www.watson.ch/fr/international/poutine';
const seed = (): Document => loadPage(path.join(SEED_DIR, 'watson-visible-times.html'), PAGE_URL);

/** The seed page's real answers, made once: every hostile variant below is one change to them. */
const ANALYZE = analyzePage(seed(), PAGE_URL, false) as Extract<AnalyzeResponse, { ok: true }>;
/** The parser's answer behind it: the same, and where the article is. */
const PARSED = parsePage(seed(), PAGE_URL, false);
const READER = readerPayload(seed(), PAGE_URL, false) as Extract<ReaderResponse, { ok: true }>;
/** The whole report, figures included, as the analysis answers it. */
const REPORT = ANALYZE.report;

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
/** The first item of a list inside a copy, to change it. */
const first = (list: unknown): Json => (list as Json[])[0] as Json;
/** A copy of `value` changed by `change`, which may mutate it or return a replacement. */
function changed<T>(value: T, change: (copy: Json) => unknown): unknown {
  const copy = clone(value) as Json;
  const replaced = change(copy);
  return replaced === undefined ? copy : replaced;
}

/** An object nested `depth` levels deep, built without recursion. */
function nested(depth: number, leaf: unknown = 'x', asArray = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const HUGE = 'x'.repeat(5_000_001);
const EXTENSION = `chrome-extension://${fakeBrowser.runtime.id}/`;
const POPUP_SENDER = { id: fakeBrowser.runtime.id, url: `${EXTENSION}popup.html` };
const CONTENT_SENDER = { id: fakeBrowser.runtime.id, url: PAGE_URL, tab: { id: 7 } };
/** The seed page as the background hands it to the parser, serialized by a content script. */
const PAGE_READ = {
  type: 'content→parser:page',
  html: seed().documentElement.outerHTML,
  url: PAGE_URL,
  whole: false,
  sentences: 0,
  reader: false,
};

/** Page reports changed in every way the issue names; each must be refused. */
const HOSTILE_REPORTS: [string, (report: Json) => unknown][] = [
  // Wrong types.
  ['a number for a title', (r) => void (r.title = 42)],
  ['a string for the quotes', (r) => void (r.quotes = 'x')],
  ['a string for a count', (r) => void (r.wordCount = '120')],
  ['a string for a flag', (r) => void (r.readerable = 'true')],
  ['a function for the report', () => () => undefined],
  ['an unknown extraction mode', (r) => void (r.extraction = 'innerHTML')],
  ['an object for a speaker', (r) => void (first(r.quotes).speaker = { toString: 'x' })],
  ['a missing field', (r) => void delete r.text],
  ['a field set to undefined', (r) => void (r.byline = undefined)],
  // Numbers.
  ['NaN words', (r) => void (r.wordCount = Number.NaN)],
  ['infinite minutes', (r) => void (r.readingMinutes = Number.POSITIVE_INFINITY)],
  ['negative minutes', (r) => void (r.readingMinutes = -1)],
  // Dates the popup's Intl formatting would throw on.
  ['an impossible day', (r) => void (r.published = { iso: '2024-13-45', source: 'x' })],
  ['a time that is no time', (r) => void (r.modified = { iso: '2024-11-14T99:99', source: 'x' })],
  ['words for a date', (r) => void (r.published = { iso: 'yesterday', source: 'x' })],
  ['an update note with a bad date', (r) => void (r.updates = [{ iso: '2024-02-31T25:00', text: 'x' }])],
  // Addresses the popup makes a site permission of (a javascript: one parses, and gets none;
  // the background watches only http(s), below).
  ['an address that does not parse', (r) => void (r.url = 'http:')],
  // Sizes.
  ['a title of 5 MB and one byte', (r) => void (r.title = HUGE)],
  [
    '10,001 quotes',
    (r) => void (r.quotes = Array.from({ length: 10_001 }, () => ({ text: 'a', speaker: null, role: null }))),
  ],
  ['51 summary sentences', (r) => void (r.summary = Array.from({ length: 51 }, () => 'a'))],
  // Extra keys, prototype pollution.
  ['an extra key', (r) => void (r.html = '<img src=x onerror=alert(1)>')],
  ['an extra key in a quote', (r) => void (first(r.quotes).onclick = 'alert(1)')],
  ['an own __proto__', (r) => JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(r).slice(1)}`)],
  ['a constructor.prototype', (r) => ({ ...r, constructor: { prototype: { polluted: true } } })],
  // Arrays for objects, objects for arrays.
  ['an array for the report', (r) => Object.values(r)],
  ['an array for a timestamp', (r) => void (r.published = ['2024-11-14', 'x'])],
  ['an array for the paywall', (r) => void (r.paywall = [true, 'x'])],
  ['an object for the summary', (r) => void (r.summary = { 0: 'a', length: 1 })],
  ['a sparse quote list', (r) => void (r.quotes = new Array(3))],
  ['a hole among the summary sentences', (r) => void (r.summary = Object.assign(new Array(2), { 1: 'a' }))],
  // Deep nesting.
  ['quotes nested 100,000 deep', (r) => void (r.quotes = nested(100_000, 'x', true))],
  ['a paywall nested 100,000 deep', (r) => void (r.paywall = nested(100_000))],
  ['a key nested 100,000 deep', (r) => void (r.extra = nested(100_000))],
];

describe('the popup’s checks of the content script’s answers', () => {
  it('accept the seed page’s real answers (the control for every refusal below)', () => {
    expect(READER.report).toEqual(REPORT);
    expect(isAnalyzeResponse(ANALYZE)).toBe(true);
    expect(isReaderResponse(READER)).toBe(true);
    expect(isArticleReport(REPORT)).toBe(true);
    expect(isFigures(REPORT.figures)).toBe(true);
    expect(isSnapshot(snapshotOf(REPORT, new Date('2026-01-01T00:00:00Z')))).toBe(true);
    // Through JSON, as Chrome's messaging sends them, and structured clone, as Firefox's does.
    expect(isAnalyzeResponse(JSON.parse(JSON.stringify(ANALYZE)))).toBe(true);
    expect(isAnalyzeResponse(clone(ANALYZE))).toBe(true);
    expect(isAnalyzeResponse({ ok: false, reason: 'not-article' })).toBe(true);
    expect(isAnalyzeResponse({ ok: false, reason: 'error', message: 'x' })).toBe(true);
    expect(isHighlightResponse({ ok: true, found: 17 })).toBe(true);
  });

  it.each(HOSTILE_REPORTS)('refuse a report with %s', (_name, change) => {
    const report = changed(REPORT, change);
    const started = performance.now();
    expect(isAnalyzeResponse({ ok: true, report })).toBe(false);
    expect(isReaderResponse({ ok: true, report, html: null })).toBe(false);
    expect(isArticleReport(report)).toBe(false);
    // A refusal costs no more than a look at the first levels, whatever the size or depth.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each<[string, unknown]>([
    ['no answer', undefined],
    ['null', null],
    ['a string', '{"ok":true}'],
    ['an array', [true, ANALYZE.report]],
    ['ok as a string', { ...ANALYZE, ok: 'true' }],
    ['a report without its figures', changed(ANALYZE, (a) => void delete (a.report as Json).figures)],
    ['blocks beside the report', { ...ANALYZE, blocks: [{ kind: 'paragraph', text: 'a' }] }],
    ['a figure with NaN', changed(ANALYZE, (a) => void (first((a.report as Json).figures).value = Number.NaN))],
    ['an extra key beside the report', { ...ANALYZE, polluted: true }],
    ['an unknown failure', { ok: false, reason: 'hacked' }],
    ['an error without its message', { ok: false, reason: 'error' }],
    ['an error of 5 MB', { ok: false, reason: 'error', message: HUGE }],
  ])('refuse an analysis answer that is %s', (_name, answer) => {
    expect(isAnalyzeResponse(answer)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['html as a number', { ...READER, html: 5 }],
    ['html of 5 MB', { ...READER, html: HUGE }],
    ['no html', { ok: true, report: READER.report }],
    ['a figure with an extra key', changed(READER, (a) => void (first((a.report as Json).figures).html = '<b>'))],
    ['a not-article answer (the reader asks for the page as it is)', { ok: false, reason: 'not-article' }],
  ])('refuse a reader answer with %s', (_name, answer) => {
    expect(isReaderResponse(answer)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['NaN found', { ok: true, found: Number.NaN }],
    ['a negative count', { ok: true, found: -1 }],
    ['a string for ok', { ok: 'yes', found: 1 }],
    ['an extra key', { ok: true, found: 1, html: '<b>' }],
  ])('refuse a highlight answer with %s', (_name, answer) => {
    expect(isHighlightResponse(answer)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a figure with NaN', changed(REPORT.figures, (f) => void (first(f).value = Number.NaN))],
    ['a figure with an extra key', changed(REPORT.figures, (f) => void (first(f).html = '<b>'))],
    ['a sparse list', new Array(2)],
  ])('refuse figures with %s', (_name, figures) => {
    expect(isFigures(figures)).toBe(false);
  });

  it('leave Object.prototype as it was after every hostile report', () => {
    for (const [, change] of HOSTILE_REPORTS) isArticleReport(changed(REPORT, change));
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('the popup and the reader launch, given hostile answers by the tab', () => {
  let answers: (request: { type?: string }) => unknown;

  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = vi.fn((key: string) => key);
    fakeBrowser.tabs.sendMessage = vi.fn(async (_tab: number, request: { type?: string }) =>
      request.type === 'popup→content:ping' ? { pong: true } : answers(request),
    ) as unknown as typeof fakeBrowser.tabs.sendMessage;
  });

  // Each test counts its own calls of the spies below.
  afterEach(() => vi.restoreAllMocks());

  const hostile = HOSTILE_REPORTS.map(([name, change]) => [name, changed(REPORT, change)] as const);

  it.each(hostile)('the popup shows an error, not a report with %s', async (_name, report) => {
    answers = () => ({ ok: true, report });
    expect(await requestAnalysis(1, false, 0)).toEqual({ ok: false, reason: 'error', message: 'errorUnexpected' });
  });

  it('the popup takes the real answer (control)', async () => {
    answers = () => clone(ANALYZE);
    expect(await requestAnalysis(1, false, 0)).toEqual(ANALYZE);
  });

  it.each(hostile)('the reader view is not opened, nor anything kept, for a report with %s', async (_name, report) => {
    answers = () => ({ ok: true, report, html: READER.html });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openReaderView({ id: 1, url: PAGE_URL })).toEqual({ ok: false, message: 'errorUnexpected' });
    expect(create).not.toHaveBeenCalled();
    expect(await storage.getItem(readerPayloadKey(1))).toBeNull();
  });

  it('the reader view opens on the real answer, keeping exactly the report and html (control)', async () => {
    answers = () => clone(READER);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openReaderView({ id: 1, url: PAGE_URL })).toEqual({ ok: true });
    expect(create).toHaveBeenCalledOnce();
    expect(await storage.getItem(readerPayloadKey(1))).toEqual({
      report: READER.report,
      html: READER.html,
    });
  });

  it.each<[string, unknown]>([
    ['no answer', undefined],
    ['NaN found', { ok: true, found: Number.NaN }],
    ['ok as a string', { ok: 'true', found: 3 }],
    ['an array', [true, 3]],
  ])('highlights and reveals with %s count as failed', async (_name, answer) => {
    answers = () => answer;
    expect(await setHighlights(1, true, REPORT.figures, HIGHLIGHT_COLORS)).toEqual({ ok: false, found: 0 });
    expect(await revealInPage(1, 0)).toBe(false);
  });
});

describe('the content script’s listener, given hostile requests', () => {
  const session = createContentSession(seed(), () => PAGE_URL, readInProcess);
  const colors = { quote: '#ffc400', figure: '#409cff' };

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'popup→content:ping'],
    ['an array', ['popup→content:ping']],
    ['an unknown type', { type: 'popup→content:eval', code: 'alert(1)' }],
    ['whole as a string', { type: 'popup→content:analyze', whole: 'no', sentences: 0 }],
    ['NaN sentences', { type: 'popup→content:analyze', whole: false, sentences: Number.NaN }],
    ['a billion sentences', { type: 'popup→content:analyze', whole: false, sentences: 1e9 }],
    ['negative sentences', { type: 'popup→content:analyze', whole: false, sentences: -1 }],
    ['a reader request without whole', { type: 'popup→content:reader' }],
    ['figures as a string', { type: 'popup→content:highlight', on: true, figures: '2 000', colors }],
    ['a sparse figure list', { type: 'popup→content:highlight', on: true, figures: new Array(3), colors }],
    ['10,001 figures', { type: 'popup→content:highlight', on: true, figures: Array(10_001).fill('1'), colors }],
    ['a number among the figures', { type: 'popup→content:highlight', on: true, figures: ['1', 2], colors }],
    [
      'CSS in a colour',
      { type: 'popup→content:highlight', on: true, figures: [], colors: { ...colors, quote: 'red;}*{x:url(//e.x)}' } },
    ],
    ['no colours', { type: 'popup→content:highlight', on: true, figures: [] }],
    ['a fractional index', { type: 'popup→content:reveal', index: 1.5 }],
    ['a negative index', { type: 'popup→content:reveal', index: -1 }],
    ['an index as a string', { type: 'popup→content:reveal', index: '0' }],
    ['an infinite index', { type: 'popup→content:reveal', index: Number.POSITIVE_INFINITY }],
  ])('does not answer %s', (_name, request) => {
    expect(isContentRequest(request)).toBe(false);
    expect(session.answer(request)).toBeUndefined();
  });

  it('answers the popup’s own requests (control)', async () => {
    expect(await session.answer({ type: 'popup→content:ping' })).toEqual({ pong: true });
    const answer = await session.answer({ type: 'popup→content:analyze', whole: false, sentences: 7 });
    expect(isAnalyzeResponse(answer)).toBe(true);
  });
});

describe('the background’s listener, given hostile messages', () => {
  type Listener = (message: unknown, sender: object, sendResponse: (answer: unknown) => void) => unknown;
  let listener: Listener;

  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = vi.fn((key: string) => key);
    // What the background registers besides its message listener, which the fake browser lacks.
    fakeBrowser.commands.onCommand.addListener = vi.fn();
    fakeBrowser.permissions.onAdded.addListener = vi.fn();
    fakeBrowser.notifications.onClicked.hasListener = vi.fn(() => true);
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    background.main();
    listener = add.mock.calls[0]?.[0] as Listener;
    expect(listener).toBeTypeOf('function');
  });

  /** Sends `message`; returns whether the background took it, and what it answered ('none': nothing). */
  async function send(message: unknown, sender: object = POPUP_SENDER): Promise<{ taken: unknown; answer: unknown }> {
    let answer: unknown = 'none';
    let taken: unknown;
    await new Promise<void>((resolve) => {
      taken = listener(message, sender, (value) => {
        answer = value;
        resolve();
      });
      if (taken !== true) resolve();
    });
    return { taken, answer };
  }

  const visit = (report: unknown) => ({ type: 'popup→background:visit', report });
  const history = async () => Object.keys(await fakeBrowser.storage.local.get(null));

  it('keeps a visit from Lede’s own page (control)', async () => {
    const { taken, answer } = await send(visit(clone(REPORT)));
    expect(taken).toBe(true);
    expect(answer).toMatchObject({ since: null, watched: false });
    expect((await history()).length).toBeGreaterThan(0);
  });

  it('does not hear a content script, even with a well-formed visit', async () => {
    expect(await send(visit(clone(REPORT)), CONTENT_SENDER)).toEqual({ taken: false, answer: 'none' });
    expect(
      await send(visit(clone(REPORT)), { id: 'another-extension', url: `chrome-extension://another-extension/x.html` }),
    ).toEqual({
      taken: false,
      answer: 'none',
    });
    expect(await history()).toEqual([]);
  });

  it('opens the parser for its own content script, and takes no page from it', async () => {
    const open = { type: 'content→background:open-parser' };
    const other = { id: 'another-extension', url: PAGE_URL, tab: { id: 7 } };
    expect(await send(open, other)).toEqual({ taken: false, answer: 'none' });
    // The page goes to the parser on a port: the background takes no page, from anyone.
    expect(await send(PAGE_READ, CONTENT_SENDER)).toEqual({ taken: false, answer: 'none' });
    expect(await send(PAGE_READ)).toEqual({ taken: false, answer: 'none' });
    // A content script cannot pass for the popup.
    expect(await send({ type: 'popup→background:open-parser' }, CONTENT_SENDER)).toEqual({
      taken: false,
      answer: 'none',
    });
    fakeBrowser.offscreen.hasDocument = vi.fn(async () => false);
    const create = vi.fn(async () => undefined);
    fakeBrowser.offscreen.createDocument = create;
    expect(await send(open, CONTENT_SENDER)).toEqual({ taken: true, answer: undefined });
    expect(create).toHaveBeenCalledOnce();
    // Closed by an alarm once idle, not at once.
    expect(await fakeBrowser.alarms.get('lede-parser-close')).toBeDefined();
  });

  it.each(HOSTILE_REPORTS)('keeps nothing of a visit whose report has %s', async (_name, change) => {
    expect(await send(visit(changed(REPORT, change)))).toEqual({ taken: false, answer: 'none' });
    expect(await history()).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a javascript: address', { type: 'popup→background:watch', url: 'javascript:alert(1)', title: null, on: true }],
    ['a file address', { type: 'popup→background:watch', url: 'file:///etc/passwd', title: null, on: true }],
    ['an address that does not parse', { type: 'popup→background:watch', url: 'https://', title: null, on: true }],
    [
      'an address of 10,000 characters',
      { type: 'popup→background:watch', url: `https://a.ch/${'a'.repeat(10_000)}`, title: null, on: true },
    ],
    ['on as a string', { type: 'popup→background:watch', url: PAGE_URL, title: null, on: 'true' }],
    ['a number for the title', { type: 'popup→background:watch', url: PAGE_URL, title: 5, on: true }],
    ['an array for the message', ['popup→background:watch', PAGE_URL]],
  ])('starts no watch of %s', async (_name, message) => {
    expect(isWatchRequest(message)).toBe(false);
    expect(await send(message)).toEqual({ taken: false, answer: 'none' });
    expect(await history()).toEqual([]);
  });

  it('refuses the same checks through isVisitRequest, as the listener uses them', () => {
    expect(isVisitRequest(visit(clone(REPORT)))).toBe(true);
    for (const [, change] of HOSTILE_REPORTS) expect(isVisitRequest(visit(changed(REPORT, change)))).toBe(false);
  });
});

describe('the off-page parser’s listener, given hostile messages', () => {
  const read = vi.fn(async (_url: string) => ({
    ok: false as const,
    reason: 'error' as const,
    message: 'not read in tests',
  }));
  const listener = createParserListener(fakeBrowser.runtime.id, EXTENSION, read);
  const BACKGROUND = { id: fakeBrowser.runtime.id, url: `${EXTENSION}background.js` };

  afterEach(() => read.mockClear());

  it.each<[string, unknown, object]>([
    ['from a content script', { type: 'background→parser:read', url: PAGE_URL }, CONTENT_SENDER],
    ['from no known page', { type: 'background→parser:read', url: PAGE_URL }, { id: fakeBrowser.runtime.id }],
    ['for a javascript: address', { type: 'background→parser:read', url: 'javascript:alert(1)' }, BACKGROUND],
    ['for a file', { type: 'background→parser:read', url: 'file:///etc/passwd' }, BACKGROUND],
    ['for the browser’s own page', { type: 'background→parser:read', url: 'chrome://settings' }, BACKGROUND],
    ['for an extension page', { type: 'background→parser:read', url: `${EXTENSION}options.html` }, BACKGROUND],
    ['for an address as an array', { type: 'background→parser:read', url: [PAGE_URL] }, BACKGROUND],
    ['for a huge address', { type: 'background→parser:read', url: `https://a.ch/${'a'.repeat(10_000)}` }, BACKGROUND],
    ['for a page, as a message (pages come on a port)', PAGE_READ, BACKGROUND],
  ])('does nothing with a request %s', (_name, message, sender) => {
    const sendResponse = vi.fn();
    expect(listener(message, sender, sendResponse)).toBe(false);
    expect(read).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('reads a watched article for the background (control)', () => {
    const sendResponse = vi.fn();
    expect(listener({ type: 'background→parser:read', url: PAGE_URL }, BACKGROUND, sendResponse)).toBe(true);
    expect(read).toHaveBeenCalledWith(PAGE_URL);
  });
});

describe('the content script’s check of where the parser says the article is', () => {
  const hint = { index: 3, tag: 'article', size: 40, places: [[-1, 0, 4, 2, 1, 0], null] };

  it('takes a hint with the items’ places (control)', () => {
    expect(isRegionHint(hint)).toBe(true);
    expect(isRegionHint({ ...hint, places: [] })).toBe(true);
  });

  it.each([
    ['no places', { index: 3, tag: 'article', size: 40 }],
    ['a place of five numbers', { ...hint, places: [[0, 0, 4, 2, 1]] }],
    ['a negative offset', { ...hint, places: [[0, 0, -1, 2, 1, 0]] }],
    ['an element before the region itself', { ...hint, places: [[-2, 0, 4, 2, 1, 0]] }],
    ['a fraction', { ...hint, places: [[0, 0.5, 4, 2, 1, 0]] }],
    ['a text for a number', { ...hint, places: [[0, '0', 4, 2, 1, 0]] }],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case: Firefox's structured clone keeps them
    ['a place with a hole', { ...hint, places: [[0, 0, 4, 2, , 0]] }],
    ['an extra field', { ...hint, nodes: [] }],
  ])('refuses %s', (_name, bad) => {
    expect(isRegionHint(bad)).toBe(false);
  });
});

describe('the off-page parser’s port, given hostile senders and messages', () => {
  /** A port as the parser gets it: what it posts, whether it closed it, the message to deliver. */
  function portFrom(sender: { id?: string }, name = PARSER_PORT) {
    const posted: unknown[] = [];
    let deliver: ((message: unknown) => void) | undefined;
    const port: ParserPort = {
      name,
      sender,
      postMessage: (message) => void posted.push(message),
      disconnect: vi.fn(),
      onMessage: { addListener: (listener) => void (deliver = listener) },
      onDisconnect: { addListener: () => undefined },
    };
    return { port, posted, send: (message: unknown) => deliver?.(message) };
  }
  const read = vi.fn(readServedPage);
  const OURS = { id: fakeBrowser.runtime.id };

  beforeEach(() => vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser));
  afterEach(() => {
    vi.unstubAllGlobals();
    read.mockClear();
  });

  /** The request as the content script puts it on the port: empty HTML, then the parts. */
  const HEADER = { ...PAGE_READ, html: '', parts: 1 };

  it.each<[string, unknown]>([
    ['a page given as a document', { ...PAGE_READ, html: { body: '<p>' } }],
    ['a page in the header (its HTML comes in parts)', { ...PAGE_READ, parts: 1 }],
    ['no parts', { ...HEADER, parts: 0 }],
    ['a fraction of a part', { ...HEADER, parts: 1.5 }],
    ['more parts than a page may have', { ...HEADER, parts: 1_000_000 }],
    ['NaN sentences', { ...PAGE_READ, sentences: Number.NaN }],
    ['whole as a string', { ...PAGE_READ, whole: 'yes' }],
    ['an address as an array', { ...PAGE_READ, url: [PAGE_URL] }],
    ['a page of 50,000,001 characters', { ...PAGE_READ, html: 'a'.repeat(50_000_001) }],
    ['another request', { type: 'background→parser:read', url: PAGE_URL }],
    ['an extra key', { ...PAGE_READ, polluted: true }],
  ])('reads nothing of %s, and closes the port', (_name, message) => {
    const { port, posted, send } = portFrom(OURS);
    answerParserPort(port, OURS.id, read);
    send(message);
    expect(read).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    expect(port.disconnect).toHaveBeenCalled();
  });

  it.each<[string, unknown[]]>([
    ['a part that is not text', [{ html: PAGE_READ.html }]],
    ['a part longer than parts are', ['a'.repeat(PART_CHARS + 1)]],
    ['a second header', [HEADER]],
  ])('reads nothing of a page with %s, and closes the port', (_name, parts) => {
    const { port, posted, send } = portFrom(OURS);
    answerParserPort(port, OURS.id, read);
    send(HEADER);
    for (const part of parts) send(part);
    expect(read).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    expect(port.disconnect).toHaveBeenCalled();
  });

  it('closes a port from another extension at once, and leaves ports of other names alone', () => {
    const other = portFrom({ id: 'another-extension' });
    answerParserPort(other.port, OURS.id, read);
    expect(other.port.disconnect).toHaveBeenCalled();
    other.send(PAGE_READ);
    const unnamed = portFrom(OURS, 'something-else');
    answerParserPort(unnamed.port, OURS.id, read);
    unnamed.send(PAGE_READ);
    expect(unnamed.port.disconnect).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
  });

  it('answers its own content script’s page with the report (control)', () => {
    const { port, posted, send } = portFrom(OURS);
    answerParserPort(port, OURS.id, read);
    send(HEADER);
    send(PAGE_READ.html);
    expect(posted).toEqual([PARSED]);
    expect(PARSED).toEqual({
      ...ANALYZE,
      region: { index: expect.any(Number), tag: 'article', size: expect.any(Number), places: expect.any(Array) },
    });
  });

  it('gets a page of several parts from the content script’s side whole, and answers it', async () => {
    // The two ends of a port, each message copied as the browsers' messaging copies it.
    const end = (): ParserPort & { peer?: ParserPort; heard: ((m: unknown) => void)[]; gone: (() => void)[] } => {
      const port = {
        name: PARSER_PORT,
        sender: OURS,
        heard: [] as ((m: unknown) => void)[],
        gone: [] as (() => void)[],
        peer: undefined as ParserPort | undefined,
        postMessage: (m: unknown) =>
          queueMicrotask(() => (port.peer as typeof port).heard.forEach((l) => l(structuredClone(m)))),
        disconnect: () => (port.peer as typeof port).gone.forEach((l) => l()),
        onMessage: { addListener: (l: (m: unknown) => void) => void port.heard.push(l) },
        onDisconnect: { addListener: (l: () => void) => void port.gone.push(l) },
      };
      return port;
    };
    const sent: string[] = [];
    const runtime = {
      sendMessage: vi.fn(async () => undefined),
      connect: () => {
        const content = end();
        const parser = end();
        content.peer = parser;
        parser.peer = content;
        const post = content.postMessage;
        content.postMessage = (m: unknown) => {
          if (typeof m === 'string') sent.push(m);
          post(m);
        };
        answerParserPort(parser, OURS.id, read);
        return content;
      },
    };
    // The seed page with 600,000 characters of comment at its end: three parts.
    const html = `${PAGE_READ.html}<!--${'x'.repeat(600_000)}-->`;
    const answer = await readThroughParser(runtime, { ...PAGE_READ, type: 'content→parser:page', html });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'content→background:open-parser' });
    expect(sent.map((part) => part.length)).toEqual([PART_CHARS, PART_CHARS, html.length - 2 * PART_CHARS]);
    expect(answer).toEqual(PARSED);
  });
});

describe('the background, given hostile answers by the off-page parser', () => {
  beforeEach(() => fakeBrowser.reset());

  const answering = (answer: unknown): void =>
    fakeBrowser.runtime.onMessage.addListener(((_message: unknown, _sender: unknown, send: (a: unknown) => void) => {
      send(answer);
      return true;
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);

  it.each<[string, unknown]>([
    ['a snapshot with an extra key', { ok: true, snapshot: { ...snapshotOf(REPORT, new Date()), html: '<b>' } }],
    ['a snapshot of another version', { ok: true, snapshot: { ...snapshotOf(REPORT, new Date()), v: 2 } }],
    ['a snapshot with a bad date', { ok: true, snapshot: { ...snapshotOf(REPORT, new Date()), at: 'now' } }],
    [
      'a figure value as text',
      { ok: true, snapshot: { ...snapshotOf(REPORT, new Date()), figures: [{ text: '1', value: '1', unit: null }] } },
    ],
    ['an error of an unknown kind', { ok: false }],
  ])('keeps no version from %s', async (_name, answer) => {
    answering(answer);
    const result = await readOffPage(PAGE_URL);
    expect(result.ok).toBe(false);
  });
});

describe('addresses and senders', () => {
  it.each([
    ['https://www.watson.ch/a', true],
    ['HTTP://example.com', true],
    ['javascript:alert(1)', false],
    [' https://example.com', false],
    ['data:text/html,<script>', false],
    ['https://', false],
    ['ftp://example.com', false],
  ])('isHttpUrl(%j) is %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });

  it('tells Lede’s pages from content scripts and other extensions', () => {
    const id = fakeBrowser.runtime.id;
    expect(isFromExtensionPage(POPUP_SENDER, id, EXTENSION)).toBe(true);
    expect(isFromExtensionPage(CONTENT_SENDER, id, EXTENSION)).toBe(false);
    expect(isFromExtensionPage({ id }, id, EXTENSION)).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: `${EXTENSION}popup.html` }, id, EXTENSION)).toBe(false);
    // An id that starts with ours is another extension.
    expect(isFromExtensionPage({ id, url: `chrome-extension://${id}x/popup.html` }, id, EXTENSION)).toBe(false);
  });
});
