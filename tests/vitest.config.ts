import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Lives in tests/ to keep the top level to the files the project layout names.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // The packed-package tests have their own set-up: npm run test:package.
    exclude: [...configDefaults.exclude, 'tests/package/**'],
    testTimeout: 60_000,
    // A throw-away PostgreSQL for tests/sql (CRM_PG_URL).
    globalSetup: ['tests/sql/postgres.setup.ts'],
  },
});
