import { DataError, OptionError } from '../core/errors';
import { hyp2f1 } from '../core/hypergeometric';
import { logGamma } from '../core/math';
import { nelderMead } from '../core/optimize';
import type { CustomerSummaryRow } from './summary';

/** BG/NBD parameters: purchase rates ~ Gamma(r, alpha), dropout probabilities ~ Beta(a, b). */
export interface BgNbdParams { r: number; alpha: number; a: number; b: number }

/** The part of a summary row the model reads. */
export type BtydCustomer = Pick<CustomerSummaryRow, 'frequency' | 'recency' | 'T'>;

/** A fitted BG/NBD model. Times are in the unit of the summary it was fitted on. */
export interface FittedBgNbd {
  params: BgNbdParams;
  logLikelihood: number;
  /** Expected purchases in (0, t] for a new customer, or in (T, T + t] for the given customer. */
  expectedPurchases(t: number, customer?: BtydCustomer): number;
  /** Probability that the customer is still alive (has not dropped out) at T. */
  probabilityAlive(customer: BtydCustomer): number;
  /** Probability that a new customer makes exactly n purchases in (0, t]. */
  probabilityOfPurchases(n: number, t: number): number;
  /** Probability that the customer buys at least once in (T, T + t]: the churn score to rank by. */
  probabilityActive(customer: BtydCustomer, t: number): number;
}

/**
 * Fits the BG/NBD model by maximum likelihood (Nelder–Mead on log-parameters, from several
 * starting points; the log-likelihood is evaluated once per distinct (x, t_x, T)).
 * @param summary - Rows of {@link customerSummary} (frequency, recency, T in one unit).
 * @returns The fitted model with its parameters, log-likelihood and predictions.
 * @throws {DataError} code `'DATA'` for a row with negative or inconsistent values (recency > T, or frequency 0 with recency ≠ 0).
 * @see Fader, Hardie & Lee (2005), "Counting your customers" the easy way: an alternative to the Pareto/NBD model, Marketing Science 24(2).
 * @example
 * fitBgNbd(customerSummary(log, { asOf: '1997-09-30' })).params //=> { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 */
export function fitBgNbd(summary: readonly BtydCustomer[]): FittedBgNbd {
  const groups = groupRows(summary);
  const negLL = (p: number[]): number => {
    const [r, alpha, a, b] = p.map(Math.exp) as [number, number, number, number];
    return -bgnbdLogLikelihood({ r, alpha, a, b }, groups);
  };
  let best: { x: number[]; value: number } | null = null;
  for (const start of [[0, 0, 0, 0], [Math.log(0.5), Math.log(5), Math.log(0.5), Math.log(2)], [Math.log(2), Math.log(20), 0, Math.log(5)]]) {
    let result = nelderMead(negLL, start, { maxIterations: 20_000, tolerance: 1e-12 });
    result = nelderMead(negLL, result.x, { maxIterations: 20_000, tolerance: 1e-14, step: 0.05 }); // restart to polish
    if (best === null || result.value < best.value) best = result;
  }
  const [r, alpha, a, b] = (best as { x: number[] }).x.map(Math.exp) as [number, number, number, number];
  return bgnbdModel({ r, alpha, a, b }, -(best as { value: number }).value);
}

/** The BG/NBD predictions for given parameters (no fitting). */
export function bgnbdModel(params: BgNbdParams, logLikelihood = NaN): FittedBgNbd {
  const { r, alpha, a, b } = params;
  const alive = (c: BtydCustomer): number => {
    if (c.frequency === 0) return 1;
    return 1 / (1 + (a / (b + c.frequency - 1)) * Math.pow((alpha + c.T) / (alpha + c.recency), r + c.frequency));
  };
  return {
    params: { ...params },
    logLikelihood,
    expectedPurchases(t: number, customer?: BtydCustomer): number {
      checkTime(t);
      if (customer === undefined) {
        return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      }
      const { frequency: x, T } = customer;
      const numerator = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
      return numerator * alive(customer);
    },
    probabilityAlive: alive,
    probabilityOfPurchases(n: number, t: number): number {
      checkTime(t);
      if (!(Number.isInteger(n) && n >= 0)) throw new OptionError(`n must be a non-negative integer, got ${n}`);
      const lbeta = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
      const logPoissonGamma = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * Math.log(alpha / (alpha + t)) + j * Math.log(t / (alpha + t));
      let p = Math.exp(lbeta(a, b + n) - lbeta(a, b) + logPoissonGamma(n));
      if (n > 0) {
        let tail = 0;
        for (let j = 0; j < n; j++) tail += Math.exp(logPoissonGamma(j));
        p += Math.exp(lbeta(a + 1, b + n - 1) - lbeta(a, b)) * (1 - tail);
      }
      return p;
    },
    probabilityActive(customer: BtydCustomer, t: number): number {
      checkTime(t);
      // Alive at T with rate posterior Gamma(r + x, alpha + T): P(no purchase in t) = ((α+T)/(α+T+t))^(r+x).
      return alive(customer) * (1 - Math.pow((alpha + customer.T) / (alpha + customer.T + t), r + customer.frequency));
    },
  };
}

interface Group { x: number; tx: number; T: number; weight: number }

/** Distinct (frequency, recency, T) with their counts; validates rows. */
export function groupRows(summary: readonly BtydCustomer[]): Group[] {
  if (summary.length === 0) throw new DataError('the summary is empty: a model needs at least one customer');
  const map = new Map<string, Group>();
  summary.forEach((c, i) => {
    const { frequency: x, recency: tx, T } = c;
    const bad = !(Number.isInteger(x) && x >= 0) ? 'frequency must be a non-negative integer'
      : !(tx >= 0 && T >= 0 && Number.isFinite(T)) ? 'recency and T must be finite and >= 0'
      : tx > T + 1e-9 ? 'recency cannot exceed T'
      : x === 0 && tx !== 0 ? 'recency must be 0 when frequency is 0' : null;
    if (bad !== null) throw new DataError(bad, { row: i + 1, field: 'frequency/recency/T', value: `${x}/${tx}/${T}` });
    const key = `${x}|${tx}|${T}`;
    const g = map.get(key);
    if (g === undefined) map.set(key, { x, tx, T, weight: 1 });
    else g.weight++;
  });
  return [...map.values()];
}

/** Σ log-likelihood of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6), via log-sum-exp. */
export function bgnbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, groups: readonly Group[]): number {
  const lgR = logGamma(r);
  const common = logGamma(a + b) - logGamma(b);
  let ll = 0;
  for (const { x, tx, T, weight } of groups) {
    const a1 = logGamma(r + x) - lgR + r * Math.log(alpha);
    const a2 = common + logGamma(b + x) - logGamma(a + b + x);
    const a3 = -(r + x) * Math.log(alpha + T);
    let tail = a3;
    if (x > 0) {
      const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
      const m = Math.max(a3, a4);
      tail = m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
    }
    ll += weight * (a1 + a2 + tail);
  }
  return ll;
}

function checkTime(t: number): void {
  if (!(t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${t}`);
}
