import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Lives in tests/ to keep the top level to the files the project layout names.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
