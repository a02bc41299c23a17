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
      'churn/index': 'src/churn/index.ts',
      'report/index': 'src/report/index.ts',
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
    entry: { cli: 'src/report/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
  },
]);
