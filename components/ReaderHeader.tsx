import type { ArticleReport } from '@/core/types';
import { t, uiLocale } from '@/utils/i18n';
import { Timestamps } from './Timestamps';

/** Headline, standfirst, who and when, above the article. */
export function ReaderHeader({ report }: { report: ArticleReport }) {
  const meta = [report.siteName, report.readingMinutes ? t('readingTime', String(report.readingMinutes)) : null].filter(
    Boolean,
  );
  return (
    <header class="article-header">
      {meta.length ? <p class="kicker">{meta.join(' · ')}</p> : null}
      <h1 id="reader-title" data-testid="reader-title" tabIndex={-1}>
        {report.title ?? ''}
      </h1>
      {report.excerpt ? (
        <p class="standfirst" data-testid="reader-standfirst">
          {report.excerpt}
        </p>
      ) : null}
      {report.byline ? (
        <p class="byline" data-testid="reader-byline">
          {report.byline}
        </p>
      ) : null}
      <Timestamps
        published={report.published}
        modified={report.modified}
        locale={uiLocale()}
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        now={Date.now()}
      />
    </header>
  );
}
