/**
 * Install and import figures, as a new user meets them: the packed tarball installed into an
 * empty app (node_modules size, install time), and the time `import('crm-mining')` and each
 * subpath add to a bare `node -e 0`, the median of fresh processes taken in turn with the
 * baseline (so drift on a noisy machine hits both). Peers: the same figure for ml-kmeans and
 * simple-statistics, imported in the same app.
 *   npm run bench:package            (builds first; writes benchmarks/results/package.{json,md})
 *   npm run bench:package -- --runs 9
 * Targets (issue 15): node_modules ≤ 40 MB; main entry ≤ 80 ms and each subpath ≤ 40 ms above node.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RESULTS_DIR, optionValue } from './harness';
import { ROOT, createApp, pack, sizeOf } from '../tests/package/app';

const RUNS = Number(optionValue('--runs') ?? 7);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
const ENTRIES = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => (k === '.' ? 'crm-mining' : `crm-mining/${k.slice(2)}`));

/** Wall time of one fresh node process, in ms. */
function timeProcess(cwd: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed in ${cwd}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const tarball = pack();
const installStart = performance.now();
const app = createApp(tarball);
const installMs = performance.now() - installStart;
const nodeModulesMb = sizeOf(join(app, 'node_modules')) / 2 ** 20;
// What `du -sk` says: file sizes rounded up to the filesystem's blocks (larger for many small files).
const diskMb = Number(spawnSync('du', ['-sk', join(app, 'node_modules')], { encoding: 'utf8' }).stdout.split(/\s/)[0]) / 1024;
const topLevel = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')).map((n) => ({ name: n, mb: sizeOf(join(app, 'node_modules', n)) / 2 ** 20 })).sort((a, b) => b.mb - a.mb);

const targets = [...ENTRIES, 'ml-kmeans', 'simple-statistics'];
const imports = targets.map((id) => {
  const above: number[] = [];
  const base: number[] = [];
  timeProcess(app, ['--input-type=module', '-e', `await import('${id}')`]); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    const b = timeProcess(app, ['-e', '0']);
    const t = timeProcess(app, ['--input-type=module', '-e', `await import('${id}')`]);
    base.push(b);
    above.push(t - b);
  }
  const target = id === 'crm-mining' ? 80 : id.startsWith('crm-mining/') ? 40 : null;
  return { id, medianAboveNodeMs: median(above), minAboveNodeMs: Math.min(...above), nodeMs: median(base), targetMs: target };
});

const result = {
  meta: { node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString(), runs: RUNS, version: pkg.version },
  install: { nodeModulesMb, diskMb, targetMb: 40, installMs, largest: topLevel.slice(0, 8) },
  imports,
};
const fmt = (x: number) => x.toFixed(1);
const md = [
  '# package: install and import',
  '',
  `\`npm install <tarball>\` into an empty app: **${fmt(nodeModulesMb)} MB** of node_modules (target ≤ 40 MB; ${fmt(diskMb)} MB on disk by \`du\`), ${(installMs / 1000).toFixed(1)} s with a warm npm cache.`,
  `Largest: ${topLevel.slice(0, 6).map((t) => `${t.name} ${fmt(t.mb)} MB`).join(', ')}.`,
  '',
  `Import time above \`node -e 0\` (${fmt(median(imports.map((i) => i.nodeMs)))} ms here), median of ${RUNS} fresh processes each:`,
  '',
  '| module | median above node | min | target |',
  '|---|---:|---:|---:|',
  ...imports.map((i) => `| \`${i.id}\` | ${fmt(i.medianAboveNodeMs)} ms | ${fmt(i.minAboveNodeMs)} ms | ${i.targetMs === null ? 'peer' : `≤ ${i.targetMs} ms`} |`),
  '',
].join('\n');
writeFileSync(join(RESULTS_DIR, 'package.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(RESULTS_DIR, 'package.md'), md);
process.stdout.write(md);
for (const dir of [app, dirname(tarball)]) rmSync(dir, { recursive: true, force: true });
