/**
 * What the content script answers, kept apart from the entrypoint so it can be tested on real
 * pages without a browser. One session per injected copy: it keeps the last report, so the
 * popup can turn highlights on and off and jump to a quote without a second analysis.
 *
 * The page is not analysed here: it is serialized and read off-page (utils/read-off-page.ts, in
 * the parser the background opens), so that Readability and our analysis take nothing of the
 * page's main thread but the serialization (issue 9, docs/PERFORMANCE.md). What comes back is
 * checked as the popup checks it.
 */
import {
  isContentRequest,
  type AnalyzeRequest,
  type AnalyzeResponse,
  type HighlightRequest,
  type HighlightResponse,
  type PageReadRequest,
  type ParsedPage,
  type PingResponse,
  type ReaderResponse,
  type RegionHint,
  type TextPlace,
} from './messages';
import type { ArticleReport } from '@/core/types';
import {
  applyHighlights,
  canHighlight,
  highlightItems,
  prepareHighlights,
  type HighlightSheet,
  type PageHighlights,
} from './page-highlights';
import { composedDocumentSteps } from './composed-page';
import { serializePageSteps } from './serialize-page';
import { pause, runSteps } from './yield-steps';
import { MAX_PAGE_CHARS } from './page-read';
import { isAnalyzeResponse, isReaderResponse, isRegionHint } from './validate-report';
import { BENCH_MEASURES, timedStep } from './bench-marks';

const failure = (error: unknown): { ok: false; reason: 'error'; message: string } => ({
  ok: false,
  reason: 'error',
  message: error instanceof Error ? error.message : String(error),
});

/** Sends a serialized page to be read off-page and gives the answer, unchecked (utils/page-read.ts, readThroughParser). */
export type ReadOffPage = (request: PageReadRequest) => Promise<unknown>;

/** `html`, the page serialized, read off-page by `read`; a page too large to be an article is refused here. */
function readOffPage(
  read: ReadOffPage,
  html: string,
  options: Omit<PageReadRequest, 'type' | 'html'>,
): Promise<unknown> {
  if (html.length > MAX_PAGE_CHARS) throw new Error(`the page is too large to read (${html.length} characters)`);
  return read({ type: 'content→parser:page', html, ...options });
}

/**
 * The analysis of the page serialized as `html`, checked as the popup checks it (the bench build
 * times the check), and where the parser found the article (null: the whole page is looked in).
 */
async function analyzeHtml(
  read: ReadOffPage,
  html: string,
  url: string,
  message: AnalyzeRequest,
): Promise<{ result: AnalyzeResponse; region: RegionHint | null }> {
  try {
    const answer = await readOffPage(read, html, {
      url,
      whole: message.whole,
      sentences: message.sentences,
      reader: false,
    });
    const { region = null, ...result } = (typeof answer === 'object' && answer ? answer : {}) as ParsedPage;
    const checked = (): boolean => isAnalyzeResponse(result) && (region === null || isRegionHint(region));
    if (import.meta.env.MODE === 'bench' ? timedStep('check', checked) : checked()) return { result, region };
    return { result: failure('the page could not be read'), region: null };
  } catch (error) {
    return { result: failure(error), region: null };
  }
}

/** How far from the hinted place the live page's element may be (elements the copy lacks or adds). */
const REGION_DRIFT = 64;

/**
 * The hinted element of the live page, if it is the one the parser meant: same tag, same size. At
 * its place, else the nearest such element within REGION_DRIFT places: where the page's markup
 * does not survive a second parse as it is (misnested elements a script inserted), the elements
 * before the article are a few more or fewer in the copy, and the article itself is the same.
 */
export function liveRegion(doc: Document, hint: RegionHint): Element | null {
  const all = doc.body?.getElementsByTagName('*');
  if (!all) return null;
  const matches = (element: Element | undefined): element is Element =>
    element?.localName === hint.tag && element.getElementsByTagName('*').length === hint.size;
  for (let drift = 0; drift <= REGION_DRIFT; drift++) {
    const before = all[hint.index - drift];
    if (matches(before)) return before;
    const after = all[hint.index + drift];
    if (drift > 0 && matches(after)) return after;
  }
  return null;
}

/**
 * `page`'s HTML, in slices (utils/serialize-page.ts), the first in a task of its own: the walk for
 * shadow roots (composedDocumentSteps) ends its last slice just before.
 */
async function pageHtml(page: Document): Promise<string> {
  await pause();
  return runSteps(serializePageSteps(page), 'serialize');
}

/** The report and the article's HTML (untrusted: the reader view sanitizes it before rendering). */
async function readerPayload(read: ReadOffPage, doc: Document, url: string, whole: boolean): Promise<ReaderResponse> {
  try {
    const html = await pageHtml(await runSteps(composedDocumentSteps(doc), 'compose'));
    const answer = await readOffPage(read, html, { url, whole, sentences: 0, reader: true });
    return isReaderResponse(answer) ? answer : failure('the page could not be read');
  } catch (error) {
    return failure(error);
  }
}

/**
 * The parser's places (RegionHint) of the items asked for, in their order (highlightItems, with
 * the popup's figures): the parser placed the report's own items, and the popup asks for the
 * report's figures, or for none. A place is only taken where the page has the text there.
 */
function placesFor(
  report: ArticleReport,
  figures: readonly string[],
  places: readonly (TextPlace | null)[],
): (TextPlace | null)[] {
  const quotes = report.quotes.length;
  return [
    ...places.slice(0, quotes),
    ...figures.map((text, i) => (report.figures[i]?.text === text ? (places[quotes + i] ?? null) : null)),
    ...places.slice(quotes + report.figures.length),
  ];
}

export type ContentAnswer = AnalyzeResponse | PingResponse | ReaderResponse | HighlightResponse;

export interface ContentSession {
  /** Undefined for messages that are not ours, so other listeners may answer them. */
  answer(message: unknown): Promise<ContentAnswer> | undefined;
  /** The page's address may have changed (history navigation): drop what belongs to the old one. */
  navigated(): void;
  dispose(): void;
}

/** The page's address without its fragment: a jump to an anchor is the same article. */
const pageOf = (url: string): string => url.split('#')[0] ?? url;

/**
 * Watches the page's DOM from the start of an analysis: changed() says whether its nodes or text
 * changed since (Lede's highlights are not DOM: they change nothing). The observer stops at the
 * first change, so a busy page costs one record. Observing changes nothing in the page.
 *
 * This replaced a hash of the page's text taken on every click: 5 to 50 ms on a large page,
 * on the page's main thread (docs/PERFORMANCE.md).
 */
function watchChanges(doc: Document): { changed(): boolean; stop(): void } {
  let changed = false;
  // The script's own constructor; jsdom's (the unit tests) hangs off the document's window.
  const Observer = typeof MutationObserver === 'function' ? MutationObserver : doc.defaultView?.MutationObserver;
  if (!Observer) return { changed: () => true, stop: () => undefined };
  const observer = new Observer(() => {
    changed = true;
    observer.disconnect();
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true });
  return {
    changed: () => changed || observer.takeRecords().length > 0,
    stop: () => observer.disconnect(),
  };
}

/** `read` takes the serialized page off-page (in-page.ts: to the parser, utils/page-read.ts). */
export function createContentSession(doc: Document, url: () => string, read: ReadOffPage): ContentSession {
  let report: ArticleReport | null = null;
  let reportPage = '';
  /**
   * The last analysis, the request it answered, and whether the page has changed since it began:
   * the popup reopened on an unchanged page, asked the same way, reuses it.
   */
  let last: {
    request: string;
    result: AnalyzeResponse;
    region: RegionHint | null;
    changes: ReturnType<typeof watchChanges>;
  } | null = null;
  let highlights: PageHighlights | null = null;
  /** What painting needs, made during the first analysis (undefined until then). */
  let prepared: HighlightSheet | null | undefined;
  /** Whether the last analysis read the page composed from its open shadow roots. */
  let shadows = true;

  /**
   * After an in-page navigation (a single-page site showing another story), the last report and
   * its highlights belong to a page that is gone: both are dropped, and the next popup analyses
   * the page anew.
   */
  const forgetIfNavigated = (): void => {
    if (report && pageOf(url()) !== reportPage) {
      report = null;
      last?.changes.stop();
      last = null;
      unmark();
    }
  };

  const unmark = (): void => {
    highlights?.remove();
    highlights = null;
  };

  /** Finds the report's items in the page again; paints quotes and figures only when `on`. */
  const highlight = ({ on, figures, colors }: HighlightRequest): HighlightResponse => {
    unmark();
    if (!report || !canHighlight()) return { ok: !on, found: 0 };
    const items = highlightItems({ ...report, figures: figures.map((text) => ({ text })) });
    // The article's region of the live page is looked in first, where the parser said it is; in
    // a composed page (shadow roots) that region is in the copy, not the page. Without it (or
    // should the page have changed under it) the whole page is read, in article order. Looking
    // for the headline here instead would bring the core's date patterns into this script, and
    // compiling them cost each injection about 2 ms of the page's thread (docs/PERFORMANCE.md).
    const hint = last?.region ?? null;
    const region = shadows || !hint ? null : liveRegion(doc, hint);
    if (import.meta.env.MODE === 'bench' && !region) performance.measure(BENCH_MEASURES.wholePage);
    highlights = applyHighlights(doc, items, {
      region,
      shadows,
      visible: on,
      colors,
      prepared,
      places: region && hint ? placesFor(report, figures, hint.places) : null,
    });
    return { ok: true, found: highlights.ranges.filter(Boolean).length };
  };

  const answer = (message: unknown): ContentAnswer | Promise<ContentAnswer> | undefined => {
    if (!isContentRequest(message)) return undefined;
    forgetIfNavigated();
    switch (message.type) {
      case 'popup→content:ping':
        return { pong: true };
      case 'popup→content:reader':
        return readerPayload(read, doc, url(), message.whole);
      case 'popup→content:highlight':
        return highlight(message);
      case 'popup→content:reveal':
        return {
          ok: highlights?.reveal(message.index) ?? false,
          found: highlights?.ranges.filter(Boolean).length ?? 0,
        };
      case 'popup→content:analyze':
        return analyze(message);
    }
  };

  /**
   * Reopening the popup on the same page, unchanged, asked the same way: the last answer stands.
   * New text (a live blog's entry, an edit) is a new analysis.
   */
  const analyze = async (message: AnalyzeRequest): Promise<AnalyzeResponse> => {
    const page = await runSteps(composedDocumentSteps(doc), 'compose');
    const request = [pageOf(url()), message.whole, message.sentences].join('\n');
    let result: AnalyzeResponse;
    // An article in shadow roots (a composed copy) is read again every time: the observer does
    // not see into shadow trees.
    if (last?.request === request && page === doc && !last.changes.changed()) {
      result = last.result;
    } else {
      last?.changes.stop();
      const changes = watchChanges(doc);
      // The analysis's work on the page's main thread: its HTML, in slices.
      const answer = analyzeHtml(read, await pageHtml(page), url(), message);
      // The page's thread is idle while the parser reads: what painting needs is made then, in a
      // task of its own, rather than in the highlights' task (prepareHighlights).
      if (prepared === undefined) {
        await pause();
        prepared = import.meta.env.MODE === 'bench' ? timedStep('prepare', prepareHighlights) : prepareHighlights();
      }
      const parsed = await answer;
      result = parsed.result;
      last = { request, result, region: parsed.region, changes };
    }
    report = result.ok ? result.report : null;
    reportPage = pageOf(url());
    shadows = page !== doc;
    // A new analysis: the old highlights go; the popup asks for new ones with the figures.
    unmark();
    return result;
  };

  return {
    answer: (message) => {
      const result = answer(message);
      return result === undefined ? undefined : Promise.resolve(result);
    },
    navigated: forgetIfNavigated,
    dispose: () => {
      last?.changes.stop();
      unmark();
    },
  };
}
