import { defineConfig } from 'vitest/config';

// Three tiers (see docs/testing.md): pure core tests beside the code, HTTP + database
// tests in test/integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
// browser journeys in test/e2e (skipped with a plain message when Chromium is absent).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Browser journeys run a dozen steps against a real server; on a loaded CI machine
    // one can take a minute. Unit tests finish in milliseconds either way.
    testTimeout: 120_000,
    // Browser journeys poll the screen; on a loaded 2-core CI machine a server round trip
    // can take seconds, so a poll waits up to 20 s before it fails.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
