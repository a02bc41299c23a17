import { DataError } from '../core/errors';
import { hyp2f1 } from '../core/hypergeometric';
import { logGamma } from '../core/math';
import { runGuard } from '../core/guard';
import { declineReason, refusal, type FitStatus } from './fitCheck';
import type { ParameterUncertainty } from './uncertainty';
import { maximizePositive, penalizerOf, type BtydFitOptions } from './likelihoodFit';
import { btydJSON, type BtydJSON } from './savedJson';

/** sBG parameters: each customer's churn probability per period ~ Beta(alpha, beta). */
export interface SbgParams { alpha: number; beta: number }

/** A fitted shifted-beta-geometric (sBG) model of contractual retention. Periods count from 0 (acquisition). */
export interface FittedSbg {
  params: SbgParams;
  logLikelihood: number;
  status: FitStatus;
  reason: string | null;
  /** What the fit saw: the cohort's size and the periods observed. */
  data: { customers: number; periods: number };
  uncertainty: ParameterUncertainty<keyof SbgParams> | null;
  /** Share of the cohort still a customer at the end of period t: S(t) = B(α, β + t) / B(α, β). */
  survival(t: number): number;
  /** Retention rate of period t ≥ 1: of those customers at t − 1, the share who renew, (β + t − 1)/(α + β + t − 1). It rises with t. */
  retention(t: number): number;
  /**
   * Discounted expected residual lifetime of a customer who has made `renewals` renewals, just
   * before the next renewal decision: Σ_{t > n} S(t)/S(n) / (1 + d)^(t − n − 1) with n = renewals,
   * in closed form ((β + n)/(α + β + n)) ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)). Multiply by
   * the payment per period for the customer's residual value.
   */
  derl(discountRate: number, renewals?: number): number;
  /** The fit as JSON ({@link btydModelFromJSON} rebuilds it); `JSON.stringify(fit)` calls it. */
  toJSON(): BtydJSON;
}

/**
 * Fits the sBG model (Fader & Hardie 2007) to one cohort's survivors per period: `survivors[0]`
 * customers acquired, `survivors[t]` still customers at the end of period t. Retention that
 * rises with tenure (the survivors are the loyal ones) comes out of the heterogeneity, which a
 * constant retention rate cannot express.
 * @param survivors - Non-increasing counts, at least two (the cohort and one period).
 * @param options - `signal`, `onProgress` (phase `'fit'`) and `penalizer` (L2, as lifetimes).
 * @throws {DataError} code `'DATA'` naming the period of a count that is negative, fractional or above the one before.
 * @see Fader & Hardie (2007), How to project customer retention, J. Interactive Marketing 21(1).
 * @example
 * fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]).params //=> { alpha: 0.704, beta: 1.182 } (the regular cohort)
 */
export function fitSbg(survivors: readonly number[], options: BtydFitOptions = {}): FittedSbg {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  checkSurvivors(survivors);
  const periods = survivors.length - 1;
  const customers = survivors[0] as number;
  const churned = customers - (survivors[periods] as number);
  const data = { customers, periods };
  const fit = maximizePositive({
    names: ['alpha', 'beta'],
    logLikelihood: (p) => sbgLogLikelihood(p, survivors),
    customers,
    penalizer,
    tolerance: [1e-14, 1e-15],
  }, guard);
  const model = sbgModel(fit.params, fit.logLikelihood);
  // The churn process is seen only in those who left: they play the part of repeat buyers.
  const reason = declineReason('sBG', fit.params, fit.logLikelihood, { repeatBuyers: churned, customers }, { informative: 'left within the periods observed', needed: 'departures' });
  if (reason !== null) {
    const refuse = refusal(reason);
    return { ...model, data, status: 'declined', reason, survival: refuse, retention: refuse, derl: refuse };
  }
  return { ...model, data, uncertainty: fit.uncertainty() };
}

function checkSurvivors(survivors: readonly number[]): void {
  if (!Array.isArray(survivors) || survivors.length < 2) throw new DataError('survivors must list the cohort size and at least one period, e.g. [1000, 631, 468]', { field: 'survivors' });
  survivors.forEach((n, t) => {
    if (!(Number.isInteger(n) && n >= 0)) throw new DataError('a survivor count must be an integer >= 0', { row: t + 1, field: `survivors[${t}]`, value: n });
    if (t > 0 && n > (survivors[t - 1] as number)) throw new DataError(`survivors cannot grow: period ${t} has more than period ${t - 1} (${survivors[t - 1]})`, { row: t + 1, field: `survivors[${t}]`, value: n });
  });
  if (!((survivors[0] as number) > 0)) throw new DataError('the cohort must have at least one customer', { row: 1, field: 'survivors[0]', value: survivors[0] });
}

const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** Σ log-likelihood of the sBG model: those who left in period t at P(T = t), the rest at S(n). */
export function sbgLogLikelihood({ alpha, beta }: SbgParams, survivors: readonly number[]): number {
  if (!(alpha > 0 && beta > 0)) return -Infinity;
  const n = survivors.length - 1;
  const base = logBeta(alpha, beta);
  let ll = 0;
  for (let t = 1; t <= n; t++) {
    const left = (survivors[t - 1] as number) - (survivors[t] as number);
    if (left > 0) ll += left * (logBeta(alpha + 1, beta + t - 1) - base);
  }
  const stayed = survivors[n] as number;
  if (stayed > 0) ll += stayed * (logBeta(alpha, beta + n) - base);
  return ll;
}

/**
 * The sBG predictions for given parameters.
 * @example
 * sbgModel({ alpha: 0.668, beta: 3.806 }).retention(1) //=> 0.851 (the high-end cohort's first year)
 */
export function sbgModel(params: SbgParams, logLikelihood = NaN): FittedSbg {
  const { alpha, beta } = params;
  const period = (t: number, least: number) => {
    if (!(Number.isInteger(t) && t >= least)) throw new DataError(`a period must be an integer >= ${least}`, { field: 't', value: t });
  };
  return {
    params: { ...params },
    logLikelihood,
    status: 'ok',
    reason: null,
    data: { customers: 0, periods: 0 },
    uncertainty: null,
    toJSON(this: FittedSbg): BtydJSON {
      return btydJSON('sbg', this);
    },
    survival(t: number): number {
      period(t, 0);
      return Math.exp(logBeta(alpha, beta + t) - logBeta(alpha, beta));
    },
    retention(t: number): number {
      period(t, 1);
      return (beta + t - 1) / (alpha + beta + t - 1);
    },
    derl(discountRate: number, renewals = 0): number {
      period(renewals, 0);
      if (!(discountRate > 0 && Number.isFinite(discountRate))) throw new DataError('the discount rate must be a finite number > 0 (with none, the residual lifetime of an sBG customer can be infinite)', { field: 'discountRate', value: discountRate });
      const n = renewals;
      return ((beta + n) / (alpha + beta + n)) * hyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
    },
  };
}
