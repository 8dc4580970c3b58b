/**
 * The benchmark's pages, read where they lie in ../shared/corpora (never copied), and the HTTP
 * server the browsers load them from:
 *
 *   /corpus/<set>/<file>.html   a corpus page, gunzipped, with its declared charset in the header
 *   /grown/<n>.html             the scaling article with its paragraphs repeated n times
 *
 * Every other host is unreachable in the benchmark's browsers (bench/chromium.ts,
 * bench/firefox.ts), so a page's own scripts and images fail at once instead of timing out.
 */
import { readFileSync, openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { CORPORA_ROOT } from '../tests/e2e/harness/server';
import { decodeHtml } from '../core/charset';

export interface BenchPage {
  /** Corpus name, e.g. `aeb`. */
  set: string;
  /** The file's path relative to the set, e.g. `html/ab12….html.gz`. */
  file: string;
  /** Uncompressed bytes. */
  bytes: number;
  /** Characters of the article's text in the gold file (0 where the set has none). */
  articleChars: number;
}

interface GoldLine {
  html: string;
  body?: string;
}

/** Uncompressed size from the gzip trailer (ISIZE, the size mod 2^32; the pages are far smaller). */
function gunzippedSize(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const trailer = Buffer.alloc(4);
    readSync(fd, trailer, 0, 4, fstatSync(fd).size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}

/** The pages of a set, in its gold.jsonl order. */
export function corpusPages(set: string): BenchPage[] {
  const dir = path.join(CORPORA_ROOT, set);
  return readFileSync(path.join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as GoldLine)
    .map(({ html, body }) => ({
      set,
      file: html,
      bytes: gunzippedSize(path.join(dir, html)),
      articleChars: body?.length ?? 0,
    }));
}

/** The `count` largest pages of a set, largest first. */
export function largestPages(set: string, count: number): BenchPage[] {
  return corpusPages(set)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** The page whose article is of the median length: the scaling run's article and the popup's fixed report. */
export function medianArticle(pages: readonly BenchPage[]): BenchPage {
  const sorted = [...pages].sort((a, b) => a.articleChars - b.articleChars);
  const page = sorted[sorted.length >> 1];
  if (!page) throw new Error('bench: no pages');
  return page;
}

export function readPageHtml(page: BenchPage): string {
  return decodeHtml(gunzipSync(readFileSync(path.join(CORPORA_ROOT, page.set, page.file))));
}

/**
 * The article grown `times` times: the element holding most of its paragraphs gets them again,
 * `times - 1` more copies in order, so the text grows and the page around it stays the same.
 */
export function grownArticle(html: string, times: number): string {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    let body: Element | null = null;
    let most = 0;
    for (const element of doc.querySelectorAll('body *')) {
      const count = Array.from(element.children).filter((child) => child.tagName === 'P').length;
      if (count > most) [body, most] = [element, count];
    }
    if (!body) throw new Error('bench: the scaling article has no paragraphs');
    const paragraphs = Array.from(body.children).filter((child) => child.tagName === 'P');
    const last = paragraphs.at(-1) as Element;
    let after: Element = last;
    for (let copy = 1; copy < times; copy++) {
      for (const p of paragraphs) {
        const clone = p.cloneNode(true) as Element;
        after.after(clone);
        after = clone;
      }
    }
    return dom.serialize();
  } finally {
    dom.window.close();
  }
}

export interface PageServer {
  readonly origin: string;
  url(page: BenchPage): string;
  grownUrl(times: number): string;
  stop(): Promise<void>;
}

/** Serves the corpora and the grown article (its HTML made once per size, on first request). */
export async function startPageServer(scalingArticle: BenchPage): Promise<PageServer> {
  const grown = new Map<number, string>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const send = (body: string | Buffer): void => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    };
    try {
      const grownMatch = /^\/grown\/(\d+)\.html$/.exec(pathname);
      if (grownMatch) {
        const times = Number(grownMatch[1]);
        if (!grown.has(times)) grown.set(times, grownArticle(readPageHtml(scalingArticle), times));
        send(grown.get(times) as string);
        return;
      }
      const corpusMatch = /^\/corpus\/([\w-]+)\/(html\/[\w.-]+\.html\.gz)\.html$/.exec(pathname);
      if (corpusMatch) {
        // Decoded here and sent as UTF-8, as the analyze CLI decodes it (core/charset.ts).
        send(
          readPageHtml({ set: corpusMatch[1] as string, file: corpusMatch[2] as string, bytes: 0, articleChars: 0 }),
        );
        return;
      }
      response.writeHead(404).end();
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}/corpus/${page.set}/${page.file}.html`,
    grownUrl: (times) => `${origin}/grown/${times}.html`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
