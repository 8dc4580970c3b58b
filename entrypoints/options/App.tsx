/**
 * The options page: how Lede highlights, summarizes and shows the article (issue 8), the reader's
 * article history and the articles they watch (issue 7). Each section reads and writes its own storage items and follows their changes, so the
 * page stays right while the popup and the background work beside it.
 */
import { OptionsHistory } from '@/components/OptionsHistory';
import { OptionsWatches } from '@/components/OptionsWatches';
import { OptionsHighlights, OptionsReader, OptionsSummary } from '@/components/OptionsReading';
import { t, uiLocale } from '@/utils/i18n';

export function App() {
  const locale = uiLocale();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <main class="options" data-testid="options">
      <h1>{t('optionsTitle')}</h1>
      <OptionsHighlights />
      <OptionsSummary />
      <OptionsReader />
      <OptionsHistory locale={locale} />
      <OptionsWatches locale={locale} timeZone={timeZone} />
    </main>
  );
}
