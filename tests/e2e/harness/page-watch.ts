// What Lede may have changed in a page, seen from the page's own (main) world: a MutationObserver
// installed before the click records every DOM change (the document's and its open shadow
// roots'), the window's own keys are kept to compare, and Lede's traces are counted at the end
// (its CSS.highlights entries, the style sheets it adopts for their colours). The watch keeps
// its state under a symbol, which Object.getOwnPropertyNames does not list and the key
// comparison leaves out.
import type { Frame, Page } from 'puppeteer-core';

const WATCH = 'lede-e2e.page-watch';

export interface PageChanges {
  /** One line per DOM change: `childList <main#stories> +ARTICLE.next-story`, `attributes <p> class`… */
  mutations: string[];
  /** Keys of the page's window that were not there before, and those gone. */
  globalsAdded: string[];
  globalsRemoved: string[];
  /** Lede's entries in CSS.highlights (`lede-quote`…), now. */
  ledeHighlights: string[];
  /** Style sheets that carry `::highlight(lede-…)` rules, adopted by the document or a shadow root. */
  ledeSheets: number;
  /** Content-Security-Policy violations reported to the page since the watch began. */
  violations: string[];
}

interface WatchState {
  keys: string[];
  records: string[];
  observer: MutationObserver;
  violations: string[];
  format(record: MutationRecord): string;
}

/** Starts watching the page (or one of its frames), before Lede is clicked. */
export async function watchPage(target: Page | Frame): Promise<void> {
  // Puppeteer's first waitForFunction in a page adds its own bindings to the page's window
  // (__ariaQuerySelector…, in Chromium): added now, they are among the keys before the click.
  await target.waitForFunction(() => true);
  await target.evaluate((key) => {
    const name = (node: Node | null): string => {
      if (!node) return 'null';
      if (node.nodeType === Node.TEXT_NODE) return '#text';
      if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeName;
      const element = node as Element;
      const id = element.id ? `#${element.id}` : '';
      const classes = typeof element.className === 'string' && element.className ? `.${element.className}` : '';
      return `${element.tagName}${id}${classes}`.replace(/\s+/g, '.');
    };
    const state: WatchState = {
      keys: Reflect.ownKeys(window).map(String),
      records: [],
      violations: [],
      observer: new MutationObserver((records) => state.records.push(...records.map(state.format))),
      format: (record) => {
        const added = [...record.addedNodes].map((n) => `+${name(n)}`);
        const removed = [...record.removedNodes].map((n) => `-${name(n)}`);
        const detail = record.type === 'attributes' ? (record.attributeName ?? '') : [...added, ...removed].join(' ');
        return `${record.type} <${name(record.target)}> ${detail}`.trim();
      },
    };
    const options = {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
      attributeOldValue: true,
      characterDataOldValue: true,
    };
    state.observer.observe(document.documentElement, options);
    for (const element of document.querySelectorAll('*'))
      if (element.shadowRoot) state.observer.observe(element.shadowRoot, options);
    addEventListener('securitypolicyviolation', (event) => {
      state.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
    });
    Object.defineProperty(window, Symbol.for(key), { value: state, enumerable: false });
  }, WATCH);
}

/** What changed since watchPage(), in the page's own world. */
export async function pageChanges(target: Page | Frame): Promise<PageChanges> {
  return target.evaluate((key) => {
    const state = (window as unknown as Record<symbol, WatchState | undefined>)[Symbol.for(key)];
    if (!state) throw new Error('E2E: watchPage() was not called on this page');
    state.records.push(...state.observer.takeRecords().map(state.format));
    const ours = String(Symbol.for(key));
    const keys = Reflect.ownKeys(window)
      .map(String)
      .filter((k) => k !== ours);
    const before = new Set(state.keys);
    const now = new Set(keys);
    const scopes: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) scopes.push(element.shadowRoot);
    const ledeSheets = scopes
      .flatMap((scope) => [...scope.adoptedStyleSheets])
      .filter((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(lede-'))).length;
    return {
      mutations: [...state.records],
      globalsAdded: keys.filter((k) => !before.has(k)),
      globalsRemoved: state.keys.filter((k) => !now.has(k)),
      ledeHighlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('lede-')),
      ledeSheets,
      violations: [...state.violations],
    };
  }, WATCH);
}
