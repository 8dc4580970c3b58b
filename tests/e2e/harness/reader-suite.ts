// The reader-view tests shared by Chromium and Firefox (issue 3, "The reader view"). Each test
// file sets the suite up with its browser's driver (reader-driver.ts), registers these tests,
// and adds its browser's own (the keyboard shortcut). Every assertion reads the reader through
// its data-testid contract (reader-page.ts).
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { analyzeFilesWithCli, type CliArticleReport } from './cli-batch';
import { AEB_READER_CASES, SEED_CASES, SEED_EXPECTED, XSS_FIXTURE, aebFile, fixtureFile } from './cases';
import { describePopup, pressControl, waitForPopupState, withScreenshot } from './popup';
import { closeOpenedPages, until, type ReaderDriver } from './reader-driver';
import {
  firstDifference,
  inspectReaderBody,
  inspectReaderRoot,
  inspectUnsanitizedHtml,
  normalizeText,
  pixels,
  readFocusedControl,
  readReader,
  readReaderIntegrity,
  waitForReaderState,
  type DangerReport,
  type FocusedControl,
} from './reader-page';
import { startFixtureServer, type CanaryHit, type FixtureServer } from './server';

/** The seed page the tests open (the default page of the CLI and of the popup tests). */
const SEED_FIXTURE = SEED_CASES[0]?.fixture ?? 'seed/watson-visible-times.html';

/** The page's own scripts must not run: the XSS page, and AEB pages (the CLI runs no script either). */
const NO_SCRIPT_CSP = { 'content-security-policy': "script-src 'none'" };

/** `?no-csp` serves the XSS page without its CSP, for the control test. */
const NO_CSP_PARAM = 'no-csp';

/**
 * Canary vectors that are plain fetches (CSS @import, url() in a style attribute, a stylesheet
 * link): the article page itself loads these under `script-src 'none'`, so their hits before the
 * reader opens are expected. Every other vector needs script to run.
 */
const FETCH_ONLY_VECTORS = new Set(['style-import', 'style-attr-fetch', 'link-stylesheet']);

/** Milliseconds the XSS test waits in the reader for delayed payloads (timers, animations, loads). */
const XSS_SETTLE_MS = 1_500;

/** Every toolbar control the reader view documents. */
const TOOLBAR_TEST_IDS = [
  'theme-system',
  'theme-light',
  'theme-sepia',
  'theme-dark',
  'font-toggle',
  'size-less',
  'size-more',
  'width-less',
  'width-more',
  'leading-less',
  'leading-more',
  'print',
  'close-reader',
];

interface SeedExpected {
  byline: string;
  excerpt: string;
  articleText: string[];
  boilerplate: { removedByReadability: string[]; keptByReadability: string[] };
  quotes: { text: string }[];
}

export interface ReaderSuiteContext {
  driver(): ReaderDriver;
  /** The analyze CLI's report on a page (seed fixture path or AEB corpus path), run once per file. */
  cli(file: string): Promise<CliArticleReport>;
  server(): FixtureServer;
  /** Opens `url`, Lede's popup over it (must reach `ready`), then the reader from its button. */
  openReaderOn(url: string, beforePopup?: (article: Page) => Promise<void>): Promise<{ article: Page; reader: Page }>;
  /** Clicks open-reader in a ready popup and returns the reader tab, once it has left `loading`. */
  openReaderFromPopup(popup: Page): Promise<Page>;
  /** Closes the reader (Escape or its close button) and checks the article tab is selected again. */
  closeReader(reader: Page, how: 'escape' | 'button', articleUrl: string): Promise<void>;
}

/**
 * The build to test: `.output/<target>` (what `npm run build` writes), or
 * `$LEDE_E2E_OUTPUT_DIR/<target>`, e.g. a build of a clean checkout while the working tree has
 * work in progress.
 */
export function extensionBuildDir(target: 'chrome-mv3' | 'firefox-mv3'): string {
  return `${process.env.LEDE_E2E_OUTPUT_DIR ?? '.output'}/${target}`;
}

export interface LaunchedBrowser {
  driver: ReaderDriver;
  close(): Promise<void>;
}

/** Starts the fixture server and the browser for one test file, and cleans up after each test. */
export function setupReaderSuite(launch: () => Promise<LaunchedBrowser>): ReaderSuiteContext {
  let server: FixtureServer | undefined;
  let launched: LaunchedBrowser | undefined;
  let cliReports: Promise<Map<string, CliArticleReport>> | undefined;

  beforeAll(async () => {
    server = await startFixtureServer({
      headersFor: (url) =>
        (url.pathname === `/${XSS_FIXTURE}` && !url.searchParams.has(NO_CSP_PARAM)) ||
        url.pathname.startsWith('/corpora/')
          ? NO_SCRIPT_CSP
          : undefined,
    });
    // One CLI process for every page the tests compare with; it runs while the browser starts.
    cliReports = analyzeFilesWithCli([fixtureFile(SEED_FIXTURE), ...AEB_READER_CASES.map((aeb) => aebFile(aeb.id))]);
    cliReports.catch(() => undefined);
    launched = await launch();
  });

  afterEach(async () => {
    if (launched) await closeOpenedPages(launched.driver);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.stop();
  });

  const context: ReaderSuiteContext = {
    driver() {
      if (!launched) throw new Error('E2E: the browser did not start');
      return launched.driver;
    },
    async cli(file) {
      const report = (await cliReports)?.get(file);
      if (!report) throw new Error(`E2E: the CLI was not run on ${file}`);
      return report;
    },
    server() {
      if (!server) throw new Error('E2E: the fixture server did not start');
      return server;
    },
    async openReaderFromPopup(popup) {
      const state = await waitForPopupState(popup);
      expect(state, await describePopup(popup)).toBe('ready');
      let clickError: unknown;
      const reader = await context
        .driver()
        .captureReader(async () => {
          // The popup closes itself once the reader tab opens (Chromium), which may end the click.
          const { browserName } = context.driver();
          await popup
            .$('[data-testid="open-reader"]')
            .then((control) => pressControl(browserName, control))
            .catch((error: unknown) => {
              clickError = error;
            });
        })
        .catch(async (error: unknown) => {
          const why = popup.isClosed() ? 'popup closed' : await describePopup(popup).catch(() => 'popup unreadable');
          throw new Error(`E2E: open-reader opened no reader (${why}; click: ${String(clickError)})`, { cause: error });
        });
      await waitForReaderState(reader);
      return reader;
    },
    async openReaderOn(url, beforePopup) {
      const { article, popup } = await context.driver().openArticle(url, beforePopup);
      const reader = await context.openReaderFromPopup(popup);
      return { article, reader };
    },
    async closeReader(reader, how, articleUrl) {
      const driver = context.driver();
      const readerUrl = await reader.evaluate(() => location.href);
      // The tab closes on keydown/click, so the rest of the input (keyup, mouseup) may find no
      // target: the check below is whether the tab went away.
      const input = how === 'escape' ? reader.keyboard.press('Escape') : reader.click('[data-testid="close-reader"]');
      await input.catch((error: unknown) => {
        if (!/Target closed|Session closed|detached|No target|no such frame|closed/i.test(String(error))) throw error;
      });
      await until(
        async () => !(await driver.tabUrls()).includes(readerUrl),
        async () => `E2E: the reader tab is still open after ${how}: ${(await driver.tabUrls()).join(', ')}`,
      );
      expect(await driver.tabUrls()).not.toContain(readerUrl);
      expect(await driver.selectedTabUrl(), 'the article tab is selected again').toBe(articleUrl);
    },
  };
  return context;
}

/** The tests both browsers run. */
export function defineSharedReaderTests(context: ReaderSuiteContext): void {
  const seedFixture = SEED_FIXTURE;
  let seedBodyText: string | undefined;

  async function seedExpected(): Promise<SeedExpected> {
    return JSON.parse(await readFile('tests/fixtures/seed/expected.json', 'utf8')) as SeedExpected;
  }

  test('seed page: the reader opens from the popup with the whole article and none of the boilerplate', async () => {
    const expected = await seedExpected();
    const cli = await context.cli(fixtureFile(seedFixture));
    const driver = context.driver();
    const url = context.server().url(seedFixture);
    const { reader } = await context.openReaderOn(url);
    await withScreenshot(reader, driver.browserName, 'reader-seed', async () => {
      const view = await readReader(reader);
      expect(view.state).toBe('ready');
      expect(view.location.startsWith(`${driver.extensionOrigin}/reader.html?tab=`), view.location).toBe(true);
      expect(view.title).toBe(SEED_EXPECTED.title);
      expect(view.activeElementId, 'the title has focus on load').toBe('reader-title');
      expect(view.byline).toBe(cli.byline);
      expect(view.standfirst).toBe(cli.excerpt);
      expect(view.published).toBe(SEED_EXPECTED.published);
      expect(view.modified).toBe(SEED_EXPECTED.modified);
      const missing = expected.articleText.filter((paragraph) => !view.bodyText.includes(normalizeText(paragraph)));
      expect(missing, 'article paragraphs missing from the reader body').toEqual([]);
      const boilerplate = expected.boilerplate.removedByReadability.filter((line) =>
        view.bodyText.includes(normalizeText(line)),
      );
      expect(boilerplate, 'boilerplate in the reader body').toEqual([]);
      // The quotes are highlighted in the reader too, over the article's own text.
      const quotes = await reader.evaluate(() =>
        [...((CSS.highlights.get('lede-quote') as Set<AbstractRange> | undefined) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      );
      expect(quotes).toEqual(expected.quotes.map((q) => q.text));
      seedBodyText = view.bodyText;
    });
    await context.closeReader(reader, 'button', url);
  });

  // Readability keeps these two (an image credit and a figure title); the article clean-up in
  // core/ is to remove them. Separate from the test above so that its failure says exactly this.
  test('seed page: the image credit and the figure title Readability keeps are gone (keptByReadability)', async () => {
    expect(seedBodyText, 'the seed test above did not read the reader body').toBeDefined();
    const expected = await seedExpected();
    const kept = expected.boilerplate.keptByReadability.filter((line) =>
      (seedBodyText ?? '').includes(normalizeText(line)),
    );
    expect(kept, 'Readability leftovers still in the reader body').toEqual([]);
  });

  test('closing the reader (Escape) restores the article page exactly and re-selects its tab', async () => {
    const url = context.server().url(seedFixture);
    let before = '';
    const { article, reader } = await context.openReaderOn(url, async (page) => {
      before = await page.evaluate(() => document.documentElement.outerHTML);
    });
    expect(before.length).toBeGreaterThan(10_000);
    expect(await driverSelected(context), 'the reader tab is selected while open').toMatch(/\/reader\.html\?tab=\d+$/);
    await context.closeReader(reader, 'escape', url);
    const after = await article.evaluate(() => document.documentElement.outerHTML);
    expect(after === before, firstDifference(before, after)).toBe(true);
    expect(await article.evaluate(() => document.visibilityState)).toBe('visible');
  });

  for (const aeb of AEB_READER_CASES) {
    test(`${aeb.name}: the reader shows the CLI's title and its first and last paragraphs, then closes`, async () => {
      const cli = await context.cli(aebFile(aeb.id));
      expect(cli.readerable).toBe(true);
      const paragraphs = cli.text.split('\n\n').map(normalizeText).filter(Boolean);
      expect(paragraphs.length).toBeGreaterThanOrEqual(10);
      const first = paragraphs[0] ?? '';
      const last = paragraphs[paragraphs.length - 1] ?? '';
      const url = context.server().aebUrl(aeb.id);
      const { reader } = await context.openReaderOn(url);
      await withScreenshot(reader, context.driver().browserName, `reader-${aeb.name}`, async () => {
        const view = await readReader(reader);
        expect(view.state).toBe('ready');
        expect(view.title).toBe(cli.title);
        expect(view.bodyText.includes(first), `first paragraph missing: "${first.slice(0, 160)}"`).toBe(true);
        expect(view.bodyText.includes(last), `last paragraph missing: "${last.slice(0, 160)}"`).toBe(true);
      });
      await context.closeReader(reader, 'escape', url);
    });
  }

  test('XSS page: the reader view runs none of its vectors and its article keeps none of them', async () => {
    const driver = context.driver();
    const server = context.server();
    const url = server.url(XSS_FIXTURE);
    const hitsBefore = server.canaryHits().length;
    let pageCanary: unknown = 'unread';
    const { article, popup } = await driver.openArticle(url, async (page) => {
      pageCanary = await page.evaluate(() => (window as unknown as { __ledeXss?: unknown }).__ledeXss);
    });
    expect(pageCanary, "the page's CSP let its own payloads run: the test would prove nothing").toBeUndefined();
    const popupState = await waitForPopupState(popup);
    expect(popupState, await describePopup(popup)).toBe('ready');
    expect(await popup.evaluate(() => (window as unknown as { __ledeXss?: unknown }).__ledeXss)).toBeUndefined();
    const readerOpenedAt = Date.now();
    const reader = await context.openReaderFromPopup(popup);
    await withScreenshot(reader, driver.browserName, 'reader-xss', async () => {
      const view = await readReader(reader);
      expect(view.state).toBe('ready');
      expect(view.title).toBe('Harbour dredging plan splits Port Alder as council vote nears');
      // The article is there (so the vectors reached the reader), minus the vectors.
      expect(view.bodyText).toContain('The council of Port Alder will vote on Thursday');
      expect(view.bodyText).toContain('better we find out now.');
      await new Promise((resolve) => setTimeout(resolve, XSS_SETTLE_MS));

      // Everything gathered first and compared at once, so a failure shows every finding.
      const integrity = await readReaderIntegrity(reader);
      const hits = server.canaryHits().slice(hitsBefore);
      const root = await inspectReaderRoot(reader);
      const findings = {
        readerCanary: integrity.canary,
        scriptCanaryHits: describeHits(hits.filter((hit) => !FETCH_ONLY_VECTORS.has(hit.vector ?? ''))),
        canaryHitsOnceReaderOpened: describeHits(hits.filter((hit) => hit.at >= readerOpenedAt)),
        body: await inspectReaderBody(reader),
        rootHandlers: root.handlers,
        rootScriptUrls: root.scriptUrls,
        rootStyles: root.styles,
        getElementByIdIsNative: integrity.getElementByIdIsNative,
        titleById: integrity.titleById,
        idCounts: integrity.idCounts,
        appIsRoot: integrity.appIsRoot,
        baseIsExtension: integrity.baseUri.startsWith(driver.extensionOrigin) ? true : integrity.baseUri,
      };
      expect(findings).toEqual({
        readerCanary: undefined,
        scriptCanaryHits: [],
        canaryHitsOnceReaderOpened: [],
        body: emptyDangerReport(),
        rootHandlers: [],
        rootScriptUrls: [],
        rootStyles: [],
        getElementByIdIsNative: true,
        titleById: 'H1[data-testid=reader-title]',
        idCounts: { 'reader-title': 1, app: 1, reader: 0 },
        appIsRoot: true,
        baseIsExtension: true,
      });

      // The same checks on the article as the page handed it over, before sanitizing, do find
      // vectors: so the clean result above is the sanitizer's work, not an empty article.
      const unsanitized = await inspectUnsanitizedHtml(reader, await readHandedOverHtml(reader));
      expect(unsanitized.handlers.length, JSON.stringify(unsanitized)).toBeGreaterThan(0);
      expect(
        unsanitized.scriptUrls.length + unsanitized.dangerousTags.length,
        JSON.stringify(unsanitized),
      ).toBeGreaterThan(0);
    });
    await context.closeReader(reader, 'escape', url);
    expect(article.url()).toBe(url);
  });

  // The control for the test above: the canary does fire when the page's payloads may run.
  test('XSS page control: without its CSP, the page runs its own payloads and the canary records them', async () => {
    const driver = context.driver();
    const server = context.server();
    const hitsBefore = server.canaryHits().length;
    const page = await driver.browser.newPage();
    driver.opened.push(page);
    await page.goto(`${server.url(XSS_FIXTURE)}?${NO_CSP_PARAM}`, { waitUntil: 'load' });
    await until(
      async () =>
        server
          .canaryHits()
          .slice(hitsBefore)
          .some((hit) => !FETCH_ONLY_VECTORS.has(hit.vector ?? '')),
      () =>
        `E2E: no script canary hit from the unprotected page: ${describeHits(server.canaryHits().slice(hitsBefore))}`,
    );
    const canary = await page.evaluate(() => (window as unknown as { __ledeXss?: unknown }).__ledeXss);
    expect(typeof canary === 'number' && canary > 0, `window.__ledeXss = ${String(canary)}`).toBe(true);
    await page.close();
  });

  test('settings changed in the options page apply to the open reader view at once, without a reload', async () => {
    const driver = context.driver();
    const url = context.server().url(seedFixture);
    const { reader } = await context.openReaderOn(url);
    await resetStoredSettings(reader);
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'system', { timeout: 5_000 });
    // Gone if the reader view reloaded.
    await reader.evaluate(() => Object.assign(window, { ledeNoReload: true }));

    const options = await driver.openExtensionPage('options.html');
    driver.opened.push(options);
    await options.waitForSelector('[data-testid="reader-theme"]');
    await options.select('[data-testid="reader-theme"]', 'dark');
    const setInput = (testId: string, value: string) =>
      options.$eval(
        `[data-testid="${testId}"]`,
        (input, next) => {
          (input as HTMLInputElement).value = next;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        value,
      );
    await setInput('reader-fontSize', '26');
    await setInput('color-quote', '#00aa55');

    await until(
      async () => {
        const view = await readReader(reader);
        const quoteColour = await reader.evaluate(() =>
          document.adoptedStyleSheets.some((sheet) =>
            [...sheet.cssRules].some((rule) => rule.cssText.includes('lede-quote') && /0, 170, 85/.test(rule.cssText)),
          ),
        );
        return view.theme === 'dark' && view.fontSize === '26px' && quoteColour;
      },
      async () => `E2E: the reader did not follow the options: ${JSON.stringify(await readReader(reader))}`,
      10_000,
    );
    expect(await reader.evaluate(() => (window as unknown as { ledeNoReload?: boolean }).ledeNoReload)).toBe(true);
    await resetStoredSettings(reader);
    await reader.evaluate(async () => {
      const globals = globalThis as unknown as StorageGlobals;
      await (globals.browser ?? globals.chrome)?.storage.local.remove('highlightsOn');
    });
    await context.closeReader(reader, 'escape', url);
  });

  test('settings persist to the next reader view; Tab reaches every toolbar button, each with a name', async () => {
    const driver = context.driver();
    const url = context.server().url(seedFixture);
    const { article, reader } = await context.openReaderOn(url);
    // Start from the defaults whatever an earlier test chose.
    await resetStoredSettings(reader);
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'system', { timeout: 5_000 });
    const baseSize = pixels((await readReader(reader)).fontSize);

    await reader.click('[data-testid="theme-dark"]');
    await reader.click('[data-testid="size-more"]');
    await until(
      async () => {
        const view = await readReader(reader);
        return view.theme === 'dark' && pixels(view.fontSize) === baseSize + 2;
      },
      async () => `E2E: the clicks did not apply: ${JSON.stringify(await readReader(reader))}`,
      5_000,
    );
    expect(await reader.$eval('[data-testid="theme-dark"]', (button) => button.getAttribute('aria-pressed'))).toBe(
      'true',
    );
    await until(
      async () => {
        const stored = await readStoredSettings(reader);
        return stored?.theme === 'dark' && stored.fontSize === baseSize + 2;
      },
      async () => `E2E: not saved: ${JSON.stringify(await readStoredSettings(reader))}`,
      5_000,
    );
    await context.closeReader(reader, 'escape', url);

    const popup = await driver.reopenPopup(article);
    const again = await context.openReaderFromPopup(popup);
    await withScreenshot(again, driver.browserName, 'reader-settings-restored', async () => {
      const view = await readReader(again);
      expect(view.state).toBe('ready');
      expect(view.theme).toBe('dark');
      expect(pixels(view.fontSize)).toBe(baseSize + 2);
      expect(await again.$eval('[data-testid="theme-dark"]', (button) => button.getAttribute('aria-pressed'))).toBe(
        'true',
      );

      // Keyboard: focus starts on the title; the toolbar is before it, so Shift+Tab walks it.
      expect(view.activeElementId).toBe('reader-title');
      const enabled = await again.$$eval('[data-testid="reader"] nav button:not([disabled])', (buttons) =>
        buttons.map((button) => button.getAttribute('data-testid') ?? `<${button.textContent ?? ''}>`),
      );
      expect(enabled).toEqual(expect.arrayContaining(TOOLBAR_TEST_IDS));
      const reached: FocusedControl[] = [];
      for (let step = 0; step < 30; step++) {
        await again.keyboard.down('Shift');
        await again.keyboard.press('Tab');
        await again.keyboard.up('Shift');
        const focused = await readFocusedControl(again);
        if (!focused.inToolbar) {
          if (reached.length > 0) break;
          continue;
        }
        if (reached.some((control) => control.testId === focused.testId)) break;
        reached.push(focused);
      }
      expect(reached.map((control) => control.testId).sort()).toEqual([...enabled].sort());
      const unnamed = reached.filter((control) => control.name === '').map((control) => control.testId);
      expect(unnamed, 'toolbar buttons without an accessible name').toEqual([]);
      const themes = reached.filter((control) => control.testId?.startsWith('theme-'));
      expect(themes.map((control) => [control.testId, control.pressed]).sort()).toEqual([
        ['theme-dark', 'true'],
        ['theme-light', 'false'],
        ['theme-sepia', 'false'],
        ['theme-system', 'false'],
      ]);
    });
    // Back to the defaults for whatever runs next in this profile.
    await resetStoredSettings(again);
    await context.closeReader(again, 'escape', url);
  });
}

async function driverSelected(context: ReaderSuiteContext): Promise<string> {
  return context.driver().selectedTabUrl();
}

function emptyDangerReport(): DangerReport {
  return { handlers: [], scriptUrls: [], dangerousTags: [], styles: [], clobbering: [] };
}

function describeHits(hits: readonly CanaryHit[]): string[] {
  return hits.map((hit) => `${hit.vector ?? hit.url} (referer ${hit.referer ?? 'none'})`);
}

/** The extension's storage API in an extension page: `browser` in Firefox, `chrome` in Chromium. */
interface StorageGlobals {
  browser?: StorageApi;
  chrome?: StorageApi;
}
interface StorageArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}
interface StorageApi {
  storage: { local: StorageArea; session: StorageArea };
}

async function readStoredSettings(reader: Page): Promise<{ theme?: string; fontSize?: number } | undefined> {
  return reader.evaluate(async () => {
    const globals = globalThis as unknown as StorageGlobals;
    const api = (globals.browser ?? globals.chrome) as StorageApi;
    return (await api.storage.local.get('readerSettings')).readerSettings as
      { theme?: string; fontSize?: number } | undefined;
  });
}

async function resetStoredSettings(reader: Page): Promise<void> {
  await reader.evaluate(async () => {
    const globals = globalThis as unknown as StorageGlobals;
    await (globals.browser ?? globals.chrome)?.storage.local.remove('readerSettings');
  });
}

/**
 * The article HTML as the content script handed it to this reader (storage.session, key
 * `reader:<tab>`, see utils/reader-launch.ts): untrusted and not yet sanitized.
 */
/**
 * The article HTML the content script hands over, before any sanitizing: asked of the article
 * tab with the reader's own message. The reader view reads its copy once and drops it from
 * session storage, which this also checks.
 */
async function readHandedOverHtml(reader: Page): Promise<string> {
  const { html, leftInStorage } = await reader.evaluate(async () => {
    const globals = globalThis as unknown as StorageGlobals;
    const api = (globals.browser ?? globals.chrome) as StorageApi & {
      tabs: { sendMessage(tabId: number, message: unknown): Promise<{ html?: unknown } | undefined> };
    };
    const tab = Number(new URLSearchParams(location.search).get('tab'));
    const stored = await api.storage.session.get(null);
    const answer = await api.tabs.sendMessage(tab, { type: 'popup→content:reader', whole: false });
    return { html: typeof answer?.html === 'string' ? answer.html : null, leftInStorage: Object.keys(stored) };
  });
  expect(leftInStorage, 'the handed-over article stays in session storage').toEqual([]);
  if (html === null) throw new Error('E2E: the article tab handed over no HTML for the reader');
  return html;
}
