/**
 * Sequential patterns on real SPMF data (../shared/data): PrefixSpan and SPADE, each case in
 * its own process. No peer runs in Node; compiled reference figures (SPMF, cSPADE) are in
 * benchmarks/README.md. They are whole processes (start, read the file, mine once), so each
 * dataset also gets a row measured that way: `node sequenceProcess.mjs`, three runs, with the
 * process's own peak memory. Run: npm run bench -- sequence [--quick]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SHARED_DATA } from './datasets';
import { lib, libSource } from './lib';

const { sequentialPatterns } = lib;
import { hasDataset, sequenceDataset } from './datasets';
import { FILTER, QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);
const FULL: Array<[string, number]> = [['LEVIATHAN', 0.02], ['SIGN', 0.2], ['BMS1_seq_derived', 0.001]];
const QUICK_CASES: Array<[string, number]> = [['SIGN', 0.3], ['BMS1_seq_derived', 0.005]];

async function child(algorithm: string, dataset: string, minSupport: number): Promise<CaseResult> {
  const db = sequenceDataset(dataset);
  let count = 0;
  const timing = await measure(() => { count = sequentialPatterns(db, { minSupport, algorithm: algorithm as 'prefixspan' }).length; }, 3);
  return { bench: 'sequence', impl: `crm-mining ${algorithm}`, dataset: `${dataset} @ ${minSupport}`, size: db.length, ...timing, unitsPerSec: (db.length / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

/** Three runs of a fresh `node` process doing only the job (the built package, default heap). */
function wholeProcess(dataset: string, minSupport: number): CaseResult {
  const script = fileURLToPath(new URL('./sequenceProcess.mjs', import.meta.url));
  const times: number[] = [];
  let last = { sequences: 0, count: 0, peakRssMb: 0 };
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    const out = spawnSync(process.execPath, [script, `${SHARED_DATA}${dataset}.txt`, String(minSupport), 'prefixspan'], { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (out.status !== 0) throw new Error(`whole-process run failed (${dataset}):\n${out.stderr}`);
    last = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as typeof last;
  }
  times.sort((a, b) => a - b);
  const medianMs = times[1] as number;
  return { bench: 'sequence', impl: 'crm-mining prefixspan, whole process', dataset: `${dataset} @ ${minSupport}`, size: last.sequences, medianMs, p99Ms: times[2] as number, opsPerSec: 1000 / medianMs, unitsPerSec: (last.sequences / medianMs) * 1000, peakRssMb: last.peakRssMb, count: last.count };
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [dataset, minSupport] of QUICK ? QUICK_CASES : FULL) {
    if (!hasDataset(`${dataset}.txt`)) continue;
    for (const algorithm of ['prefixspan', 'spade']) {
      results.push(...runChild(SCRIPT, [algorithm, dataset, String(minSupport)]));
    }
    if (!QUICK && libSource === 'dist' && (FILTER === undefined || 'whole process prefixspan'.includes(FILTER))) results.push(wholeProcess(dataset, minSupport));
  }
  report('sequence', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([algorithm, dataset, minSupport]) => child(algorithm as string, dataset as string, Number(minSupport)), run);
