/**
 * "Article history" on the options page (issue 7, item 2): how many articles are kept, how many
 * may be, an export as JSON and a clear that asks first, in the page (window.confirm() would block
 * the whole page, with the browser's buttons rather than words about what is lost).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Snapshot } from '@/core/snapshot';
import { t } from '@/utils/i18n';
import { clearHistory, exportHistory, HISTORY_SIZE, historySize, normalizeHistorySize } from '@/utils/snapshot-store';
import { OptionsNumberField } from './OptionsNumberField';

/** The export file's content. Bump `version` when its shape changes. */
export interface HistoryExport {
  format: 'lede-history';
  version: 1;
  exportedAt: string;
  articles: Snapshot[];
}

/** The export's file name (the reader's calendar day) and content; `now` is passed in so tests pin it. */
export function historyFile(articles: Snapshot[], now: Date): { name: string; json: string } {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  const content: HistoryExport = { format: 'lede-history', version: 1, exportedAt: now.toISOString(), articles };
  return { name: `lede-history-${day}.json`, json: JSON.stringify(content, null, 2) };
}

/** Hands a file to the browser's downloads, as a link with `download` does. */
function download(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Not revoked at once: Firefox reads the blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const failed = (error: unknown): string => t('optionsFailed', error instanceof Error ? error.message : String(error));

export function OptionsHistory({ locale }: { locale: string }) {
  const [count, setCount] = useState<number | null>(null);
  const [size, setSize] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const clearButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes when the confirmation opens or closes; nothing moves it on the first render. */
  const focusNext = useRef<'cancel' | 'clear' | null>(null);

  useEffect(() => {
    let live = true;
    // Counted on what the export would hold: the valid snapshots, not the index's entries.
    const recount = (): void =>
      void exportHistory().then(
        (articles) => live && setCount(articles.length),
        (error: unknown) => live && setStatus(failed(error)),
      );
    // As the background reads it when it evicts.
    const showSize = (value: unknown): void => setSize(normalizeHistorySize(value));
    recount();
    historySize.getValue().then(
      (value) => live && showSize(value),
      () => live && showSize(null),
    );
    const unwatchSize = historySize.watch(showSize);
    // Articles read while this tab waited behind others are counted when the reader comes back.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') recount();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      unwatchSize();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  useEffect(() => {
    if (focusNext.current === 'cancel') cancelButton.current?.focus();
    if (focusNext.current === 'clear') clearButton.current?.focus();
    focusNext.current = null;
  }, [confirming]);

  const saveSize = (value: number): void => {
    setSize(value);
    historySize.setValue(value).catch((error: unknown) => setStatus(failed(error)));
  };

  const exportAll = (): void => {
    exportHistory().then(
      (articles) => {
        const file = historyFile(articles, new Date());
        download(file.name, file.json);
        setCount(articles.length);
        setStatus(t('optionsExported', file.name));
      },
      (error: unknown) => setStatus(failed(error)),
    );
  };

  const ask = (open: boolean): void => {
    focusNext.current = open ? 'cancel' : 'clear';
    setConfirming(open);
    if (open) setStatus('');
  };

  const clear = (): void => {
    ask(false);
    clearHistory().then(
      () => {
        setCount(0);
        setStatus(t('optionsCleared'));
      },
      (error: unknown) => setStatus(failed(error)),
    );
  };

  return (
    <section aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{t('optionsHistoryHeading')}</h2>
      <p class="muted">{t('optionsHistoryIntro')}</p>
      <p class="count-line" data-testid="history-count" data-count={count ?? undefined}>
        {count === null
          ? t('optionsHistoryCounting')
          : t('optionsHistoryCount', new Intl.NumberFormat(locale).format(count))}
      </p>
      <OptionsNumberField
        id="history-size"
        label={t('optionsHistorySize')}
        unit={t('optionsHistorySizeUnit')}
        help={t('optionsHistorySizeHelp', [String(HISTORY_SIZE.min), String(HISTORY_SIZE.max)])}
        min={HISTORY_SIZE.min}
        max={HISTORY_SIZE.max}
        value={size}
        onCommit={saveSize}
      />
      <div class="actions">
        <button type="button" class="secondary" data-testid="export-history" onClick={exportAll}>
          {t('optionsExport')}
        </button>
        {confirming ? null : (
          <button
            type="button"
            class="secondary"
            ref={clearButton}
            data-testid="clear-history"
            onClick={() => ask(true)}
          >
            {t('optionsClear')}
          </button>
        )}
      </div>
      {confirming ? (
        <div
          class="confirm"
          role="group"
          aria-labelledby="clear-question"
          data-testid="clear-confirmation"
          onKeyDown={(event) => event.key === 'Escape' && ask(false)}
        >
          <p id="clear-question">{t('optionsClearQuestion')}</p>
          <div class="actions">
            <button type="button" class="danger" data-testid="clear-confirm" onClick={clear}>
              {t('optionsClearConfirm')}
            </button>
            <button
              type="button"
              class="secondary"
              ref={cancelButton}
              data-testid="clear-cancel"
              onClick={() => ask(false)}
            >
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p class="status" role="status" data-testid="history-status">
        {status}
      </p>
    </section>
  );
}
