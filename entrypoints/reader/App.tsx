import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ArticleReport } from '@/core/types';
import { ArticleBody } from '@/components/ArticleBody';
import { ReaderHeader } from '@/components/ReaderHeader';
import { ReaderToolbar } from '@/components/ReaderToolbar';
import { StateMessage } from '@/components/StateMessage';
import { t } from '@/utils/i18n';
import { createArticleSanitizer } from '@/utils/sanitize';
import { highlightItems, type HighlightItem } from '@/utils/page-highlights';
import { highlightSettings, normalizeHighlightSettings, readerPayloadKey } from '@/utils/storage';
import { useStored } from '@/utils/use-stored';
import { isArticleReport } from '@/utils/validate-report';
import { visit } from '@/utils/visit-client';
import { useReaderSettings } from '@/utils/use-reader-settings';

type View =
  | { state: 'loading' }
  | { state: 'missing' }
  | {
      state: 'ready';
      report: ArticleReport;
      body: DocumentFragment;
      highlights: HighlightItem[];
      /** Why this read could not be kept in the history, when it could not. */
      unsaved?: string;
    };

const tabId = Number(new URLSearchParams(location.search).get('tab'));

async function loadArticle(): Promise<View> {
  const payload = await storage.getItem<{ report: unknown; html: unknown }>(readerPayloadKey(tabId));
  // Read once: the page's unsanitized HTML does not stay in the browser's memory after this.
  await storage.removeItem(readerPayloadKey(tabId));
  if (!payload || !isArticleReport(payload.report)) return { state: 'missing' };
  const { report } = payload;
  const body =
    typeof payload.html === 'string' ? createArticleSanitizer(window)(payload.html) : textToFragment(report.text);
  dropRepeatedTitle(body, report.title);
  return { state: 'ready', report, body, highlights: highlightItems(report) };
}

/** Whole-page mode has no article HTML: its text, paragraph by paragraph. */
function textToFragment(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const paragraph of text.split('\n\n')) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    fragment.append(p);
  }
  return fragment;
}

/** The header shows the title; a copy at the top of the body would repeat it. */
function dropRepeatedTitle(body: DocumentFragment, title: string | null): void {
  const first = body.querySelector('h1, h2');
  if (first && title && first.textContent?.trim() === title.trim()) first.remove();
}

/** Back to the article's tab, then closes this one. */
async function closeReader(): Promise<void> {
  const current = await browser.tabs.getCurrent();
  if (Number.isInteger(tabId)) await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  if (current?.id !== undefined) await browser.tabs.remove(current.id);
  else window.close();
}

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [settings, update] = useReaderSettings();
  const [highlightStyle] = useStored(highlightSettings, normalizeHighlightSettings);

  useEffect(() => {
    loadArticle().then(
      (loaded) => {
        setView(loaded);
        // Read in the reader view (opened by the shortcut, too): kept in the history like a popup
        // visit, and the reader told here too when it could not be.
        if (loaded.state === 'ready')
          void visit(loaded.report).then(({ unsaved }) => {
            if (unsaved) setView((current) => (current.state === 'ready' ? { ...current, unsaved } : current));
          });
      },
      () => setView({ state: 'missing' }),
    );
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) void closeReader();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.dataset.font = settings.font;
    root.style.setProperty('--font-size', `${settings.fontSize}px`);
    root.style.setProperty('--line-width', `${settings.lineWidth}ch`);
    root.style.setProperty('--line-height', String(settings.lineHeight));
  }, [settings]);

  useEffect(() => {
    if (view.state !== 'ready') return;
    document.title = view.report.title ?? 'Lede';
    if (view.report.lang) document.documentElement.lang = view.report.lang;
    // Keyboard and screen-reader users start at the article, not at the toolbar.
    document.getElementById('reader-title')?.focus();
  }, [view]);

  return (
    <div class="reader" data-testid="reader" data-state={view.state}>
      <ReaderToolbar settings={settings} onChange={update} onClose={() => void closeReader()} />
      <main class="reader-page">
        {view.state === 'ready' ? (
          <article>
            {view.unsaved ? (
              <p class="notice" role="status" data-testid="unsaved">
                {t('historyUnsaved', view.unsaved)}
              </p>
            ) : null}
            <ReaderHeader report={view.report} />
            <ArticleBody fragment={view.body} highlights={view.highlights} settings={highlightStyle} />
          </article>
        ) : null}
        {view.state === 'missing' ? (
          <StateMessage title={t('readerMissingTitle')} body={t('readerMissingBody')} />
        ) : null}
      </main>
    </div>
  );
}
