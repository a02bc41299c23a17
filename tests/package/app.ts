// The user's path to crm-mining: `npm pack`, a new empty project in a temporary folder, and
// `npm install <tarball>` there. Shared by the package tests (tests/package) and the install
// and import figures (benchmarks/package.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

/** Runs npm in a folder and returns what it printed. */
export function npm(cwd: string, args: string[]): string {
  return execFileSync(NPM, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Packs the built package (dist/ must be current) and returns the tarball's path. */
export function pack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-pack-'));
  const out = JSON.parse(npm(ROOT, ['pack', '--json', '--pack-destination', dir, ...quiet])) as { filename: string }[];
  return join(dir, (out[0] as { filename: string }).filename);
}

/**
 * A new empty app in a temporary folder with the tarball installed, as `npm install crm-mining`
 * would: the package's dependencies, none of its dev dependencies and no optional peer.
 */
export function createApp(tarball: string, { type = 'module' }: { type?: 'module' | 'commonjs' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-app-'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'crm-user-app', version: '1.0.0', private: true, type }, null, 2)}\n`);
  npm(dir, ['install', tarball, '--prefer-offline', ...quiet]);
  return dir;
}

/** Installs more packages into an app (versions as this repository's lockfile has them). */
export function addToApp(dir: string, names: string[]): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const specs = names.map((name) => `${name}@${lock.packages[`node_modules/${name}`]?.version ?? 'latest'}`);
  npm(dir, ['install', ...specs, '--prefer-offline', ...quiet]);
}

/** Bytes under a path (files' sizes, symbolic links not followed), as an installed tree's size. */
export function sizeOf(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (s === undefined || s.isSymbolicLink()) return 0;
  return s.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : s.size;
}
