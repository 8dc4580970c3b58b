/**
 * Bundle budgets (min+gzip, gzip level 9), checked on the built extensions: the content script
 * runs on the reader's click, so its size is felt on every use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT } from '../../utils/messages';

const KB = 1024;
const BUDGETS = { content: 50 * KB, popup: 35 * KB, background: 15 * KB };
const TARGETS = ['chrome-mv3', 'firefox-mv3'];

const gzipBytes = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every file a popup load fetches: its HTML, then the scripts and styles it links. */
function popupFiles(dir: string): string[] {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => path.join(dir, m[1] ?? ''));
  return [path.join(dir, 'popup.html'), ...linked];
}

export function bundleSizes(dir: string): Record<keyof typeof BUDGETS, number> {
  const sum = (files: string[]): number => files.reduce((total, f) => total + gzipBytes(f), 0);
  const background = path.join(dir, 'background.js');
  // Everything that goes into a page: the script the popup injects, and any declared content script.
  const declared = path.join(dir, 'content-scripts');
  const inPage = [
    path.join(dir, CONTENT_SCRIPT),
    ...(existsSync(declared)
      ? readdirSync(declared)
          .filter((f) => f.endsWith('.js'))
          .map((f) => path.join(declared, f))
      : []),
  ];
  return {
    content: sum(inPage),
    popup: sum(popupFiles(dir)),
    background: existsSync(background) ? gzipBytes(background) : 0,
  };
}

/**
 * Code a bundle can carry without running it, which the budgets alone would let pass: Readability
 * (a CommonJS module, kept whole once imported) and webextension-polyfill (run on load, pulled in
 * once by WXT's auto-imports). Neither belongs in the page, nor the polyfill in the parser.
 */
const READABILITY = 'FLAG_STRIP_UNLIKELYS';
const POLYFILL = 'This script should only be loaded in a browser extension';

/** Every script a page of the extension loads: the ones its HTML links, and their imports. */
function pageScripts(dir: string, html: string): string[] {
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(path.join(path.dirname(file), m[1] ?? ''));
  };
  const page = readFileSync(path.join(dir, html), 'utf8');
  for (const m of page.matchAll(/src="\/?([^"]+\.js)"/g)) visit(path.join(dir, m[1] ?? ''));
  return [...files];
}

describe.each(TARGETS)('bundle sizes, %s', (target) => {
  const dir = path.resolve('.output', target);

  it('is built', () => {
    expect(existsSync(path.join(dir, 'manifest.json')), `run "npm run build" first (${dir})`).toBe(true);
  });

  it('stays within budget', () => {
    const sizes = bundleSizes(dir);
    console.log(`${target} min+gzip bytes:`, JSON.stringify(sizes));
    expect(sizes.content).toBeGreaterThan(0);
    expect(sizes.popup).toBeGreaterThan(0);
    for (const [entry, budget] of Object.entries(BUDGETS))
      expect(sizes[entry as keyof typeof BUDGETS], entry).toBeLessThanOrEqual(budget);
  });
});

describe.each(TARGETS)('what the bundles carry, %s', (target) => {
  const dir = path.resolve('.output', target);
  const holds = (files: string[], marker: string): string[] =>
    files.filter((file) => readFileSync(file, 'utf8').includes(marker)).map((file) => path.relative(dir, file));

  it('keeps Readability and webextension-polyfill out of the page, and the polyfill out of the parser', () => {
    const inPage = [path.join(dir, CONTENT_SCRIPT)];
    const parser = pageScripts(dir, 'offscreen.html');
    expect(parser.length).toBeGreaterThan(0);
    expect(holds(inPage, READABILITY)).toEqual([]);
    expect(holds(inPage, POLYFILL)).toEqual([]);
    expect(holds(parser, POLYFILL)).toEqual([]);
    // The markers are the ones these libraries hold: the parser runs Readability, the popup the polyfill.
    expect(holds(parser, READABILITY).length).toBeGreaterThan(0);
    expect(holds(pageScripts(dir, 'popup.html'), POLYFILL).length).toBeGreaterThan(0);
  });
});
