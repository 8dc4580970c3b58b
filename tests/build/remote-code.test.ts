/**
 * No remote code (issue 10, item 5), checked on what ships: every script an extension page or the
 * manifest names is a file of the build; no bundle imports, fetches as script or evaluates code
 * from anywhere (no eval, no Function constructor, no string timers, no dynamic import,
 * no importScripts); the extension pages' CSP allows the extension's own scripts only.
 *
 * Every http(s) address written in the bundles is listed below with what it is; a new one fails
 * the test until someone looks at it. None is ever fetched:
 *   - XML namespace names (Preact and DOMPurify create SVG and MathML elements by namespace);
 *   - WXT's storage module's error message, which points developers at its docs.
 * What the bundles do not contain, because the libraries do not use it: Preact renders by DOM
 * calls, DOMPurify parses with DOMParser/template, Readability walks the DOM; none of them
 * evaluates strings.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TARGETS = ['chrome-mv3', 'firefox-mv3'];

const KNOWN_ADDRESSES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'https://github.com/wxt-dev/wxt/issues/371',
  'https://wxt.dev/guide/go-further/testing.html',
]);

/** Ways of running code that is not a file of the build. A match is reported with its context. */
const CODE_FROM_ELSEWHERE: [string, RegExp][] = [
  ['eval', /(?<![.\w$])eval\s*\(/g],
  ['the Function constructor', /(?<![.\w$])(?:new\s+)?Function\s*\(/g],
  ['a timer given a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ['a dynamic import', /(?<![.\w$])import\s*\(/g],
  ['importScripts', /\bimportScripts\s*\(/g],
  ['a static import of an address', /\b(?:from|import)\s*["'`](?:https?:)?\/\//g],
];

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
}

/** `script-src 'self'; object-src 'none'` → { 'script-src': ["'self'"], 'object-src': ["'none'"] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name?.toLowerCase() ?? '', sources]),
  );
}

describe.each(TARGETS)('no remote code, %s', (target) => {
  const dir = path.resolve('.output', target);
  const files = existsSync(dir) ? filesOf(dir) : [];
  const relative = (file: string): string => path.relative(dir, file);
  const scripts = files.filter((file) => file.endsWith('.js'));
  const pages = files.filter((file) => file.endsWith('.html'));

  it('is built, with its pages and scripts', () => {
    expect(existsSync(path.join(dir, 'manifest.json')), `run "npm run build" first (${dir})`).toBe(true);
    expect(pages.map(relative).sort()).toEqual(['offscreen.html', 'options.html', 'popup.html', 'reader.html']);
    expect(scripts.length).toBeGreaterThan(3);
  });

  it('loads in its pages only scripts and styles of its own, as files', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const tags = [...html.matchAll(/<(script|link)\b[^>]*>/gi)].map((match) => match[0]);
      for (const tag of tags) {
        const address = /\b(?:src|href)="([^"]*)"/i.exec(tag)?.[1];
        if (/^<script/i.test(tag)) expect(address, `${relative(page)}: inline script ${tag}`).toBeDefined();
        if (address === undefined) continue;
        expect(address, `${relative(page)}: ${tag}`).toMatch(/^\/[\w./-]+$/);
        expect(existsSync(path.join(dir, address)), `${relative(page)}: ${address} is not in the build`).toBe(true);
      }
      // Nothing but those tags loads code: no inline handlers, no inline script bodies.
      expect(html, relative(page)).not.toMatch(/<script\b[^>]*>\s*[^<\s]/i);
      expect(html, relative(page)).not.toMatch(/\son\w+\s*=/i);
    }
  });

  it('names in its manifest only scripts of its own', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const named = [
      manifest.background?.service_worker,
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
    ].filter((name): name is string => typeof name === 'string');
    expect(named).toEqual(['background.js']);
    for (const name of named) expect(existsSync(path.join(dir, name)), name).toBe(true);
  });

  it('runs no code but its files: no eval, Function, string timer, dynamic import or importScripts', () => {
    const found = scripts.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return CODE_FROM_ELSEWHERE.flatMap(([what, pattern]) =>
        [...code.matchAll(pattern)].map(
          (match) => `${relative(file)}: ${what}: …${code.slice(Math.max(0, match.index - 40), match.index + 40)}…`,
        ),
      );
    });
    expect(found).toEqual([]);
  });

  it('writes no address in its code but the known ones, none of which it fetches', () => {
    const addresses = new Set(
      [...scripts, ...pages].flatMap((file) => readFileSync(file, 'utf8').match(/https?:\/\/[^\s"'`<>)\\]+/g) ?? []),
    );
    expect([...addresses].filter((address) => !KNOWN_ADDRESSES.has(address)).sort()).toEqual([]);
  });

  it('lets its pages run only its own scripts (CSP)', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
    const csp = directives(manifest.content_security_policy?.extension_pages ?? '');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(["'none'", "'self'"]).toContain(csp['object-src']?.join(' '));
    // No directive lets in a host, inline code or eval.
    const everySource = Object.values(csp).flat();
    expect(everySource.filter((source) => /unsafe|^\*|:|\*\./i.test(source))).toEqual([]);
    // The default-src and worker-src fallbacks would loosen script-src for workers: none is set looser.
    expect(csp['default-src'] ?? ["'self'"]).toEqual(["'self'"]);
    expect(csp['worker-src'] ?? ["'self'"]).toEqual(["'self'"]);
  });
});
