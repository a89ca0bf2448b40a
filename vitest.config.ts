import { defineConfig } from 'vitest/config';

// Three tiers (see docs/testing.md): pure core tests beside the code, HTTP + database
// tests in test/integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
// browser journeys in test/e2e (skipped with a plain message when Chromium is absent).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
