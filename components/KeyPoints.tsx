import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { keyPoints, modelState, type ModelState, type SummarizerApi } from '@/utils/on-device-summary';

interface Props {
  text: string;
  lang: string | null;
  api: SummarizerApi;
}

type Step =
  | { step: 'offer'; model: ModelState }
  | { step: 'working'; downloaded: number | null }
  | { step: 'done'; points: string[] }
  | { step: 'failed' };

/**
 * The on-device model's key points, offered where the browser has a model for the article's
 * language (utils/on-device-summary.ts). Nothing runs, and nothing downloads, before the click.
 */
export function KeyPoints({ text, lang, api }: Props) {
  const [state, setState] = useState<Step>({ step: 'offer', model: 'unsupported' });
  useEffect(() => {
    let live = true;
    void modelState(lang, api).then((model) => live && setState({ step: 'offer', model }));
    return () => {
      live = false;
    };
  }, [lang, api]);

  const generate = (): void => {
    setState({ step: 'working', downloaded: null });
    keyPoints(text, lang, api, (share) => setState({ step: 'working', downloaded: share })).then(
      (points) => setState(points.length ? { step: 'done', points } : { step: 'failed' }),
      () => setState({ step: 'failed' }),
    );
  };

  if (state.step === 'offer') {
    const { model } = state;
    if (model !== 'available' && model !== 'downloadable' && model !== 'downloading') return null;
    return (
      <div class="key-points-offer">
        <button type="button" class="secondary" data-testid="key-points-button" onClick={generate}>
          {model === 'available' ? t('keyPointsGenerate') : t('keyPointsDownload')}
        </button>
        {model === 'available' ? null : <p class="muted small">{t('keyPointsDownloadNote')}</p>}
      </div>
    );
  }
  if (state.step === 'working') {
    const percent = state.downloaded === null ? null : String(Math.round(state.downloaded * 100));
    return (
      <p class="muted" role="status" data-testid="key-points-working">
        {percent === null ? t('keyPointsWorking') : t('keyPointsDownloading', percent)}
      </p>
    );
  }
  if (state.step === 'failed') {
    return (
      <p class="muted" role="status" data-testid="key-points-failed">
        {t('keyPointsFailed')}
      </p>
    );
  }
  return (
    <section aria-labelledby="key-points-heading" data-testid="key-points">
      <h2 id="key-points-heading" class="section-heading">
        {t('keyPoints')} <span class="badge">{t('keyPointsGenerated')}</span>
      </h2>
      <ul class="key-points">
        {state.points.map((point, i) => (
          <li key={i}>{point}</li>
        ))}
      </ul>
      <p class="muted small">{t('keyPointsNote')}</p>
    </section>
  );
}
