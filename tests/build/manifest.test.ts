/**
 * What each build asks of the reader, exactly: every permission is there for a reason given in
 * wxt.config.ts, and none is added without this test (and its reason) changing with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: { extension_pages?: string };
  icons?: Record<string, string>;
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

const read = (target: string): Manifest =>
  JSON.parse(readFileSync(path.resolve('.output', target, 'manifest.json'), 'utf8')) as Manifest;

// Issue 10 names activeTab, scripting and storage; alarms, offscreen and unlimitedStorage came
// with issue 7 (watched articles, a history past 10 MB), each with its reason in wxt.config.ts.
describe.each([
  // offscreen: the watched articles' parser (a service worker has no DOM); unlimitedStorage: the
  // history past 10 MB. Neither shows an install warning.
  ['chrome-mv3', ['activeTab', 'scripting', 'storage', 'alarms', 'offscreen', 'unlimitedStorage']],
  // Firefox reads watched articles in a frame of its background page and sets no storage quota.
  ['firefox-mv3', ['activeTab', 'scripting', 'storage', 'alarms']],
])('manifest, %s', (target, permissions) => {
  const manifest = read(target);

  it('asks for these permissions at install, and no site', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...permissions].sort());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('asks for sites and notifications only when the reader chooses them', () => {
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
  });

  it('lets no web page or other extension reach it: nothing web-accessible, no external messages', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs only its own scripts, and no web page may frame its pages', () => {
    expect(manifest.content_security_policy?.extension_pages).toBe(
      "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
    );
  });

  it('has its icon in every size the stores and toolbars use', () => {
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48', '96']);
  });
});

describe('manifest, firefox-mv3, data collection', () => {
  it('declares to Firefox that it collects no data', () => {
    expect(read('firefox-mv3').browser_specific_settings?.gecko?.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });
});
