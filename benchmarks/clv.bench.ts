/**
 * CLV and RFM core: BG/NBD fit on CDNOW (2,357 customers), the customer summary and RFM of
 * generated logs of 1e4..1e6 line items, and scoring 1e6 customers (BG/NBD P(active) and
 * conditional expected purchases with scoreBgNbd, Gamma-Gamma spend). Peers: none on npm fit BG/NBD; the
 * reference is the Python lifetimes package (see benchmarks/README.md).
 * Run: npm run bench -- clv [--quick]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lib } from './lib';

const { customerSummary, fitBgNbd, gammaGammaModel, rfm, scoreBgNbd, syntheticLog } = lib;
import { datasetPath, hasDataset } from './datasets';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);

async function child(kind: string, size: number): Promise<CaseResult> {
  let count = 0;
  let fn: () => void;
  let dataset: string;
  let iterations = 5;
  if (kind === 'bgnbd fit') {
    const rows = readFileSync(datasetPath('lifetimes/cdnow_customers_summary.csv'), 'utf8').trim().split('\n').slice(1)
      .map((l) => l.split(',').map(Number)).map(([, x, tx, T]) => ({ frequency: x as number, recency: tx as number, T: T as number }));
    dataset = 'CDNOW summary';
    size = rows.length;
    iterations = 30;
    fn = () => { count = fitBgNbd(rows).logLikelihood < 0 ? rows.length : 0; };
  } else if (kind === 'customerSummary' || kind === 'rfm') {
    const { log } = syntheticLog({ customers: Math.ceil(size / 6), seed: 1, maxLineItems: size });
    dataset = 'synthetic log (line items)';
    fn = kind === 'rfm' ? () => { count = rfm(log).length; } : () => { count = customerSummary(log).length; };
  } else {
    // P(alive), P(active in 13 weeks), expected purchases and spend for each customer, from columns.
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const spend = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
    const frequency = Float64Array.from({ length: size }, (_, i) => i % 20);
    const recency = Float64Array.from({ length: size }, (_, i) => (i % 20 === 0 ? 0 : ((i * 7919) % 389) / 10));
    const T = Float64Array.from({ length: size }, (_, i) => 39 + ((i * 104729) % 100) / 10);
    const monetary = Float64Array.from({ length: size }, (_, i) => 10 + (i % 50));
    dataset = 'customers';
    fn = () => {
      const scores = scoreBgNbd(params, { frequency, recency, T }, 13);
      let value = 0;
      for (let i = 0; i < size; i++) value += (scores.expectedPurchases[i] as number) * spend.expectedSpend({ frequency: frequency[i] as number, monetary: monetary[i] as number });
      count = value > 0 ? size : 0;
    };
  }
  const timing = await measure(fn, iterations);
  return { bench: 'clv', impl: `crm-mining ${kind}`, dataset, size, ...timing, unitsPerSec: (size / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = hasDataset('lifetimes/cdnow_customers_summary.csv') ? runChild(SCRIPT, ['bgnbd fit', '0']) : [];
  for (const size of QUICK ? [1e4, 1e5] : [1e4, 1e5, 1e6]) {
    results.push(...runChild(SCRIPT, ['customerSummary', String(size)]));
    results.push(...runChild(SCRIPT, ['rfm', String(size)]));
  }
  results.push(...runChild(SCRIPT, ['scoring', String(QUICK ? 1e5 : 1e6)]));
  report('clv', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([kind, size]) => child(kind as string, Number(size)), run);
