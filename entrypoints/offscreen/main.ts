/**
 * The off-page parser: reads a watched article when the background asks (`background→parser:read`),
 * and reads the figures of a page's article for the highlights shortcut (`background→parser:figures`:
 * figures are 14 KB of code the background's budget cannot hold, see core/report.ts).
 * In Chrome an offscreen document (a service worker has no DOMParser), in Firefox a frame of the
 * background page; opened for a round of checks and closed after it. Chrome gives an offscreen
 * document `runtime` alone, so this page uses nothing else. The answers: utils/parser-listener.ts.
 */
import { createParserListener, type ParserListener } from '@/utils/parser-listener';

interface NativeRuntime {
  id: string;
  onMessage: { addListener(listener: ParserListener): void };
}

const scope = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
const runtime = (scope.browser ?? scope.chrome)?.runtime;

// This page's origin is the extension's: only Lede's own pages are heard.
runtime?.onMessage.addListener(createParserListener(runtime.id, `${location.origin}/`));
