/**
 * Frequent itemsets on real basket data (../shared/data), crm-mining's FP-Growth, Eclat and
 * Apriori beside the npm peer node-fpgrowth, each case in its own process on the same parsed
 * baskets. Times cover mining only (parsing the file is outside the timed part for everyone).
 * The full run adds association rules (confidence 0.1, every measure and the Fisher p-value), and
 * the same with a measure filter, minImprovement and BH-adjusted p-values, on groceries and retail,
 * FP-Growth and Eclat through `runInWorker` in one worker and split over two (`workers: 2`), and
 * closed and maximal itemsets (LCM) on retail and chess. Rules, closed and maximal sets have
 * their own dataset labels: their counts are not those of all itemsets.
 * Run: npm run bench -- association [--quick]
 */
import { fileURLToPath } from 'node:url';
import { FPGrowth } from 'node-fpgrowth';
import { lib, libSource } from './lib';

const { associationRules, itemsetTable, runInWorker } = lib;
import { basketDataset, hasDataset } from './datasets';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);

const FULL: Array<[string, number]> = [['retail', 0.0005], ['retail', 0.0002], ['chess', 0.5], ['groceries', 0.001]];
const QUICK_CASES: Array<[string, number]> = [['groceries', 0.001], ['chess', 0.8]];

const IMPLS = ['crm-mining fpgrowth', 'crm-mining eclat', 'crm-mining apriori', 'node-fpgrowth'] as const;

async function child(impl: string, dataset: string, minSupport: number, iterations: number): Promise<CaseResult> {
  const baskets = basketDataset(dataset);
  let count = 0;
  let fn: () => unknown;
  if (impl.startsWith('crm-mining rules')) {
    // Rules at confidence 0.1 with every measure; '+ constraints' adds a filter, minImprovement and BH-adjusted p-values.
    const constraints = impl.endsWith('constraints') ? { filter: { jaccard: 0.01 }, minImprovement: 0, maxPValue: 0.05, pAdjust: 'bh' as const } : {};
    fn = () => { count = associationRules(baskets, { minSupport, minConfidence: 0.1, maxPatterns: 1e8, ...constraints }).length; };
  } else if (impl.includes(' worker')) {
    // runInWorker from the built package: 'crm-mining fpgrowth, 2 workers' splits by first item.
    const [algorithm, workers] = [impl.split(' ')[1]?.replace(',', '') as 'fpgrowth' | 'eclat', Number(/(\d+) worker/.exec(impl)?.[1])];
    fn = async () => { count = (await runInWorker('itemsetTable', [baskets, { minSupport, algorithm, maxPatterns: 1e8 }], { workers })).size; };
  } else if (impl.startsWith('crm-mining lcm')) {
    const kind = impl.endsWith('maximal') ? 'maximal' : 'closed';
    fn = () => { count = itemsetTable(baskets, { minSupport, kind, maxPatterns: 1e8 }).size; };
  } else if (impl === 'node-fpgrowth') {
    fn = async () => { count = (await new FPGrowth<string>(minSupport).exec(baskets)).length; };
  } else {
    const algorithm = impl.replace('crm-mining ', '') as 'fpgrowth' | 'eclat' | 'apriori';
    fn = () => { count = itemsetTable(baskets, { minSupport, algorithm, maxPatterns: 1e8 }).size; };
  }
  const timing = await measure(fn, iterations);
  // Rules (with and without constraints), closed and maximal sets count other things than all
  // itemsets: their own labels, so the count check compares like with like.
  const kind = impl.startsWith('crm-mining lcm') ? `, ${impl.split(' ')[2]}` : impl.startsWith('crm-mining rules') ? `, ${impl.slice('crm-mining '.length)}` : '';
  const label = `${dataset} @ ${minSupport}${kind}`;
  return { bench: 'association', impl, dataset: label, size: baskets.length, ...timing, unitsPerSec: (baskets.length / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [dataset, minSupport] of QUICK ? QUICK_CASES : FULL) {
    if (!hasDataset(dataset === 'groceries' ? 'groceries.csv' : `${dataset}.dat`)) continue;
    for (const impl of IMPLS) {
      // Apriori's candidate counting is hopeless on dense chess at 0.5 (1.27M itemsets); skip it there.
      if (impl === 'crm-mining apriori' && dataset === 'chess' && minSupport < 0.7) continue;
      // node-fpgrowth recurses once per tree level: it needs a big stack on these data sets.
      results.push(...runChild(SCRIPT, [impl, dataset, String(minSupport), '3'], { bigStack: impl === 'node-fpgrowth' }));
    }
    // Both cores (issue 22): the same search in one worker and split over two, in the built package.
    if (!QUICK && libSource === 'dist' && dataset !== 'groceries') {
      for (const impl of ['crm-mining fpgrowth, 1 worker', 'crm-mining fpgrowth, 2 workers', 'crm-mining eclat, 1 worker', 'crm-mining eclat, 2 workers']) results.push(...runChild(SCRIPT, [impl, dataset, String(minSupport), '3']));
    }
    // Closed and maximal itemsets (LCM, the dense and the sparse search).
    if (!QUICK && (dataset === 'chess' || (dataset === 'retail' && minSupport === 0.0005))) {
      for (const impl of ['crm-mining lcm closed', 'crm-mining lcm maximal']) results.push(...runChild(SCRIPT, [impl, dataset, String(minSupport), '3']));
    }
    if (!QUICK && (dataset === 'groceries' || (dataset === 'retail' && minSupport === 0.0005))) {
      for (const impl of ['crm-mining rules', 'crm-mining rules + constraints']) results.push(...runChild(SCRIPT, [impl, dataset, String(minSupport), '5']));
    }
  }
  report('association', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([impl, dataset, minSupport, iterations]) => child(impl as string, dataset as string, Number(minSupport), Number(iterations)), run);
