/**
 * The off-page parser: reads the page a content script sends on its port (the analysis behind the
 * popup, the reader view and the highlights shortcut: utils/page-read.ts), and a watched article
 * when the background asks (`background→parser:read`, utils/parser-listener.ts).
 * In Chrome an offscreen document (a service worker has no DOMParser), in Firefox a frame of the
 * background page; the background opens it when needed and closes it when it has been idle a
 * while (utils/off-page-parser.ts). Chrome gives an offscreen document `runtime` alone, so this
 * page uses nothing else.
 */
import { createParserListener, type ParserListener } from '@/utils/parser-listener';
import { answerParserPort, type ParserPort } from '@/utils/page-read';
import { readServedPage } from '@/utils/read-off-page';

interface NativeRuntime {
  id: string;
  onMessage: { addListener(listener: ParserListener): void };
  onConnect: { addListener(listener: (port: ParserPort) => void): void };
}

const scope = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
const runtime = (scope.browser ?? scope.chrome)?.runtime;

// This page's origin is the extension's: only Lede's own pages are heard.
runtime?.onMessage.addListener(createParserListener(runtime.id, `${location.origin}/`));
// The pages the content scripts send, each on its port (utils/page-read.ts).
runtime?.onConnect.addListener((port) => answerParserPort(port, runtime.id, readServedPage));
