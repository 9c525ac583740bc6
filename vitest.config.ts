import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests left out of the fast loop (`npm run test:unit`, project "unit"): the browser tests, and
 * those that spawn server or CLI processes (crash recovery, the command line: minutes each).
 * `npm test` runs both projects.
 */
const SLOW = ['e2e/**/*.test.ts', 'test/inquiries-crash.test.ts', 'test/cli.test.ts', 'test/sites-cli.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
