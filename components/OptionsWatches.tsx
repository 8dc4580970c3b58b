/**
 * "Watched articles" on the options page (issue 7, item 5): each watch, how its last check went
 * and when the next one is, and a way to stop it. The background is the watches' only writer
 * (utils/watch-check.ts): stopping goes to it by message, and the list follows the storage item,
 * so a check that lands while the page is open shows at once. Nothing here marks a change seen:
 * only opening the article does.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { WatchRequest } from '@/utils/messages';
import { formatTimestamp } from '@/utils/format-time';
import { t } from '@/utils/i18n';
import { readWatches, watchList, type Watch } from '@/utils/watch-store';
import { OptionsWatchSettings } from './OptionsWatchSettings';

interface Props {
  locale: string;
  timeZone: string;
}

/** A date for people, or a dash for what storage holds that is no date. */
function formatWhen(ms: unknown, locale: string, timeZone: string): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  return formatTimestamp(new Date(ms).toISOString(), locale, timeZone).text;
}

/** The last check's line. Stored values are checked only loosely (readWatches), so each field is checked here. */
export function lastCheckLine(watch: Watch, when: (ms: unknown) => string): string {
  if (typeof watch.lastCheck !== 'number') return t('optionsWatchNotChecked');
  const checked = when(watch.lastCheck);
  switch (watch.result) {
    case 'same':
      return t('optionsWatchSame', checked);
    case 'changed':
      return t('optionsWatchChanged', [checked, when(watch.changedAt ?? watch.lastCheck)]);
    case 'failed':
      return t('optionsWatchFailed', [checked, String(watch.error ?? '')]);
    case 'no-access':
      return t('optionsWatchNoAccess', checked);
    case 'not-article':
      return t('optionsWatchNotArticle', checked);
    default:
      return t('optionsWatchNotChecked');
  }
}

/** Only web addresses become links: what storage holds is not trusted to be one. */
const isWebAddress = (url: string): boolean => /^https?:\/\//i.test(url);

export function OptionsWatches({ locale, timeZone }: Props) {
  const [watches, setWatches] = useState<Watch[] | null>(null);
  const [stopping, setStopping] = useState<readonly string[]>([]);
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    const refresh = (): void =>
      void readWatches().then(
        (list) => live && setWatches(list),
        () => live && setWatches([]),
      );
    refresh();
    const unwatch = watchList.watch(refresh);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const stop = (watch: Watch): void => {
    const title = typeof watch.title === 'string' ? watch.title : null;
    const request: WatchRequest = { type: 'popup→background:watch', url: watch.url, title, on: false };
    setStopping((urls) => [...urls, watch.url]);
    setError('');
    browser.runtime
      .sendMessage(request)
      .then(
        () => {
          // The row goes with the storage change; focus must not go with it, to the page's start.
          heading.current?.focus();
          return readWatches().then(setWatches);
        },
        (failure: unknown) =>
          setError(t('optionsFailed', failure instanceof Error ? failure.message : String(failure))),
      )
      .finally(() => setStopping((urls) => urls.filter((url) => url !== watch.url)));
  };

  const when = (ms: unknown): string => formatWhen(ms, locale, timeZone);

  return (
    <section aria-labelledby="watch-heading" data-testid="watches">
      <h2 id="watch-heading" ref={heading} tabIndex={-1}>
        {t('optionsWatchHeading')}
      </h2>
      <p class="muted">{t('optionsWatchIntro')}</p>
      {watches !== null && watches.length === 0 ? <p data-testid="watch-empty">{t('optionsWatchEmpty')}</p> : null}
      {watches?.length ? (
        <ul class="watch-list" data-testid="watch-list">
          {watches.map((watch, i) => {
            const titleId = `watch-title-${i}`;
            const title = typeof watch.title === 'string' && watch.title.trim() ? watch.title : watch.url;
            return (
              <li key={watch.url} class="watch-row" data-testid="watch-row">
                <div class="watch-text">
                  <p class="watch-title">
                    {isWebAddress(watch.url) ? (
                      <a id={titleId} href={watch.url} target="_blank" rel="noopener noreferrer">
                        {title}
                      </a>
                    ) : (
                      <span id={titleId}>{title}</span>
                    )}
                    {watch.unseen === true ? <span class="badge">{t('optionsWatchUnseen')}</span> : null}
                  </p>
                  <p class="muted" data-testid="watch-started">
                    {t('optionsWatchStarted', when(watch.startedAt))}
                  </p>
                  <p data-testid="watch-check" data-result={watch.result ?? 'none'}>
                    {lastCheckLine(watch, when)}
                  </p>
                  <p class="muted" data-testid="watch-next">
                    {typeof watch.nextCheck === 'number'
                      ? t('optionsWatchNext', when(watch.nextCheck))
                      : t('optionsWatchEnded')}
                  </p>
                </div>
                <button
                  type="button"
                  class="secondary"
                  aria-describedby={titleId}
                  data-testid="stop-watching"
                  disabled={stopping.includes(watch.url)}
                  onClick={() => stop(watch)}
                >
                  {t('optionsStopWatching')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p class="status" role="status" data-testid="watch-status">
        {error}
      </p>
      <OptionsWatchSettings />
    </section>
  );
}
