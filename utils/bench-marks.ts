/**
 * Bench build only (`wxt build --mode bench`, read by bench/run.ts): User Timing measures around
 * what the reader waits for, visible in the page's (or the popup's) performance timeline.
 *
 * Every caller guards its call with `import.meta.env.MODE === 'bench'`, which Vite replaces by
 * `false` in every other build, so the call and this whole module are dropped from them: the
 * production code paths are the same with or without it.
 */
import type { ArticleReport } from '@/core/types';

/** Names of the measures the benchmark reads (bench/run.ts). */
export const BENCH_MEASURES = {
  readability: 'lede:readability',
  /** The same parse again on the same page: its code compiled and optimised by the first. */
  readabilityWarm: 'lede:readability-warm',
  analyze: 'lede:analyze',
  highlight: 'lede:highlight',
  /** Within it, registering the ranges with the browser (CSS.highlights.set) and the colours. */
  highlightRegister: 'lede:highlight-register',
  /**
   * The analysis's own tasks on the page's main thread (utils/content-answers.ts), one task each:
   * `lede:step:compose` (the page's shadow roots), `lede:step:serialize-N` (its HTML, in slices),
   * `lede:step:check` (the answer that came back).
   */
  step: 'lede:step',
  popupReady: 'lede:popup-ready',
  /** Highlights read the whole page: no region of the article to look in first (no hint, or refused). */
  wholePage: 'lede:highlight-whole-page',
} as const;

/** The page address fragment that makes the content script run plain Readability on injection. */
export const PLAIN_READABILITY_HASH = '#lede-bench-readability';

/** Measures `run`, to the settling of its promise when it returns one (an analysis in steps). */
export function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  const end = (): void => void performance.measure(name, { start, end: performance.now() });
  let result: T;
  try {
    result = run();
  } catch (error) {
    end();
    throw error;
  }
  if (result instanceof Promise) return result.finally(end) as T;
  end();
  return result;
}

/** One step of the analysis, named: one task of the page's main thread. */
export function timedStep<T>(name: string, run: () => T): T {
  return timed(`${BENCH_MEASURES.step}:${name}`, run);
}

/** The content script's answer to `message`, timed when it is an analysis or highlights. */
export function timedAnswer<T>(message: unknown, answer: () => T): T {
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'popup→content:analyze') return timed(BENCH_MEASURES.analyze, answer);
  if (type === 'popup→content:highlight') return timed(BENCH_MEASURES.highlight, answer);
  return answer();
}

/**
 * Marks the moment the popup leaves its loading state (the report, summary included, is in the
 * DOM): from the popup's time origin; the benchmark adds the time from the click.
 */
export function markPopupSettled(root: Element): void {
  const settled = (): boolean => {
    const popup = root.querySelector('[data-testid="popup"]');
    const state = popup?.getAttribute('data-state');
    if (!state || state === 'loading') return false;
    performance.mark(BENCH_MEASURES.popupReady, {
      detail: { state, summary: !!popup?.querySelector('[data-testid="summary"]') },
    });
    return true;
  };
  if (settled()) return;
  const observer = new MutationObserver(() => settled() && observer.disconnect());
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/** `popup.html?bench=fixed#<report JSON>`: the report the popup shows without analysis (baseline). */
export function benchFixedReport(): ArticleReport | null {
  if (new URLSearchParams(location.search).get('bench') !== 'fixed') return null;
  return JSON.parse(decodeURIComponent(location.hash.slice(1))) as ArticleReport;
}
