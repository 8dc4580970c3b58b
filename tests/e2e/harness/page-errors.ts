// Uncaught errors in the three places Lede runs when the reader clicks it: the page's own world,
// Lede's content script and the popup. Each browser is read where it really reports them (found
// with deliberate throws, which corpus-sample-suite.ts repeats as a control on every run):
//
// - Chromium, over CDP, on the tab and on the popup: Runtime.exceptionThrown is sent for every
//   world of the target, the content script's isolated world too (its execution context has the
//   extension's origin), for synchronous throws and unhandled rejections alike. A throw inside a
//   runtime.onMessage listener is not one of them: Chromium catches it and logs "Error in event
//   handler: …" (Log.entryAdded), so those entries count too. Runtime.enable replays what was
//   thrown before it, so a popup's first errors are seen although its session starts late.
// - Firefox: WebDriver BiDi sends no log events for extension pages (a throw in the popup is not
//   seen) and does not tell the content script from the page. The browser's console service sees
//   all three, with the script that threw: it is read in Firefox's chrome window.
import type { CDPSession, Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';

export type ErrorSource = 'page' | 'content-script' | 'popup' | 'extension';

export interface CapturedError {
  source: ErrorSource;
  message: string;
}

/** Errors seen so far; take() returns them, oldest first, and forgets them. */
export interface ErrorLog {
  take(): Promise<CapturedError[]>;
  stop(): Promise<void>;
}

const firstLine = (text: string): string => text.split('\n').slice(0, 2).join(' | ').slice(0, 300);

interface CdpContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

interface CdpException {
  exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string } };
}

interface CdpLogEntry {
  entry: { source: string; level: string; text: string };
}

/** Starts recording a Chromium target's errors; `sourceOf` names the world a context belongs to. */
async function recordCdp(session: CDPSession, sourceOf: (context: CdpContext | undefined) => ErrorSource) {
  const contexts = new Map<number, CdpContext>();
  const errors: CapturedError[] = [];
  session.on('Runtime.executionContextCreated', ({ context }: { context: CdpContext }) =>
    contexts.set(context.id, context),
  );
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }: CdpException) => {
    const context = contexts.get(exceptionDetails.executionContextId ?? -1);
    errors.push({
      source: sourceOf(context),
      message: firstLine(exceptionDetails.exception?.description ?? exceptionDetails.text),
    });
  });
  return { contexts, errors };
}

/**
 * The news tab's errors in Chromium: its main world (and any other world of the page) is `page`;
 * the isolated world of Lede (origin chrome-extension://<id>) is `content-script`.
 */
export async function recordChromiumTab(page: Page, extensionId: string): Promise<ErrorLog> {
  const session = await page.createCDPSession();
  const lede = `chrome-extension://${extensionId}`;
  const { errors } = await recordCdp(session, (context) =>
    context?.origin === lede && context.auxData?.type === 'isolated' ? 'content-script' : 'page',
  );
  session.on('Log.entryAdded', ({ entry }: CdpLogEntry) => {
    // Only extension event listeners (runtime.onMessage…) run through Chromium's "event handler".
    if (entry.level === 'error' && entry.text.startsWith('Error in event handler'))
      errors.push({ source: 'content-script', message: firstLine(entry.text) });
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');
  return {
    take: async () => errors.splice(0),
    stop: () => session.detach().catch(() => undefined),
  };
}

/** A Chromium popup's errors: uncaught ones, console.error, and its own listeners' failures. */
export async function recordChromiumPopup(popup: Page): Promise<ErrorLog> {
  const session = await popup.createCDPSession();
  const { errors } = await recordCdp(session, () => 'popup');
  session.on(
    'Runtime.consoleAPICalled',
    ({ type, args }: { type: string; args: { value?: unknown; description?: string }[] }) => {
      if (type === 'error')
        errors.push({
          source: 'popup',
          message: firstLine(args.map((a) => String(a.value ?? a.description)).join(' ')),
        });
    },
  );
  session.on('Log.entryAdded', ({ entry }: CdpLogEntry) => {
    if (entry.level === 'error' && entry.source !== 'network')
      errors.push({ source: 'popup', message: firstLine(entry.text) });
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');
  return {
    take: async () => errors.splice(0),
    stop: () => session.detach().catch(() => undefined),
  };
}

interface ConsoleRecord {
  category: string;
  source: string;
  message: string;
  stack: string;
}

/** The chrome-window global where the console listener keeps what it saw. */
const FIREFOX_LOG = '__ledeE2eErrors';

/**
 * Every script error Firefox reports from now on, in any tab, by the script that threw: Lede's
 * content script (in-page.js, or code run in its sandbox by scripting.executeScript), Lede's pages
 * (moz-extension://, the popup), or the page. Warnings, CSS and policy reports are not errors.
 */
export async function recordFirefox(firefox: FirefoxSession): Promise<ErrorLog> {
  await firefox.evaluateInBrowserWindow<boolean>(`(() => {
    if (!window.${FIREFOX_LOG}) {
      const seen = (window.${FIREFOX_LOG} = []);
      const listener = {
        observe(message) {
          if (!(message instanceof Ci.nsIScriptError)) return;
          if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
          if (!/javascript/.test(message.category)) return;
          // Firefox's own modules (resource://, chrome://) report here too; they are not Lede's.
          if (/^(resource|chrome):/.test(message.sourceName)) return;
          seen.push({ category: message.category, source: message.sourceName, message: message.errorMessage, stack: String(message.stack ?? '') });
        },
      };
      Services.console.registerListener(listener);
      window.${FIREFOX_LOG}_stop = () => Services.console.unregisterListener(listener);
    }
    window.${FIREFOX_LOG}.length = 0;
    return JSON.stringify(true);
  })()`);
  const extension = firefox.extensionOrigin;
  const sourceOf = ({ source, stack }: ConsoleRecord): ErrorSource => {
    const where = `${source}\n${stack}`;
    if (where.includes(`${extension}/in-page.js`) || source === 'sandbox eval code') return 'content-script';
    if (source.startsWith(`${extension}/popup.html`) || /popup\.html/.test(stack)) return 'popup';
    if (source.startsWith(extension)) return 'extension';
    return 'page';
  };
  return {
    take: async () => {
      const records = await firefox.evaluateInBrowserWindow<ConsoleRecord[]>(
        `JSON.stringify(window.${FIREFOX_LOG}.splice(0))`,
      );
      return records.map((record) => ({
        source: sourceOf(record),
        message: firstLine(`${record.message} (${record.source})`),
      }));
    },
    stop: async () => {
      await firefox.evaluateInBrowserWindow<boolean>(
        `(() => { window.${FIREFOX_LOG}_stop?.(); delete window.${FIREFOX_LOG}; delete window.${FIREFOX_LOG}_stop; return JSON.stringify(true); })()`,
      );
    },
  };
}
