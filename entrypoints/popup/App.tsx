import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleReport } from '@/core/types';
import type { OpenParserRequest, SinceLastVisit, WatchRequest, WatchResponse } from '@/utils/messages';
import { visit } from '@/utils/visit-client';
import { WatchSwitch } from '@/components/WatchSwitch';
import { originPattern } from '@/utils/site-pattern';
import { MAX_WATCHES } from '@/utils/watch-limits';
import { ReportView } from '@/components/ReportView';
import { StateMessage } from '@/components/StateMessage';
import { t, uiLocale } from '@/utils/i18n';
import {
  ensureContentScript,
  requestAnalysis,
  requestSiteAccess,
  revealInPage,
  setHighlights,
} from '@/utils/tab-access';
import {
  highlightSettings,
  normalizeHighlightSettings,
  normalizeSummarySettings,
  summarySettings,
  type HighlightSettings,
} from '@/utils/storage';
import { openReaderView } from '@/utils/reader-launch';
import { browserSummarizer } from '@/utils/on-device-summary';
import { benchFixedReport } from '@/utils/bench-marks';

type View =
  | { state: 'loading' }
  | {
      state: 'ready';
      report: ArticleReport;
      tab: TargetTab;
      whole: boolean;
      highlights: HighlightSettings;
      /**
       * Asks the page for the report's highlights, the first time it is called (the same promise
       * after); null for the bench's fixed report, which has no page.
       */
      firstHighlights: (() => Promise<unknown>) | null;
      onDevice: boolean;
      since: SinceLastVisit | null;
      /** Why the visit could not be kept in the history (utils/messages.ts, VisitResponse). */
      unsaved?: string;
      /** Null until the background says; `note` explains a watch that could not start. */
      watch: { on: boolean; note: string | null } | null;
    }
  | { state: 'not-article' }
  | { state: 'unsupported'; detail: string }
  | { state: 'needs-permission'; origin: string | null }
  | { state: 'error'; message: string };

type Ready = Extract<View, { state: 'ready' }>;

interface TargetTab {
  id: number;
  url: string | undefined;
  index: number;
}

/** The tab the popup is about: `?tabId=` (popup opened as a page, as in tests), else the active tab. */
async function targetTab(): Promise<TargetTab | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url, index: tab.index };
}

async function load(whole: boolean): Promise<View> {
  // Bench build only (utils/bench-marks.ts; other builds drop it): a fixed report, no analysis.
  const fixed = import.meta.env.MODE === 'bench' ? benchFixedReport() : null;
  if (fixed) {
    const tab = { id: -1, url: undefined, index: -1 };
    const highlights = normalizeHighlightSettings(null);
    const firstHighlights = null;
    return {
      state: 'ready',
      report: fixed,
      tab,
      whole,
      highlights,
      firstHighlights,
      onDevice: false,
      since: null,
      watch: null,
    };
  }
  // The page is read off-page: the parser opens while the tab is found and the content script
  // injected (it takes tens of ms on a first click, on this page's thread: docs/PERFORMANCE.md).
  const open: OpenParserRequest = { type: 'popup→background:open-parser' };
  browser.runtime.sendMessage(open).catch(() => undefined);
  // The settings are read meanwhile too: nothing here waits for what it does not need.
  const settings = Promise.all([
    highlightSettings.getValue().then(normalizeHighlightSettings, () => normalizeHighlightSettings(null)),
    summarySettings.getValue().then(normalizeSummarySettings, () => normalizeSummarySettings(null)),
  ]);
  const tab = await targetTab();
  if (!tab) return { state: 'unsupported', detail: 'no tab' };
  const access = await ensureContentScript(tab.id, tab.url);
  if (access.kind === 'unsupported') return { state: 'unsupported', detail: access.detail };
  if (access.kind === 'needs-permission') return { state: 'needs-permission', origin: access.origin };
  const [highlights, summary] = await settings;
  const answer = await requestAnalysis(tab.id, whole, summary.sentences);
  if (answer.ok) {
    const { report } = answer;

    // Sent even when highlights are off: the page then finds the items without painting them,
    // so a click in the popup still takes the reader to each one. Sent later (App, run); a page
    // that is gone meanwhile (the reader went on) takes none, which is no error.
    const firstHighlights = once(() =>
      setHighlights(tab.id, highlights.on, report.figures, highlights).catch(() => undefined),
    );
    return {
      state: 'ready',
      report,
      tab,
      whole,
      highlights,
      firstHighlights,
      onDevice: summary.onDevice,
      since: null,
      watch: null,
    };
  }
  return answer.reason === 'not-article' ? { state: 'not-article' } : { state: 'error', message: answer.message };
}

/**
 * How long after the report shows the page's highlights are asked for (App, run), in ms: the
 * click's other work (the popup's painting, the parser's garbage collection) is over by then.
 */
const HIGHLIGHTS_AFTER = 150;

/** `send`, called once: every call gives the first call's promise. */
function once(send: () => Promise<unknown>): () => Promise<unknown> {
  let sent: Promise<unknown> | undefined;
  return () => (sent ??= send());
}

/** Once the page has the first highlights request (a reveal needs its items found). */
const pageHighlighted = (ready: Ready): Promise<unknown> => ready.firstHighlights?.() ?? Promise.resolve();

async function watch(report: ArticleReport, on: boolean): Promise<boolean> {
  const request: WatchRequest = { type: 'popup→background:watch', url: report.url ?? '', title: report.title, on };
  const answer = (await browser.runtime.sendMessage(request)) as WatchResponse | undefined;
  // No answer: the background failed (a write refused, a full storage), which is no full watch list.
  if (!answer) throw t('errorTitle');
  return answer.watched === true;
}

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });

  /** Which run is the popup's latest: an earlier one's highlights are not sent after it. */
  const runs = useRef(0);

  const run = useCallback((whole: boolean) => {
    const id = ++runs.current;
    setView({ state: 'loading' });
    load(whole).then(
      (loaded) => {
        setView(loaded);
        // The report shows at once; what changed since the last visit follows.
        if (loaded.state !== 'ready') return;
        void visit(loaded.report).then(({ since, watched, unsaved }) =>
          setView((current) =>
            current.state === 'ready' && current.report === loaded.report
              ? { ...current, since, unsaved, watch: { on: watched, note: null } }
              : current,
          ),
        );
        // The page's highlights follow a little later. Sent as the popup rendered, the page's work
        // ran while the popup painted and the parser collected its garbage, and took two to five
        // times its own time on a machine with two cores (docs/PERFORMANCE.md). A reveal or a
        // toggle sends them at once (below); a popup closed sooner sends them as it goes.
        const highlight = (): void => {
          if (runs.current === id) void loaded.firstHighlights?.();
        };
        setTimeout(highlight, HIGHLIGHTS_AFTER);
        addEventListener('pagehide', highlight, { once: true });
      },
      (error: unknown) => setView({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  useEffect(() => run(false), [run]);

  const openReader = (tab: TargetTab, whole: boolean): void => {
    openReaderView(tab, whole).then(
      (launch) =>
        launch.ok ? window.close() : setView({ state: 'error', message: t('readerFailed', launch.message) }),
      (error: unknown) => setView({ state: 'error', message: String(error) }),
    );
  };

  const toggleHighlights = (ready: Ready): void => {
    const highlights = { ...ready.highlights, on: !ready.highlights.on };
    setView({ ...ready, highlights });
    // Not saved (a full storage): the switch still applies to this page.
    highlightSettings.setValue(highlights).catch(console.warn);
    // After the first request, so that the page ends with the reader's choice.
    void pageHighlighted(ready)
      .then(() => setHighlights(ready.tab.id, highlights.on, ready.report.figures, highlights))
      .catch(() => undefined);
  };

  const toggleWatch = (ready: Ready): void => {
    const update = (on: boolean, note: string | null): void =>
      setView((current) => (current.state === 'ready' ? { ...current, watch: { on, note } } : current));
    const fail = (error: unknown): void => update(false, String(error));
    if (ready.watch?.on) {
      watch(ready.report, false).then(() => update(false, null), fail);
      return;
    }
    // Asked straight from the click (browsers only show the request for a user gesture), for this
    // site alone: a background check fetches the article itself.
    requestSiteAccess(originPattern(ready.report.url ?? undefined) ?? '').then(
      (granted) =>
        granted
          ? watch(ready.report, true).then((on) => update(on, on ? null : t('watchFull', String(MAX_WATCHES))), fail)
          : update(false, t('watchNoAccess')),
      fail,
    );
  };

  const grant = (origin: string): void => {
    // Called straight from the click: browsers only show the request for a user gesture.
    requestSiteAccess(origin).then(
      (granted) => granted && run(false),
      (error: unknown) => setView({ state: 'error', message: String(error) }),
    );
  };

  return (
    <main data-testid="popup" data-state={view.state} aria-busy={view.state === 'loading'}>
      {view.state === 'loading' ? <Skeleton /> : null}
      {view.state === 'ready' ? (
        <>
          <ReportView
            onReveal={(index) =>
              void pageHighlighted(view)
                .then(() => revealInPage(view.tab.id, index))
                .catch(() => undefined)
            }
            report={view.report}
            locale={uiLocale()}
            timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
            now={Date.now()}
            summarizer={view.onDevice ? browserSummarizer() : undefined}
            since={view.since}
            unsaved={view.unsaved}
          />
          <div class="actions">
            <button type="button" data-testid="open-reader" onClick={() => openReader(view.tab, view.whole)}>
              {t('openReader')}
            </button>
            <button
              type="button"
              class="secondary"
              role="switch"
              aria-checked={view.highlights.on}
              data-testid="toggle-highlights"
              onClick={() => toggleHighlights(view)}
            >
              {t('highlights')}
            </button>
          </div>
          {view.watch && view.report.extraction === 'readability' && originPattern(view.report.url ?? undefined) ? (
            <WatchSwitch on={view.watch.on} note={view.watch.note} onToggle={() => toggleWatch(view)} />
          ) : null}
        </>
      ) : null}
      {view.state === 'not-article' ? (
        <StateMessage title={t('notArticleTitle')} body={t('notArticleBody')}>
          <button type="button" data-testid="try-anyway" onClick={() => run(true)}>
            {t('tryAnyway')}
          </button>
        </StateMessage>
      ) : null}
      {view.state === 'unsupported' ? <StateMessage title={t('unsupportedTitle')} body={t('unsupportedBody')} /> : null}
      {view.state === 'needs-permission' ? (
        <StateMessage
          title={t('needsPermissionTitle')}
          body={view.origin ? t('needsPermissionBody') : t('needsPermissionNoSite')}
        >
          {view.origin ? (
            <button type="button" data-testid="grant-access" onClick={() => grant(view.origin as string)}>
              {t('grantAccess')}
            </button>
          ) : null}
        </StateMessage>
      ) : null}
      {view.state === 'error' ? (
        <StateMessage title={t('errorTitle')} body={t('errorBody')}>
          <code class="error-detail">{view.message}</code>
          <button type="button" onClick={() => run(false)}>
            {t('retry')}
          </button>
        </StateMessage>
      ) : null}
      {view.state === 'loading' ? null : (
        <footer class="popup-footer">
          <button
            type="button"
            class="link-button"
            data-testid="open-settings"
            onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
          >
            {t('settings')}
          </button>
        </footer>
      )}
    </main>
  );
}

/**
 * Placeholders in the report's shape, so nothing jumps when it arrives. For screen readers, the
 * state in words, as the popup's heading: the bones stand in for the title and say nothing.
 */
function Skeleton() {
  return (
    <div class="skeleton">
      <h1 class="visually-hidden">{t('loading')}</h1>
      <div class="bone title-bone" aria-hidden="true" />
      <div class="bone line-bone" aria-hidden="true" />
      <div class="bone line-bone short" aria-hidden="true" />
      <div class="bone block-bone" aria-hidden="true" />
    </div>
  );
}
