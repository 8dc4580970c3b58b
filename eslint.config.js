// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

/** Modules the pure core may never import: it runs in Node, tests and benchmarks too. */
const EXTENSION_ONLY = [
  'wxt',
  'wxt/*',
  '#imports',
  'webextension-polyfill',
  'preact',
  'preact/*',
  '@/utils/*',
  '@/components/*',
  '@/entrypoints/*',
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no extension APIs, no UI, no globals of a browser or of Node.
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: EXTENSION_ONLY, message: 'core/ is pure: no extension or UI code.' }] },
      ],
      'no-restricted-globals': [
        'error',
        'browser',
        'chrome',
        'window',
        'document',
        'location',
        'navigator',
        'process',
        'localStorage',
      ],
    },
  },
  {
    // The content script may not pull in UI code, and the UI may not import the content script.
    // Nor the figures: the popup reads them (core/report.ts), the content script's budget has no room.
    files: ['entrypoints/in-page.ts', 'utils/content-answers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['preact', 'preact/*', '@/components/*', '@/entrypoints/popup/*'],
              message: 'The content script stays lean: no UI code.',
            },
            {
              group: ['@/core/report', '@/core/figures', '@/core/numbers', 'wxt/browser', 'webextension-polyfill'],
              message: 'Not in the content script: the figures run in the popup; the page script uses the native API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**', 'entrypoints/popup/**', 'entrypoints/reader/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/entrypoints/in-page',
                '@/utils/content-answers',
                '@mozilla/readability',
                '@/core/report',
                '@/core/read-page',
                '@/core/article',
              ],
              message: 'The popup never parses pages (it reads the figures from the page’s blocks: core/with-figures).',
            },
          ],
        },
      ],
    },
  },
);
