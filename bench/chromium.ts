/**
 * The benchmark's Chromium: the bench build (`wxt build --mode bench`) installed in Debian's
 * Chromium through the e2e harness, and the measurements of one page load each:
 *
 *   readability(url)  the page loaded with PLAIN_READABILITY_HASH; the service worker injects the
 *                     content script (after a click with no popup set: activeTab), which times
 *                     plain Readability (clone + parse) on injection
 *   click(url)        the page loaded again, fresh; the real toolbar popup opened on it
 *                     (triggerExtensionAction): the popup injects the content script, asks for
 *                     the analysis, renders and asks for the highlights, which the content
 *                     script times (utils/bench-marks.ts); optionally traced or CPU-profiled
 *   fixedPopup()      the same popup, set by chrome.action.setPopup to show a fixed report
 *   memory(url)       the page's V8 heap after forced GCs: before, with the content script,
 *                     after the analysis, and once the content script has dropped its report
 *
 * Each measurement loads its page afresh (a new document, so a new content script whose code no
 * earlier run has optimised), as a reader's click on a page does.
 */
import { TimeoutError, type CDPSession, type Page, type WebWorker } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from '../tests/e2e/harness/chromium';
import { BENCH_MEASURES, PLAIN_READABILITY_HASH } from '../utils/bench-marks';
import { CONTENT_SCRIPT } from '../utils/messages';

export const CHROMIUM_BENCH_BUILD = '.output/chrome-mv3-bench';

/** Only the benchmark's own server answers; every other host fails at once (no network here). */
const ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--enable-precise-memory-info'];

export interface ClickResult {
  /** The popup's final state: `ready`, or `not-article` when the page is not an article. */
  state: string;
  summary: boolean;
  /** From the click on the toolbar button to the report in the popup's DOM. */
  clickToReady: number;
  /** From the popup document's start to the report in its DOM. */
  popupToReady: number;
  /** From the click to the popup document's start (the browser opening it). */
  clickToPopupStart: number;
  /** The content script's answer to `analyze`, from the request to the answer, off-page work included (null if none came). */
  analyze: number | null;
  highlight: number | null;
  /** Within `highlight`, the registration with the browser (CSS.highlights.set, the style sheet). */
  highlightRegister: number | null;
  /** Whether the highlights read the whole page (no article region from the parser, or refused). */
  wholePage: boolean;
  /**
   * Where the click's time went (ms): click → the analysis starts in the page (popup start-up,
   * injection, settings), the analysis, and its end → the report in the popup's DOM (the answer's
   * trip, the figures, the render). Wall clocks of two processes: within a millisecond or so.
   */
  phases: { beforeAnalysis: number; analysis: number; afterAnalysis: number } | null;
  /**
   * The analysis's tasks on the page's main thread (utils/content-answers.ts), in ms: serializing
   * the page, checking the answer; empty when there was no analysis.
   */
  steps: number[];
  /**
   * Longest task of the page's main thread holding our work, and of all (traced runs only).
   */
  longestTask: { ours: number; any: number } | null;
  /** CDP Profiler profile of the page during the click (profiled runs only). */
  profile: unknown;
}

export type FixedPopup = Pick<ClickResult, 'clickToReady' | 'popupToReady' | 'clickToPopupStart'>;

interface PopupOpening {
  popup: Page;
  state: string;
  summary: boolean;
  clickToReady: number;
  popupToReady: number;
  clickToPopupStart: number;
  /** Wall-clock times (ms since 1970) of the click and of the report in the popup's DOM. */
  clickedAt: number;
  readyAt: number;
}

export interface MemoryResult {
  /** V8 heap used (bytes) after a full GC: before anything, with the content script injected,
   * after analysis and highlights, after the content script dropped its report (navigation). */
  before: number;
  injected: number;
  analysed: number;
  dropped: number;
  /** Whether the drop happened (the page's highlights are gone). */
  droppedReport: boolean;
  /** Heap snapshots with the content script injected and after the drop: compiled code, and the rest. */
  snapshots: { injected: HeapKinds; dropped: HeapKinds } | null;
}

/** Self sizes (bytes) in a V8 heap snapshot: `code` (bytecode, machine code, feedback), the rest `data`. */
export interface HeapKinds {
  code: number;
  data: number;
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

interface ChromeApi {
  chrome: {
    tabs: {
      query(query: { active: boolean }): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
    action: { setPopup(details: { popup: string }): Promise<void> };
    offscreen: { closeDocument(): Promise<void> };
  };
}

interface Measure {
  duration: number;
  start: number;
  end: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

/** The wait for a page's load event; past it the page is measured as it stands. */
const LOAD_TIMEOUT = 15_000;

/**
 * Some pages send the browser elsewhere (a script's `location = …` to their site's sign-in):
 * every document request outside the benchmark's server is aborted, which leaves the page where
 * it is, as the load of any other resource outside it fails.
 */
async function stayOnOurPages(cdp: CDPSession, origin: string): Promise<void> {
  cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
    const answer = request.url.startsWith(`${origin}/`)
      ? cdp.send('Fetch.continueRequest', { requestId })
      : cdp.send('Fetch.failRequest', { requestId, errorReason: 'Aborted' });
    answer.catch(() => undefined); // the page may be gone meanwhile
  });
  await cdp.send('Fetch.enable', {
    patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }],
  });
}

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The analysis's steps on the page's main thread (utils/bench-marks.ts, timedStep) are named so. */
export const STEP_PREFIX = `${BENCH_MEASURES.step}:`;
const isOurs = (name: string): boolean =>
  name === BENCH_MEASURES.analyze || name === BENCH_MEASURES.highlight || name.startsWith(STEP_PREFIX);

/**
 * From a trace of the click: the longest task of the page's main thread that ran our work (the
 * tasks where one of our measures begins: the analysis, each of its steps, the highlights), and
 * the longest task of that thread at all.
 */
function longestTasksOf(trace: Uint8Array | undefined): { ours: number; any: number } | null {
  if (!trace) return null;
  const events = (JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const starts = events.filter((e) => isOurs(e.name) && e.ph === 'b');
  const thread = starts[0];
  if (!thread) return null;
  const result = { ours: 0, any: 0 };
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask')
      continue;
    const end = e.ts + (e.dur ?? 0);
    const duration = (e.dur ?? 0) / 1000;
    result.any = Math.max(result.any, duration);
    if (starts.some((s) => s.ts >= e.ts && s.ts <= end)) result.ours = Math.max(result.ours, duration);
  }
  return result;
}

export class ChromiumBench {
  private loads = 0;
  private constructor(
    readonly session: ChromiumSession,
    private readonly worker: WebWorker,
    private readonly news: Page,
    private readonly cdp: CDPSession,
    private tabId: number,
    readonly version: string,
  ) {}

  static async launch(origin: string): Promise<ChromiumBench> {
    const session = await launchChromium(CHROMIUM_BENCH_BUILD, { args: ARGS });
    try {
      const swTarget = await session.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`),
      );
      const worker = await swTarget.worker();
      if (!worker) throw new Error('bench: no service worker');
      const news = await session.browser.newPage();
      await news.goto(`${origin}/`, { waitUntil: 'load' }).catch(() => undefined);
      await news.bringToFront();
      const tabs = await worker.evaluate(() =>
        (globalThis as unknown as ChromeApi).chrome.tabs.query({ active: true }),
      );
      const tabId = tabs[0]?.id;
      if (tabs.length !== 1 || tabId === undefined) throw new Error('bench: the news tab is not found');
      const cdp = await news.createCDPSession();
      await stayOnOurPages(cdp, origin);
      return new ChromiumBench(session, worker, news, cdp, tabId, await session.browser.version());
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  /** A fresh document every time, even for the same address (a changed query string). */
  /**
   * A fresh load of `url` for a measure. `parser: 'closed'` (the default) closes the off-page
   * parser first (utils/off-page-parser.ts), as for a reader's first click after five idle
   * minutes: the click pays for opening it and compiling its code. `'open'` leaves it as the last
   * click left it: the reader's next click within those minutes.
   */
  private async load(
    url: string,
    hash = '',
    { parser = 'closed' }: { parser?: 'closed' | 'open' } = {},
  ): Promise<void> {
    if (parser === 'closed')
      await this.worker.evaluate(() =>
        (globalThis as unknown as ChromeApi).chrome.offscreen.closeDocument().catch(() => undefined),
      );
    const fresh = `${url}${url.includes('?') ? '&' : '?'}load=${++this.loads}${hash}`;
    try {
      await this.news.goto(fresh, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    } catch (error) {
      // A page whose load event never comes (a request that never ends) is read as it stands.
      if (!(error instanceof TimeoutError)) throw error;
    }
  }

  /** The page's measures by name, in order: duration, and start and end on the wall clock (ms since 1970). */
  private measures(): Promise<Record<string, Measure[]>> {
    return this.news.evaluate(() => {
      const byName: Record<string, { duration: number; start: number; end: number }[]> = {};
      for (const e of performance.getEntriesByType('measure')) {
        const start = performance.timeOrigin + e.startTime;
        (byName[e.name] ??= []).push({ duration: e.duration, start, end: start + e.duration });
      }
      return byName;
    });
  }

  private setPopup(popup: string): Promise<void> {
    return this.worker.evaluate(
      (path) => (globalThis as unknown as ChromeApi).chrome.action.setPopup({ popup: path }),
      popup,
    );
  }

  /**
   * Injects the content script as the popup would, but without the popup: a click on the button
   * with no popup set gives the activeTab grant, then the service worker injects.
   */
  private async inject(): Promise<void> {
    const extension = (await this.session.browser.extensions()).get(this.session.extensionId);
    if (!extension) throw new Error('bench: extension not installed');
    await this.setPopup('');
    try {
      await this.news.bringToFront();
      await this.news.triggerExtensionAction(extension);
    } finally {
      await this.setPopup('popup.html');
    }
    await this.worker.evaluate(
      (tabId, file) =>
        (globalThis as unknown as ChromeApi).chrome.scripting.executeScript({ target: { tabId }, files: [file] }),
      this.tabId,
      CONTENT_SCRIPT,
    );
  }

  /**
   * Lede's analysis of the page in the tab, asked as the popup asks it (default summary length).
   * Again at another address (pushState), so that it is a new request, not the last answer
   * reused (utils/content-answers.ts); absolute, or a page's <base href> would send it elsewhere.
   */
  private async analyzeAgain(): Promise<void> {
    await this.news.evaluate(() => history.pushState(null, '', `${location.href.split('#')[0]}&again=${Date.now()}`));
    const request = { type: 'popup→content:analyze', whole: false, sentences: 0 };
    await this.worker.evaluate(
      (tabId, message) => (globalThis as unknown as ChromeApi).chrome.tabs.sendMessage(tabId, message).then(() => 0),
      this.tabId,
      request,
    );
  }

  /**
   * Plain Readability, clone + parse, timed inside the content script: first run, then again
   * (warm). Then, in the same page with no popup about, Lede's analysis twice: the second is
   * the warm one, its code compiled and optimised by the first.
   */
  async readability(url: string): Promise<{ cold: number; warm: number; analysisWarm: number | null }> {
    await this.load(url, PLAIN_READABILITY_HASH);
    await this.inject();
    await this.analyzeAgain();
    await this.analyzeAgain();
    const measured = await this.measures();
    const cold = measured[BENCH_MEASURES.readability]?.[0]?.duration;
    const warm = measured[BENCH_MEASURES.readabilityWarm]?.[0]?.duration;
    if (cold === undefined || warm === undefined) throw new Error(`bench: no Readability measure on ${url}`);
    return { cold, warm, analysisWarm: measured[BENCH_MEASURES.analyze]?.[1]?.duration ?? null };
  }

  /** Opens the real popup and waits for its first complete render; returns it and the click time. */
  private async openPopup(): Promise<PopupOpening> {
    const extension = (await this.session.browser.extensions()).get(this.session.extensionId);
    if (!extension) throw new Error('bench: extension not installed');
    const prefix = `chrome-extension://${this.session.extensionId}/popup.html`;
    await this.news.bringToFront();
    const opened = this.session.browser.waitForTarget((t) => t.url().startsWith(prefix), { timeout: 30_000 });
    const clickedAt = performance.timeOrigin + performance.now();
    await this.news.triggerExtensionAction(extension);
    const popup = await (await opened).asPage();
    await popup.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      { polling: 10, timeout: 60_000 },
      BENCH_MEASURES.popupReady,
    );
    const ready = await popup.evaluate((name) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark;
      const detail = mark.detail as { state: string; summary: boolean };
      return { at: performance.timeOrigin + mark.startTime, start: mark.startTime, ...detail };
    }, BENCH_MEASURES.popupReady);
    return {
      popup,
      state: ready.state,
      summary: ready.summary,
      clickToReady: ready.at - clickedAt,
      popupToReady: ready.start,
      clickToPopupStart: ready.at - ready.start - clickedAt,
      clickedAt,
      readyAt: ready.at,
    };
  }

  /** A reader's click on the page: analysis, first render, highlights. */
  async click(
    url: string,
    { trace = false, profile = false, parser = 'closed' as 'closed' | 'open' } = {},
  ): Promise<ClickResult> {
    await this.load(url, '', { parser });
    if (trace) await this.news.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
    if (profile) {
      await this.cdp.send('Profiler.enable');
      await this.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await this.cdp.send('Profiler.start');
    }
    let traceData: Uint8Array | undefined;
    let profileData: unknown = null;
    let popup: Page | undefined;
    let opened: Omit<PopupOpening, 'popup'>;
    // A click that fails (a page that navigates away under the popup) still stops the trace and
    // the profiler: left running, every later traced click failed ("already recording").
    try {
      ({ popup, ...opened } = await this.openPopup());
      if (opened.state === 'ready') {
        await this.news.waitForFunction(
          (name) => performance.getEntriesByName(name).length > 0,
          { polling: 50, timeout: 60_000 },
          BENCH_MEASURES.highlight,
        );
      }
    } finally {
      if (trace) traceData = await this.news.tracing.stop();
      if (profile) {
        profileData = (await this.cdp.send('Profiler.stop')).profile;
        await this.cdp.send('Profiler.disable');
      }
      await popup?.close();
    }
    const measured = await this.measures();
    const analysis = measured[BENCH_MEASURES.analyze]?.[0];
    const { clickedAt, readyAt, ...timings } = opened;
    return {
      ...timings,
      analyze: analysis?.duration ?? null,
      highlight: measured[BENCH_MEASURES.highlight]?.[0]?.duration ?? null,
      highlightRegister: measured[BENCH_MEASURES.highlightRegister]?.[0]?.duration ?? null,
      wholePage: BENCH_MEASURES.wholePage in measured,
      // In the order they ran: composing, the serialization's slices, the check.
      steps: Object.entries(measured)
        .filter(([name]) => name.startsWith(STEP_PREFIX))
        .flatMap(([, measures]) => (measures[0] ? [measures[0]] : []))
        .sort((a, b) => a.start - b.start)
        .map((m) => m.duration),
      phases: analysis
        ? {
            beforeAnalysis: analysis.start - clickedAt,
            analysis: analysis.duration,
            afterAnalysis: readyAt - analysis.end,
          }
        : null,
      longestTask: longestTasksOf(traceData),
      profile: profileData,
    };
  }

  /** The same popup over the current page, showing `report` without analysis. */
  /** On `url`, freshly loaded as for a click, the popup showing `report`. */
  async fixedPopup(url: string, report: unknown): Promise<FixedPopup> {
    await this.load(url);
    await this.setPopup(`popup.html?bench=fixed#${encodeURIComponent(JSON.stringify(report))}`);
    try {
      const { popup, state, clickToReady, popupToReady, clickToPopupStart } = await this.openPopup();
      await popup.close();
      if (state !== 'ready') throw new Error(`bench: the fixed popup ended in ${state}`);
      return { clickToReady, popupToReady, clickToPopupStart };
    } finally {
      await this.setPopup('popup.html');
    }
  }

  private async heap(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    return (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
  }

  private async heapKinds(): Promise<HeapKinds> {
    const chunks: string[] = [];
    const collect = ({ chunk }: { chunk: string }): void => void chunks.push(chunk);
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
    try {
      await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
    }
    const { snapshot, nodes } = JSON.parse(chunks.join('')) as HeapSnapshot;
    const fields = snapshot.meta.node_fields;
    const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
    const code = snapshot.meta.node_types[0].indexOf('code');
    const kinds = { code: 0, data: 0 };
    for (let i = 0; i < nodes.length; i += fields.length) {
      const size = nodes[i + sizeAt] ?? 0;
      if (nodes[i + typeAt] === code) kinds.code += size;
      else kinds.data += size;
    }
    return kinds;
  }

  /** `snapshots`: also classify the heap (two snapshots: slow, tens of seconds on a busy machine). */
  async memory(url: string, { snapshots = false } = {}): Promise<MemoryResult> {
    await this.load(url);
    const before = await this.heap();
    await this.inject();
    const injected = await this.heap();
    const snapshotInjected = snapshots ? await this.heapKinds() : null;
    const { popup, state } = await this.openPopup();
    if (state === 'ready')
      await this.news.waitForFunction(
        (name) => performance.getEntriesByName(name).length > 0,
        { polling: 50 },
        BENCH_MEASURES.highlight,
      );
    await popup.close();
    const analysed = await this.heap();
    // A history navigation: the content script drops the report and its highlights (in-page.ts).
    await this.news.evaluate(() => history.pushState(null, '', `${location.origin}${location.pathname}?bench=dropped`));
    let droppedReport = false;
    for (let i = 0; i < 20 && !droppedReport; i++) {
      await sleep(25);
      droppedReport = await this.news.evaluate(
        () => !CSS.highlights.has('lede-quote') && !CSS.highlights.has('lede-figure'),
      );
    }
    const dropped = await this.heap();
    const classified = snapshotInjected ? { injected: snapshotInjected, dropped: await this.heapKinds() } : null;
    return { before, injected, analysed, dropped, droppedReport, snapshots: classified };
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
