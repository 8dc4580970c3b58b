import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Fixed so Firefox keeps the reader's data across updates and tests can map it to a UUID. */
export const GECKO_ID = 'lede@lede-reader.org';

/** WXT's own `browser`: the browser's native API object, without webextension-polyfill. */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every module imports what it uses. With them on, WXT's import scan put
  // webextension-polyfill into the content script and the parser, where it ran on each load
  // unused (tests/build/bundle-size.test.ts keeps it out).
  imports: false,
  // Both browsers get Manifest V3; Firefox MV3 uses an event page (background.scripts).
  manifestVersion: 3,
  // No modulepreload polyfill: both browsers' extension pages support modulepreload natively
  // (Chromium 66, Firefox 115), and its 0.3 KB counts against the popup's budget.
  // The bench build (bench/run.ts) keeps source maps, to name the functions of its CPU profiles.
  vite: ({ mode }) => ({
    plugins: [preact()],
    build: { modulePreload: { polyfill: false }, sourcemap: mode === 'bench' },
  }),
  hooks: {
    // The background runs on the browsers' native API: both browsers' Manifest V3 APIs return
    // promises, and its one message listener answers through sendResponse, so the polyfill
    // (3 KB min+gzip) would buy it nothing but weight against its 15 KB budget. The popup and
    // the reader view keep the polyfill; the content script never had it (in-page.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((entry) => entry.type === 'background')) return;
      const alias = config.resolve?.alias ?? [];
      const existing = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...existing],
      };
    },
  },
  zip: {
    // Reviewers rebuild from this: sources, lockfile and configs; tests and CI are not needed.
    excludeSources: ['tests/**', '.ci/**', '.tmp/**', '*.log', 'scripts/install-browsers.sh'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the schedule of watched articles, and closing the parser when idle (no install
    // warning; Firefox cannot make it optional). offscreen (Chrome): the page that reads articles
    // (the one the reader clicked Lede on, the watched ones), since a service worker has no DOM
    // (no install warning).
    // unlimitedStorage (Chrome): the history may hold up to 5,000 articles (about 6 KB each), past
    // the 10 MB storage.local holds without it; Firefox sets no such quota. No install warning.
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen', 'unlimitedStorage']),
    ],
    // Asked in the options page, only when the reader turns on notifications of changes.
    optional_permissions: ['notifications'],
    // Never at install: asked per site when the reader chooses to allow Lede there.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Changeable in chrome://extensions/shortcuts and Firefox's add-on shortcut settings.
      // Not Alt+Shift+R: Chromium 156 keeps that one and leaves the command unbound (e2e).
      'open-reader-view': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdReader__' },
      // Not Alt+Shift+H: Firefox 153 takes it before the extension (e2e).
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdHighlights__' },
    },
    content_security_policy: {
      // frame-ancestors 'self': only Lede's own background page may frame its pages (Firefox's
      // parser of watched articles, utils/off-page-parser.ts); no web page may.
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: the CSS Custom Highlight API, used for highlights in the page.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
