/**
 * Key points from the browser's own model, where it has one: Chrome's built-in Summarizer API
 * (Gemini Nano, run on the reader's machine; nothing is sent anywhere). Firefox, older Chrome and
 * languages the model does not read have none, and the extractive summary stands alone.
 *
 * The model may need a download of several GB: availability() only asks, it never downloads;
 * create() starts the download, and is called only from the reader's click (Chrome requires a
 * user gesture for it anyway). The generated points are shown beside the extractive summary,
 * labelled as generated, never in its place.
 *
 * The API is passed in (`api`), so tests run these functions with a stand-in.
 */

/** 'unsupported': this browser has no Summarizer at all. The others are the API's own states. */
export type ModelState = 'unsupported' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface SummarizerOptions {
  type: 'key-points';
  format: 'plain-text';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  monitor?: (monitor: EventTarget) => void;
}

export interface OnDeviceSummarizer {
  summarize(text: string): Promise<string>;
  measureInputUsage?(text: string): Promise<number>;
  readonly inputQuota?: number;
  destroy(): void;
}

export interface SummarizerApi {
  availability(options: SummarizerOptions): Promise<string>;
  create(options: SummarizerOptions): Promise<OnDeviceSummarizer>;
}

/** The browser's Summarizer, if it has one (Chrome 138+, in extension pages). */
export function browserSummarizer(): SummarizerApi | undefined {
  return (globalThis as { Summarizer?: SummarizerApi }).Summarizer;
}

const options = (lang: string | null): SummarizerOptions => {
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  return {
    type: 'key-points',
    format: 'plain-text',
    length: 'short',
    ...(primary ? { expectedInputLanguages: [primary], outputLanguage: primary } : {}),
  };
};

/**
 * The languages Chrome's model reads (Chrome 156 names them). Asking availability() for another
 * logs an error in the popup's console ("Unsupported Summarizer API languages…"), found by the
 * corpus e2e run (issue 10): such articles are 'unavailable' without asking.
 */
const MODEL_LANGS = /^(de|en|es|fr|ja)$/;

/** Whether the model can summarise an article in `lang`, without downloading anything. */
export async function modelState(lang: string | null, api = browserSummarizer()): Promise<ModelState> {
  if (!api) return 'unsupported';
  const primary = options(lang).outputLanguage;
  if (primary && !MODEL_LANGS.test(primary)) return 'unavailable';
  try {
    const state = await api.availability(options(lang));
    return state === 'available' || state === 'downloadable' || state === 'downloading' ? state : 'unavailable';
  } catch {
    // An unsupported language or option throws in some versions: the model can't help here.
    return 'unavailable';
  }
}

/** The lines of a plain-text key-point list ("* one\n* two"), without their bullets. */
export function parseKeyPoints(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[*•·-]|\d+[.)])\s*/u, '').trim())
    .filter(Boolean);
}

/** The article's paragraphs, from the start, as many as the model takes in one go. */
async function fitToQuota(summarizer: OnDeviceSummarizer, text: string): Promise<string> {
  const quota = summarizer.inputQuota;
  if (!quota || !summarizer.measureInputUsage || !Number.isFinite(quota)) return text;
  let paragraphs = text.split('\n\n');
  let fitted = text;
  while (paragraphs.length > 1 && (await summarizer.measureInputUsage(fitted)) > quota) {
    paragraphs = paragraphs.slice(0, Math.ceil(paragraphs.length * 0.75));
    fitted = paragraphs.join('\n\n');
  }
  return fitted;
}

/**
 * Creates the model (downloading it first when needed: call this only from the reader's click),
 * summarises the article and frees the model. `onProgress` gets the download's share, 0 to 1.
 */
export async function keyPoints(
  text: string,
  lang: string | null,
  api: SummarizerApi,
  onProgress?: (share: number) => void,
): Promise<string[]> {
  const summarizer = await api.create({
    ...options(lang),
    monitor: (monitor) =>
      monitor.addEventListener('downloadprogress', (event) =>
        onProgress?.((event as Event & { loaded: number }).loaded),
      ),
  });
  try {
    return parseKeyPoints(await summarizer.summarize(await fitToQuota(summarizer, text)));
  } finally {
    summarizer.destroy();
  }
}
