/**
 * Injected into the reader's tab when they click Lede (never declared for all sites). Answers the
 * popup: analyses the live page, read-only, with Readability on a clone, and highlights quotes
 * and figures with the CSS Custom Highlight API (no DOM change).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createContentSession } from '@/utils/content-answers';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const session = createContentSession(document, () => location.href);
    const listener = (message: unknown): Promise<unknown> | undefined => session.answer(message);
    browser.runtime.onMessage.addListener(listener);
    // A single-page site that shows another story (history navigation): the old report and its
    // highlights go at once; the next popup analyses the new page. The Navigation API sees
    // pushState too where the browser has it; popstate is the fallback.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    const navigated = (): void => session.navigated();
    navigation?.addEventListener('navigatesuccess', navigated);
    addEventListener('popstate', navigated);
    // An extension update or reload invalidates this copy: it stops listening and removes its
    // highlights; the next click injects a fresh one.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      navigation?.removeEventListener('navigatesuccess', navigated);
      removeEventListener('popstate', navigated);
      session.dispose();
    });
  },
});
