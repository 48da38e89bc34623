import { defineConfig } from 'vitest/config';

/**
 * Suites that start processes, worker threads or a fake Discord, or that run many generated cases:
 * most of `npm test`'s time. `npm run test:unit` leaves them out for the edit loop; `npm test`
 * (what CI runs) runs everything.
 */
const SLOW = [
  'test/e2e/**',
  'test/redis/**',
  'test/fuzz/**',
  'test/store/load-in-worker.test.ts',
  'test/store/hot-reload.test.ts',
  'test/facts/big.test.ts',
];

export default defineConfig({
  test: {
    // The fuzz suite is large; `npm run fuzz` runs it with FUZZ=1 for the long version.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW.map((glob) => (glob.endsWith('.ts') ? glob : `${glob}/*.test.ts`)) } },
    ],
  },
});
