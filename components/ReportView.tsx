import type { ArticleReport } from '@/core/types';
import { t } from '@/utils/i18n';
import { Timestamps } from './Timestamps';
import { QuoteList } from './QuoteList';
import { FigureList } from './FigureList';
import { KeyPoints } from './KeyPoints';
import { UpdatesView } from './UpdatesView';
import type { SinceLastVisit } from '@/utils/messages';
import type { SummarizerApi } from '@/utils/on-device-summary';

interface Props {
  report: ArticleReport;
  /** Scroll the page to item `index`: quotes first, then figures, then summary sentences. */
  onReveal?: (index: number) => void;
  locale: string;
  timeZone: string;
  now: number;
  /** The browser's on-device Summarizer, where it has one. */
  summarizer?: SummarizerApi;
  /** What changed since the reader last read this article (null on a first visit). */
  since?: SinceLastVisit | null;
  /** Why this visit could not be kept in the history, if it could not. */
  unsaved?: string;
}

/** The report as the popup shows it: who and when first, then what it says, who said what, the figures, and what changed. */
export function ReportView({ report, locale, timeZone, now, onReveal, summarizer, since = null, unsaved }: Props) {
  const meta = [
    report.byline ? (
      <span data-testid="byline" class="byline">
        {report.byline}
      </span>
    ) : null,
    report.siteName ? <span data-testid="site">{report.siteName}</span> : null,
    report.readingMinutes ? <span>{t('readingTime', String(report.readingMinutes))}</span> : null,
  ].filter(Boolean);
  return (
    <article class="report" lang={report.lang ?? undefined}>
      <header>
        <h1 data-testid="title" class="title">
          {report.title ?? report.url ?? ''}
        </h1>
        <p class="meta">{meta.flatMap((part, i) => (i ? [' · ', part] : [part]))}</p>
        <Timestamps
          published={report.published}
          modified={report.modified}
          locale={locale}
          timeZone={timeZone}
          now={now}
        />
        {since?.changed ? (
          // The changes are listed last (updates come after the story); the reader hears of them first.
          <p class="notice" data-testid="changed-notice">
            <a href="#updates-heading">{t('changedNotice')}</a>
          </p>
        ) : null}
        {unsaved ? (
          <p class="notice" data-testid="unsaved">
            {t('historyUnsaved', unsaved)}
          </p>
        ) : null}
        {report.paywall?.partial ? (
          <p data-testid="paywall" class="notice" title={report.paywall.source}>
            {t('paywallPartial')}
          </p>
        ) : null}
      </header>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" class="section-heading">
          {t('summary')}
        </h2>
        {report.summary.length ? (
          <ul data-testid="summary" class="summary">
            {report.summary.map((sentence, i) => (
              <li key={i}>
                <button
                  type="button"
                  class="item-button"
                  data-testid="summary-sentence"
                  onClick={() => onReveal?.(report.quotes.length + report.figures.length + i)}
                  disabled={!onReveal}
                >
                  {sentence}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('noSummary')}</p>
        )}
      </section>
      {summarizer && report.text ? <KeyPoints text={report.text} lang={report.lang} api={summarizer} /> : null}
      <QuoteList quotes={report.quotes} onReveal={onReveal} />
      <FigureList
        figures={report.figures}
        locale={locale}
        onReveal={onReveal && ((i) => onReveal(report.quotes.length + i))}
      />
      <UpdatesView notes={report.updates} since={since} locale={locale} timeZone={timeZone} />
    </article>
  );
}
