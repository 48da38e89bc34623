import { defineConfig } from 'vitest/config';

/**
 * Suites that start processes, worker threads, servers or a fake Discord, or that load or reload
 * thousands of generated facts: most of `npm test`'s time. `npm run test:unit` leaves them out for the
 * edit loop and runs the rest in worker threads without a fresh module graph per file (`--pool threads
 * --no-isolate`: ~19 s on 2 cores instead of ~72 s; every suite passes both ways); `npm test` (what CI
 * runs) runs everything, each file isolated in its own fork.
 */
const SLOW = [
  'test/e2e/**',
  'test/redis/**',
  'test/fuzz/**',
  'test/store/load-in-worker.test.ts',
  'test/store/hot-reload.test.ts',
  'test/store/fact-store.test.ts',
  'test/store/semantic-store.test.ts',
  'test/store/reload-warnings.test.ts',
  'test/facts/big.test.ts',
  'test/console/console-logs.test.ts',
  'test/console/readme-sample.test.ts',
  'test/http/main-http.test.ts',
  'test/http/http-mode.test.ts',
  'test/bench/measure.test.ts',
  'test/cli/ask.test.ts',
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
