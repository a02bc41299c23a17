import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The package as a user meets it: packed, installed into new empty apps, imported, type-checked,
// run through npx, bundled for browsers and run in Chromium, and run under Deno.
// `npm run test:package` (builds first); .ci/run calls it.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/package/*.pkg.test.ts'],
    globalSetup: ['tests/package/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
