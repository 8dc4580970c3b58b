import type { Quote } from '@/core/types';
import { t } from '@/utils/i18n';

interface Props {
  quotes: readonly Quote[];
  /** Scroll the page to quote `index` (absent when the page can't be reached). */
  onReveal?: (index: number) => void;
}

/** Who said what, in article order; each one a click away from its place in the page. */
export function QuoteList({ quotes, onReveal }: Props) {
  if (!quotes.length) return null;
  return (
    <section aria-labelledby="quotes-heading">
      <h2 id="quotes-heading" class="section-heading">
        {t('quotes')} <span class="count">{quotes.length}</span>
      </h2>
      <ol class="quotes" data-testid="quotes">
        {quotes.map((quote, i) => (
          <li key={i}>
            <button
              type="button"
              class="item-button"
              data-testid="quote"
              onClick={() => onReveal?.(i)}
              disabled={!onReveal}
            >
              <span class="speaker">{quote.speaker ?? t('unknownSpeaker')}</span>
              {quote.role ? <span class="role">, {quote.role}</span> : null}
              <q class="quote-text">{quote.text}</q>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
