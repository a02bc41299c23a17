/**
 * The lifetimes package's published data sets (examples/data/lifetimes, MIT), as the tests read
 * them: CDNOW's calibration summary with mean repeat spend, and the BG/BB donations patterns.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../examples/data/lifetimes/', import.meta.url));

/** CDNOW's 2,357 customers: ID, x, t_x, T (weeks to 1997-09-30) and zbar (mean repeat spend). */
export function loadCdnowSummary(): Array<{ customer: string; frequency: number; recency: number; T: number; monetary: number }> {
  return readFileSync(`${DIR}cdnow_customers_summary_with_transactions.csv`, 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(',').map(Number))
    .map(([id, x, tx, T, m]) => ({ customer: String(id), frequency: x as number, recency: tx as number, T: T as number, monetary: m as number }));
}

/** Fader, Hardie & Shang's 1995 donor cohort: 22 (frequency, recency, periods) patterns weighted to 11,104 donors. */
export function loadDonations(): Array<{ frequency: number; recency: number; periods: number; weight: number }> {
  return readFileSync(`${DIR}donations.csv`, 'utf8').trim().split('\n').slice(1).map((line) => {
    const [frequency, recency, periods, weight] = line.split(',').map(Number) as [number, number, number, number];
    return { frequency, recency, periods, weight };
  });
}
