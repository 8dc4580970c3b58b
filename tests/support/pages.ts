/** Real pages for unit tests: the seed fixtures and the shared corpora, parsed by jsdom as in the CLI. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_DIR = path.join(ROOT, 'tests/fixtures/seed');
export const CORPORA = path.resolve(ROOT, '../shared/corpora');

export function loadHtml(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function parse(html: string, url = 'http://localhost/'): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export function loadPage(file: string, url?: string): Document {
  return parse(loadHtml(file), url);
}

export interface GoldLine {
  id: string;
  html: string;
  [field: string]: unknown;
}

export function readGold(set: string): GoldLine[] {
  return readFileSync(path.join(CORPORA, set, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as GoldLine);
}
