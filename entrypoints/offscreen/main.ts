/**
 * The off-page parser: reads a watched article when the background asks (`background→parser:read`),
 * and reads the figures of a page's article for the highlights shortcut (`background→parser:figures`:
 * figures are 14 KB of code the background's budget cannot hold, see core/report.ts).
 * In Chrome an offscreen document (a service worker has no DOMParser), in Firefox a frame of the
 * background page; opened for a round of checks and closed after it. Chrome gives an offscreen
 * document `runtime` alone, so this page uses nothing else.
 */
import { withFigures } from '@/core/with-figures';
import { fetchSnapshot } from '@/utils/read-off-page';
import { isPageBlocks, isPageReport } from '@/utils/validate-report';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => boolean;
interface NativeRuntime {
  id: string;
  onMessage: { addListener(listener: Listener): void };
}

const scope = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
const runtime = (scope.browser ?? scope.chrome)?.runtime;

runtime?.onMessage.addListener((message, sender, sendResponse) => {
  const { type, url, report, blocks } = (message ?? {}) as Record<string, unknown>;
  if (sender.id !== runtime.id) return false;
  if (type === 'background→parser:figures' && isPageReport(report) && isPageBlocks(blocks)) {
    sendResponse(withFigures(report, blocks).figures);
    return false;
  }
  if (type !== 'background→parser:read' || typeof url !== 'string') return false;
  fetchSnapshot(url).then(sendResponse, (error: unknown) =>
    sendResponse({ ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
  return true; // the answer comes asynchronously
});
