// @vitest-environment happy-dom
/**
 * The options page on WXT's in-memory fake browser: the history's count, export, clear and size;
 * the watched articles, stopped by message to the background and followed live; the watch
 * settings, with the notifications permission asked on the click.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '@/public/_locales/en/messages.json';
import type { Snapshot } from '@/core/snapshot';
import { App } from '@/entrypoints/options/App';
import { historyFile, type HistoryExport } from '@/components/OptionsHistory';
import { exportHistory, historySize, recordVisit } from '@/utils/snapshot-store';
import { readSettings, readWatches, stopWatch, watchSettings, type Watch } from '@/utils/watch-store';

const URL_A = 'https://www.watson.ch/fr/international/russie/412698174-poutine';
const URL_B = 'https://example.org/news/2026/12/port';

const snap = (url: string, title: string): Snapshot => ({
  v: 1,
  url,
  at: '2026-11-30T08:12:00.000Z',
  title,
  published: '2026-11-30T05:48:00+01:00',
  modified: null,
  paragraphs: [`${title}.`],
  quotes: [],
  figures: [],
});

const WATCH: Watch = {
  url: URL_A,
  title: 'Poutine envoie des milliers de Nord-Coréens à Koursk',
  startedAt: Date.parse('2026-12-01T09:00:00Z'),
  lastCheck: Date.parse('2026-12-01T10:00:00Z'),
  nextCheck: Date.parse('2026-12-01T11:00:00Z'),
  result: 'changed',
  error: null,
  changedAt: Date.parse('2026-12-01T10:00:00Z'),
  unseen: true,
};

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const MESSAGES = messages as Record<string, Entry>;

/** The permissions calls the page makes; the fake's types carry Chrome's callback overloads, which return void. */
const permissions = fakeBrowser.permissions as unknown as Record<
  'contains' | 'request' | 'remove',
  (permissions: unknown) => Promise<boolean>
>;

let root: HTMLElement;

/** Lets storage promises resolve and Preact render what they set. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((done) => setTimeout(done, 0)));
};

const mount = async (): Promise<HTMLElement> => {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<App />, root));
  await settle();
  return root;
};

const $ = (testId: string): HTMLElement => {
  const element = root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no [data-testid="${testId}"] in ${root.innerHTML.slice(0, 500)}`);
  return element;
};

const click = async (testId: string): Promise<void> => {
  await act(async () => $(testId).click());
  await settle();
};

/** What a reader does in a number field: type, then leave it (the `change` event). */
const typeInto = async (testId: string, value: string): Promise<void> => {
  await act(async () => {
    const input = $(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
};

const storedWatches = async (): Promise<unknown> => (await fakeBrowser.storage.local.get('watches')).watches;

beforeEach(async () => {
  fakeBrowser.reset();
  // The extension's English messages, as the browser would give them, placeholders filled.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | (string | number)[]) => {
    const entry = MESSAGES[key];
    const values = typeof subs === 'string' ? [subs] : (subs ?? []);
    return (entry?.message ?? '').replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry?.placeholders?.[name.toLowerCase()]?.content ?? '';
      return String(values[Number(content.slice(1)) - 1] ?? '');
    });
  });
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
  vi.spyOn(permissions, 'contains').mockResolvedValue(false);
  await recordVisit(snap(URL_A, 'Poutine envoie des milliers de Nord-Coréens à Koursk'), 1);
  await recordVisit(snap(URL_B, 'Genève agrandit son port'), 2);
  await fakeBrowser.storage.local.set({ watches: { [URL_A]: WATCH } });
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the options page', () => {
  it('shows the history’s count and the watched article, under one h1 and labelled sections', async () => {
    await mount();
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelector('h1')?.textContent).toBe('Lede settings');
    for (const section of root.querySelectorAll('section')) {
      const heading = document.getElementById(section.getAttribute('aria-labelledby') ?? '');
      expect(heading?.tagName).toBe('H2');
    }
    expect($('history-count').textContent).toBe('Articles kept: 2');
    expect(($('history-size') as HTMLInputElement).value).toBe('500');

    const rows = root.querySelectorAll('[data-testid="watch-row"]');
    expect(rows).toHaveLength(1);
    const link = rows[0]?.querySelector('a');
    expect(link?.textContent).toBe(WATCH.title);
    expect(link?.getAttribute('href')).toBe(URL_A);
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(rows[0]?.textContent).toContain('not opened yet');
    expect($('watch-started').textContent).toMatch(/^Watching since \d+ Dec 2026, \d\d:\d\d$/);
    expect($('watch-check').textContent).toMatch(/^Last check \d+ Dec 2026, \d\d:\d\d: changed \(found \d+ Dec 2026/);
    expect($('watch-next').textContent).toMatch(/^Next check \d+ Dec 2026, \d\d:\d\d$/);
    // The stop button names its article for screen readers.
    expect(document.getElementById($('stop-watching').getAttribute('aria-describedby') ?? '')).toBe(link);
  });

  it('marks nothing as seen: the change stays counted for the badge', async () => {
    await mount();
    expect((await readWatches())[0]?.unseen).toBe(true);
    expect(await storedWatches()).toEqual({ [URL_A]: WATCH });
  });

  it('exports both articles as a lede-history JSON file named for the day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 2, 14, 30));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:lede-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    const catchDownload = (event: Event): void => {
      if (!(event.target instanceof HTMLAnchorElement)) return;
      downloads.push(`${event.target.download} ${event.target.href}`);
      event.preventDefault();
    };
    document.addEventListener('click', catchDownload, true);
    try {
      await mount();
      await click('export-history');
    } finally {
      document.removeEventListener('click', catchDownload, true);
    }
    expect(downloads).toEqual(['lede-history-2026-12-02.json blob:lede-test']);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('application/json');
    const file = JSON.parse(await (blobs[0] as Blob).text()) as HistoryExport;
    expect(file).toEqual({
      format: 'lede-history',
      version: 1,
      exportedAt: new Date(2026, 11, 2, 14, 30).toISOString(),
      articles: expect.any(Array),
    });
    expect(file.articles.map((a) => a.url).sort()).toEqual([URL_B, URL_A].sort());
    expect(file.articles).toEqual(expect.arrayContaining([snap(URL_A, WATCH.title ?? '')]));
    expect($('history-status').textContent).toBe('Exported to lede-history-2026-12-02.json.');
  });

  it('names the file for the reader’s calendar day', () => {
    expect(historyFile([], new Date(2027, 0, 5, 0, 10)).name).toBe('lede-history-2027-01-05.json');
  });

  it('clears the history only after the confirmation in the page', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    await mount();
    await click('clear-history');
    expect($('clear-confirmation').textContent).toContain('This cannot be undone.');
    // The safe choice has focus.
    expect(document.activeElement).toBe($('clear-cancel'));
    await click('clear-cancel');
    expect(root.querySelector('[data-testid="clear-confirmation"]')).toBeNull();
    expect(document.activeElement).toBe($('clear-history'));
    expect(await exportHistory()).toHaveLength(2);

    await click('clear-history');
    await click('clear-confirm');
    expect($('history-count').textContent).toBe('Articles kept: 0');
    expect($('history-status').textContent).toBe('History cleared.');
    expect(await exportHistory()).toEqual([]);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('saves the history size when the reader commits it, within 10–5000', async () => {
    await mount();
    await typeInto('history-size', '1000');
    expect(await historySize.getValue()).toBe(1000);
    await typeInto('history-size', '99999');
    expect(await historySize.getValue()).toBe(5000);
    expect(($('history-size') as HTMLInputElement).value).toBe('5000');
    await typeInto('history-size', '3');
    expect(await historySize.getValue()).toBe(10);
    await typeInto('history-size', '');
    expect(await historySize.getValue()).toBe(10);
  });

  it('renders an empty list, not a crash, when the stored watches are corrupted', async () => {
    await fakeBrowser.storage.local.set({ watches: 'garbage' });
    await mount();
    expect($('watch-empty').textContent).toContain('not watching any article');
    expect(root.querySelectorAll('[data-testid="watch-row"]')).toHaveLength(0);
    expect($('history-count').textContent).toBe('Articles kept: 2');
  });

  it('shows a half-corrupted watch without a link or a date it does not have', async () => {
    const odd = {
      url: 'javascript:alert(1)',
      startedAt: 5,
      nextCheck: null,
      lastCheck: 'soon',
      result: 'x',
      title: 42,
    };
    await fakeBrowser.storage.local.set({ watches: { odd, worse: [1, 2], none: null } });
    await mount();
    const rows = root.querySelectorAll('[data-testid="watch-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.querySelector('a')).toBeNull();
    expect($('watch-check').textContent).toBe('Not checked yet');
    expect($('watch-next').textContent).toBe('Watch ended');
  });

  it('stops a watch through the background, never by writing storage itself, and follows the change', async () => {
    const sent: unknown[] = [];
    let inBackground = false;
    // The background's side, as utils/watch-check.ts does it: it alone writes the watches.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      inBackground = true;
      try {
        await stopWatch((message as { url: string }).url);
      } finally {
        inBackground = false;
      }
      return { watched: false };
    });
    await mount();
    const pageWrites: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      if (!inBackground) pageWrites.push(...Object.keys(changes));
    });
    await click('stop-watching');
    expect(sent).toEqual([{ type: 'popup→background:watch', url: URL_A, title: WATCH.title, on: false }]);
    expect(root.querySelectorAll('[data-testid="watch-row"]')).toHaveLength(0);
    expect($('watch-empty')).toBeTruthy();
    expect(pageWrites).toEqual([]);
    // The row is gone: focus goes to the list's heading, not back to the page's start.
    expect(document.activeElement?.id).toBe('watch-heading');
  });

  it('shows a watch the background starts while the page is open', async () => {
    await fakeBrowser.storage.local.set({ watches: {} });
    await mount();
    expect($('watch-empty')).toBeTruthy();
    await act(async () => {
      await fakeBrowser.storage.local.set({
        watches: { [URL_B]: { ...WATCH, url: URL_B, title: 'Port', result: null, lastCheck: null } },
      });
    });
    await settle();
    expect(root.querySelector('[data-testid="watch-row"] a')?.textContent).toBe('Port');
    expect($('watch-check').textContent).toBe('Not checked yet');
  });

  it('saves how many days articles are watched, within 1–30', async () => {
    await mount();
    expect(($('watch-days') as HTMLInputElement).value).toBe('7');
    await typeInto('watch-days', '14');
    expect(await readSettings()).toEqual({ days: 14, notify: false });
    await typeInto('watch-days', '45');
    expect((await readSettings()).days).toBe(30);
  });

  it('turns notifications on only when the browser grants the permission, asked on the click', async () => {
    const request = vi.spyOn(permissions, 'request').mockResolvedValueOnce(false);
    await mount();
    expect($('notify').getAttribute('aria-checked')).toBe('false');
    await click('notify');
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(await readSettings()).toEqual({ days: 7, notify: false });
    expect($('notify').getAttribute('aria-checked')).toBe('false');
    expect($('notify-note').textContent).toContain('Notifications were not allowed');

    request.mockResolvedValueOnce(true);
    vi.mocked(permissions.contains).mockResolvedValue(true);
    await click('notify');
    expect(await readSettings()).toEqual({ days: 7, notify: true });
    expect($('notify').getAttribute('aria-checked')).toBe('true');
    expect($('notify-note').textContent).toBe('');

    const remove = vi.spyOn(permissions, 'remove').mockResolvedValue(true);
    vi.mocked(permissions.contains).mockResolvedValue(false);
    await click('notify');
    expect(await readSettings()).toEqual({ days: 7, notify: false });
    expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect($('notify').getAttribute('aria-checked')).toBe('false');
  });

  it('shows notifications off when the reader withdrew the permission in the browser', async () => {
    await watchSettings.setValue({ days: 7, notify: true });
    await mount();
    expect($('notify').getAttribute('aria-checked')).toBe('false');
  });
});
