import type { Timestamp } from '@/core/types';
import { formatGap, formatRelative, formatTimestamp } from '@/utils/format-time';
import { t } from '@/utils/i18n';

interface Props {
  published: Timestamp | null;
  modified: Timestamp | null;
  locale: string;
  timeZone: string;
  now: number;
}

function TimeLine({
  label,
  stamp,
  testId,
  locale,
  timeZone,
  now,
  suffix,
  sameDayAs,
}: {
  label: string;
  stamp: Timestamp;
  testId: string;
  locale: string;
  timeZone: string;
  now: number;
  suffix?: string;
  sameDayAs?: number | null;
}) {
  const shown = formatTimestamp(stamp.iso, locale, timeZone, sameDayAs);
  const hover = [shown.pageText ? t('pageZone', shown.pageText) : '', t('sourceOf', stamp.source)]
    .filter(Boolean)
    .join('\n');
  return (
    <p class="time-line">
      <span class="time-label">{label}</span>{' '}
      <time data-testid={testId} dateTime={stamp.iso} title={hover}>
        {shown.text}
      </time>
      {suffix ? <span class="time-gap">, {suffix}</span> : null}
      {shown.instant !== null && !suffix ? (
        <span class="time-relative"> · {formatRelative(shown.instant, now, locale)}</span>
      ) : null}
    </p>
  );
}

/**
 * "Published 14 Nov 2024, 05:48 · 2 days ago" / "Updated 10:09, 4h 21m later": in the reader's
 * locale and zone; on hover, the page's own time when its zone differs, and where each came from.
 */
export function Timestamps({ published, modified, locale, timeZone, now }: Props) {
  if (!published && !modified) return <p class="time-line muted">{t('noDate')}</p>;
  const start = published ? formatTimestamp(published.iso, locale, timeZone).instant : null;
  const end = modified ? formatTimestamp(modified.iso, locale, timeZone).instant : null;
  const gap = start !== null && end !== null ? t('updatedLater', formatGap(end - start, locale)) : undefined;
  return (
    <div class="times">
      {published ? (
        <TimeLine
          label={t('published')}
          stamp={published}
          testId="published"
          locale={locale}
          timeZone={timeZone}
          now={now}
        />
      ) : null}
      {modified ? (
        <TimeLine
          label={t('updated')}
          stamp={modified}
          testId="modified"
          locale={locale}
          timeZone={timeZone}
          now={now}
          suffix={gap}
          sameDayAs={start}
        />
      ) : null}
    </div>
  );
}
