import type { ArticleReport } from '@/core/types';
import { t } from '@/utils/i18n';
import { Timestamps } from './Timestamps';

interface Props {
  report: ArticleReport;
  locale: string;
  timeZone: string;
  now: number;
}

/** The report as the popup shows it: who and when first, then what it says. */
export function ReportView({ report, locale, timeZone, now }: Props) {
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
    </article>
  );
}
