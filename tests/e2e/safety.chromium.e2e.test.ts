// Untrusted content and privacy in Chromium (harness/safety-suite.ts): the genuine toolbar popup,
// every request through the recording proxy, and CDP's view of the extension's own targets.
import { describe } from 'vitest';
import { launchChromium } from './harness/chromium';
import { chromiumProxyArgs, watchChromiumExtensionRequests, type RecordedRequest } from './harness/network-recorder';
import { chromiumReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { defineSafetyTests, setupSafetySuite } from './harness/safety-suite';

/**
 * Chromium's own services: its component updater asking for the on-device model's manifest, and
 * Google account checks. The same Chromium, with the same switches and no extension at all, made
 * exactly these through the same proxy (checked when this test was written); its network-time
 * and autofill queries are switched off below instead. CDP still watches every request of the
 * extension's own targets, to these hosts too.
 */
const CHROMIUM_OWN = [
  /^CONNECT (update\.googleapis\.com|accounts\.google\.com):443$/,
  /^POST http:\/\/update\.googleapis\.com\/service\/update2\/json\?/,
];
const QUIETER = '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication';

describe('Lede with hostile pages and a recorded network, in Chromium', () => {
  const context = setupSafetySuite(async (recorder) => {
    const session = await launchChromium(extensionBuildDir('chrome-mv3'), {
      args: [...chromiumProxyArgs(recorder), QUIETER],
    });
    const origin = `chrome-extension://${session.extensionId}`;
    const watch = await watchChromiumExtensionRequests(session.browser, origin);
    return {
      driver: chromiumReaderDriver(session),
      isBrowserOwn: ({ method, url }: RecordedRequest) => CHROMIUM_OWN.some((own) => own.test(`${method} ${url}`)),
      extensionRequests: () => watch.requests(),
      async backgroundCanary() {
        // The service worker has just answered the popup's visit, so it is awake.
        const worker = await session.browser
          .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 5_000 })
          .then((t) => t.worker());
        if (!worker) throw new Error('E2E: no service worker to read');
        return worker.evaluate(() => (globalThis as unknown as { __ledeXss?: unknown }).__ledeXss);
      },
      async close() {
        await watch.stop();
        await session.close();
      },
    };
  });

  defineSafetyTests(context);
});
