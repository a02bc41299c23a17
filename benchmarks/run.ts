/**
 * Runs the benchmark suites.
 *   npm run bench                          every suite, full sizes
 *   npm run bench -- association ml        some suites
 *   npm run bench -- --quick               small sizes (under 2 minutes; CI runs this)
 *   npm run bench -- --filter kmeans       only cases whose suite/implementation/arguments match
 *   npm run bench -- --json out.json       every result (with the machine) in one file
 *   npm run bench -- --quick --check       compare with benchmarks/baseline.json: print what got
 *                                          slower, exit 1 on large regressions (--fail-at 3)
 *   npm run bench -- --quick --save-baseline   write benchmarks/baseline.json
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism, cpus } from 'node:os';
import { QUICK, optionValue, type CaseResult } from './harness';
import { calibrate, compareWithBaseline, type Baseline } from './baseline';

const SUITES: Record<string, () => Promise<{ run: () => Promise<CaseResult[]> }>> = {
  load: () => import('./load.bench'),
  association: () => import('./association.bench'),
  clv: () => import('./clv.bench'),
  sequence: () => import('./sequence.bench'),
  ml: () => import('./ml.bench'),
  scaling: () => import('./scaling.bench'),
  process: () => import('./process.bench'),
};
const BASELINE = fileURLToPath(new URL('./baseline.json', import.meta.url));

const valueFlags = new Set(['--filter', '--json', '--fail-at']);
const names = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !valueFlags.has(all[i - 1] ?? ''));
const unknown = names.filter((n) => !(n in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const started = performance.now();
// A fixed workload timed first: the guard compares times relative to it, so a slower machine
// does not look like a regression.
const calibrationMs = await calibrate();
console.error(`calibration workload: ${calibrationMs.toFixed(1)} ms`);
const results: CaseResult[] = [];
for (const name of names.length > 0 ? names : Object.keys(SUITES)) {
  console.error(`\n# ${name}${QUICK ? ' (quick)' : ''}`);
  const suite = await SUITES[name]?.();
  results.push(...((await suite?.run()) ?? []));
}
const meta = { quick: QUICK, node: process.version, platform: `${process.platform}-${process.arch}`, cpus: availableParallelism(), cpuModel: cpus()[0]?.model, date: new Date().toISOString(), calibrationMs };
const json = optionValue('--json');
if (json !== undefined) writeFileSync(json, `${JSON.stringify({ meta, results }, null, 2)}\n`);
if (process.argv.includes('--save-baseline')) {
  const baseline: Baseline = { meta, results: results.filter((r) => r.impl.startsWith('crm-mining')) };
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.error(`baseline written: ${BASELINE}`);
}
if (process.argv.includes('--check')) {
  if (!existsSync(BASELINE)) {
    console.error('no benchmarks/baseline.json to check against (write one with --save-baseline)');
    process.exitCode = 1;
  } else {
    const failAt = Number(optionValue('--fail-at') ?? 3);
    const { lines, failed } = compareWithBaseline(JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline, results, calibrationMs, failAt);
    console.log(`\n## Against the baseline (times relative to the calibration workload; fails at ${failAt}x)\n\n${lines.join('\n')}\n`);
    if (failed > 0) {
      console.error(`${failed} case(s) at least ${failAt}x slower than the baseline`);
      process.exitCode = 1;
    }
  }
}
console.error(`\nbenchmarks done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
