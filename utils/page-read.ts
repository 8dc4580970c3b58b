/**
 * The content script's channel to the off-page parser (utils/messages.ts, PageReadRequest), in a
 * module of its own: the content script and the parser need it, the popup does not.
 */
import { isSentenceCount, MAX_URL, type OpenParserRequest, type PageReadRequest } from './messages';
import { timedStep } from './bench-marks';
import { pause } from './yield-steps';

/**
 * A page's HTML beyond this is no article: thirty times the largest page of the shared corpora
 * (1.6 MB), and under what one message carries in both browsers (64 MiB of JSON in Chromium).
 */
export const MAX_PAGE_CHARS = 50_000_000;

/** The name of the port a content script opens to the parser. */
export const PARSER_PORT = 'lede:parser';

/**
 * The HTML goes over the port in parts of this many characters, one task each: posting a message
 * copies and converts it on the page's main thread, about 20 ms a megabyte in Chromium (bench).
 */
export const PART_CHARS = 256 * 1024;
const MAX_PARTS = Math.ceil(MAX_PAGE_CHARS / PART_CHARS);

/** On the port, the request comes first with its HTML empty and the number of parts that follow. */
type PortRequest = PageReadRequest & { parts: number };

const FIELDS = new Set(['type', 'html', 'url', 'whole', 'sentences', 'reader', 'parts']);

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
    isSentenceCount(m.sentences) &&
    (m.parts === undefined ||
      (typeof m.parts === 'number' && Number.isInteger(m.parts) && m.parts >= 1 && m.parts <= MAX_PARTS))
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
 * port of its own, its HTML in parts with a pause between them, and gives the one answer that
 * comes back (checked by the caller).
 */
export async function readThroughParser(runtime: ParserRuntime, request: PageReadRequest): Promise<unknown> {
  const open: OpenParserRequest = { type: 'content→background:open-parser' };
  await runtime.sendMessage(open);
  const port = runtime.connect({ name: PARSER_PORT });
  let closed = false;
  const answer = new Promise((resolve, reject) => {
    port.onMessage.addListener((message) => {
      resolve(message);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      closed = true;
      reject(new Error('the page could not be read: the parser closed'));
    });
  });
  // Should sending fail (the parser gone), the caller gets that error, not this one unheard.
  answer.catch(() => undefined);
  const { html } = request;
  const parts = Math.max(1, Math.ceil(html.length / PART_CHARS));
  const header: PortRequest = { ...request, html: '', parts };
  port.postMessage(header);
  for (let i = 0; i < parts && !closed; i++) {
    const send = (): void => port.postMessage(html.slice(i * PART_CHARS, (i + 1) * PART_CHARS));
    // Bench build only (utils/bench-marks.ts): each part's time on the page's thread.
    if (import.meta.env.MODE === 'bench') timedStep(`send-${i}`, send);
    else send();
    if (i < parts - 1) await pause();
  }
  return answer;
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
  let request: PageReadRequest | null = null;
  let expected = 0;
  const parts: string[] = [];
  port.onMessage.addListener((message) => {
    if (!request) {
      if (!isPageReadRequest(message) || message.html !== '' || !(message as Partial<PortRequest>).parts)
        return port.disconnect();
      ({ parts: expected, ...request } = message as PortRequest);
      return;
    }
    if (typeof message !== 'string' || message.length > PART_CHARS || parts.length === expected)
      return port.disconnect();
    parts.push(message);
    if (parts.length === expected) port.postMessage(read({ ...request, html: parts.join('') }));
  });
}
