// Untrusted content and privacy (issue 10, items 4 and 5), the same tests in both browsers, in one
// browser session per file whose every request goes through a recording proxy (network-recorder.ts).
//
// Privacy, first, while nothing else has run: install, a popup's analysis, its highlights and a
// quote revealed, the reader view, the options page and a second visit to the article request
// nothing but the article itself; a control shows the recorder sees what an extension page asks.
//
// Untrusted content: xss-hostile.html holds every vector class the issue names. Served under
// `script-src 'none'` it runs none of its own payloads, so any canary hit, dialog or bumped
// counter while Lede works on it (popup, highlights, a reveal, the reader view) is Lede's; the
// control serves it without that CSP and sees its payloads fire. The reader view's own checks on
// xss-article.html are in reader-suite.ts; these reuse its inspections (reader-page.ts).
import type { Dialog, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { describePopup, waitForPopupState, withScreenshot } from './popup';
import { closeOpenedPages, until, type ReaderDriver } from './reader-driver';
import {
  inspectReaderBody,
  inspectReaderRoot,
  readReader,
  readReaderIntegrity,
  waitForReaderState,
} from './reader-page';
import { startFixtureServer, type CanaryHit, type FixtureServer } from './server';
import {
  startNetworkRecorder,
  type NetworkRecorder,
  type RecordedRequest,
  type TargetRequest,
} from './network-recorder';

export const HOSTILE_FIXTURE = 'pages/xss-hostile.html';
export const QUIET_FIXTURE = 'pages/quiet-article.html';

/** `?no-csp` serves the hostile page without its CSP, for the control. */
const NO_CSP_PARAM = 'no-csp';

/**
 * The hostile page's vectors that are plain fetches (CSS, links): the page itself makes them
 * under `script-src 'none'`. Every other vector needs script to run.
 */
const FETCH_ONLY_VECTORS = new Set([
  'link-stylesheet',
  'link-prefetch',
  'link-import',
  'link-preload-script',
  'css-import',
  'css-import-body',
  'css-url-body',
  'css-attribute-selector',
  'style-attr-fetch',
]);

/**
 * Vectors whose payload runs in a plain page in both browsers (the control asserts these): a
 * script element, an event handler of each kind, an SVG handler, a frame's srcdoc, an animation.
 */
const LIVE_IN_BOTH = [
  'head-script',
  'script-inline',
  'img-onerror',
  'svg-onload',
  'details-ontoggle',
  'css-onanimationstart',
  'iframe-srcdoc',
  'body-onload',
];

/** Texts the hostile page holds as text (HTML-escaped): Lede must show them, as text. */
const PAYLOAD_AS_TEXT = '<img src=x onerror=';

export interface SafetyBrowser {
  driver: ReaderDriver;
  /**
   * The requests this browser makes by itself, to its maker's services, with or without any
   * extension installed (each browser's test file shows how that was seen): left out of the
   * exact list, and printed.
   */
  isBrowserOwn(request: RecordedRequest): boolean;
  /** Chromium: the extension's own targets' requests, by CDP; undefined where CDP is not there. */
  extensionRequests?: () => TargetRequest[];
  /** The canary counter in the extension's background context, where a test can read it. */
  backgroundCanary?: () => Promise<unknown>;
  close(): Promise<void>;
}

export interface SafetyContext {
  driver(): ReaderDriver;
  server(): FixtureServer;
  recorder(): NetworkRecorder;
  browser(): SafetyBrowser;
}

/** Starts the recorder, the fixture server and the browser (through the recorder) for one test file. */
export function setupSafetySuite(launch: (recorder: NetworkRecorder) => Promise<SafetyBrowser>): SafetyContext {
  let server: FixtureServer | undefined;
  let recorder: NetworkRecorder | undefined;
  let launched: SafetyBrowser | undefined;

  beforeAll(async () => {
    recorder = await startNetworkRecorder();
    server = await startFixtureServer({
      headersFor: (url) =>
        url.pathname === `/${HOSTILE_FIXTURE}` && !url.searchParams.has(NO_CSP_PARAM)
          ? { 'content-security-policy': "script-src 'none'" }
          : undefined,
    });
    launched = await launch(recorder);
  });

  afterEach(async () => {
    if (launched) await closeOpenedPages(launched.driver);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.stop();
    await recorder?.stop();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`E2E: ${what} did not start`);
    return value;
  };
  return {
    driver: () => need(launched, 'the browser').driver,
    server: () => need(server, 'the fixture server'),
    recorder: () => need(recorder, 'the network recorder'),
    browser: () => need(launched, 'the browser'),
  };
}

/** Dialogs (alert, confirm, prompt) opened in any of the pages given, dismissed at once. */
function watchDialogs(): { pages(...pages: Page[]): void; seen: string[] } {
  const seen: string[] = [];
  const watched = new WeakSet<Page>();
  const onDialog = (dialog: Dialog): void => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  };
  return {
    seen,
    pages(...pages) {
      for (const page of pages) {
        if (watched.has(page)) continue;
        watched.add(page);
        page.on('dialog', onDialog);
      }
    },
  };
}

/** The window's canary counter: a number once any payload ran in that window. */
const canaryOf = (page: Page): Promise<unknown> =>
  page.evaluate(() => (window as unknown as { __ledeXss?: unknown }).__ledeXss);

/**
 * Texts under Lede's highlights in the page, read in the page itself: by `new Range()`, since the
 * hostile page clobbers document.createRange in its own world.
 */
async function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) =>
      [...((CSS.highlights.get(highlight) as Set<AbstractRange> | undefined) ?? [])].map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    name,
  );
}

interface PopupDom {
  /** `tag[onx]` for every on* attribute in the popup's body. */
  handlers: string[];
  /** Elements that run, load or submit anything (Lede's popup has none of them). */
  foreignTags: string[];
  /** URL attributes with a script or data scheme, and style attributes that load or run anything. */
  scriptUrls: string[];
  /** How many elements carry each of the popup's own ids and test ids: one each, or a page's leaked in. */
  ownIds: Record<string, number>;
}

/**
 * The popup's live DOM, below <body> (its <head> has Lede's own meta, link and script elements):
 * page markup rendered as elements would show here. A string,
 * so the transpiler adds no helper the page lacks (see reader-page.ts).
 */
const INSPECT_POPUP = `(() => {
  const foreign = ['script','iframe','frame','object','embed','img','image','svg','math','style','link','meta','base','form','input','textarea','select','template','noscript','video','audio','source','marquee','details','foreignobject','animate','set','maction'];
  const found = { handlers: [], foreignTags: [], scriptUrls: [], ownIds: {} };
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.localName.toLowerCase();
    if (foreign.includes(tag)) found.foreignTags.push(tag);
    for (const { name, value } of element.attributes) {
      const lower = name.toLowerCase();
      const compact = value.replace(/[\\u0000-\\u0020]+/g, '').toLowerCase();
      if (lower.startsWith('on')) found.handlers.push(tag + '[' + lower + ']');
      if (/(javascript|vbscript|data):/.test(compact) && lower !== 'title' && lower !== 'aria-label') found.scriptUrls.push(tag + '[' + lower + '=' + value.slice(0, 40) + ']');
      if (lower === 'style' && /url\\(|expression\\(/.test(compact)) found.scriptUrls.push(tag + '[style]');
    }
  }
  for (const selector of ['#app', '[data-testid="popup"]', '[data-testid="quotes"]', '[data-testid="summary"]', '[data-testid="open-reader"]', '#quotes-heading', '#summary-heading', '[data-testid="reader-body"]', '#reader-title', '#popup', '#reader', '[name]']) {
    found.ownIds[selector] = document.body.querySelectorAll(selector).length;
  }
  return found;
})()`;

interface PopupShown {
  title: string;
  site: string;
  byline: string;
  quotes: string[];
  speakers: string[];
  figures: string[];
  summary: string[];
  notes: string[];
}

async function readPopupShown(popup: Page): Promise<PopupShown> {
  return popup.$eval('[data-testid="popup"]', (root) => ({
    title: root.querySelector('[data-testid="title"]')?.textContent ?? '',
    site: root.querySelector('[data-testid="site"]')?.textContent ?? '',
    byline: root.querySelector('[data-testid="byline"]')?.textContent ?? '',
    quotes: [...root.querySelectorAll('[data-testid="quote"] .quote-text')].map((q) => q.textContent ?? ''),
    speakers: [...root.querySelectorAll('[data-testid="quote"] .speaker')].map((q) => q.textContent ?? ''),
    figures: [...root.querySelectorAll('[data-testid="figure"]')].map((f) => f.textContent ?? ''),
    summary: [...root.querySelectorAll('[data-testid="summary"] li')].map((li) => li.textContent ?? ''),
    notes: [...root.querySelectorAll('[data-testid="update-notes"] li')].map((li) => li.textContent ?? ''),
  }));
}

function describeHits(hits: readonly CanaryHit[]): string[] {
  return hits.map((hit) => `${hit.vector ?? hit.url} (referer ${hit.referer ?? 'none'})`);
}

/**
 * Clicks a control of the popup in its own DOM: what the popup does on a click is under test,
 * not the browser's input path, which BiDi takes seconds to drive in Firefox.
 */
async function clickInPopup(popup: Page, selector: string, index = 0): Promise<void> {
  await popup.$$eval(
    selector,
    (elements, at) => {
      const element = elements[at];
      if (!(element instanceof HTMLElement)) throw new Error(`no element ${at} to click`);
      element.click();
    },
    index,
  );
}

/** Clicks open-reader in a ready popup and returns the reader tab once it has left `loading`. */
async function openReader(driver: ReaderDriver, popup: Page): Promise<Page> {
  const reader = await driver.captureReader(async () => {
    // The popup closes itself once the reader tab opens (Chromium), which may end the evaluation.
    await clickInPopup(popup, '[data-testid="open-reader"]').catch(() => undefined);
  });
  expect(await waitForReaderState(reader)).toBe('ready');
  return reader;
}

/** The request list as compared: method and address, nothing that changes between runs. */
const asLines = (requests: readonly { method: string; url: string }[]): string[] =>
  requests.map(({ method, url }) => `${method} ${url}`);

export function defineSafetyTests(context: SafetyContext): void {
  // First in the file: the recorder has seen the browser start and the extension install, and
  // nothing else has run in this session yet.
  test('privacy: install, popup, highlights, a reveal, the reader view, the options page and a second visit request nothing but the article', async () => {
    const driver = context.driver();
    const recorder = context.recorder();
    const url = context.server().url(QUIET_FIXTURE);

    const first = await driver.openArticle(url);
    await withScreenshot(first.popup, driver.browserName, 'privacy-popup', async () => {
      expect(await waitForPopupState(first.popup), await describePopup(first.popup)).toBe('ready');
      // The analysis, highlights and reveal all ran: the page shows the quotes, and the first one flashes.
      await first.article.waitForFunction(() => (CSS.highlights.get('lede-quote')?.size ?? 0) >= 3, {
        timeout: 10_000,
        polling: 100,
      });
      await clickInPopup(first.popup, '[data-testid="quote"]');
      await first.article.waitForFunction(() => CSS.highlights.has('lede-flash'), { timeout: 5_000, polling: 100 });
    });
    const reader = await openReader(driver, first.popup);
    expect((await readReader(reader)).title).toBe('Night trains return to the Alder valley after twelve years');
    await reader.close();

    const options = await driver.openExtensionPage('options.html');
    driver.opened.push(options);
    await options.waitForSelector('[data-testid="history-count"][data-count="1"]', { timeout: 10_000 });
    await closeOpenedPages(driver);

    // A second visit, in a new tab as a reader comes back: the history is read, and says "no change".
    const second = await driver.openArticle(url);
    expect(await waitForPopupState(second.popup), await describePopup(second.popup)).toBe('ready');
    await second.popup.waitForSelector('[data-testid="no-change"]', { timeout: 10_000 });

    await recorder.settled(context.browser().isBrowserOwn);
    // The whole session so far, from the browser's start: the article twice (two visits), no more.
    const { isBrowserOwn, extensionRequests } = context.browser();
    const requests = recorder.requests();
    expect(asLines(requests.filter((request) => !isBrowserOwn(request)))).toEqual([`GET ${url}`, `GET ${url}`]);
    expect(extensionRequests?.() ?? []).toEqual([]);
    const own = asLines(requests.filter(isBrowserOwn));
    console.log(`${driver.browserName}: the browser's own requests, left out (${own.length}):`, [...new Set(own)]);
  });

  // The control for the test above: a request an extension page makes is seen, by the proxy
  // (with the extension's origin) and by CDP in Chromium, whether to loopback or to any host.
  test('privacy control: the recorder sees the requests an extension page makes', async () => {
    const driver = context.driver();
    const recorder = context.recorder();
    const before = recorder.requests().length;
    const page = await driver.openExtensionPage('options.html');
    driver.opened.push(page);
    const local = `${context.server().origin}/control?from=extension-page`;
    const remote = 'http://lede-privacy-control.invalid/ping';
    const origin = await page.evaluate(
      async (urls) => {
        // Both fail (no CORS headers, no network): only the requests matter, which carry an Origin.
        await Promise.all(urls.map((u) => fetch(u, { cache: 'no-store' }).catch(() => undefined)));
        return location.origin;
      },
      [local, remote],
    );
    await recorder.settled(context.browser().isBrowserOwn);
    const seen = recorder
      .requests()
      .slice(before)
      .filter((request) => !context.browser().isBrowserOwn(request));
    expect(asLines(seen).sort()).toEqual([`GET ${local}`, `GET ${remote}`].sort());
    expect(
      seen.every((request) => request.origin === origin),
      JSON.stringify(seen),
    ).toBe(true);
    const cdp = context.browser().extensionRequests;
    if (cdp)
      expect(
        cdp()
          .map((request) => request.url)
          .sort(),
      ).toEqual([local, remote].sort());
  });

  test('hostile page: its HTML shows as text in the popup, highlights and a reveal work, the reader view opens, and nothing of it runs', async () => {
    const driver = context.driver();
    const server = context.server();
    const recorder = context.recorder();
    const url = server.url(HOSTILE_FIXTURE);
    const hitsBefore = server.canaryHits().length;
    const dialogs = watchDialogs();
    let pageCanary: unknown = 'unread';
    const { article, popup } = await driver.openArticle(url, async (page) => {
      dialogs.pages(page);
      pageCanary = await canaryOf(page);
    });
    dialogs.pages(article, popup);
    expect(pageCanary, "the page's CSP let its own payloads run: the test would prove nothing").toBeUndefined();
    // The page's names clobber the document's methods in its own world; Lede's content script must not mind.
    expect(await article.evaluate(() => typeof document.createTreeWalker)).not.toBe('function');

    let shown: PopupShown | undefined;
    let popupDom: PopupDom | undefined;
    let popupCanary: unknown;
    await withScreenshot(popup, driver.browserName, 'hostile-popup', async () => {
      expect(await waitForPopupState(popup), await describePopup(popup)).toBe('ready');
      shown = await readPopupShown(popup);
      // The page's vectors reached the popup, as text: its quotes, figures, summary, title and notes.
      expect(shown.title).toContain(PAYLOAD_AS_TEXT);
      expect(shown.quotes.length, JSON.stringify(shown.quotes)).toBeGreaterThanOrEqual(3);
      expect(
        shown.quotes.some((quote) => quote.includes(PAYLOAD_AS_TEXT)),
        JSON.stringify(shown.quotes),
      ).toBe(true);
      expect(
        shown.quotes.some((quote) => quote.includes('<script>')),
        JSON.stringify(shown.quotes),
      ).toBe(true);
      expect(
        shown.figures.some((figure) => figure.includes('<svg onload=')),
        JSON.stringify(shown.figures),
      ).toBe(true);
      expect(shown.summary.length).toBeGreaterThanOrEqual(1);
      expect(
        shown.notes.some((note) => note.includes('<iframe srcdoc=')),
        JSON.stringify(shown.notes),
      ).toBe(true);
      popupDom = (await popup.evaluate(INSPECT_POPUP)) as PopupDom;
      popupCanary = await canaryOf(popup);

      // Highlights over the page's own text, exactly the popup's quotes; a click reveals one.
      await article.waitForFunction(
        (count: number) => (CSS.highlights.get('lede-quote')?.size ?? 0) === count,
        { timeout: 10_000, polling: 100 },
        shown.quotes.length,
      );
      expect(await highlightedTexts(article, 'lede-quote')).toEqual(shown.quotes);
      await clickInPopup(popup, '[data-testid="quote"]', 1);
      await article.waitForFunction(() => CSS.highlights.has('lede-flash'), { timeout: 5_000, polling: 100 });
      expect(await highlightedTexts(article, 'lede-flash')).toEqual([shown.quotes[1]]);
    });

    const reader = await openReader(driver, popup);
    dialogs.pages(reader);
    await withScreenshot(reader, driver.browserName, 'hostile-reader', async () => {
      const view = await readReader(reader);
      expect(view.title).toContain(PAYLOAD_AS_TEXT);
      expect(view.bodyText).toContain('The council of Port Alder votes on Thursday');
      // Nothing pending: every payload that ran would have asked for /canary by now.
      await recorder.settled(context.browser().isBrowserOwn);
      const integrity = await readReaderIntegrity(reader);
      const root = await inspectReaderRoot(reader);
      const hits = server.canaryHits().slice(hitsBefore);
      const findings = {
        scriptCanaryHits: describeHits(hits.filter((hit) => !FETCH_ONLY_VECTORS.has(hit.vector ?? ''))),
        // The page's own CSS and links fetch with the page as referer; anything else came from Lede.
        foreignCanaryHits: describeHits(hits.filter((hit) => !hit.referer?.startsWith(url))),
        dialogs: dialogs.seen,
        canaries: {
          page: await canaryOf(article),
          popup: popupCanary,
          reader: integrity.canary,
          background: await context.browser().backgroundCanary?.(),
        },
        popup: popupDom,
        readerBody: await inspectReaderBody(reader),
        readerRoot: { handlers: root.handlers, scriptUrls: root.scriptUrls, styles: root.styles },
        readerIds: { getElementByIdIsNative: integrity.getElementByIdIsNative, ids: integrity.idCounts },
        readerBase: integrity.baseUri.startsWith(driver.extensionOrigin) ? 'extension' : integrity.baseUri,
      };
      expect(findings).toEqual({
        scriptCanaryHits: [],
        foreignCanaryHits: [],
        dialogs: [],
        canaries: { page: undefined, popup: undefined, reader: undefined, background: undefined },
        popup: {
          handlers: [],
          foreignTags: [],
          scriptUrls: [],
          ownIds: {
            '#app': 1,
            '[data-testid="popup"]': 1,
            '[data-testid="quotes"]': 1,
            '[data-testid="summary"]': 1,
            '[data-testid="open-reader"]': 1,
            '#quotes-heading': 1,
            '#summary-heading': 1,
            '[data-testid="reader-body"]': 0,
            '#reader-title': 0,
            '#popup': 0,
            '#reader': 0,
            '[name]': 0,
          },
        },
        readerBody: { handlers: [], scriptUrls: [], dangerousTags: [], styles: [], clobbering: [] },
        readerRoot: { handlers: [], scriptUrls: [], styles: [] },
        readerIds: { getElementByIdIsNative: true, ids: { 'reader-title': 1, app: 1, reader: 0 } },
        readerBase: 'extension',
      });
    });
  });

  // The control for the test above: without its CSP, the page's payloads run, and the canary,
  // the counter and the dialog watch all see them.
  test('hostile page control: without its CSP, its own payloads run and every detector sees them', async () => {
    const driver = context.driver();
    const server = context.server();
    const hitsBefore = server.canaryHits().length;
    const dialogs = watchDialogs();
    const page = await driver.browser.newPage();
    driver.opened.push(page);
    dialogs.pages(page);
    await page.goto(`${server.url(HOSTILE_FIXTURE)}?${NO_CSP_PARAM}`, { waitUntil: 'load' });
    const fired = (): Set<string> =>
      new Set(
        server
          .canaryHits()
          .slice(hitsBefore)
          .map((hit) => hit.vector ?? ''),
      );
    await until(
      async () => LIVE_IN_BOTH.every((vector) => fired().has(vector)),
      () => `E2E: payloads that did not fire: ${LIVE_IN_BOTH.filter((v) => !fired().has(v)).join(', ')}`,
    );
    const canary = await canaryOf(page);
    expect(typeof canary === 'number' && canary >= LIVE_IN_BOTH.length, `window.__ledeXss = ${String(canary)}`).toBe(
      true,
    );
    expect(dialogs.seen.length).toBeGreaterThanOrEqual(LIVE_IN_BOTH.length);
    console.log(`${driver.browserName}: the hostile page's own payloads that fired:`, [...fired()].sort().join(' '));
  });
}
