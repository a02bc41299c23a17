/**
 * Whole processes, the way the C references run: a fresh `node` loads the built package, reads
 * the file (FIMI through `parseFimiColumns`, SPMF through `parseSpmfSequences`), mines once and
 * exits; the time is the parent's wall clock around it, the memory that process's own peak.
 * Rounds alternate between implementations (A, B, A, B, …) so that the machine's drift hits all
 * alike; median of 3. Some cases also run `forEachItemset`, which hands each itemset over and keeps
 * none, as the C programs write theirs out. `--compare-c` adds Borgelt's fpgrowth/eclat/apriori and Zaki's cSPADE when
 * they are on PATH (see compareC.ts) and says which are missing otherwise.
 * Run: npm run bench -- process [--quick] [--compare-c]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { borgelt, cspade, cspadeDir, onPath, type ProcessRun } from './compareC';
import { hasDataset, SHARED_DATA } from './datasets';
import { FILTER, QUICK, report, type CaseResult } from './harness';

const ITEMSET_SCRIPT = fileURLToPath(new URL('./itemsetProcess.mjs', import.meta.url));
const SEQUENCE_SCRIPT = fileURLToPath(new URL('./sequenceProcess.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const COMPARE_C = process.argv.includes('--compare-c');
const ROUNDS = 3;

type Itemsets = 'fpgrowth' | 'eclat' | 'apriori';
/** [data set, minSupport, algorithms into a table, algorithms through forEachItemset (nothing kept)]. */
const ITEMSET_CASES: Array<[string, number, Itemsets[], Itemsets[]]> = QUICK
  ? [['chess', 0.8, ['fpgrowth', 'eclat'], []]]
  : [
      ['retail', 0.0005, ['fpgrowth', 'eclat', 'apriori'], ['fpgrowth']], ['retail', 0.0002, ['fpgrowth', 'eclat', 'apriori'], []],
      ['chess', 0.5, ['fpgrowth', 'eclat'], ['fpgrowth', 'eclat']], ['chess', 0.7, ['fpgrowth', 'eclat'], []], ['T10I4D100K', 0.001, ['fpgrowth', 'eclat', 'apriori'], []],
    ];
const SEQUENCE_CASES: Array<[string, number]> = QUICK ? [['SIGN', 0.3]] : [['LEVIATHAN', 0.02], ['SIGN', 0.2], ['BMS1_seq_derived', 0.001]];

/** One run of a Node script printing `{ size?, sequences?, count, peakRssMb }` last. */
function nodeRun(script: string, args: string[]): ProcessRun & { size: number } {
  const started = performance.now();
  const out = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (out.status !== 0) throw new Error(`whole-process run failed (${args.join(' ')}):\n${out.stderr}`);
  const r = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { size?: number; sequences?: number; count: number; peakRssMb: number };
  return { ms, peakRssMb: r.peakRssMb, count: r.count, size: r.size ?? r.sequences ?? 0 };
}

/** Alternating rounds of every runner; one row each (median and worst of the rounds). */
function alternate(dataset: string, runners: Array<{ impl: string; run: () => ProcessRun & { size?: number } }>): CaseResult[] {
  const runs = runners.map(() => [] as Array<ProcessRun & { size?: number }>);
  for (let r = 0; r < ROUNDS; r++) runners.forEach((runner, i) => { runs[i]?.push(runner.run()); });
  const size = Math.max(...runs.flat().map((r) => r.size ?? 0));
  return runners.map((runner, i) => {
    const got = runs[i] ?? [];
    const times = got.map((r) => r.ms).sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)] as number;
    process.stderr.write(`  ${runner.impl} · ${dataset}: median ${medianMs.toFixed(0)} ms\n`);
    return { bench: 'process', impl: runner.impl, dataset, size, medianMs, p99Ms: times[times.length - 1] as number, opsPerSec: 1000 / medianMs, unitsPerSec: (size / medianMs) * 1000, peakRssMb: Math.max(...got.map((r) => r.peakRssMb)), count: got[0]?.count ?? 0 };
  });
}

const wanted = (label: string): boolean => FILTER === undefined || label.toLowerCase().includes(FILTER);

export async function run(): Promise<CaseResult[]> {
  if (!existsSync(DIST)) {
    console.error('process: skipped, the built package (dist/) is missing: npm run build');
    return [];
  }
  if (COMPARE_C) {
    const missing = ['fpgrowth', 'eclat', 'apriori'].filter((p) => !onPath(p));
    if (missing.length > 0) console.error(`process --compare-c: not on PATH, skipped: ${missing.join(', ')} (Christian Borgelt's programs, borgelt.net)`);
    if (cspadeDir() === null) console.error('process --compare-c: cSPADE skipped: set CSPADE_BIN to the directory of its makebin, getconf, exttpose and spade (zakimjz/SPADE, zakimjz/tposedb)');
  }
  const results: CaseResult[] = [];
  for (const [dataset, minSupport, algorithms, visits] of ITEMSET_CASES) {
    const file = `${SHARED_DATA}${dataset}.dat`;
    if (!hasDataset(`${dataset}.dat`)) continue;
    const label = `${dataset} @ ${minSupport}`;
    const runners: Array<{ impl: string; run: () => ProcessRun & { size?: number } }> = algorithms
      .filter((a) => wanted(`process crm-mining ${a} ${label}`))
      .map((a) => ({ impl: `crm-mining ${a}, whole process`, run: () => nodeRun(ITEMSET_SCRIPT, [file, String(minSupport), a]) }));
    for (const a of visits) {
      if (wanted(`process crm-mining ${a} visit ${label}`)) runners.push({ impl: `crm-mining ${a} forEachItemset, whole process`, run: () => nodeRun(ITEMSET_SCRIPT, [file, String(minSupport), a, 'visit']) });
    }
    if (runners.length === 0) continue;
    if (COMPARE_C) {
      const n = nodeRun(ITEMSET_SCRIPT, [file, '1', 'fpgrowth']).size;
      const minCount = Math.ceil(minSupport * n - 1e-9);
      for (const a of algorithms) if (onPath(a)) runners.push({ impl: `Borgelt ${a} (C)`, run: () => borgelt(a, file, minCount) });
    }
    results.push(...alternate(label, runners));
  }
  for (const [dataset, minSupport] of SEQUENCE_CASES) {
    const file = `${SHARED_DATA}${dataset}.txt`;
    const label = `${dataset} @ ${minSupport}`;
    if (!hasDataset(`${dataset}.txt`) || !wanted(`process crm-mining prefixspan ${label}`)) continue;
    const runners: Array<{ impl: string; run: () => ProcessRun & { size?: number } }> = [
      { impl: 'crm-mining prefixspan, whole process', run: () => nodeRun(SEQUENCE_SCRIPT, [file, String(minSupport), 'prefixspan']) },
    ];
    const bin = COMPARE_C ? cspadeDir() : null;
    if (bin !== null) runners.push({ impl: 'cSPADE (C++)', run: () => cspade(bin, file, minSupport) });
    results.push(...alternate(label, runners));
  }
  report('process', results, { compareCounts: true });
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
