import type { UpdateNote } from '@/core/types';
import type { SinceLastVisit } from '@/utils/messages';
import { formatTimestamp } from '@/utils/format-time';
import { t } from '@/utils/i18n';

interface Props {
  notes: readonly UpdateNote[];
  since: SinceLastVisit | null;
  locale: string;
  timeZone: string;
}

/** Notes and changes shown before "and N more" (a live blog has dozens): the popup is a glance. */
const MAX_CHANGES = 5;

/** The article's own update notes, and what changed since the reader last read it. */
export function UpdatesView({ notes, since, locale, timeZone }: Props) {
  if (!notes.length && !since) return null;
  const when = since ? formatTimestamp(since.at, locale, timeZone).text : '';
  const diff = since?.diff;
  const changed = since?.changed === true;
  return (
    <section aria-labelledby="updates-heading" data-testid="updates">
      <h2 id="updates-heading" class="section-heading">
        {t('updates')}
      </h2>
      {notes.length ? (
        <ul class="notes" data-testid="update-notes">
          {notes.slice(0, MAX_CHANGES).map((note, i) => (
            <li key={i}>
              {note.iso ? <span class="muted">{formatTimestamp(note.iso, locale, timeZone).text} · </span> : null}
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
      {notes.length > MAX_CHANGES ? <p class="muted">{t('moreChanges', String(notes.length - MAX_CHANGES))}</p> : null}
      {diff && !changed ? (
        <p class="muted" data-testid="no-change">
          {t('noChangeSince', when)}
        </p>
      ) : null}
      {diff && changed ? (
        <div data-testid="changes">
          <p class="changed-since" data-testid={since?.newer ? 'newer' : undefined}>
            {t(since?.newer ? 'newerOnSite' : 'changedSince', when)}
          </p>
          <ul class="changes">
            {diff.title ? (
              <li data-testid="change" data-type="title">
                <span class="change-kind">{t('changeHeadline')}</span> <del>{diff.title.before}</del>{' '}
                <ins>{diff.title.after}</ins>
              </li>
            ) : null}
            {diff.figures.map((f, i) => (
              <li key={`f${i}`} data-testid="change" data-type="figure">
                <span class="change-kind">{t('changeFigure')}</span> <del>{f.before}</del> → <ins>{f.after}</ins>
              </li>
            ))}
            {diff.changes.slice(0, MAX_CHANGES).map((c, i) => (
              <li key={i} data-testid="change" data-type={c.type}>
                <span class="change-kind">
                  {c.type === 'added'
                    ? t('changeAdded')
                    : c.type === 'removed'
                      ? t('changeRemoved')
                      : t('changeChanged')}
                </span>{' '}
                {c.words ? (
                  c.words.map((w, j) =>
                    w.added ? <ins key={j}>{w.text}</ins> : w.removed ? <del key={j}>{w.text}</del> : w.text,
                  )
                ) : c.type === 'removed' ? (
                  <del>{c.before}</del>
                ) : (
                  <ins>{c.after}</ins>
                )}
              </li>
            ))}
          </ul>
          {diff.changes.length > MAX_CHANGES ? (
            <p class="muted">{t('moreChanges', String(diff.changes.length - MAX_CHANGES))}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
