import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import { customerSummary, fitBgNbd, scoreBgNbd, type BgNbdParams } from '../clv/index';
import { rfm } from '../rfm/index';
import { returnedUpTo } from '../core/columns';
import { runGuard } from '../core/guard';
import { runOnly, type RunOptions } from '../core/run';

/** The features {@link churnFeatures} computes, in column order. */
export const CHURN_FEATURES = [
  'recencyDays', 'frequency', 'monetaryTotal', 'monetaryMean', 'tenureDays', 'interPurchaseMean', 'interPurchaseStd',
  'recentBaskets', 'trend', 'basketSize', 'distinctItems', 'rfmR', 'rfmF', 'rfmM', 'bgnbdActive',
] as const;

/** A feature name. */
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/** Features of every customer known at `asOf`. */
export interface ChurnFeatures {
  customers: string[];
  featureNames: ChurnFeature[];
  features: number[][];
  /** asOf in epoch ms. */
  asOf: number;
  /** BG/NBD parameters used for `bgnbdActive` (fitted at asOf unless given), null when the fit failed. */
  bgnbd: BgNbdParams | null;
}

/**
 * Per-customer features from transactions on or before `asOf` only: deleting every later
 * transaction leaves them unchanged. One row per customer with a purchase on or before `asOf`.
 * - recencyDays, tenureDays: days from the last / first purchase to asOf;
 * - frequency: baskets; monetaryTotal, monetaryMean: spend in all / per basket (0 without amounts);
 * - interPurchaseMean, interPurchaseStd: days between consecutive baskets (tenure and 0 with one basket);
 * - recentBaskets: baskets in the last `horizonDays`; trend: their rate per 30 days minus the
 *   rate before (0 when the customer is younger than the window);
 * - basketSize: mean line items per basket; distinctItems: distinct items bought;
 * - rfmR, rfmF, rfmM: quintile RFM scores among the customers at asOf;
 * - bgnbdActive: BG/NBD probability of a purchase within the horizon (model fitted on the
 *   customer summary at asOf, in weeks, unless `bgnbd` parameters are given).
 * @example
 * churnFeatures(log, { asOf: '1997-09-30', horizonDays: 273 }).featureNames[0] //=> 'recencyDays'
 */
export function churnFeatures(log: TransactionLog, options: { asOf: Date | string | number; horizonDays: number; bgnbd?: BgNbdParams | null } & RunOptions): ChurnFeatures {
  const { horizonDays } = options;
  const run = runOnly(options);
  const guard = runGuard(run);
  if (!(Number.isFinite(horizonDays) && horizonDays > 0)) throw new OptionError(`horizonDays must be a positive number of days, got ${String(horizonDays)}`);
  const asOf = resolveAsOf(log, options.asOf);
  const { customerBasketOffsets: off, basketTime, basketAmount, basketItemOffsets, basketItems, basketRowOffsets, customerNames } = log.columns;
  const customers: string[] = [];
  const index: number[] = [];
  const rows: number[][] = [];
  const window = horizonDays * MS_PER_DAY;
  const seen = new Set<number>();
  guard.phase('churn features', customerNames.length);
  for (let c = 0; c < customerNames.length; c++) {
    guard.tick((off[c + 1] as number) - (off[c] as number) + 1);
    const from = off[c] as number;
    let to = from;
    while (to < (off[c + 1] as number) && (basketTime[to] as number) <= asOf) to++;
    const n = to - from;
    if (n === 0) continue;
    const first = basketTime[from] as number;
    const last = basketTime[to - 1] as number;
    let spend = 0;
    let lines = 0;
    let recent = 0;
    let gapSum = 0;
    let gapSq = 0;
    seen.clear();
    for (let b = from; b < to; b++) {
      spend += basketAmount === null ? 0 : (basketAmount[b] as number);
      lines += (basketRowOffsets[b + 1] as number) - (basketRowOffsets[b] as number);
      for (let i = basketItemOffsets[b] as number; i < (basketItemOffsets[b + 1] as number); i++) seen.add(basketItems[i] as number);
      if ((basketTime[b] as number) > asOf - window) recent++;
      if (b > from) {
        const gap = ((basketTime[b] as number) - (basketTime[b - 1] as number)) / MS_PER_DAY;
        gapSum += gap;
        gapSq += gap * gap;
      }
    }
    spend += returnedUpTo(log.columns, c, asOf); // returns up to asOf lower the spend
    const tenure = (asOf - first) / MS_PER_DAY;
    const gapMean = n > 1 ? gapSum / (n - 1) : tenure;
    const gapStd = n > 1 ? Math.sqrt(Math.max(0, gapSq / (n - 1) - gapMean * gapMean)) : 0;
    const earlierDays = tenure - horizonDays;
    const trend = earlierDays > 0 ? (recent / horizonDays - (n - recent) / earlierDays) * 30 : 0;
    customers.push(customerNames[c] as string);
    index.push(c);
    rows.push([(asOf - last) / MS_PER_DAY, n, spend, spend / n, tenure, gapMean, gapStd, recent, trend, lines / n, seen.size]);
  }
  if (rows.length === 0) throw new OptionError(`no customer has a purchase on or before asOf (${new Date(asOf).toISOString()})`);
  // RFM scores among the customers known at asOf.
  const scored = rfm(rows.map((r, i) => ({ customer: customers[i] as string, recency: Math.floor(r[0] as number), frequency: r[1] as number, monetary: r[2] as number })), run);
  scored.forEach((s, i) => (rows[i] as number[]).push(s.r, s.f, s.m));
  // BG/NBD probability of a purchase within the horizon.
  const summary = customerSummary(log, { asOf, unit: 'week', ...run });
  let params: BgNbdParams | null = options.bgnbd === undefined ? null : options.bgnbd;
  if (options.bgnbd === undefined) {
    try {
      const fit = fitBgNbd(summary, run);
      params = fit.status === 'ok' ? fit.params : null; // declined: the feature is left at 0.5
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ABORTED') throw e;
      params = null; // too few repeat buyers to fit: the feature is left at 0.5
    }
  }
  const active = params === null ? null : scoreBgNbd(params, summary, horizonDays / 7).probabilityActive;
  const summaryIndex = new Map(summary.map((s, i) => [s.customer, i]));
  rows.forEach((r, i) => r.push(active === null ? 0.5 : (active[summaryIndex.get(customers[i] as string) as number] as number)));
  return { customers, featureNames: [...CHURN_FEATURES], features: rows, asOf, bgnbd: params };
}
