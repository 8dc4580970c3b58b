// Serves tests/fixtures/ over real HTTP: content scripts, activeTab and host permissions behave
// differently on file:// URLs, and readers use http(s) pages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const FIXTURES_ROOT = path.resolve('tests/fixtures');

/**
 * The shared corpora, next to the repository (never copied into it). The tests run from the
 * repository root, as the fixtures path above assumes too.
 */
export const CORPORA_ROOT = path.resolve('../shared/corpora');

/** `/corpora/<set>/<name>.html` serves `../shared/corpora/<set>/html/<name>.html.gz`, gunzipped. */
const CORPUS_ROUTE = /^\/corpora\/(aeb|fundus-a|htmldate-a|readability-pages)\/([\w.-]+)\.html$/;

/**
 * Written in an HTML fixture, replaced by the server's origin (e.g. `http://127.0.0.1:41234`), for
 * absolute URLs that must reach this server from any context (an extension page included).
 */
export const FIXTURE_ORIGIN_PLACEHOLDER = '__FIXTURE_ORIGIN__';

/** Like FIXTURE_ORIGIN_PLACEHOLDER, but `http://localhost:<port>`: the same server, another origin (frames). */
export const FIXTURE_CROSS_ORIGIN_PLACEHOLDER = '__FIXTURE_CROSS_ORIGIN__';

/** Any request to `/canary…` is recorded (see FixtureServer.canaryHits) and answered 204. */
const CANARY_ROUTE = /^\/canary(?:[/?]|$)/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** One request that reached `/canary`: a payload ran (or a resource it names was fetched). */
export interface CanaryHit {
  /** Path and query, e.g. `/canary?vector=img-onerror`. */
  readonly url: string;
  /** `vector` query parameter, or null. */
  readonly vector: string | null;
  /** The Referer header (absent from the reader view, which sends no referrer). */
  readonly referer: string | null;
  /** Date.now() when the server received it. */
  readonly at: number;
}

export interface FixtureServerOptions {
  /**
   * Extra response headers per request (e.g. a Content-Security-Policy for one fixture), given
   * the request URL resolved against the server's origin. Undefined or {} adds nothing.
   */
  headersFor?: (url: URL) => Record<string, string> | undefined;
}

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** URL of a file given relative to tests/fixtures, e.g. `url('seed/watson-metadata.html')`. */
  url(relativePath: string): string;
  /** URL of an AEB page served from the shared corpus, by its 64-hex id. */
  aebUrl(id: string): string;
  /** URL of any corpus page, by its set and its file name without `.html.gz`. */
  corpusUrl(set: string, name: string): string;
  /** Every `/canary` request so far, oldest first. */
  canaryHits(): readonly CanaryHit[];
  /** From now on, HTML fixtures are served with these texts replaced: the site edited its article. */
  setEdits(edits: readonly (readonly [from: string, to: string])[]): void;
  stop(): Promise<void>;
}

/** The charset a page declares in its first bytes, else UTF-8: what the analyze CLI decodes with. */
function sniffCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

/** Reads a gzipped corpus page; its charset goes in the header so the browser decodes as the CLI does. */
async function readCorpusPage(set: string, name: string): Promise<{ body: Buffer; type: string }> {
  const body = gunzipSync(await readFile(path.join(CORPORA_ROOT, set, 'html', `${name}.html.gz`)));
  return { body, type: `text/html; charset=${sniffCharset(body)}` };
}

async function readFixture(
  file: string,
  origin: string,
  edits: readonly (readonly [string, string])[],
): Promise<{ body: Buffer; type: string }> {
  let body = await readFile(file);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const placeholders = body.includes(FIXTURE_ORIGIN_PLACEHOLDER) || body.includes(FIXTURE_CROSS_ORIGIN_PLACEHOLDER);
  if (type.startsWith('text/html') && (edits.length || placeholders)) {
    let html = body
      .toString('utf8')
      .replaceAll(FIXTURE_ORIGIN_PLACEHOLDER, origin)
      .replaceAll(FIXTURE_CROSS_ORIGIN_PLACEHOLDER, origin.replace('127.0.0.1', 'localhost'));
    for (const [from, to] of edits) html = html.replaceAll(from, to);
    body = Buffer.from(html, 'utf8');
  }
  return { body, type };
}

/** Maps a request path to a file under the fixtures root, or null if it escapes the root. */
function resolveFixturePath(requestUrl: string): string | null {
  const pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  const file = path.resolve(FIXTURES_ROOT, `.${pathname}`);
  return file.startsWith(FIXTURES_ROOT + path.sep) ? file : null;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const hits: CanaryHit[] = [];
  let origin = '';
  let edits: readonly (readonly [string, string])[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const requestUrl = new URL(request.url ?? '/', 'http://127.0.0.1');
    const extraHeaders = options.headersFor?.(requestUrl) ?? {};
    if (CANARY_ROUTE.test(requestUrl.pathname)) {
      hits.push({
        url: `${requestUrl.pathname}${requestUrl.search}`,
        vector: requestUrl.searchParams.get('vector'),
        referer: request.headers.referer ?? null,
        at: Date.now(),
      });
      response.writeHead(204, { 'cache-control': 'no-store' }).end();
      return;
    }
    const corpusPage = CORPUS_ROUTE.exec(requestUrl.pathname);
    const file = corpusPage ? null : resolveFixturePath(request.url ?? '/');
    if (!corpusPage && !file) {
      response.writeHead(403).end();
      return;
    }
    (corpusPage
      ? readCorpusPage(corpusPage[1] as string, corpusPage[2] as string)
      : readFixture(file as string, origin, edits)
    ).then(
      ({ body, type }) => {
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...extraHeaders }).end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  };
  const server: Server = createServer(handle);
  // Port 0: the OS picks a free port, so parallel checkouts and leftover servers never collide.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (relativePath) => new URL(relativePath, `${origin}/`).href,
    aebUrl: (id) => `${origin}/corpora/aeb/${id}.html`,
    corpusUrl: (set, name) => `${origin}/corpora/${set}/${encodeURIComponent(name)}.html`,
    canaryHits: () => [...hits],
    setEdits: (next) => {
      edits = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
