import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import { clv, customerSummary, fitBgNbd, fitGammaGamma } from '../clv/index';
import { observedUntil } from './dataset';
import type { AtRiskCustomer, ChurnEvaluation, ChurnModel } from './model';
import { returnedUpTo } from '../core/columns';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runOnly, throwIfAborted, type RunOptions } from '../core/run';

/** Options of {@link churnReport}. */
export interface ChurnReportOptions extends RunOptions {
  /** Date to score at. */
  asOf: Date | string | number;
  /** Riskiest customers listed. @default 20 */
  topN?: number;
  /** Weeks of future value counted in CLV. @default 52 */
  clvHorizonWeeks?: number;
  /** Discount rate per 4-week period. @default 0.01 */
  discountRate?: number;
}

/** What a retention team acts on. */
export interface ChurnReport {
  asOf: Date;
  customers: number;
  /** Mean churn probability: the expected share of customers lost within the horizon. */
  predictedChurnRate: number;
  expectedChurners: number;
  /** Σ probability × CLV over the customers. */
  revenueAtRisk: number;
  /** How CLV was valued: BG/NBD + Gamma-Gamma, or (when those cannot be fitted) the customer's past spend rate. */
  valuation: 'bgnbd-gamma-gamma' | 'spend-rate';
  /** The customers with the most value at risk (probability × CLV), with reasons. */
  atRisk: Array<AtRiskCustomer & { clv: number; valueAtRisk: number }>;
  /** When the log covers the horizon after asOf: what actually happened, with the gains curve. */
  outcome: ChurnEvaluation | null;
}

/**
 * The numbers a retention team acts on at `asOf`: predicted churn rate, revenue at risk
 * (probability × CLV), the customers with the most value at risk with reasons, and, when the log already
 * covers the horizon after asOf, the actual outcome with the gains curve.
 * @example
 * const r = churnReport(log, model, { asOf: '2024-12-31', topN: 10 });
 * r.revenueAtRisk //=> 18342.5
 */
export function churnReport(log: TransactionLog, model: ChurnModel, options: ChurnReportOptions): ChurnReport {
  checkOptions('churnReport', options, { ...RUN_OPTIONS, asOf: 'time', topN: 'number', clvHorizonWeeks: 'number', discountRate: 'number' } satisfies Record<keyof ChurnReportOptions, OptionKind>);
  throwIfAborted(options.signal);
  const run = runOnly(options);
  const topN = options.topN ?? 20;
  const horizonWeeks = options.clvHorizonWeeks ?? 52;
  if (!(horizonWeeks > 0)) throw new OptionError(`clvHorizonWeeks must be positive, got ${String(horizonWeeks)}`);
  const asOf = resolveAsOf(log, options.asOf);
  run.onProgress?.({ phase: 'churn scores', done: 0, total: 1 });
  const predictions = model.predict(log, { asOf });
  throwIfAborted(run.signal);
  const { value, valuation } = customerValues(log, asOf, horizonWeeks, options.discountRate ?? 0.01, run);
  let revenueAtRisk = 0;
  let expected = 0;
  for (const p of predictions) {
    expected += p.probability;
    revenueAtRisk += p.probability * (value.get(p.customer) ?? 0);
  }
  const atRisk = model.atRisk(log, { asOf, topN, value }).map((r) => {
    const v = value.get(r.customer) ?? 0;
    return { ...r, clv: v, valueAtRisk: r.probability * v };
  });
  const outcome = asOf + model.horizonDays * MS_PER_DAY <= observedUntil(log) ? model.evaluate(log, { asOf }) : null;
  return { asOf: new Date(asOf), customers: predictions.length, predictedChurnRate: expected / Math.max(1, predictions.length), expectedChurners: expected, revenueAtRisk, valuation, atRisk, outcome };
}

/** CLV per customer at asOf: BG/NBD + Gamma-Gamma, or past spend per week × horizon when they cannot be fitted. */
function customerValues(log: TransactionLog, asOf: number, horizonWeeks: number, discountRate: number, run: RunOptions): { value: Map<string, number>; valuation: ChurnReport['valuation'] } {
  const summary = customerSummary(log, { asOf, unit: 'week', ...run });
  try {
    const purchases = fitBgNbd(summary, run);
    const spend = fitGammaGamma(summary.filter((s) => s.frequency > 0 && s.monetary > 0), run);
    const values = clv(purchases, spend, summary.map((s) => (s.monetary > 0 ? s : { ...s, frequency: 0 })), { horizon: horizonWeeks, period: 4, discountRate, ...run });
    if (values.every((v) => Number.isFinite(v.clv))) return { value: new Map(values.map((v) => [v.customer, v.clv])), valuation: 'bgnbd-gamma-gamma' };
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ABORTED') throw e;
    // Too little repeat data (or no amounts) to fit: fall back to the past spend rate.
  }
  const { customerBasketOffsets: off, basketTime, basketAmount, customerNames } = log.columns;
  const value = new Map<string, number>();
  for (let c = 0; c < customerNames.length; c++) {
    let spend = 0;
    let first = NaN;
    for (let b = off[c] as number; b < (off[c + 1] as number) && (basketTime[b] as number) <= asOf; b++) {
      if (Number.isNaN(first)) first = basketTime[b] as number;
      spend += basketAmount === null ? 0 : (basketAmount[b] as number);
    }
    if (Number.isNaN(first)) continue;
    spend += returnedUpTo(log.columns, c, asOf);
    const weeks = Math.max(1, (asOf - first) / (7 * MS_PER_DAY));
    value.set(customerNames[c] as string, (spend / weeks) * horizonWeeks);
  }
  return { value, valuation: 'spend-rate' };
}
