import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The core runs on real pages parsed by jsdom, as in the CLI; UI tests opt into happy-dom.
    environment: 'node',
    testTimeout: 60_000,
  },
});
