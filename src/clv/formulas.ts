import { CrmMiningError, OptionError } from '../core/errors';
import { hyp2f1 } from '../core/hypergeometric';
import type { FittedSbg } from './sbg';
import { checkOptions, type OptionKind } from '../core/options';

/** When each period's cash arrives: at its end (discounted a full period) or its start. */
export type CashTiming = 'end' | 'start';

/** Inputs of {@link dwyerClv}. */
export interface DwyerClvInput {
  /** Expected margin in each period k = 0, 1, … */
  margins: readonly number[];
  /** Expected cost (e.g. retention spending) in each period; missing periods cost 0. */
  costs?: readonly number[];
  /** Discount rate per period, e.g. 0.1 for 10%. */
  discountRate: number;
  /** @default 'end' */
  timing?: CashTiming;
}

/**
 * Customer lifetime value by the Dwyer formula: Σ_k (margins[k] − costs[k]) / (1 + d)^(k + t0),
 * with t0 = 1 when cash arrives at the end of each period (default) and 0 at its start.
 * @param input - {@link DwyerClvInput}
 * @returns The present value of the expected margins.
 * @throws {OptionError} code `'OPTION'` for a discount rate <= −1, non-finite values, or more costs than margins.
 * @see Dwyer (1997), Customer lifetime valuation to support marketing decision making, J. Direct Marketing 11(4).
 * @example
 * dwyerClv({ margins: [100, 100], discountRate: 0.1 }) //=> 173.55 (100/1.1 + 100/1.21)
 */
export function dwyerClv(input: DwyerClvInput): number {
  checkOptions('dwyerClv', input, { margins: 'array', costs: 'array', discountRate: 'number', timing: 'string' } satisfies Record<keyof DwyerClvInput, OptionKind>);
  const { margins, costs = [], discountRate } = input;
  const t0 = timingOffset(input.timing);
  checkRate(discountRate);
  if (!Array.isArray(margins)) throw new OptionError('margins must be an array of numbers');
  if (costs.length > margins.length) throw new OptionError(`costs has ${costs.length} periods but margins only ${margins.length}`);
  let value = 0;
  for (let k = 0; k < margins.length; k++) {
    const m = margins[k] as number;
    const c = costs[k] ?? 0;
    if (!Number.isFinite(m) || !Number.isFinite(c)) throw new OptionError(`period ${k}: margin and cost must be finite numbers, got ${m} and ${c}`);
    value += (m - c) / Math.pow(1 + discountRate, k + t0);
  }
  return value;
}

/** Inputs of {@link retentionClv}. */
export interface RetentionClvInput {
  /** Margin per period while the customer stays. */
  margin: number;
  /** Cost per period while the customer stays. @default 0 */
  cost?: number;
  /**
   * Probability of staying from one period to the next, in [0, 1); or a fitted sBG
   * ({@link fitSbg}), whose retention rises with tenure: period t's cash is then weighted by
   * S(n + t)/S(n) for a customer who has made n = `renewals` renewals.
   */
  retention: number | FittedSbg;
  /** With an sBG retention: the renewals the customer has made so far. @default 0 */
  renewals?: number;
  discountRate: number;
  /** Number of periods, or Infinity for the closed form. */
  periods: number;
  /** @default 'end' */
  timing?: CashTiming;
}

/**
 * The retention ("lost for good") model: the expected cash in period t = 0, 1, … is
 * (margin − cost) · retention^t, discounted as in {@link dwyerClv}. With `periods: Infinity`
 * the closed form (margin − cost) · (1 + d)^(1 − t0) / (1 + d − r) is used.
 * @throws {OptionError} code `'OPTION'` for a retention outside [0, 1) (or [0, 1] with finite periods) or a bad rate.
 * @see Berger & Nasr (1998), Customer lifetime value: marketing models and applications, J. Interactive Marketing 12(1).
 * @example
 * retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: Infinity }) //=> 333.33 (100 / (1.1 − 0.8))
 */
export function retentionClv(input: RetentionClvInput): number {
  checkOptions('retentionClv', input, { margin: 'number', cost: 'number', retention: 'any', renewals: 'number', discountRate: 'number', periods: 'number', timing: 'string' } satisfies Record<keyof RetentionClvInput, OptionKind>);
  const { margin, cost = 0, retention, discountRate, periods } = input;
  const t0 = timingOffset(input.timing);
  checkRate(discountRate);
  if (!Number.isFinite(margin) || !Number.isFinite(cost)) throw new OptionError(`margin and cost must be finite numbers, got ${margin} and ${cost}`);
  if (!(periods === Infinity || (Number.isInteger(periods) && periods >= 0))) throw new OptionError(`periods must be a non-negative integer or Infinity, got ${periods}`);
  if (typeof retention !== 'number') return sbgRetentionClv(input, retention, t0);
  const maxRetention = periods === Infinity ? 1 : 1 + Number.EPSILON;
  if (!(retention >= 0 && retention < maxRetention)) {
    throw new OptionError(`retention must be in [0, 1)${periods === Infinity ? ' for an infinite horizon' : ''}, got ${retention}`, { retention });
  }
  const cash = margin - cost;
  const q = retention / (1 + discountRate);
  if (periods === Infinity) return (cash / Math.pow(1 + discountRate, t0)) / (1 - q);
  // Σ_{t<periods} cash · q^t / (1+d)^t0, summed as a geometric series.
  const sum = q === 1 ? periods : (1 - Math.pow(q, periods)) / (1 - q);
  return (cash / Math.pow(1 + discountRate, t0)) * sum;
}

/** {@link retentionClv} with a fitted sBG: cash · S(n + t)/S(n), discounted; ₂F₁ in closed form over an infinite horizon. */
function sbgRetentionClv(input: RetentionClvInput, model: FittedSbg, t0: number): number {
  if (typeof model !== 'object' || model === null || typeof model.survival !== 'function') {
    throw new OptionError('retention must be a probability or a fitted sBG model (fitSbg)', { retention: String(model) });
  }
  if (model.status === 'declined') throw new CrmMiningError('MODEL', `not computed: ${model.reason ?? 'the sBG fit was declined'}`);
  const n = input.renewals ?? 0;
  if (!(Number.isInteger(n) && n >= 0)) throw new OptionError(`renewals must be an integer >= 0, got ${String(n)}`);
  const { discountRate, periods } = input;
  const cash = input.margin - (input.cost ?? 0);
  const lead = cash / Math.pow(1 + discountRate, t0);
  if (periods === Infinity) {
    if (!(discountRate > 0)) throw new OptionError('an infinite horizon with sBG retention needs a discountRate > 0 (the expected lifetime can be infinite)');
    const { alpha, beta } = model.params;
    return lead * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
  }
  const base = model.survival(n);
  let sum = 0;
  for (let t = 0; t < periods; t++) sum += model.survival(n + t) / base / Math.pow(1 + discountRate, t);
  return lead * sum;
}

function timingOffset(timing: CashTiming | undefined): number {
  if (timing === undefined || timing === 'end') return 1;
  if (timing === 'start') return 0;
  throw new OptionError(`timing must be 'end' or 'start', got ${String(timing)}`);
}

function checkRate(discountRate: number): void {
  if (!(Number.isFinite(discountRate) && discountRate > -1)) throw new OptionError(`discountRate must be a finite number > −1, got ${discountRate}`, { discountRate });
}
