/**
 * Scaling curves: time and peak memory against input size (1e3..1e6 line items of generated
 * logs; quick: 1e3..1e5) for the main algorithms: loading, FP-Growth, PrefixSpan, RFM, the
 * churn pipeline (features, labels, logistic fit, scoring) and k-means (one point per
 * customer). Writes results/scaling.json and results/scaling.svg.
 * Run: npm run bench -- scaling [--quick]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lib } from './lib';
import { logLogChart, sideBySide, type Series } from './chart';
import { QUICK, RESULTS_DIR, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';
import { sqlScalingCase, sqlTable, type SqlScalingResult } from './scalingSql';

const { TransactionLog, frequentItemsets, kmeans, rfm, sequentialPatterns, syntheticLog, syntheticRecords, trainChurnModel } = lib;
const SCRIPT = fileURLToPath(import.meta.url);
const ALGORITHMS = ['load', 'fpgrowth', 'prefixspan', 'rfm', 'churn', 'kmeans'] as const;

async function child(algorithm: string, size: number): Promise<CaseResult> {
  if (algorithm === 'sql') return sqlScalingCase(size);
  const customers = Math.max(20, Math.ceil(size / 18));
  let count = 0;
  let fn: () => void;
  if (algorithm === 'load') {
    const rows = [...syntheticRecords({ customers, seed: 1, maxLineItems: size })];
    fn = () => { count = TransactionLog.fromRecords(rows, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' }).rowCount; };
  } else {
    const { log } = syntheticLog({ customers, seed: 1, maxLineItems: size });
    if (algorithm === 'fpgrowth') fn = () => { count = frequentItemsets(log, { minSupport: 0.01 }).length; };
    else if (algorithm === 'prefixspan') fn = () => { count = sequentialPatterns(log, { minSupport: 0.05, maxLength: 4 }).length; };
    else if (algorithm === 'rfm') fn = () => { count = rfm(log).length; };
    else if (algorithm === 'churn') {
      // Train at one date (features, labels, BG/NBD and logistic fits), score the next quarter.
      fn = () => { count = trainChurnModel(log, { asOf: '2024-06-02', horizonDays: 90 }).predict(log, { asOf: '2024-08-31' }).length; };
    } else {
      const X = rfm(log).map((r) => [Math.log1p(r.recency), Math.log1p(r.frequency), Math.log1p(Math.max(0, r.monetary))]);
      fn = () => { count = kmeans(X, 4, { seed: 1, nInit: 3 }).labels.length; };
    }
  }
  const timing = await measure(fn, size >= 1e6 ? 2 : 3);
  return { bench: 'scaling', impl: `crm-mining ${algorithm}`, dataset: 'synthetic log (line items)', size, ...timing, unitsPerSec: (size / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const sizes = QUICK ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6];
  for (const algorithm of ALGORITHMS) for (const size of sizes) results.push(...runChild(SCRIPT, [algorithm, String(size)]));
  if (results.length === 0) return results;
  report('scaling', results, { ratios: false });
  const series = (value: (r: CaseResult) => number): Series[] => ALGORITHMS.map((a) => ({
    name: a, points: results.filter((r) => r.impl === `crm-mining ${a}`).map((r) => ({ x: r.size, y: value(r) })),
  }));
  const svg = sideBySide([
    logLogChart('Time vs input size', 'line items', 'median time (ms)', series((r) => r.medianMs)),
    logLogChart('Peak memory vs input size', 'line items', 'peak RSS of the process (MB)', series((r) => r.peakRssMb)),
  ]);
  writeFileSync(`${RESULTS_DIR}scaling${QUICK ? '.quick' : ''}.svg`, svg);
  // Past one process: the SQL path through DuckDB under a 2 GB memory limit (10^8 in the full run only).
  const sql = (QUICK ? [1e5] : [1e6, 1e7, 1e8]).flatMap((size) => runChild(SCRIPT, ['sql', String(size)]));
  if (sql.length > 0) writeFileSync(`${RESULTS_DIR}scaling-sql${QUICK ? '.quick' : ''}.md`, sqlTable(sql as SqlScalingResult[]));
  return [...results, ...sql];
}

await suiteEntry(SCRIPT, ([algorithm, size]) => child(algorithm as string, Number(size)), run);
