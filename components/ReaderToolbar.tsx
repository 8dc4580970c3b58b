import { READER_LIMITS, type ReaderSettings, type ReaderTheme } from '@/utils/storage';
import { t, type MessageKey } from '@/utils/i18n';

interface Props {
  settings: ReaderSettings;
  onChange: (change: Partial<ReaderSettings>) => void;
  onClose: () => void;
}

const THEMES: [ReaderTheme, MessageKey][] = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
];

function Stepper({
  label,
  value,
  limits,
  onStep,
  testId,
}: {
  label: string;
  value: number;
  limits: { min: number; max: number; step: number };
  onStep: (value: number) => void;
  testId: string;
}) {
  const round = (n: number): number => Math.round(n * 100) / 100;
  return (
    <div class="stepper" role="group" aria-label={label}>
      <button
        type="button"
        aria-label={`${label} −`}
        data-testid={`${testId}-less`}
        disabled={value <= limits.min}
        onClick={() => onStep(round(value - limits.step))}
      >
        −
      </button>
      <span class="stepper-label" aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        aria-label={`${label} +`}
        data-testid={`${testId}-more`}
        disabled={value >= limits.max}
        onClick={() => onStep(round(value + limits.step))}
      >
        +
      </button>
    </div>
  );
}

/** Theme, typography, print and close; every control labelled and reachable by keyboard. */
export function ReaderToolbar({ settings, onChange, onClose }: Props) {
  return (
    <nav class="toolbar" aria-label={t('readerSettings')}>
      <div class="themes" role="group" aria-label={t('theme')}>
        {THEMES.map(([theme, key]) => (
          <button
            type="button"
            key={theme}
            class={`theme-${theme}`}
            aria-pressed={settings.theme === theme}
            data-testid={`theme-${theme}`}
            onClick={() => onChange({ theme })}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-pressed={settings.font === 'sans'}
        data-testid="font-toggle"
        onClick={() => onChange({ font: settings.font === 'serif' ? 'sans' : 'serif' })}
      >
        {settings.font === 'serif' ? t('fontSans') : t('fontSerif')}
      </button>
      <Stepper
        label={t('textSize')}
        testId="size"
        value={settings.fontSize}
        limits={READER_LIMITS.fontSize}
        onStep={(fontSize) => onChange({ fontSize })}
      />
      <Stepper
        label={t('lineWidth')}
        testId="width"
        value={settings.lineWidth}
        limits={READER_LIMITS.lineWidth}
        onStep={(lineWidth) => onChange({ lineWidth })}
      />
      <Stepper
        label={t('lineHeight')}
        testId="leading"
        value={settings.lineHeight}
        limits={READER_LIMITS.lineHeight}
        onStep={(lineHeight) => onChange({ lineHeight })}
      />
      <span class="spacer" />
      <button type="button" data-testid="print" onClick={() => window.print()}>
        {t('print')}
      </button>
      <button type="button" data-testid="close-reader" onClick={onClose} aria-keyshortcuts="Escape">
        {t('closeReader')}
      </button>
    </nav>
  );
}
