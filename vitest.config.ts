import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{kernel,plugins,presets,emulator,test}/**/*.test.{ts,tsx}'],
    // Chromium suites run once, in the e2e config.
    exclude: ['**/node_modules/**', 'test/e2e/**', '**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    typecheck: { enabled: false },
  },
});
