import { DataError } from '../core/errors';
import { logGamma } from '../core/math';
import { runGuard } from '../core/guard';
import { declineReason, refusal, type FitStatus } from './fitCheck';
import type { ParameterUncertainty } from './uncertainty';
import { maximizePositive, penalizerOf, type BtydFitOptions } from './likelihoodFit';
import { btydJSON, type BtydJSON } from './savedJson';

/** BG/BB parameters: transaction probabilities ~ Beta(alpha, beta), dropout probabilities ~ Beta(gamma, delta). */
export interface BgBbParams { alpha: number; beta: number; gamma: number; delta: number }

/**
 * One customer (or, with `weight`, that many alike) in discrete time: `frequency` transactions in
 * `periods` opportunities after the first, the last at opportunity `recency` (0 without any).
 */
export interface BgBbCustomer { frequency: number; recency: number; periods: number; weight?: number }

/** A fitted BG/BB model (Fader, Hardie & Shang 2010) of transactions at discrete opportunities. */
export interface FittedBgBb {
  params: BgBbParams;
  logLikelihood: number;
  status: FitStatus;
  reason: string | null;
  /** Customers (weights summed) and repeat buyers the fit saw. */
  data: { customers: number; repeatBuyers: number };
  uncertainty: ParameterUncertainty<keyof BgBbParams> | null;
  /** Probability that the customer is alive at the next opportunity (n + 1). */
  probabilityAlive(customer: BgBbCustomer): number;
  /** Expected transactions in the next `next` opportunities, for the customer; or in the first `next` for a new one. */
  expectedTransactions(next: number, customer?: BgBbCustomer): number;
  /** The fit as JSON ({@link btydModelFromJSON} rebuilds it); `JSON.stringify(fit)` calls it. */
  toJSON(): BtydJSON;
}

/**
 * Fits the BG/BB model by maximum likelihood on customers grouped by (frequency, recency,
 * periods) with weights, as the donation data of the paper come.
 * @param customers - Rows of {@link BgBbCustomer}.
 * @param options - `signal`, `onProgress` (phase `'fit'`) and `penalizer` (L2, as lifetimes).
 * @throws {DataError} code `'DATA'` naming the row of an inconsistent pattern (recency > periods, …).
 * @see Fader, Hardie & Shang (2010), Customer-base analysis in a discrete-time noncontractual setting, Marketing Science 29(6).
 * @example
 * fitBgBb(donations).params //=> { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 */
export function fitBgBb(customers: readonly BgBbCustomer[], options: BtydFitOptions = {}): FittedBgBb {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  const rows = checkRows(customers);
  let total = 0;
  let repeat = 0;
  for (const c of rows) {
    total += c.weight;
    if (c.frequency > 0) repeat += c.weight;
  }
  const data = { customers: total, repeatBuyers: repeat };
  const fit = maximizePositive({
    names: ['alpha', 'beta', 'gamma', 'delta'],
    logLikelihood: (p) => bgbbLogLikelihood(p, rows),
    customers: total,
    penalizer,
    tolerance: [1e-13, 1e-15],
  }, guard);
  const model = bgbbModel(fit.params, fit.logLikelihood);
  const reason = declineReason('BG/BB', fit.params, fit.logLikelihood, data);
  if (reason !== null) {
    const refuse = refusal(reason);
    return { ...model, data, status: 'declined', reason, probabilityAlive: refuse, expectedTransactions: refuse };
  }
  return { ...model, data, uncertainty: fit.uncertainty() };
}

function checkRows(customers: readonly BgBbCustomer[]): Required<BgBbCustomer>[] {
  if (!Array.isArray(customers) || customers.length === 0) throw new DataError('BG/BB needs at least one customer row');
  return customers.map((c, i) => {
    const { frequency: x, recency: tx, periods: n, weight = 1 } = c;
    const bad = !(Number.isInteger(x) && x >= 0) ? 'frequency must be an integer >= 0'
      : !(Number.isInteger(n) && n >= 1) ? 'periods must be an integer >= 1'
      : !(Number.isInteger(tx) && tx >= 0 && tx <= n) ? 'recency must be an integer in [0, periods]'
      : x > tx ? 'frequency cannot exceed recency (one transaction per opportunity)'
      : x === 0 && tx !== 0 ? 'recency must be 0 when frequency is 0'
      : !(weight > 0 && Number.isFinite(weight)) ? 'weight must be a positive number' : null;
    if (bad !== null) throw new DataError(bad, { row: i + 1, field: 'frequency/recency/periods/weight', value: `${x}/${tx}/${n}/${weight}` });
    return { frequency: x, recency: tx, periods: n, weight };
  });
}

const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** ln L of one pattern (Fader, Hardie & Shang 2010, eq. 5), each term in logs. */
function logLikelihoodOf({ alpha, beta, gamma, delta }: BgBbParams, x: number, tx: number, n: number): number {
  const bAB = logBeta(alpha, beta);
  const bGD = logBeta(gamma, delta);
  const terms = [logBeta(alpha + x, beta + n - x) - bAB + logBeta(gamma, delta + n) - bGD];
  for (let i = 0; i <= n - tx - 1; i++) terms.push(logBeta(alpha + x, beta + tx - x + i) - bAB + logBeta(gamma + 1, delta + tx + i) - bGD);
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
}

/** Σ weight · ln L over the rows. */
export function bgbbLogLikelihood(params: BgBbParams, rows: readonly Required<BgBbCustomer>[]): number {
  const { alpha, beta, gamma, delta } = params;
  if (!(alpha > 0 && beta > 0 && gamma > 0 && delta > 0)) return -Infinity;
  let ll = 0;
  for (const r of rows) ll += r.weight * logLikelihoodOf(params, r.frequency, r.recency, r.periods);
  return ll;
}

/**
 * The BG/BB predictions for given parameters.
 * @example
 * bgbbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).expectedTransactions(5) //=> 1.7…
 */
export function bgbbModel(params: BgBbParams, logLikelihood = NaN): FittedBgBb {
  const { alpha, beta, gamma, delta } = params;
  const bAB = logBeta(alpha, beta);
  const bGD = logBeta(gamma, delta);
  const checkNext = (next: number) => {
    if (!(Number.isInteger(next) && next >= 0)) throw new DataError('the number of opportunities must be an integer >= 0', { field: 'next', value: next });
  };
  /**
   * Σ_{k=n+1}^{n+m} B(γ, δ + k)/B(γ, δ) (a new customer's chance to be alive at opportunity k),
   * in closed form δ/(γ − 1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+m)/Γ(γ+δ+n+m)].
   */
  const aliveOpportunities = (n: number, m: number): number => {
    const g = (k: number) => Math.exp(logGamma(1 + delta + k) - logGamma(gamma + delta + k));
    const lead = Math.exp(logGamma(gamma + delta) - logGamma(1 + delta));
    if (Math.abs(gamma - 1) < 1e-9) {
      // The removable singularity at γ = 1: Σ over the opportunities directly.
      let sum = 0;
      for (let k = n + 1; k <= n + m; k++) sum += Math.exp(logBeta(gamma, delta + k) - bGD);
      return sum;
    }
    return (delta / (gamma - 1)) * lead * (g(n) - g(n + m));
  };
  return {
    params: { ...params },
    logLikelihood,
    status: 'ok',
    reason: null,
    data: { customers: 0, repeatBuyers: 0 },
    uncertainty: null,
    toJSON(this: FittedBgBb): BtydJSON {
      return btydJSON('bg-bb', this);
    },
    probabilityAlive(c: BgBbCustomer): number {
      const [row] = checkRows([c]) as [Required<BgBbCustomer>];
      const { frequency: x, recency: tx, periods: n } = row;
      const logAliveTerm = logBeta(alpha + x, beta + n - x) - bAB + logBeta(gamma, delta + n + 1) - bGD;
      return Math.min(1, Math.max(0, Math.exp(logAliveTerm - logLikelihoodOf(params, x, tx, n))));
    },
    expectedTransactions(next: number, c?: BgBbCustomer): number {
      checkNext(next);
      if (c === undefined) return Math.max(0, (alpha / (alpha + beta)) * aliveOpportunities(0, next));
      const [row] = checkRows([c]) as [Required<BgBbCustomer>];
      const { frequency: x, recency: tx, periods: n } = row;
      const lead = Math.exp(logBeta(alpha + x + 1, beta + n - x) - bAB - logLikelihoodOf(params, x, tx, n));
      return Math.max(0, lead * aliveOpportunities(n, next));
    },
  };
}
