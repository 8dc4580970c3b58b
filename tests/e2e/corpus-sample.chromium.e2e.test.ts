// The corpus sample (harness/corpus-sample.ts) through Lede in Chromium: each page in one reused
// tab, Lede's genuine toolbar popup over it (a click per page, as a reader's).
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { CORPUS_PAGE_CSP } from './harness/corpus-sample';
import { contentScriptDone, defineCorpusSampleTests } from './harness/corpus-sample-suite';
import { recordChromiumPopup, recordChromiumTab, type ErrorLog } from './harness/page-errors';
import { waitForPopupState } from './harness/popup';
import { startFixtureServer, type FixtureServer } from './harness/server';

/**
 * A page that sends the tab elsewhere (a meta refresh to its site) would leave the sample: every
 * document request off the fixture server fails at once, and the page stays as it is.
 */
async function stayOnServer(session: CDPSession, origin: string): Promise<void> {
  session.on('Fetch.requestPaused', ({ requestId, request }: { requestId: string; request: { url: string } }) => {
    const answer = request.url.startsWith(`${origin}/`)
      ? session.send('Fetch.continueRequest', { requestId })
      : session.send('Fetch.failRequest', { requestId, errorReason: 'Aborted' });
    answer.catch(() => undefined); // the page may be gone meanwhile
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document' }] });
}

describe('Lede on 100 corpus pages in Chromium', () => {
  let server: FixtureServer | undefined;
  let chromium: ChromiumSession | undefined;
  let news: Page | undefined;
  let tabErrors: ErrorLog | undefined;
  const popupErrors = new Map<Page, ErrorLog>();

  beforeAll(async () => {
    server = await startFixtureServer({
      headersFor: (url) =>
        url.pathname.startsWith('/corpora/') ? { 'content-security-policy': CORPUS_PAGE_CSP } : undefined,
    });
    chromium = await launchChromium();
    news = await chromium.browser.newPage();
    tabErrors = await recordChromiumTab(news, chromium.extensionId);
    await stayOnServer(await news.createCDPSession(), server.origin);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  const started = (): { chromium: ChromiumSession; news: Page; server: FixtureServer } => {
    if (!chromium || !news || !server) throw new Error('Chromium or the fixture server did not start');
    return { chromium, news, server };
  };

  defineCorpusSampleTests({
    browserName: 'chromium',
    server: () => started().server,
    async openPopup(url) {
      const { chromium, news } = started();
      await news.goto(url, { waitUntil: 'load' });
      const popup = await chromium.openRealPopup(news);
      popupErrors.set(popup, await recordChromiumPopup(popup));
      return popup;
    },
    async closePopup(popup) {
      await popupErrors.get(popup)?.stop();
      popupErrors.delete(popup);
      await popup.close();
    },
    newsPage: () => started().news,
    takeErrors: async (popup) => [
      ...((await tabErrors?.take()) ?? []),
      ...((await popupErrors.get(popup)?.take()) ?? []),
    ],
  });

  test('a popup’s errors from before its recorder started are seen too (Runtime.enable replays them)', async () => {
    const { chromium, news, server } = started();
    await news.goto(server.url('seed/watson-visible-times.html'), { waitUntil: 'load' });
    const popup = await chromium.openRealPopup(news);
    try {
      expect(await waitForPopupState(popup)).toBe('ready');
      await contentScriptDone(popup);
      await popup.evaluate(() => {
        void Promise.reject(new Error('control: before the recorder'));
      });
      const late = await recordChromiumPopup(popup);
      const errors = await late.take();
      await late.stop();
      expect(errors).toEqual([{ source: 'popup', message: expect.stringContaining('control: before the recorder') }]);
    } finally {
      await popup.close();
    }
  });
});
