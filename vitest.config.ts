import { defineConfig } from 'vitest/config';

// Three tiers (see README "Testing"): unit (pure, fast), api (buildApp against a real
// database: PGlite, and PostgreSQL when TEST_DATABASE_URL is set), e2e (Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/domain/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/server/**/*.unit.test.ts', 'scripts/**/*.test.ts', 'src/web/i18n/**/*.test.ts', 'src/web/lib/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          // Runs after the unit tests, with its own worker limit.
          sequence: { groupOrder: 1 },
          include: ['src/server/**/*.api.test.ts', 'demo/**/*.api.test.ts'],
          environment: 'node',
          // Migrates and seeds the demo once per run; each file starts from a copy (test/seed-template.ts).
          globalSetup: ['./test/seed-template.ts'],
          // Each file boots its own database; PGlite takes a few seconds to start.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Two cores: more workers than that only makes PGlite boots fight.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
