import type { Figure } from '@/core/types';
import { t } from '@/utils/i18n';

interface Props {
  figures: readonly Figure[];
  locale: string;
  /** Scroll the page to figure `index`; the popup numbers figures after the quotes. */
  onReveal?: (index: number) => void;
}

/** The numbers that carry the story: the figure as written, and a few words of context. */
export function FigureList({ figures, onReveal }: Props) {
  if (!figures.length) return null;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" class="section-heading">
        {t('figures')} <span class="count">{figures.length}</span>
      </h2>
      <ul class="figures" data-testid="figures">
        {figures.map((figure, i) => (
          <li key={i}>
            <button
              type="button"
              class="item-button"
              data-testid="figure"
              onClick={() => onReveal?.(i)}
              disabled={!onReveal}
            >
              <strong class="figure-text">{figure.text}</strong>
              {figure.context ? <span class="figure-context"> — {figure.context}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
