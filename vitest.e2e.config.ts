import { defineConfig } from 'vitest/config';

// Real-browser tests: each file launches a browser, so files run one after another
// (2 cores; two browsers at once make launches flaky and timings meaningless).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
