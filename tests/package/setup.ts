/**
 * Packs the built package once and installs it into two new empty apps: `bare` (what
 * `npm install crm-mining` gives: no optional peer) and `full` (with brain.js and gpu.js).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { addToApp, createApp, pack } from './app';

declare module 'vitest' {
  export interface ProvidedContext { tarball: string; bareApp: string; fullApp: string }
}

export default function setup(project: TestProject): () => void {
  const tarball = pack();
  const bareApp = createApp(tarball);
  const fullApp = createApp(tarball);
  addToApp(fullApp, ['brain.js', 'gpu.js']);
  project.provide('tarball', tarball);
  project.provide('bareApp', bareApp);
  project.provide('fullApp', fullApp);
  return () => {
    if (process.env.KEEP_APPS === undefined) for (const dir of [bareApp, fullApp, dirname(tarball)]) rmSync(dir, { recursive: true, force: true });
  };
}
