import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{kernel,plugins,presets,emulator,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    typecheck: { enabled: false },
  },
});
