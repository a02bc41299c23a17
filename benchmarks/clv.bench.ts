/**
 * CLV and RFM core: every model's fit on its published data (BG/NBD, MBG/NBD, Pareto/NBD and
 * Gamma-Gamma on CDNOW's 2,357 customers, BG/BB on the 11,104 donors, sBG on Fader & Hardie's
 * regular cohort, years 1–7), the customer summary and RFM of
 * generated logs of 1e4..1e6 line items, and scoring 1e6 customers (BG/NBD P(active) and
 * conditional expected purchases with scoreBgNbd, Gamma-Gamma spend). Peers: none on npm fit BG/NBD; the
 * reference is the Python lifetimes package (see benchmarks/README.md).
 * Run: npm run bench -- clv [--quick]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lib } from './lib';

const { customerSummary, fitBgBb, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd, fitSbg, gammaGammaModel, rfm, scoreBgNbd, syntheticLog } = lib;
import { datasetPath, hasDataset } from './datasets';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);

/** CDNOW's summary with mean repeat spend (x, t_x, T, zbar), as published with lifetimes. */
const cdnow = () => readFileSync(datasetPath('lifetimes/cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split(',').map(Number)).map(([, x, tx, T, m]) => ({ frequency: x as number, recency: tx as number, T: T as number, monetary: m as number }));

/** Each model's fit on its published data; `run` returns the log-likelihood (negative: the fit ran). */
const FITS: Record<string, () => { run: () => number; dataset: string; size: number; iterations: number }> = {
  'bgnbd fit': () => { const rows = cdnow(); return { run: () => fitBgNbd(rows).logLikelihood, dataset: 'CDNOW summary', size: rows.length, iterations: 30 }; },
  'mbgnbd fit': () => { const rows = cdnow(); return { run: () => fitMbgNbd(rows).logLikelihood, dataset: 'CDNOW summary', size: rows.length, iterations: 30 }; },
  'paretonbd fit': () => { const rows = cdnow(); return { run: () => fitParetoNbd(rows).logLikelihood, dataset: 'CDNOW summary', size: rows.length, iterations: 5 }; },
  'gammagamma fit': () => { const rows = cdnow(); return { run: () => fitGammaGamma(rows).logLikelihood, dataset: 'CDNOW summary', size: rows.length, iterations: 30 }; },
  'bgbb fit': () => {
    const rows = readFileSync(datasetPath('lifetimes/donations.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number))
      .map(([frequency, recency, periods, weight]) => ({ frequency: frequency as number, recency: recency as number, periods: periods as number, weight: weight as number }));
    return { run: () => fitBgBb(rows).logLikelihood, dataset: 'donations (11,104 donors)', size: rows.reduce((s, r) => s + r.weight, 0), iterations: 30 };
  },
  'sbg fit': () => ({ run: () => fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]).logLikelihood, dataset: 'regular cohort, years 1–7', size: 1000, iterations: 30 }),
};

async function child(kind: string, size: number): Promise<CaseResult> {
  let count = 0;
  let fn: () => void;
  let dataset: string;
  let iterations = 5;
  if (kind in FITS) {
    const fit = (FITS[kind] as () => { run: () => number; dataset: string; size: number; iterations: number })();
    ({ dataset, size, iterations } = fit);
    fn = () => { count = fit.run() < 0 ? size : 0; };
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
  const results: CaseResult[] = [];
  if (hasDataset('lifetimes/cdnow_customers_summary_with_transactions.csv') && hasDataset('lifetimes/donations.csv')) {
    for (const kind of QUICK ? ['bgnbd fit'] : Object.keys(FITS)) results.push(...runChild(SCRIPT, [kind, '0']));
  }
  for (const size of QUICK ? [1e4, 1e5] : [1e4, 1e5, 1e6]) {
    results.push(...runChild(SCRIPT, ['customerSummary', String(size)]));
    results.push(...runChild(SCRIPT, ['rfm', String(size)]));
  }
  results.push(...runChild(SCRIPT, ['scoring', String(QUICK ? 1e5 : 1e6)]));
  report('clv', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([kind, size]) => child(kind as string, Number(size)), run);
