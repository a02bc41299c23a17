import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'core/index': 'src/core/index.ts',
      'association/index': 'src/association/index.ts',
      'sequence/index': 'src/sequence/index.ts',
      'rfm/index': 'src/rfm/index.ts',
      'clv/index': 'src/clv/index.ts',
      'classify/index': 'src/classify/index.ts',
      'cluster/index': 'src/cluster/index.ts',
      'profile/index': 'src/profile/index.ts',
      'churn/index': 'src/churn/index.ts',
      'report/index': 'src/report/index.ts',
      'notebook/index': 'src/notebook/index.ts',
      'sql/index': 'src/sql/index.ts',
      'worker/index': 'src/worker/index.ts',
      'worker/entry': 'src/worker/entry.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    splitting: true,
    shims: true,
    treeshake: true,
    target: 'es2022',
  },
  {
    // The worker script for browsers: one self-contained file (no imports to resolve), loaded
    // by URL. Optional peers stay out; the tasks it runs do not need them.
    entry: { 'worker/browser': 'src/worker/entry.ts' },
    format: ['iife'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    noExternal: [/.*/],
    external: ['brain.js', 'gpu.js', 'vega', 'vega-lite', 'apache-arrow', '@duckdb/node-api', 'pg'],
    // Node-only paths read import.meta.url; in a Web Worker they are never taken.
    esbuildOptions: (o) => {
      o.logOverride = { 'empty-import-meta': 'silent' };
    },
  },
  {
    entry: { cli: 'src/report/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
  },
]);
