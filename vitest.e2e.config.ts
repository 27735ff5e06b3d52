import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core against the
// playground served on 127.0.0.1. They run after the build, one file at a time. test/visual/ holds the
// visual regression, axe-core and keyboard checks (references in test/visual/__screenshots__/).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts', 'test/visual/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
