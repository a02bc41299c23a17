/**
 * The library under test: the built package (dist/, what users run) when it exists, else the
 * TypeScript sources. `npm run bench` builds first. Running the sources through tsx is slower:
 * tsx wraps every function in a naming helper.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Lib = typeof import('../src/index');
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

export const lib: Lib = existsSync(dist) ? ((await import(dist)) as Lib) : await import('../src/index');
export const libSource = existsSync(dist) ? 'dist' : 'src';
