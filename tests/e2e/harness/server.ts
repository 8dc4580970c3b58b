// Serves tests/fixtures/ over real HTTP: content scripts, activeTab and host permissions behave
// differently on file:// URLs, and readers use http(s) pages.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const FIXTURES_ROOT = path.resolve('tests/fixtures');

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

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** URL of a file given relative to tests/fixtures, e.g. `url('seed/watson-metadata.html')`. */
  url(relativePath: string): string;
  stop(): Promise<void>;
}

/** Maps a request path to a file under the fixtures root, or null if it escapes the root. */
function resolveFixturePath(requestUrl: string): string | null {
  const pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  const file = path.resolve(FIXTURES_ROOT, `.${pathname}`);
  return file.startsWith(FIXTURES_ROOT + path.sep) ? file : null;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const file = resolveFixturePath(request.url ?? '/');
    if (!file) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  });
  // Port 0: the OS picks a free port, so parallel checkouts and leftover servers never collide.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (relativePath) => new URL(relativePath, `${origin}/`).href,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
