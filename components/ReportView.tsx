import type { ArticleReport } from '@/core/types';
import { t } from '@/utils/i18n';
import { Timestamps } from './Timestamps';
import { QuoteList } from './QuoteList';
import { FigureList } from './FigureList';

interface Props {
  report: ArticleReport;
  /** Scroll the page to item `index`: quotes first, then figures. */
  onReveal?: (index: number) => void;
  locale: string;
  timeZone: string;
  now: number;
}

/** The report as the popup shows it: who and when first, then what it says. */
export function ReportView({ report, locale, timeZone, now, onReveal }: Props) {
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
              <li key={i}>{sentence}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('noSummary')}</p>
        )}
      </section>
      <QuoteList quotes={report.quotes} onReveal={onReveal} />
      <FigureList
        figures={report.figures}
        locale={locale}
        onReveal={onReveal && ((i) => onReveal(report.quotes.length + i))}
      />
    </article>
  );
}
