/**
 * Sequential patterns on real SPMF data (../shared/data): PrefixSpan and SPADE, each case in
 * its own process. No peer runs in Node; compiled reference figures (SPMF, cSPADE) are in
 * benchmarks/README.md. They are whole processes (start, read the file, mine once): the
 * `process` suite measures ours that way. With the built package, longer searches also run in one
 * worker and split over two (`workers: 2`). Run: npm run bench -- sequence [--quick]
 */
import { fileURLToPath } from 'node:url';
import { lib, libSource } from './lib';

const { sequentialPatterns, runInWorker } = lib;
import { hasDataset, sequenceDataset } from './datasets';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);
const FULL: Array<[string, number]> = [['LEVIATHAN', 0.02], ['SIGN', 0.2], ['BMS1_seq_derived', 0.001]];
const QUICK_CASES: Array<[string, number]> = [['SIGN', 0.3], ['BMS1_seq_derived', 0.005]];
/** Both cores (issue 22): searches of seconds, in one worker and split by root item over two (built package only). */
const WORKER_CASES: Array<[string, number, string]> = [['LEVIATHAN', 0.01, 'prefixspan'], ['LEVIATHAN', 0.02, 'spade'], ['SIGN', 0.1, 'prefixspan']];

async function child(algorithm: string, dataset: string, minSupport: number): Promise<CaseResult> {
  const db = sequenceDataset(dataset);
  let count = 0;
  // 'prefixspan, 2 workers': runInWorker from the built package, split by root item.
  const workers = Number(/(\d+) worker/.exec(algorithm)?.[1] ?? 0);
  const options = { minSupport, algorithm: algorithm.split(',')[0] as 'prefixspan', maxPatterns: 1e8 };
  const timing = await measure(workers === 0 ? () => { count = sequentialPatterns(db, options).length; } : async () => { count = (await runInWorker('sequentialPatterns', [db, options], { workers })).length; }, 3);
  return { bench: 'sequence', impl: `crm-mining ${algorithm}`, dataset: `${dataset} @ ${minSupport}`, size: db.length, ...timing, unitsPerSec: (db.length / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [dataset, minSupport] of QUICK ? QUICK_CASES : FULL) {
    if (!hasDataset(`${dataset}.txt`)) continue;
    for (const algorithm of ['prefixspan', 'spade']) {
      results.push(...runChild(SCRIPT, [algorithm, dataset, String(minSupport)]));
    }
  }
  for (const [dataset, minSupport, algorithm] of QUICK || libSource !== 'dist' ? [] : WORKER_CASES) {
    if (!hasDataset(`${dataset}.txt`)) continue;
    for (const workers of ['1 worker', '2 workers']) results.push(...runChild(SCRIPT, [`${algorithm}, ${workers}`, dataset, String(minSupport)]));
  }
  report('sequence', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([algorithm, dataset, minSupport]) => child(algorithm as string, dataset as string, Number(minSupport)), run);
