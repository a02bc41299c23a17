/**
 * Shared benchmark plumbing: time a function with tinybench, run each case in its own child
 * process (so peak memory belongs to that case alone), and write JSON + markdown results.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism, cpus } from 'node:os';
import { Bench } from 'tinybench';
import { libSource } from './lib';

/** One measured case. Times in ms; memory is the child process's peak resident set. */
export interface CaseResult {
  bench: string;
  impl: string;
  dataset: string;
  size: number;
  medianMs: number;
  p99Ms: number;
  opsPerSec: number;
  /** Input units per second (rows, baskets…), from the median. */
  unitsPerSec: number;
  peakRssMb: number;
  /** Output size where it matters (patterns found, rows loaded…), to check peers agree. */
  count?: number;
}

export const QUICK = process.argv.includes('--quick');
/** `--filter TEXT`: only cases whose suite, implementation or arguments contain TEXT (case-insensitive). */
export const FILTER = optionValue('--filter')?.toLowerCase();

/** The value after a `--flag value` command-line option. */
export function optionValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** Times `fn` with tinybench: a warm-up run, then `iterations` measured runs. */
export async function measure(fn: () => unknown, iterations: number): Promise<{ medianMs: number; p99Ms: number; opsPerSec: number }> {
  const bench = new Bench({ iterations, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add('case', fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result === undefined || result.state !== 'completed') throw new Error(`benchmark did not complete: ${result?.state}`);
  return { medianMs: result.latency.p50, p99Ms: result.latency.p99, opsPerSec: 1000 / result.latency.p50 };
}

/**
 * Runs `script --child ...args` in a fresh Node process and returns the JSON it prints last, as
 * a one-element list (empty when `--filter` excludes the case). Progress goes to stderr.
 */
export function runChild(script: string, args: string[], options: { bigStack?: boolean } = {}): CaseResult[] {
  const suite = script.replace(/^.*\//, '').replace('.bench.ts', '');
  const label = `${suite} ${args.join(' ')}`;
  if (FILTER !== undefined && !label.toLowerCase().includes(FILTER)) return [];
  process.stderr.write(`  running ${label} …`);
  const started = performance.now();
  const result = runChildProcess(script, args, options);
  process.stderr.write(` median ${fmtMs(result.medianMs)} (${((performance.now() - started) / 1000).toFixed(1)} s with set-up)\n`);
  return [result];
}

function runChildProcess(script: string, args: string[], options: { bigStack?: boolean }): CaseResult {
  const node = [process.execPath, '--import', 'tsx', '--max-old-space-size=8192', ...(options.bigStack === true ? ['--stack-size=200000'] : []), script, '--child', ...args];
  // Deeply recursive peers need a big native stack as well as V8's --stack-size.
  const out = options.bigStack === true
    ? spawnSync('bash', ['-c', 'ulimit -s unlimited 2>/dev/null || ulimit -s 1048576; exec "$@"', 'bash', ...node], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(node[0] as string, node.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`benchmark child failed (${args.join(' ')}):\n${out.stderr}`);
  const last = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as CaseResult;
}

/**
 * The entry of a suite file: started by {@link runChild} (`--child ...args`), it measures one
 * case from its arguments and prints the result as JSON; started directly, it runs the suite.
 */
export async function suiteEntry(script: string, child: (args: string[]) => Promise<CaseResult>, run: () => Promise<unknown>): Promise<void> {
  const argv = process.argv;
  if (argv.includes('--child')) console.log(JSON.stringify(await child(argv.slice(argv.indexOf('--child') + 1))));
  else if (argv[1] === script) await run();
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** A markdown table of results, one row per case, with the ratio to the first impl per dataset and size. */
export function markdown(results: CaseResult[], ratios = true): string {
  const lines = ['| dataset | size | implementation | median | p99 | units/s | peak RSS | count | time vs crm-mining |', '|---|---:|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of results) {
    const ours = ratios ? results.find((o) => o.dataset === r.dataset && o.size === r.size && o.impl.startsWith('crm-mining')) : undefined;
    const ratio = ours === undefined ? '' : `${(r.medianMs / ours.medianMs).toFixed(2)}x`;
    lines.push(`| ${r.dataset} | ${r.size.toLocaleString('en-US')} | ${r.impl} | ${fmtMs(r.medianMs)} | ${fmtMs(r.p99Ms)} | ${Math.round(r.unitsPerSec).toLocaleString('en-US')} | ${r.peakRssMb.toFixed(0)} MB | ${r.count?.toLocaleString('en-US') ?? ''} | ${ratio} |`);
  }
  return lines.join('\n');
}

const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/**
 * Cases of one dataset and size whose result sizes differ (peers that found another number of
 * itemsets or patterns): their times do not compare.
 */
export function disagreements(results: CaseResult[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) if (r.count !== undefined) groups.set(`${r.dataset}|${r.size}`, [...(groups.get(`${r.dataset}|${r.size}`) ?? []), r]);
  for (const group of groups.values()) {
    const counts = new Set(group.map((r) => r.count));
    if (counts.size > 1) out.push(`${group[0]?.dataset} (${group[0]?.size}): ${group.map((r) => `${r.impl} ${r.count}`).join(', ')}`);
  }
  return out;
}

/**
 * Writes `results/NAME.json` and `results/NAME.md` and prints the table. With
 * `compareCounts`, implementations that disagree on the result size are reported and the
 * process exits non-zero at the end.
 */
export function report(name: string, results: CaseResult[], options: { compareCounts?: boolean; ratios?: boolean } = {}): void {
  if (results.length === 0) return;
  if (options.compareCounts === true) {
    for (const d of disagreements(results)) {
      console.error(`RESULTS DISAGREE, times not comparable: ${d}`);
      process.exitCode = 1;
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const meta = { name, library: libSource, quick: QUICK, node: process.version, platform: `${process.platform}-${process.arch}`, cpus: availableParallelism(), cpuModel: cpus()[0]?.model, date: new Date().toISOString() };
  writeFileSync(`${RESULTS_DIR}${name}${QUICK ? '.quick' : ''}.json`, `${JSON.stringify({ meta, results }, null, 2)}\n`);
  const table = markdown(results, options.ratios ?? true);
  writeFileSync(`${RESULTS_DIR}${name}${QUICK ? '.quick' : ''}.md`, `# ${name}\n\n${JSON.stringify(meta)}\n\n${table}\n`);
  console.log(`\n## ${name}\n\n${table}\n`);
}
