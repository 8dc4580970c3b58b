// Reads the reader view (entrypoints/reader) through its data-testid contract, identically in
// both browsers. Code that runs in a page is passed as a string where it needs helpers: the
// transpilers used here (tsx, vitest) may wrap named functions in a `__name` helper that does not
// exist in the page.
import type { Page } from 'puppeteer-core';

export type ReaderState = 'loading' | 'ready' | 'missing';

export interface ReaderSnapshot {
  state: string | null;
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  /** `datetime` of `<time data-testid="published">`, or null. */
  published: string | null;
  modified: string | null;
  /** Whitespace-normalised textContent of `[data-testid="reader-body"]`. */
  bodyText: string;
  /** `id` of document.activeElement. */
  activeElementId: string;
  /** `document.documentElement.dataset.theme`. */
  theme: string | null;
  /** Computed `--font-size` of <html>, e.g. `20px`. */
  fontSize: string;
  location: string;
}

/** Collapses every run of white space (NBSP included) to one space, as the comparisons need. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function waitForReaderState(reader: Page, timeout = 20_000): Promise<ReaderState> {
  const root = await reader.waitForSelector('[data-testid="reader"]:not([data-state="loading"])', { timeout });
  if (!root) throw new Error('E2E: reader root disappeared');
  return (await root.evaluate((element) => element.getAttribute('data-state'))) as ReaderState;
}

export async function readReader(reader: Page): Promise<ReaderSnapshot> {
  // No named helpers in the callback (see the top of this file): anonymous map callbacks only.
  return reader.evaluate(() => {
    const [title, standfirst, byline, bodyText] = [
      'reader-title',
      'reader-standfirst',
      'reader-byline',
      'reader-body',
    ].map(
      (testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    );
    const [published, modified] = ['published', 'modified'].map((testId) => {
      const element = document.querySelector(`[data-testid="${testId}"]`);
      if (!element) return null;
      return element instanceof HTMLTimeElement ? element.dateTime : `<${element.tagName.toLowerCase()}>`;
    });
    return {
      state: document.querySelector('[data-testid="reader"]')?.getAttribute('data-state') ?? null,
      title: title ?? null,
      standfirst: standfirst ?? null,
      byline: byline ?? null,
      published: published ?? null,
      modified: modified ?? null,
      bodyText: bodyText ?? '',
      activeElementId: document.activeElement?.id ?? '',
      theme: document.documentElement.dataset.theme ?? null,
      fontSize: getComputedStyle(document.documentElement).getPropertyValue('--font-size').trim(),
      location: location.href,
    };
  });
}

/** `20px` → 20; throws on anything else, so a missing variable fails visibly. */
export function pixels(value: string): number {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(value.trim());
  if (!match) throw new Error(`E2E: expected a px length, got "${value}"`);
  return Number(match[1]);
}

/** What an XSS inspection found; every list must be empty in a sanitized article. */
export interface DangerReport {
  /** `tag[onerror]` for every on* attribute. */
  handlers: string[];
  /** `tag[href=javascript:…]` for script-bearing URLs (javascript:, vbscript:, data:text/html…). */
  scriptUrls: string[];
  /** Elements that can run or load script, or style, submit, or change the document's base. */
  dangerousTags: string[];
  /** style attributes with url(…)/expression(…)/javascript:. */
  styles: string[];
  /** Elements whose id or name equals an id of the reader's own shell (DOM clobbering). */
  clobbering: string[];
}

/** Tags a sanitized article may never contain (by localName, so SVG/MathML namespaces count). */
export const DANGEROUS_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'style',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'template',
  'noscript',
  'input',
  'button',
  'textarea',
  'select',
] as const;

/**
 * A function expression (as source) taking (root: ParentNode, shellIds: string[]) and returning a
 * DangerReport. It walks `root` and, for <template>s, their content too.
 */
const INSPECT_SOURCE = `(root, shellIds, dangerousTags) => {
  const report = { handlers: [], scriptUrls: [], dangerousTags: [], styles: [], clobbering: [] };
  const urlAttributes = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background', 'srcset'];
  const pending = [root];
  while (pending.length) {
    const node = pending.pop();
    for (const element of node.querySelectorAll('*')) {
      const name = element.localName;
      if (name === 'template' && element.content) pending.push(element.content);
      if (dangerousTags.includes(name)) report.dangerousTags.push(name);
      for (const attribute of element.attributes) {
        const attributeName = attribute.name.toLowerCase();
        const value = attribute.value;
        if (attributeName.startsWith('on')) report.handlers.push(name + '[' + attributeName + ']');
        if (urlAttributes.includes(attributeName)) {
          const compact = value.replace(/[\\u0000-\\u0020]+/g, '').toLowerCase();
          if (/^(javascript|vbscript|livescript):|^data:(text\\/html|application\\/xhtml|image\\/svg)/.test(compact) || /javascript:/.test(compact)) {
            report.scriptUrls.push(name + '[' + attributeName + '=' + value.slice(0, 40) + ']');
          }
        }
        if (attributeName === 'style' && /url\\s*\\(|expression\\s*\\(|javascript:/i.test(value)) {
          report.styles.push(name + '[style=' + value.slice(0, 40) + ']');
        }
        if ((attributeName === 'id' || attributeName === 'name') && shellIds.includes(value)) {
          report.clobbering.push(name + '[' + attributeName + '=' + value + ']');
        }
      }
    }
  }
  return report;
}`;

/** Ids of the reader page outside the article body: the ones the article must not clobber. */
const SHELL_IDS_SOURCE = `(() => {
  const body = document.querySelector('[data-testid="reader-body"]');
  const ids = [...document.querySelectorAll('[id]')].filter((element) => !body || !body.contains(element)).map((element) => element.id);
  return [...new Set([...ids, 'app', 'reader', 'reader-title', 'reader-body'])];
})()`;

/** Inspects the rendered article (`[data-testid="reader-body"]`) of a reader page. */
export async function inspectReaderBody(reader: Page): Promise<DangerReport> {
  return reader.evaluate(`(${INSPECT_SOURCE})(
    document.querySelector('[data-testid="reader-body"]') ?? document.createElement('div'),
    ${SHELL_IDS_SOURCE},
    ${JSON.stringify(DANGEROUS_TAGS)},
  )`) as Promise<DangerReport>;
}

/** Inspects the whole reader root (header and toolbar included) for handlers and script URLs. */
export async function inspectReaderRoot(reader: Page): Promise<DangerReport> {
  return reader.evaluate(`(${INSPECT_SOURCE})(
    document.querySelector('[data-testid="reader"]') ?? document.createElement('div'),
    [],
    ${JSON.stringify(DANGEROUS_TAGS.filter((tag) => tag !== 'button' && tag !== 'svg'))},
  )`) as Promise<DangerReport>;
}

/**
 * Parses `html` inertly (a <template> in the given page: nothing loads, nothing runs) and
 * inspects it as the reader body is inspected. Run on the unsanitized article handed to the
 * reader, it shows that the checks do catch the vectors when nothing removes them.
 */
export async function inspectUnsanitizedHtml(page: Page, html: string): Promise<DangerReport> {
  return page.evaluate(`(() => {
    const template = document.createElement('template');
    template.innerHTML = ${JSON.stringify(html)};
    return (${INSPECT_SOURCE})(template.content, ['app', 'reader', 'reader-title', 'reader-body', 'getElementById'], ${JSON.stringify(DANGEROUS_TAGS)});
  })()`) as Promise<DangerReport>;
}

/** Facts about the reader document that a clobbering or injected <base> would change. */
export interface ReaderIntegrity {
  canary: unknown;
  getElementByIdIsNative: boolean;
  titleById: string | null;
  idCounts: Record<string, number>;
  appIsRoot: boolean;
  baseUri: string;
}

export async function readReaderIntegrity(reader: Page): Promise<ReaderIntegrity> {
  return reader.evaluate(() => {
    const byId = Document.prototype.getElementById.call(document, 'reader-title');
    const [titleCount, appCount, readerCount] = ['reader-title', 'app', 'reader'].map(
      (id) => document.querySelectorAll(`[id="${id}"], [name="${id}"]`).length,
    );
    return {
      canary: (window as unknown as { __ledeXss?: unknown }).__ledeXss,
      getElementByIdIsNative: document.getElementById === Document.prototype.getElementById,
      // Through the document's own getElementById, as the reader's code calls it.
      titleById: (() => {
        try {
          const element = document.getElementById('reader-title');
          return element ? `${element.tagName}[data-testid=${element.getAttribute('data-testid')}]` : null;
        } catch (error) {
          return `threw ${String(error)}`;
        }
      })(),
      idCounts: { 'reader-title': titleCount ?? 0, app: appCount ?? 0, reader: readerCount ?? 0 },
      appIsRoot:
        Document.prototype.getElementById.call(document, 'app')?.tagName === 'DIV' &&
        Document.prototype.getElementById.call(document, 'app')?.querySelector('[data-testid="reader"]') !== null &&
        byId?.tagName === 'H1',
      baseUri: document.baseURI,
    };
  });
}

/** The toolbar control that has focus: its test id, tag, accessible name and aria-pressed. */
export interface FocusedControl {
  testId: string | null;
  tag: string;
  name: string;
  pressed: string | null;
  inToolbar: boolean;
}

export async function readFocusedControl(reader: Page): Promise<FocusedControl> {
  return reader.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { testId: null, tag: '', name: '', pressed: null, inToolbar: false };
    // The accessible name as a screen reader computes it for a button: aria-labelledby,
    // aria-label, then the text content, then title.
    const labelledBy = (element.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const name = (labelledBy || element.getAttribute('aria-label') || element.textContent || element.title || '')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      testId: element.getAttribute('data-testid'),
      tag: element.tagName.toLowerCase(),
      name,
      pressed: element.getAttribute('aria-pressed'),
      inToolbar: element.closest('[data-testid="reader"] nav, [data-testid="reader"] [role="toolbar"]') !== null,
    };
  });
}

/** Where two serialisations first differ, with some context, for a readable failure. */
export function firstDifference(before: string, after: string): string {
  if (before === after) return 'identical';
  let index = 0;
  while (index < before.length && index < after.length && before[index] === after[index]) index++;
  const from = Math.max(0, index - 120);
  return (
    `lengths ${before.length} → ${after.length}; first difference at ${index}:\n` +
    `before: …${before.slice(from, index + 200)}…\n` +
    `after:  …${after.slice(from, index + 200)}…`
  );
}
