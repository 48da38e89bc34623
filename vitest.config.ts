import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fuzz suite is large; `npm run fuzz` runs it with FUZZ=1 for the long version.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
