/**
 * The content script's channel to the off-page parser (utils/messages.ts, PageReadRequest), in a
 * module of its own: the content script and the parser need it, the popup does not.
 */
import { MAX_SUMMARY_SENTENCES, type OpenParserRequest, type PageReadRequest } from './messages';

/** An address longer than any article's (messages.ts bounds the ones it checks the same way). */
const MAX_URL = 8_192;

/**
 * A page's HTML beyond this is no article: thirty times the largest page of the shared corpora
 * (1.6 MB), and under what one message carries in both browsers (64 MiB of JSON in Chromium).
 */
export const MAX_PAGE_CHARS = 50_000_000;

/** The name of the port a content script opens to the parser. */
export const PARSER_PORT = 'lede:parser';

const FIELDS = new Set(['type', 'html', 'url', 'whole', 'sentences', 'reader']);

/** Exactly a page to read: its fields, of their types and sizes, and nothing else. */
export function isPageReadRequest(message: unknown): message is PageReadRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    Object.keys(m).every((key) => FIELDS.has(key)) &&
    m.type === 'content→parser:page' &&
    typeof m.html === 'string' &&
    m.html.length <= MAX_PAGE_CHARS &&
    typeof m.url === 'string' &&
    m.url.length <= MAX_URL &&
    typeof m.whole === 'boolean' &&
    typeof m.reader === 'boolean' &&
    typeof m.sentences === 'number' &&
    Number.isInteger(m.sentences) &&
    m.sentences >= 0 &&
    m.sentences <= MAX_SUMMARY_SENTENCES
  );
}

/** The little of a runtime.Port that the channel uses, the same in both browsers. */
export interface ParserPort {
  name: string;
  sender?: { id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ParserRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): ParserPort;
}

/**
 * The content script's side: asks the background to open the parser, then sends `request` on a
 * port of its own and gives the one answer that comes back (checked by the caller).
 */
export async function readThroughParser(runtime: ParserRuntime, request: PageReadRequest): Promise<unknown> {
  const open: OpenParserRequest = { type: 'content→background:open-parser' };
  await runtime.sendMessage(open);
  return new Promise((resolve, reject) => {
    const port = runtime.connect({ name: PARSER_PORT });
    port.onMessage.addListener((answer) => {
      resolve(answer);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => reject(new Error('the page could not be read: the parser closed')));
    port.postMessage(request);
  });
}

/**
 * The parser's side: each port from one of Lede's own content scripts gets its page read, once.
 * A port of another name is left alone; one from elsewhere, or with anything but a page to read,
 * is closed.
 */
export function answerParserPort(port: ParserPort, id: string, read: (request: PageReadRequest) => unknown): void {
  if (port.name !== PARSER_PORT) return;
  if (port.sender?.id !== id) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    if (isPageReadRequest(message)) port.postMessage(read(message));
    else port.disconnect();
  });
}
