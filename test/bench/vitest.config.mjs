// Runs only the bench's scenario files (kept out of `npm test` by their *.scenario.ts names).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/bench/*.scenario.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
