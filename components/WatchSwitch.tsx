import { t } from '@/utils/i18n';

interface Props {
  on: boolean;
  /** Why the watch could not start, if it could not. */
  note: string | null;
  onToggle: () => void;
}

/** "Watch for changes": Lede re-checks the article in the background (issue 7, item 5). */
export function WatchSwitch({ on, note, onToggle }: Props) {
  return (
    <div class="watch">
      <button
        type="button"
        class="secondary"
        role="switch"
        aria-checked={on}
        aria-describedby="watch-note"
        data-testid="watch"
        onClick={onToggle}
      >
        {t('watch')}
      </button>
      <p id="watch-note" class="muted" data-testid="watch-note">
        {note ?? (on ? t('watchOn') : '')}
      </p>
    </div>
  );
}
