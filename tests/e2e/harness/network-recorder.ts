// Every request a browser makes, from any of its contexts (pages, the extension's service worker,
// background page, popup, offscreen document), seen in one place: the browser is pointed at this
// HTTP proxy, with loopback addresses proxied too. Requests to the loopback fixture server are
// passed on to it; anything else is answered 502 (the test machine has no network, and nothing a
// test does should reach it). HTTPS and WebSocket tunnels (CONNECT, Upgrade) are recorded and refused.
//
// Chromium's CDP adds a second view: the Network domain of each of the extension's own targets,
// which names the context a request came from (chromiumExtensionRequests).
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Browser, CDPSession, Target } from 'puppeteer-core';

export interface RecordedRequest {
  /** GET, POST, CONNECT…; Upgrade requests (WebSocket) are recorded as `UPGRADE`. */
  method: string;
  /** The absolute URL asked for; for CONNECT, `host:port`. */
  url: string;
  /** The Origin and Referer headers, which say which page asked (an extension page: its origin). */
  origin: string | null;
  referer: string | null;
  at: number;
}

export interface NetworkRecorder {
  /** `127.0.0.1:PORT`, for a browser's proxy setting. */
  readonly host: string;
  readonly port: number;
  /** Every request so far, oldest first. */
  requests(): RecordedRequest[];
  /**
   * Resolves once no request but those `ignore` matches (the browser's own, polled on its own
   * schedule) has arrived for `quietMs`, or rejects after `timeoutMs`.
   */
  settled(ignore?: (request: RecordedRequest) => boolean, quietMs?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The Chromium switches that send every request through the recorder, loopback included. */
export function chromiumProxyArgs(recorder: NetworkRecorder): string[] {
  // Chromium bypasses the proxy for loopback unless the implicit rule is removed.
  return [`--proxy-server=http://${recorder.host}`, '--proxy-bypass-list=<-loopback>'];
}

/** The Firefox preferences that send every request through the recorder, loopback included. */
export function firefoxProxyPrefs(recorder: NetworkRecorder): Record<string, unknown> {
  const [host] = recorder.host.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': recorder.port,
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': recorder.port,
    'network.proxy.no_proxies_on': '',
    // Without it Firefox never proxies localhost and 127.0.0.1, whatever no_proxies_on says.
    'network.proxy.allow_hijacking_localhost': true,
  };
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function startNetworkRecorder(): Promise<NetworkRecorder> {
  const recorded: RecordedRequest[] = [];
  const record = (request: IncomingMessage, method: string, url: string): void => {
    recorded.push({
      method,
      url,
      origin: header(request, 'origin'),
      referer: header(request, 'referer'),
      at: Date.now(),
    });
  };

  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    record(request, request.method ?? 'GET', url);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname)) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end('no network in tests');
      return;
    }
    const upstream = httpRequest(
      target,
      { method: request.method, headers: { ...request.headers, host: target.host, connection: 'close' } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  const refuse = (request: IncomingMessage, socket: Socket, method: string): void => {
    record(request, method, request.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  };
  server.on('connect', (request: IncomingMessage, socket: Socket) => refuse(request, socket, 'CONNECT'));
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => refuse(request, socket, 'UPGRADE'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    requests: () => recorded.map((entry) => ({ ...entry })),
    async settled(ignore = () => false, quietMs = 500, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = recorded.findLast((request) => !ignore(request))?.at ?? 0;
        const quietFor = Date.now() - last;
        if (quietFor >= quietMs) return;
        if (Date.now() > deadline) throw new Error(`E2E: the network did not settle in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
      }
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface TargetRequest {
  /** The extension context: its target type and URL (e.g. `service_worker chrome-extension://…/background.js`). */
  context: string;
  url: string;
}

export interface ExtensionNetworkWatch {
  /** Network requests (http, https, ws, wss) made by the extension's own targets so far. */
  requests(): TargetRequest[];
  stop(): Promise<void>;
}

/**
 * Chromium only: CDP's Network domain on every target of the extension (its service worker and
 * every extension page, offscreen document included), present and future. It names the context
 * of each request; it may miss one made before the watch attaches to a new target, which the
 * proxy above does not.
 */
export async function watchChromiumExtensionRequests(
  browser: Browser,
  extensionOrigin: string,
): Promise<ExtensionNetworkWatch> {
  const found: TargetRequest[] = [];
  const sessions: CDPSession[] = [];
  const watched = new WeakSet<Target>();
  const watch = async (target: Target): Promise<void> => {
    if (!target.url().startsWith(extensionOrigin) || watched.has(target)) return;
    watched.add(target);
    const context = `${target.type()} ${target.url()}`;
    try {
      const session = await target.createCDPSession();
      sessions.push(session);
      session.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
        if (/^(https?|wss?):/i.test(event.request.url)) found.push({ context, url: event.request.url });
      });
      await session.send('Network.enable');
    } catch {
      // A popup or tab that closed before the watch attached: nothing of it to see any more.
    }
  };
  const onCreated = (target: Target): void => void watch(target);
  browser.on('targetcreated', onCreated);
  browser.on('targetchanged', onCreated);
  await Promise.all(browser.targets().map(watch));
  return {
    requests: () => found.map((entry) => ({ ...entry })),
    async stop() {
      browser.off('targetcreated', onCreated);
      browser.off('targetchanged', onCreated);
      await Promise.all(sessions.splice(0).map((session) => session.detach().catch(() => undefined)));
    },
  };
}
