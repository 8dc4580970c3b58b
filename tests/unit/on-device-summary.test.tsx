// @vitest-environment happy-dom
/**
 * The on-device model's key points with a stand-in for Chrome's `Summarizer` (no browser here has
 * the model): what is offered in each state, and that nothing is created, so nothing downloads,
 * before the reader's click.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '@/public/_locales/en/messages.json';
import { KeyPoints } from '@/components/KeyPoints';
import {
  keyPoints,
  modelState,
  parseKeyPoints,
  type OnDeviceSummarizer,
  type SummarizerApi,
} from '@/utils/on-device-summary';

const ARTICLE = 'Vladimir Poutine rassemble près de 50 000 soldats.\n\nLes Nord-Coréens sont déjà formés.';

/** A stand-in with the API's shape; `state` is what availability() answers. */
function standIn(state: string, output = '* Poutine rassemble 50 000 soldats.\n* Les Nord-Coréens sont formés.') {
  const model: OnDeviceSummarizer = {
    summarize: vi.fn(async () => output),
    destroy: vi.fn(),
  };
  const api = {
    availability: vi.fn(async () => state),
    create: vi.fn(async (options: { monitor?: (m: EventTarget) => void }) => {
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (state !== 'available') {
        const progress = Object.assign(new Event('downloadprogress'), { loaded: 0.5 });
        monitor.dispatchEvent(progress);
      }
      return model;
    }),
  } satisfies SummarizerApi;
  return { api, model };
}

describe('the model’s state', () => {
  it('is "unsupported" where the browser has no Summarizer (Firefox, older Chrome)', async () => {
    expect(await modelState('fr', undefined)).toBe('unsupported');
  });

  it.each(['unavailable', 'downloadable', 'downloading', 'available'])('passes on "%s"', async (state) => {
    const { api } = standIn(state);
    expect(await modelState('fr-CH', api)).toBe(state);
    // Asked in the article's language, for key points; asking never creates (never downloads).
    expect(api.availability).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'key-points', expectedInputLanguages: ['fr'], outputLanguage: 'fr' }),
    );
    expect(api.create).not.toHaveBeenCalled();
  });

  it('is "unavailable" when the API throws for the language', async () => {
    const api: SummarizerApi = {
      availability: async () => {
        throw new Error('NotSupportedError: the language is not supported');
      },
      create: async () => {
        throw new Error('unreachable');
      },
    };
    expect(await modelState('de', api)).toBe('unavailable');
  });

  it('is "unavailable" for a language the model does not read, without asking (Chrome would log an error)', async () => {
    const { api } = standIn('available');
    expect(await modelState('ko', api)).toBe('unavailable');
    expect(api.availability).not.toHaveBeenCalled();
  });
});

describe('key points', () => {
  it('are the model’s lines without their bullets, and the model is freed after', async () => {
    const { api, model } = standIn('available');
    expect(await keyPoints(ARTICLE, 'fr', api)).toEqual([
      'Poutine rassemble 50 000 soldats.',
      'Les Nord-Coréens sont formés.',
    ]);
    expect(model.destroy).toHaveBeenCalledOnce();
  });

  it('read numbered and dashed lists too', () => {
    expect(parseKeyPoints('1. One point\n- Two points\n\n• Three')).toEqual(['One point', 'Two points', 'Three']);
  });

  it('send the model only as many paragraphs as its input quota takes', async () => {
    const { api, model } = standIn('available');
    const long = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    Object.assign(model, { inputQuota: 40, measureInputUsage: async (text: string) => text.length });
    await keyPoints(long, 'en', api);
    const sent = vi.mocked(model.summarize).mock.calls[0]?.[0] ?? '';
    expect(sent.length).toBeLessThanOrEqual(40);
    expect(sent.startsWith('Paragraph 0.')).toBe(true);
  });
});

describe('the popup’s offer', () => {
  let root: HTMLElement;
  // The extension's English messages, as the browser would give them, placeholders filled.
  beforeEach(() => {
    type Entry = { message: string; placeholders?: Record<string, { content: string }> };
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | (string | number)[]) => {
      const entry = (messages as Record<string, Entry>)[key];
      const values = typeof subs === 'string' ? [subs] : (subs ?? []);
      return (entry?.message ?? '').replace(/\$(\w+)\$/g, (_, name: string) => {
        const content = entry?.placeholders?.[name.toLowerCase()]?.content ?? '';
        return String(values[Number(content.slice(1)) - 1] ?? '');
      });
    });
  });
  afterEach(() => root.remove());

  const mount = async (api: SummarizerApi): Promise<HTMLElement> => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<KeyPoints text={ARTICLE} lang="fr" api={api} />, root));
    await settle();
    return root;
  };
  /** Lets the stand-in's promises resolve and Preact render what they set. */
  const settle = (): Promise<void> => act(() => new Promise((done) => setTimeout(done, 0)));
  const click = async (el: Element | null): Promise<void> => {
    await act(async () => {
      (el as HTMLElement).click();
    });
    await settle();
  };

  it('is nothing when the model is unavailable', async () => {
    const { api } = standIn('unavailable');
    expect((await mount(api)).innerHTML).toBe('');
  });

  it('downloads the model only on the click, shows the progress, then the points labelled as generated', async () => {
    const { api } = standIn('downloadable');
    const view = await mount(api);
    const button = view.querySelector('[data-testid="key-points-button"]');
    expect(button?.textContent).toBe(messages.keyPointsDownload.message);
    expect(api.create).not.toHaveBeenCalled();
    // The download takes a while: hold create() until the progress has been seen.
    let finish = (): void => undefined;
    const held = new Promise<void>((done) => (finish = done));
    const create = api.create.getMockImplementation();
    api.create.mockImplementationOnce(async (options) => {
      const model = await create?.(options);
      await held;
      return model as OnDeviceSummarizer;
    });
    await click(button);
    expect(api.create).toHaveBeenCalledOnce();
    expect(view.querySelector('[data-testid="key-points-working"]')?.textContent).toBe(
      'Downloading the on-device model… 50 %',
    );
    finish();
    await settle();
    const points = view.querySelector('[data-testid="key-points"]');
    expect(points?.querySelectorAll('li')).toHaveLength(2);
    expect(points?.querySelector('.badge')?.textContent).toBe('generated');
  });

  it('generates at once on the click when the model is there', async () => {
    const { api } = standIn('available');
    const view = await mount(api);
    expect(view.querySelector('[data-testid="key-points-button"]')?.textContent).toBe(
      'Key points from the on-device model',
    );
    await click(view.querySelector('[data-testid="key-points-button"]'));
    expect(view.querySelector('[data-testid="key-points"] li')?.textContent).toBe('Poutine rassemble 50 000 soldats.');
  });

  it('says so when the model fails, and the extractive summary stays', async () => {
    const { api, model } = standIn('available');
    vi.mocked(model.summarize).mockRejectedValueOnce(new Error('QuotaExceededError'));
    const view = await mount(api);
    await click(view.querySelector('[data-testid="key-points-button"]'));
    expect(view.querySelector('[data-testid="key-points-failed"]')).not.toBeNull();
  });
});
