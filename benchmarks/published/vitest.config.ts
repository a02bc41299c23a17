import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The published counts on ../shared/data (datasets without stated terms, not in the repository):
// `npm run bench:published`. Not part of `npm test`, which needs nothing beside the clone.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['benchmarks/published/*.published.test.ts'],
    testTimeout: 300_000,
  },
});
