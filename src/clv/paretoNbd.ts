import { OptionError } from '../core/errors';
import { logHyp2f1 } from '../core/hypergeometric';
import { logGamma } from '../core/math';
import { runGuard } from '../core/guard';
import { describeData, groupRows, type BtydCustomer, type Group } from './bgnbd';
import { declineReason, refusal, type FitStatus } from './fitCheck';
import type { ParameterUncertainty } from './uncertainty';
import { maximizePositive, penalizerOf, type BtydFitOptions } from './likelihoodFit';
import { btydJSON, type BtydJSON } from './savedJson';

/** Pareto/NBD parameters: purchase rates ~ Gamma(r, alpha), dropout rates ~ Gamma(s, beta). */
export interface ParetoNbdParams { r: number; alpha: number; s: number; beta: number }

/** A fitted Pareto/NBD model. Times are in the unit of the summary it was fitted on. */
export interface FittedParetoNbd {
  params: ParetoNbdParams;
  logLikelihood: number;
  /** `'declined'` when the data cannot support the model; its predictions then throw a `MODEL` error with the reason. */
  status: FitStatus;
  reason: string | null;
  /** What the fit saw: customers, repeat buyers, and the longest observation (largest T). */
  data: { customers: number; repeatBuyers: number; span: number };
  /** Standard errors and 95% intervals of the parameters; null for a declined fit, given parameters, or a flat optimum. */
  uncertainty: ParameterUncertainty<keyof ParetoNbdParams> | null;
  /** Expected purchases in (0, t] for a new customer, or in (T, T + t] for the given customer. */
  expectedPurchases(t: number, customer?: BtydCustomer): number;
  /** Probability that the customer is still alive at T. */
  probabilityAlive(customer: BtydCustomer): number;
  /** Probability that a new customer makes exactly n purchases in (0, t]. */
  probabilityOfPurchases(n: number, t: number): number;
  /** Probability that the customer buys at least once in (T, T + t]. */
  probabilityActive(customer: BtydCustomer, t: number): number;
  /** The fit as JSON ({@link btydModelFromJSON} rebuilds it); `JSON.stringify(fit)` calls it. */
  toJSON(): BtydJSON;
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood:
 * Nelder–Mead on log-parameters from several starts, the best kept. The likelihood is the
 * closed form of Fader & Hardie (2005), with the ₂F₁ terms taken in logs, so large frequencies
 * and α ≫ β (or the reverse) give no overflow.
 * @param summary - Rows of `customerSummary` (frequency, recency, T in one unit).
 * @param options - `signal`, `onProgress` (phase `'fit'`, by optimizer iteration) and `penalizer` (L2, as lifetimes).
 * @returns The fit with its status: declined (with the reason) under 10 repeat buyers, a
 *   non-finite log-likelihood, or a parameter at the edge of its range.
 * @throws {DataError} code `'DATA'` for an inconsistent row (recency > T, …).
 * @see Fader & Hardie (2005), A note on deriving the Pareto/NBD model and related expressions.
 * @example
 * fitParetoNbd(customerSummary(log, { asOf: '1997-09-30' })).params //=> { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 } on CDNOW
 */
export function fitParetoNbd(summary: readonly BtydCustomer[], options: BtydFitOptions = {}): FittedParetoNbd {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  const groups = groupRows(summary);
  const data = describeData(groups);
  const fit = maximizePositive({
    names: ['r', 'alpha', 's', 'beta'],
    logLikelihood: (p) => paretoNbdLogLikelihood(p, groups),
    starts: [[0, 0, 0, 0], [Math.log(0.5), Math.log(10), Math.log(0.5), Math.log(10)], [0, Math.log(30), 0, Math.log(30)]],
    customers: data.customers,
    penalizer,
  }, guard);
  const model = paretoNbdModel(fit.params, fit.logLikelihood);
  const reason = declineReason('Pareto/NBD', fit.params, fit.logLikelihood, data);
  if (reason === null) return { ...model, data, uncertainty: fit.uncertainty() };
  const refuse = refusal(reason);
  return { ...model, data, status: 'declined', reason, expectedPurchases: refuse, probabilityAlive: refuse, probabilityOfPurchases: refuse, probabilityActive: refuse };
}

/** Σ log-likelihood of the Pareto/NBD model over grouped rows (Fader & Hardie 2005, eq. 19). */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, groups: readonly Group[]): number {
  const { r, alpha, s, beta } = params;
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return -Infinity;
  const base = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  let ll = 0;
  for (const { x, tx, T, weight } of groups) {
    const first = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const second = Math.log(s / (r + s + x)) + logA0(params, x, tx, T);
    ll += weight * (logGamma(r + x) + base + logSumExp(first, second));
  }
  return ll;
}

/**
 * ln A₀ of Fader & Hardie (2005): the difference of two ₂F₁ terms at t_x and T, in logs. The
 * series argument is (α − β)/(α + y) when α ≥ β, else (β − α)/(β + y), so it stays in [0, 1).
 */
function logA0({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  const a1 = r + s + x;
  const [b1, big, diff] = alpha >= beta ? [s + 1, alpha, alpha - beta] : [r + x, beta, beta - alpha];
  const logF = (y: number): number => logHyp2f1(a1, b1, a1 + 1, diff / (big + y)) - a1 * Math.log(big + y);
  if (T - tx <= 0) return -Infinity;
  const atTx = logF(tx);
  const atT = logF(T);
  return atTx + Math.log(-Math.expm1(atT - atTx));
}

const logSumExp = (a: number, b: number): number => {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
};

/**
 * The Pareto/NBD predictions for given parameters, without fitting.
 * @example
 * paretoNbdModel({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }).expectedPurchases(39) //=> 1.47…
 */
export function paretoNbdModel(params: ParetoNbdParams, logLikelihood = NaN): FittedParetoNbd {
  const { r, alpha, s, beta } = params;
  const alive = (c: BtydCustomer): number => {
    const { frequency: x, recency: tx, T } = c;
    if (T - tx <= 0) return 1;
    const logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(params, x, tx, T);
    return logOdds > 700 ? 0 : 1 / (1 + Math.exp(logOdds));
  };
  /** (1 − (b/(b+t))^(s−1)) / (s − 1), with its limit ln((b+t)/b) at s = 1. */
  const growth = (b: number, t: number): number => {
    const log = Math.log1p(t / b);
    return Math.abs(s - 1) < 1e-9 ? log : -Math.expm1(-(s - 1) * log) / (s - 1);
  };
  return {
    params: { ...params },
    logLikelihood,
    status: 'ok',
    reason: null,
    data: { customers: 0, repeatBuyers: 0, span: Infinity },
    uncertainty: null,
    expectedPurchases(t: number, customer?: BtydCustomer): number {
      checkTime(t);
      if (customer === undefined) return Math.max(0, ((r * beta) / alpha) * growth(beta, t));
      const { frequency: x, T } = customer;
      return Math.max(0, (((r + x) * (beta + T)) / (alpha + T)) * growth(beta + T, t) * alive(customer));
    },
    probabilityAlive: alive,
    toJSON(this: FittedParetoNbd): BtydJSON {
      return btydJSON('pareto-nbd', this);
    },
    probabilityOfPurchases(n: number, t: number): number {
      checkTime(t);
      if (!(Number.isInteger(n) && n >= 0)) throw new OptionError(`n must be a non-negative integer, got ${n}`);
      return Math.min(1, Math.max(0, probabilityOfN(params, n, t)));
    },
    probabilityActive(customer: BtydCustomer, t: number): number {
      checkTime(t);
      // Alive at T: purchases ~ Poisson(λ) until death ~ Exp(μ), with posteriors Gamma(r + x, α + T)
      // and Gamma(s, β + T). P(none in (T, T + t]) = 1 − P(at least one), computed from the
      // joint survival of the two exponential clocks: E[μ/(λ+μ) + λ/(λ+μ) e^{−(λ+μ)t}].
      const p = 1 - noPurchaseWhileAlive(params, customer, t);
      return Math.min(1, Math.max(0, alive(customer) * p));
    },
  };
}

/**
 * P(no purchase in (T, T + t] | alive at T): E over the posterior of (λ, μ) of
 * μ/(λ+μ) + λ/(λ+μ)·e^{−(λ+μ)t}, by Gauss–Laguerre-free numeric integration over the death
 * time: ∫₀^t P(die at u) P(no purchase in u) du + P(alive at t) P(no purchase in t).
 */
function noPurchaseWhileAlive({ r, alpha, s, beta }: ParetoNbdParams, c: BtydCustomer, t: number): number {
  const ra = r + c.frequency, aa = alpha + c.T, bb = beta + c.T;
  // P(no purchase in u) = (aa/(aa+u))^ra; P(alive at u) = (bb/(bb+u))^s; death density s/bb (bb/(bb+u))^(s+1).
  const noBuy = (u: number) => Math.exp(-ra * Math.log1p(u / aa));
  const survive = (u: number) => Math.exp(-s * Math.log1p(u / bb));
  const deathDensity = (u: number) => (s / bb) * Math.exp(-(s + 1) * Math.log1p(u / bb));
  // Simpson's rule on 400 panels: the integrand is smooth and monotone.
  const n = 400;
  const h = t / n;
  let sum = deathDensity(0) * noBuy(0) + deathDensity(t) * noBuy(t);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * deathDensity(i * h) * noBuy(i * h);
  return (sum * h) / 3 + survive(t) * noBuy(t);
}

/**
 * P(X(t) = n) for a new customer (Fader & Hardie 2006, "Deriving an expression for P(X(t) = x)
 * under the Pareto/NBD model").
 */
function probabilityOfN({ r, alpha, s, beta }: ParetoNbdParams, n: number, t: number): number {
  const lbeta = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
  const aliveAll = Math.exp(logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t)));
  const c = r + s + n + 1;
  const [b1, big, diff] = alpha >= beta ? [s + 1, alpha, alpha - beta] : [r + n, beta, beta - alpha];
  const logB1 = logHyp2f1(r + s, b1, c, diff / big) - (r + s) * Math.log(big);
  let inner = Math.exp(logB1);
  for (let i = 0; i <= n; i++) {
    const logTerm = logGamma(r + s + i) - logGamma(r + s) - logGamma(i + 1) + (i === 0 ? 0 : i * Math.log(t))
      + logHyp2f1(r + s + i, b1, c, diff / (big + t)) - (r + s + i) * Math.log(big + t);
    inner -= Math.exp(logTerm);
  }
  const lead = Math.exp(r * Math.log(alpha) + s * Math.log(beta) + lbeta(r + n, s + 1) - lbeta(r, s));
  return aliveAll + lead * inner;
}

function checkTime(t: number): void {
  if (!(t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${t}`);
}
