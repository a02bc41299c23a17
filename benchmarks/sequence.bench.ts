/**
 * Sequential patterns on real SPMF data (../shared/data): PrefixSpan and SPADE, each case in
 * its own process. No peer runs in Node; compiled reference figures (SPMF, cSPADE) are in
 * benchmarks/README.md. They are whole processes (start, read the file, mine once): the
 * `process` suite measures ours that way. Run: npm run bench -- sequence [--quick]
 */
import { fileURLToPath } from 'node:url';
import { lib } from './lib';

const { sequentialPatterns } = lib;
import { hasDataset, sequenceDataset } from './datasets';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);
const FULL: Array<[string, number]> = [['LEVIATHAN', 0.02], ['SIGN', 0.2], ['BMS1_seq_derived', 0.001]];
const QUICK_CASES: Array<[string, number]> = [['SIGN', 0.3], ['BMS1_seq_derived', 0.005]];

async function child(algorithm: string, dataset: string, minSupport: number): Promise<CaseResult> {
  const db = sequenceDataset(dataset);
  let count = 0;
  const timing = await measure(() => { count = sequentialPatterns(db, { minSupport, algorithm: algorithm as 'prefixspan' }).length; }, 3);
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
  report('sequence', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([algorithm, dataset, minSupport]) => child(algorithm as string, dataset as string, Number(minSupport)), run);
