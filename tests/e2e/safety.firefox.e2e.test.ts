// Untrusted content and privacy in Firefox (harness/safety-suite.ts): the popup in a tab after the
// activeTab grant of a click (harness/firefox.ts), every request through the recording proxy.
// BiDi cannot reach the extension's background page, nor watch its requests: the proxy sees them.
import { describe } from 'vitest';
import { launchFirefox } from './harness/firefox';
import { firefoxProxyPrefs } from './harness/network-recorder';
import { firefoxReaderDriver } from './harness/reader-driver';
import { extensionBuildDir } from './harness/reader-suite';
import { defineSafetyTests, setupSafetySuite } from './harness/safety-suite';

/**
 * Firefox's own Remote Settings service (block lists, certificate revocation data, and the like),
 * which it reaches over HTTPS from the browser's start, as it does with no extension installed
 * (seen through the same proxy when this test was written; its server preference is not honoured
 * in a release build).
 */
const FIREFOX_OWN = /^CONNECT firefox\.settings\.services\.mozilla\.com:443$/;

describe('Lede with hostile pages and a recorded network, in Firefox', () => {
  const context = setupSafetySuite(async (recorder) => {
    const session = await launchFirefox(extensionBuildDir('firefox-mv3'), { prefs: firefoxProxyPrefs(recorder) });
    return {
      driver: firefoxReaderDriver(session),
      isBrowserOwn: ({ method, url }) => FIREFOX_OWN.test(`${method} ${url}`),
      close: () => session.close(),
    };
  });

  defineSafetyTests(context);
});
