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
    // An extension update or reload invalidates this copy: it stops listening and removes its
    // highlights; the next click injects a fresh one.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      session.dispose();
    });
  },
});
