/**
 * How Lede reads with the reader (issue 8, item 2): highlights (on when the popup opens, their
 * colours), the summary (its length, the on-device model) and the reader view's theme and type.
 * Each control writes its storage item at once; the popup reads them when it opens, and an open
 * reader view follows them live (utils/use-stored.ts, use-reader-settings.ts).
 */
import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import {
  HIGHLIGHT_DEFAULTS,
  highlightSettings,
  normalizeHighlightSettings,
  normalizeSummarySettings,
  READER_LIMITS,
  SUMMARY_SENTENCES,
  summarySettings,
  type ReaderSettings,
  type ReaderTheme,
} from '@/utils/storage';
import { useStored } from '@/utils/use-stored';
import { useReaderSettings } from '@/utils/use-reader-settings';

const THEMES: [ReaderTheme, MessageKey][] = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
];

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div class="field">
      <label>
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {label}
      </label>
    </div>
  );
}

/** Why the section's last change could not be saved (utils/use-stored.ts): it holds in this page only. */
function SaveFailure({ id, failure }: { id: string; failure: string }) {
  return (
    <p class="status" role="status" data-testid={`${id}-status`}>
      {failure ? t('optionsFailed', failure) : ''}
    </p>
  );
}

/** A slider with its value beside it, within the reader view's own limits. */
function Slider({
  id,
  label,
  value,
  limits,
  unit,
  onChange,
}: {
  id: keyof typeof READER_LIMITS;
  label: string;
  value: number;
  limits: { min: number; max: number; step: number };
  unit: string;
  onChange: (value: number) => void;
}) {
  return (
    <div class="field slider">
      <label for={`reader-${id}`}>{label}</label>
      <input
        id={`reader-${id}`}
        data-testid={`reader-${id}`}
        type="range"
        min={limits.min}
        max={limits.max}
        step={limits.step}
        value={value}
        onInput={(event) => onChange(Math.round(Number(event.currentTarget.value) * 100) / 100)}
      />
      <output for={`reader-${id}`}>
        {new Intl.NumberFormat(uiLocale()).format(value)}
        {unit}
      </output>
    </div>
  );
}

export function OptionsHighlights() {
  const [settings, save, failure] = useStored(highlightSettings, normalizeHighlightSettings);
  return (
    <section aria-labelledby="highlights-heading" data-testid="highlight-settings">
      <h2 id="highlights-heading">{t('optionsHighlightsHeading')}</h2>
      <Checkbox
        id="highlights-on"
        label={t('optionsHighlightsOn')}
        checked={settings.on}
        onChange={(on) => save({ ...settings, on })}
      />
      <div class="field colors">
        {(['quote', 'figure'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="color"
              data-testid={`color-${kind}`}
              value={settings[kind]}
              onInput={(event) => save({ ...settings, [kind]: event.currentTarget.value })}
            />{' '}
            {t(kind === 'quote' ? 'optionsQuoteColor' : 'optionsFigureColor')}
          </label>
        ))}
        <button
          type="button"
          class="secondary"
          data-testid="colors-reset"
          onClick={() => save({ ...settings, quote: HIGHLIGHT_DEFAULTS.quote, figure: HIGHLIGHT_DEFAULTS.figure })}
        >
          {t('optionsColorsReset')}
        </button>
      </div>
      <SaveFailure id="highlight-settings" failure={failure} />
    </section>
  );
}

export function OptionsSummary() {
  const [settings, save, failure] = useStored(summarySettings, normalizeSummarySettings);
  const counts = Array.from({ length: SUMMARY_SENTENCES.max }, (_, i) => i + 1);
  return (
    <section aria-labelledby="summary-settings-heading" data-testid="summary-settings">
      <h2 id="summary-settings-heading">{t('summary')}</h2>
      <div class="field">
        <label for="summary-sentences">{t('optionsSummaryLength')}</label>{' '}
        <select
          id="summary-sentences"
          data-testid="summary-sentences"
          value={String(settings.sentences)}
          onChange={(event) => save({ ...settings, sentences: Number(event.currentTarget.value) })}
        >
          <option value="0">{t('optionsSummaryAuto')}</option>
          {counts.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <Checkbox
        id="on-device"
        label={t('optionsOnDevice')}
        checked={settings.onDevice}
        onChange={(onDevice) => save({ ...settings, onDevice })}
      />
      <SaveFailure id="summary-settings" failure={failure} />
    </section>
  );
}

export function OptionsReader() {
  const [settings, update, failure] = useReaderSettings();
  const slider = (id: keyof typeof READER_LIMITS & keyof ReaderSettings, label: MessageKey, unit: string) => (
    <Slider
      id={id}
      label={t(label)}
      value={settings[id]}
      limits={READER_LIMITS[id]}
      unit={unit}
      onChange={(value) => update({ [id]: value })}
    />
  );
  return (
    <section aria-labelledby="reader-settings-heading" data-testid="reader-settings">
      <h2 id="reader-settings-heading">{t('optionsReaderHeading')}</h2>
      <div class="field">
        <label for="reader-theme">{t('theme')}</label>{' '}
        <select
          id="reader-theme"
          data-testid="reader-theme"
          value={settings.theme}
          onChange={(event) => update({ theme: event.currentTarget.value as ReaderTheme })}
        >
          {THEMES.map(([theme, key]) => (
            <option key={theme} value={theme}>
              {t(key)}
            </option>
          ))}
        </select>{' '}
        <label for="reader-font">{t('optionsFont')}</label>{' '}
        <select
          id="reader-font"
          data-testid="reader-font"
          value={settings.font}
          onChange={(event) => update({ font: event.currentTarget.value === 'sans' ? 'sans' : 'serif' })}
        >
          <option value="serif">{t('fontSerif')}</option>
          <option value="sans">{t('fontSans')}</option>
        </select>
      </div>
      {slider('fontSize', 'textSize', ' px')}
      {slider('lineWidth', 'lineWidth', ' ch')}
      {slider('lineHeight', 'lineHeight', '')}
      <SaveFailure id="reader-settings" failure={failure} />
    </section>
  );
}
