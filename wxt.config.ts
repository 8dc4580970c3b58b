import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Fixed so Firefox keeps the reader's data across updates and tests can map it to a UUID. */
export const GECKO_ID = 'lede@lede-reader.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Both browsers get Manifest V3; Firefox MV3 uses an event page (background.scripts).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  zip: {
    // Reviewers rebuild from this: sources, lockfile and configs; tests and CI are not needed.
    excludeSources: ['tests/**', '.ci/**', '.tmp/**', '*.log', 'scripts/install-browsers.sh'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage'],
    // Never at install: asked per site when the reader chooses to allow Lede there.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Changeable in chrome://extensions/shortcuts and Firefox's add-on shortcut settings.
      // Not Alt+Shift+R: Chromium 156 keeps that one and leaves the command unbound (e2e).
      'open-reader-view': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdReader__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
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
