// @vitest-environment happy-dom
/**
 * Storage faults as the reader meets them (issue 10, item 6): the popup's and the reader view's
 * notice when a visit could not be kept, from the background's real answer; the options page over storage where
 * every item is corrupted; and a setting that cannot be saved, said in its section.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyze } from '@/core/report';
import type { ArticleReport } from '@/core/types';
import { ReportView } from '@/components/ReportView';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { App as ReaderApp } from '@/entrypoints/reader/App';
import { readPage } from '@/core/read-page';
import { withFigures } from '@/core/with-figures';
import { readerPayloadKey } from '@/utils/storage';
import { storage } from 'wxt/utils/storage';
import { isVisitRequest, answerVisit } from '@/utils/visits';
import { visit } from '@/utils/visit-client';
import { recordVisit } from '@/utils/snapshot-store';
import { englishMessage } from '../support/en-messages';
import { parse, SEED_DIR } from '../support/pages';
import { bytesInUse, limitLocalStorage, QUOTA_ERRORS } from '../support/storage-quota';

const URL_SEED = 'https://www.watson.ch/fr/international/russie/poutine-nord-coreens';
const SEED = readFileSync(path.join(SEED_DIR, 'watson-visible-times.html'), 'utf8');
const FULL =
  'Lede could not save this article to your history: its storage in your browser is full. Clearing the history in the settings makes room.';

let report: ArticleReport;
let root: HTMLElement;

beforeAll(() => {
  report = analyze(parse(SEED, URL_SEED), { url: URL_SEED, now: new Date('2026-01-01T00:00:00Z') });
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The background, answering as entrypoints/background.ts does (sendResponse).
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender, send: (answer: unknown) => void) => {
    if (!isVisitRequest(message)) return false;
    answerVisit(message).then(send, () => send(undefined));
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

/** Lets storage promises resolve and Preact render what they set. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((done) => setTimeout(done, 0)));
};

const $ = (testId: string): HTMLElement => {
  const element = root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no [data-testid="${testId}"] in ${root.innerHTML.slice(0, 500)}`);
  return element;
};

const showReport = (unsaved?: string): Promise<void> =>
  act(() => {
    render(<ReportView report={report} locale="en-GB" timeZone="Europe/Zurich" now={0} unsaved={unsaved} />, root);
  });

describe('the popup, when the visit could not be kept', () => {
  it.each(Object.entries(QUOTA_ERRORS))('says so when storage is full (%s)', async (_browser, quotaError) => {
    limitLocalStorage(await bytesInUse(), quotaError);
    const answer = await visit(report);
    expect(answer.unsaved).toBe(englishMessage('historyFull'));
    await showReport(answer.unsaved);
    expect($('unsaved').textContent).toBe(FULL);
  });

  it('gives the browser’s reason for any other failure, and says nothing when the visit is kept', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error: No space left on device'));
    await showReport((await visit(report)).unsaved);
    expect($('unsaved').textContent).toBe(
      'Lede could not save this article to your history: IO error: No space left on device',
    );
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    const kept = await visit(report);
    expect(kept.unsaved).toBeUndefined();
    await showReport(kept.unsaved);
    expect(root.querySelector('[data-testid="unsaved"]')).toBeNull();
  });

  it('says so when the background could not be reached', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect((await visit(report)).unsaved).toBe('Error: Could not establish connection. Receiving end does not exist.');
  });
});

describe('the reader view, when its visit could not be kept', () => {
  it('shows the article and says why it was not kept', async () => {
    const {
      report: pageReport,
      blocks,
      content,
    } = readPage(parse(SEED, URL_SEED), {
      url: URL_SEED,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    // The payload the popup leaves for the reader view of tab 0 (this page's address has no ?tab).
    const report = withFigures(pageReport, blocks);
    await storage.setItem(readerPayloadKey(0), { report, html: content?.innerHTML ?? null });
    limitLocalStorage(await bytesInUse(), QUOTA_ERRORS.chromium);
    await act(async () => render(<ReaderApp />, root));
    await settle();
    expect($('reader').dataset.state).toBe('ready');
    expect(root.querySelector('article')?.textContent).toContain('Kim Jong-un');
    expect($('unsaved').textContent).toBe(FULL);
  });

  it('says nothing when the visit is kept', async () => {
    const { report: pageReport, blocks } = readPage(parse(SEED, URL_SEED), { url: URL_SEED });
    await storage.setItem(readerPayloadKey(0), { report: withFigures(pageReport, blocks), html: null });
    await act(async () => render(<ReaderApp />, root));
    await settle();
    expect($('reader').dataset.state).toBe('ready');
    expect(root.querySelector('[data-testid="unsaved"]')).toBeNull();
  });
});

describe('the options page over corrupted storage', () => {
  it('loads every section with valid values, counts only readable articles, and lists no unreadable watch', async () => {
    await recordVisit(
      {
        v: 1,
        url: 'https://example.org/ok',
        at: '2026-11-30T08:12:00.000Z',
        title: 'Ok',
        published: null,
        modified: null,
        paragraphs: ['Ok.'],
        quotes: [],
        figures: [],
      },
      1,
    );
    await fakeBrowser.storage.local.set({
      readerSettings: 'garbage',
      highlightsOn: [1, 2],
      highlightsOn$: { v: 99 },
      summarySettings: { sentences: 'many', onDevice: 'perhaps' },
      historySize: { size: 'big' },
      snapshotIndex: 'not an index',
      'snapshot:https://example.org/bad': { v: 99, paragraphs: 'garbage' },
      watches: { a: 'garbage', b: { url: 5 } },
      watchSettings: ['days'],
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => render(<OptionsApp />, root));
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe('Lede settings');
    expect($('history-count').textContent).toBe('Articles kept: 1');
    expect(($('history-size') as HTMLInputElement).value).toBe('500');
    expect(($('highlights-on') as HTMLInputElement).checked).toBe(true);
    expect(($('summary-sentences') as HTMLSelectElement).value).toBe('0');
    expect(($('reader-theme') as HTMLSelectElement).value).toBe('system');
    expect(($('watch-days') as HTMLInputElement).value).toBe('7');
    expect($('watch-empty')).toBeTruthy();
  });

  it.each(Object.entries(QUOTA_ERRORS))(
    'a setting that cannot be saved (%s) is said in its section, and the stored one stays',
    async (_browser, quotaError) => {
      await fakeBrowser.storage.local.set({ summarySettings: { sentences: 3, onDevice: true } });
      await act(async () => render(<OptionsApp />, root));
      await settle();
      limitLocalStorage(await bytesInUse(), quotaError);
      const toggle = async (): Promise<void> => {
        await act(async () => $('on-device').click());
        await settle();
      };
      // Off takes one byte more ("false"): it does not fit.
      await toggle();
      expect($('summary-settings-status').textContent).toBe(`That did not work: ${quotaError().message}`);
      expect((await fakeBrowser.storage.local.get('summarySettings')).summarySettings).toEqual({
        sentences: 3,
        onDevice: true,
      });
      // On again fits, and the failure is no longer said.
      await toggle();
      expect($('summary-settings-status').textContent).toBe('');
    },
  );
});
