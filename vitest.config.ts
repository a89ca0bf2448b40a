import { defineConfig } from 'vitest/config';

/**
 * Four tiers (docs/testing.md), each runnable alone: `npm run test:unit` (pure core tests
 * beside the code), `test:int` (HTTP + database in test/integration, on PGlite and, when
 * TEST_DATABASE_URL is set, PostgreSQL), `test:reliability` (the product as a real process:
 * kill -9, restart, restore) and `test:e2e` (browser journeys in Debian Chromium).
 * `npm test` runs them all.
 */
const shared = {
  // Browser journeys and process tests run a dozen steps against a real server; on a loaded
  // 2-core CI machine one can take a minute. Unit tests finish in milliseconds either way.
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // Browser journeys poll the screen; a server round trip on a loaded machine can take seconds.
  expect: { poll: { timeout: 20_000, interval: 100 } },
};

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'unit', include: ['src/**/*.test.ts'] } },
      { test: { ...shared, name: 'int', include: ['test/integration/**/*.test.ts'] } },
      { test: { ...shared, name: 'reliability', include: ['test/reliability/**/*.test.ts'] } },
      { test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
