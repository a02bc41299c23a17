import { DataError, OptionError } from '../core/errors';
import { powTimesHyp2f1 } from '../core/hypergeometric';
import { bfgs } from '../core/bfgs';
import { digamma, logGamma } from '../core/math';
import { nelderMead } from '../core/optimize';
import { runGuard, type SearchGuard } from '../core/guard';
import type { CustomerSummaryRow } from './summary';
import { declineReason, refusal, rowWeight, type FitStatus } from './fitCheck';
import { parameterUncertainty, type ParameterUncertainty } from './uncertainty';
import { l2Penalty, penalizerOf, type BtydFitOptions } from './likelihoodFit';
import { btydJSON, type BtydJSON } from './savedJson';
import { bgnbdSql, type BgNbdSqlOptions } from './bgnbdSql';
import type { SqlDialect } from '../core/sqlDialect';

/** BG/NBD parameters: purchase rates ~ Gamma(r, alpha), dropout probabilities ~ Beta(a, b). */
export interface BgNbdParams { r: number; alpha: number; a: number; b: number }

/**
 * The part of a summary row the model reads. A `weight` stands for that many customers with the
 * same (frequency, recency, T): the grouped rows an engine returns (`customerSummarySql` with
 * `grouped`), so that a fit reads thousands of rows instead of millions. @default weight 1
 */
export type BtydCustomer = Pick<CustomerSummaryRow, 'frequency' | 'recency' | 'T'> & { weight?: number };

/** A fitted BG/NBD (or MBG/NBD) model. Times are in the unit of the summary it was fitted on. */
export interface FittedBgNbd {
  params: BgNbdParams;
  logLikelihood: number;
  /** `'declined'` when the data cannot support the model; its predictions then throw a `MODEL` error with {@link FittedBgNbd.reason}. */
  status: FitStatus;
  /** Why the fit was declined, with the numbers; null when it is usable. */
  reason: string | null;
  /** What the fit saw: customers, repeat buyers, and the longest observation (the largest T, in the unit of the fit). */
  data: { customers: number; repeatBuyers: number; span: number };
  /** Standard errors and 95% intervals of the parameters; null for a declined fit, given parameters, or a flat optimum. */
  uncertainty: ParameterUncertainty<keyof BgNbdParams> | null;
  /** Expected purchases in (0, t] for a new customer, or in (T, T + t] for the given customer. */
  expectedPurchases(t: number, customer?: BtydCustomer): number;
  /** Probability that the customer is still alive (has not dropped out) at T. */
  probabilityAlive(customer: BtydCustomer): number;
  /** Probability that a new customer makes exactly n purchases in (0, t]. */
  probabilityOfPurchases(n: number, t: number): number;
  /** Probability that the customer buys at least once in (T, T + t]: the churn score to rank by. */
  probabilityActive(customer: BtydCustomer, t: number): number;
  /** The fit as JSON ({@link btydModelFromJSON} rebuilds it); `JSON.stringify(fit)` calls it. */
  toJSON(): BtydJSON;
  /**
   * The closed-form scores as SQL, to score where the data lives: a select list
   * `probability_alive[, probability_active]` over summary columns (see {@link bgnbdSql}).
   * Conditional expected purchases need ₂F₁ and are scored by `bgnbdScoresFromSql`.
   * @example
   * `SELECT customer, ${fit.toSql('postgres', { t: 13 })} FROM summary`
   */
  toSql(dialect: SqlDialect, options?: BgNbdSqlOptions): string;
}

/**
 * Fits the BG/NBD model by maximum likelihood: BFGS on log-parameters with the analytic
 * gradient, falling back to Nelder–Mead from several starts; the log-likelihood is evaluated
 * once per distinct (x, t_x, T), in log space so extreme customers give no NaN.
 * @param summary - Rows of {@link customerSummary} (frequency, recency, T in one unit).
 * @param options - `signal`, `onProgress` (phase `'fit'`, by optimizer iteration) and `penalizer`
 *   (L2, as lifetimes' `penalizer_coef`: −LL/customers + penalizer · Σ params², for short or sparse data).
 * @returns The fitted model with its parameters, log-likelihood and predictions, and a `status`:
 *   `'declined'` (with a `reason`) when fewer than 10 customers bought twice, the log-likelihood
 *   is not finite or a parameter ends at the edge of its range (the data cannot identify it, as
 *   on two weeks of data); a declined model's predictions throw a `MODEL` error.
 * @throws {DataError} code `'DATA'` for a row with negative or inconsistent values (recency > T, or frequency 0 with recency ≠ 0).
 * @throws {AbortError} code `'ABORTED'` when the signal fires (checked before any work and every iteration).
 * @see Fader, Hardie & Lee (2005), "Counting your customers" the easy way: an alternative to the Pareto/NBD model, Marketing Science 24(2).
 * @example
 * fitBgNbd(customerSummary(log, { asOf: '1997-09-30' })).params //=> { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 */
export function fitBgNbd(summary: readonly BtydCustomer[], options: BtydFitOptions = {}): FittedBgNbd {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  const groups = groupRows(summary);
  const { params, logLikelihood } = maximize(groups, (p, g) => bgnbdLogLikelihoodWithGradient(p, g, false), guard, penalizer);
  return checked(bgnbdModel(params, logLikelihood), groups, 'BG/NBD', false, penalizer);
}

/** The model with its status: declined when the data cannot support it. */
function checked(model: FittedBgNbd, groups: readonly Group[], name: string, modified: boolean, penalizer: number): FittedBgNbd {
  const data = describeData(groups);
  const reason = declineReason(name, { ...model.params }, model.logLikelihood, data);
  if (reason === null) {
    const negative = (values: number[]) => {
      const [r, alpha, a, b] = values as [number, number, number, number];
      return -bgnbdLogLikelihood({ r, alpha, a, b }, groups, modified) + l2Penalty(values, penalizer, data.customers);
    };
    const uncertainty = parameterUncertainty(model.params, negative);
    return { ...model, data, uncertainty };
  }
  const refuse = refusal(reason);
  return { ...model, data, status: 'declined', reason, expectedPurchases: refuse, probabilityAlive: refuse, probabilityOfPurchases: refuse, probabilityActive: refuse, toSql: refuse };
}

/** What a fit on grouped rows saw: customers, repeat buyers and the longest observation (BG/NBD, MBG/NBD, Pareto/NBD). */
export function describeData(groups: readonly Group[]): FittedBgNbd['data'] {
  let customers = 0;
  let repeatBuyers = 0;
  let span = 0;
  for (const g of groups) {
    customers += g.weight;
    if (g.x > 0) repeatBuyers += g.weight;
    if (g.T > span) span = g.T;
  }
  return { customers, repeatBuyers, span };
}

/**
 * Fits the modified BG/NBD model (MBG/NBD, Batislam, Denizel & Filiztekin 2007): like BG/NBD,
 * but a customer may also drop out right after the first purchase, so one-time buyers can be
 * inactive too (P(alive) < 1 for frequency 0). Same result shape as {@link fitBgNbd}.
 * @throws {DataError} code `'DATA'` for inconsistent summary rows.
 * @see Batislam, Denizel & Filiztekin (2007), Empirical validation and comparison of models for customer base analysis, IJRM 24(3).
 * @example
 * fitMbgNbd(summary).probabilityAlive({ frequency: 0, recency: 0, T: 30 }) //=> below 1
 */
export function fitMbgNbd(summary: readonly BtydCustomer[], options: BtydFitOptions = {}): FittedBgNbd {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  const groups = groupRows(summary);
  const { params, logLikelihood } = maximize(groups, (p, g) => bgnbdLogLikelihoodWithGradient(p, g, true), guard, penalizer);
  return checked(bgnbdModel(params, logLikelihood, true), groups, 'MBG/NBD', true, penalizer);
}

/**
 * Maximum likelihood on log-parameters: BFGS with the analytic gradient from (1, 1, 1, 1),
 * then Nelder–Mead from the result and from other starts if BFGS did not converge; the best wins.
 */
export function maximize(groups: readonly Group[], llg: (p: BgNbdParams, g: readonly Group[]) => { value: number; gradient: number[] }, guard: SearchGuard = runGuard({}), penalizer = 0): { params: BgNbdParams; logLikelihood: number } {
  let customers = 0;
  for (const g of groups) customers += g.weight;
  // Progress by optimizer iteration, counted over every start; the signal is checked there too.
  let iterations = 0;
  guard.phase('fit');
  const onIteration = (): void => guard.step(++iterations);
  const toParams = (theta: number[]): BgNbdParams => {
    const [r, alpha, a, b] = theta.map(Math.exp) as [number, number, number, number];
    return { r, alpha, a, b };
  };
  const objective = (theta: number[]) => {
    const p = toParams(theta);
    const { value, gradient } = llg(p, groups);
    const values = [p.r, p.alpha, p.a, p.b];
    // d(−LL + N·c·Σp²)/dθ = −p · dLL/dp + 2·N·c·p² for θ = ln p
    return { value: -value + l2Penalty(values, penalizer, customers), gradient: values.map((v, i) => -v * (gradient[i] as number) + 2 * penalizer * customers * v * v) };
  };
  const sane = (theta: number[]) => theta.every((t) => Math.abs(t) < 18); // e^18 ≈ 6.6e7: beyond, precision is gone
  let best = bfgs(objective, [0, 0, 0, 0], { maxStep: 2, onIteration });
  if (best.status !== 'converged' || !sane(best.x)) {
    if (!sane(best.x)) best = { ...best, value: Infinity };
    for (const start of [best.x, [Math.log(0.5), Math.log(5), Math.log(0.5), Math.log(2)], [Math.log(2), Math.log(20), 0, Math.log(5)]]) {
      const nm = nelderMead((theta) => objective(theta).value, start, { maxIterations: 20_000, tolerance: 1e-14, onIteration });
      const polished = bfgs(objective, nm.x, { maxStep: 2, onIteration });
      const candidate = polished.value <= nm.value && sane(polished.x) ? polished : nm;
      if (candidate.value < best.value && sane(candidate.x)) best = candidate;
    }
  }
  const params = toParams(best.x);
  return { params, logLikelihood: llg(params, groups).value };
}

/**
 * The BG/NBD (or, with `modified`, MBG/NBD) predictions for given parameters, without fitting.
 * @example
 * bgnbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).expectedPurchases(39) //=> 1.19…
 */
export function bgnbdModel(params: BgNbdParams, logLikelihood = NaN, modified = false): FittedBgNbd {
  const { r, alpha, a, b } = params;
  const shift = modified ? 1 : 0; // MBG/NBD: one more dropout opportunity, at the first purchase
  const alive = (c: BtydCustomer): number => {
    if (c.frequency === 0 && !modified) return 1;
    // 1 / (1 + odds), the odds in logs: ((α + T)/(α + t_x))^(r + x) overflows at large frequencies.
    const logOdds = Math.log(a) - Math.log(b + c.frequency - 1 + shift) + (r + c.frequency) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
    return logOdds > 700 ? 0 : 1 / (1 + Math.exp(logOdds));
  };
  const lbeta = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
  // a = 1 is a removable singularity of the expectations (0/0); step off it.
  const aMinus1 = Math.abs(a - 1) < 1e-9 ? 1e-9 : a - 1;
  return {
    params: { ...params },
    logLikelihood,
    status: 'ok',
    reason: null,
    data: { customers: 0, repeatBuyers: 0, span: Infinity },
    uncertainty: null,
    expectedPurchases(t: number, customer?: BtydCustomer): number {
      checkTime(t);
      if (customer === undefined) {
        const lead = modified ? b / aMinus1 : (a + b - 1) / aMinus1;
        return Math.max(0, lead * (1 - powTimesHyp2f1(r, r, b + shift, a + b - 1 + shift, t / (alpha + t))));
      }
      const { frequency: x, T } = customer;
      const z = t / (alpha + T + t);
      // (1 − z)^(r+x) = ((α + T)/(α + T + t))^(r+x); the product with ₂F₁ formed without overflow.
      const numerator = Math.max(0, ((a + b + x - 1 + shift) / aMinus1) * (1 - powTimesHyp2f1(r + x, r + x, b + x + shift, a + b + x - 1 + shift, z)));
      return numerator * alive(customer);
    },
    probabilityAlive: alive,
    toJSON(this: FittedBgNbd): BtydJSON {
      return btydJSON(modified ? 'mbg-nbd' : 'bg-nbd', this);
    },
    toSql(dialect: SqlDialect, options?: BgNbdSqlOptions): string {
      return bgnbdSql(params, modified, dialect, options);
    },
    probabilityOfPurchases(n: number, t: number): number {
      checkTime(t);
      if (!(Number.isInteger(n) && n >= 0)) throw new OptionError(`n must be a non-negative integer, got ${n}`);
      // NBD pmf: the chance of j purchases in (0, t] while alive.
      const nbd = (j: number) => Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * Math.log(alpha / (alpha + t)) + j * Math.log(t / (alpha + t)));
      // Alive through all n (+1 for MBG) dropout opportunities with n purchases, or dropped right after the n-th.
      let p = Math.exp(lbeta(a, b + n + shift) - lbeta(a, b)) * nbd(n);
      if (n > 0 || modified) {
        let reached = 1;
        for (let j = 0; j < n; j++) reached -= nbd(j);
        // 1 − Σ cancels to rounding noise (even below 0) once the sum is near 1.
        p += Math.exp(lbeta(a + 1, b + n - 1 + shift) - lbeta(a, b)) * Math.max(0, reached);
      }
      return Math.min(1, Math.max(0, p));
    },
    probabilityActive(customer: BtydCustomer, t: number): number {
      checkTime(t);
      // Alive at T with rate posterior Gamma(r + x, alpha + T): P(no purchase in t) = ((α+T)/(α+T+t))^(r+x).
      // 1 − ((α+T)/(α+T+t))^(r+x), accurately also for a tiny t.
      return alive(customer) * -Math.expm1((r + customer.frequency) * Math.log1p(-t / (alpha + customer.T + t)));
    },
  };
}

/** Customers sharing (frequency, recency, T), with their count. */
export interface Group { x: number; tx: number; T: number; weight: number }

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
    const weight = rowWeight(c.weight, i);
    const key = `${x}|${tx}|${T}`;
    const g = map.get(key);
    if (g === undefined) map.set(key, { x, tx, T, weight });
    else g.weight += weight;
  });
  return [...map.values()];
}

/** Σ log-likelihood of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6), or MBG/NBD with `modified`. */
export function bgnbdLogLikelihood(params: BgNbdParams, groups: readonly Group[], modified = false): number {
  return bgnbdLogLikelihoodWithGradient(params, groups, modified).value;
}

/** The log-likelihood and its gradient with respect to (r, alpha, a, b). */
export function bgnbdLogLikelihoodWithGradient({ r, alpha, a, b }: BgNbdParams, groups: readonly Group[], modified = false): { value: number; gradient: number[] } {
  const shift = modified ? 1 : 0;
  const lgR = logGamma(r);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const common = logGamma(a + b) - logGamma(b);
  const logAlpha = Math.log(alpha);
  // Special functions depend on x alone: compute them once per distinct frequency.
  const perX = new Map<number, { lg: number; psiRX: number; psiBX: number; psiABX: number }>();
  const special = (x: number) => {
    let v = perX.get(x);
    if (v === undefined) {
      v = {
        lg: logGamma(r + x) - lgR + r * logAlpha + common + logGamma(b + x + shift) - logGamma(a + b + x + shift),
        psiRX: digamma(r + x),
        psiBX: digamma(b + x + shift),
        psiABX: digamma(a + b + x + shift),
      };
      perX.set(x, v);
    }
    return v;
  };
  let ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
  for (const { x, tx, T, weight: w } of groups) {
    const sp = special(x);
    const logAT = Math.log(alpha + T);
    const a3 = -(r + x) * logAT;
    let tail = a3;
    let w4 = 0;
    let logAtx = 0;
    const dropped = x > 0 || modified;
    if (dropped) {
      logAtx = Math.log(alpha + tx);
      const a4 = Math.log(a) - Math.log(b + x - 1 + shift) - (r + x) * logAtx;
      const m = Math.max(a3, a4);
      const s = Math.exp(a3 - m) + Math.exp(a4 - m);
      tail = m + Math.log(s);
      w4 = Math.exp(a4 - m) / s;
    }
    const w3 = 1 - w4;
    ll += w * (sp.lg + tail);
    gr += w * (sp.psiRX - psiR + logAlpha - w3 * logAT - w4 * logAtx);
    gAlpha += w * (r / alpha - (w3 * (r + x)) / (alpha + T) - (dropped ? (w4 * (r + x)) / (alpha + tx) : 0));
    ga += w * (psiAB - sp.psiABX + (dropped ? w4 / a : 0));
    gb += w * (psiAB + sp.psiBX - psiB - sp.psiABX - (dropped ? w4 / (b + x - 1 + shift) : 0));
  }
  return { value: ll, gradient: [gr, gAlpha, ga, gb] };
}

function checkTime(t: number): void {
  if (!(t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${t}`);
}
