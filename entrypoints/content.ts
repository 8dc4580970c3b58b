/**
 * Injected into the reader's tab when they click Lede (never declared for all sites). Answers the
 * popup: analyses the live page, read-only, with Readability on a clone.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerContentRequest } from '@/utils/content-answers';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const listener = (message: unknown): Promise<unknown> | undefined =>
      answerContentRequest(message, document, location.href);
    browser.runtime.onMessage.addListener(listener);
    // An extension update or reload invalidates this copy; the next click injects a fresh one.
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
