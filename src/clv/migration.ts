import { OptionError } from '../core/errors';
import { solveLinear } from '../core/linear';
import { checkOptions, type OptionKind } from '../core/options';

/** Inputs of {@link migrationClv}. */
export interface MigrationClvInput {
  /** p_i: probability that a customer whose last purchase was i periods ago buys this period (i = 1..k). */
  purchaseProbabilities: readonly number[];
  /** Margin of a purchase. */
  margin: number;
  /** Cost of contacting (marketing to) one customer for one period. */
  contactCost: number;
  discountRate: number;
  /** Horizon in periods (including the current one); Infinity for the steady-state value. @default Infinity */
  periods?: number;
}

/** Result of {@link migrationClv}. */
export interface MigrationClvResult {
  /** Value of a customer now in recency state i (index i − 1). */
  valueByState: number[];
  /** Expected buyers in each period t = 0..periods−1 of a cohort that just bought (state 1 at t = 0). */
  expectedBuyers(cohortSize: number, periods: number): number[];
}

/**
 * Dwyer's customer migration ("always a share") model as a Markov chain over recency states:
 * from state i a customer buys with probability p_i and moves to state 1, otherwise to state
 * i + 1; past the last state the customer is dropped (no further value). Each period a customer
 * in state i yields R_i = p_i · margin − contactCost. Values are V = Σ_t (P/(1+d))^t R, with the
 * current period undiscounted; with an infinite horizon V = (I − P/(1+d))⁻¹ R.
 * @throws {OptionError} code `'OPTION'` for probabilities outside [0, 1], no states, or a bad rate or horizon.
 * @see Dwyer (1997); Pfeifer & Carraway (2000), Modeling customer relationships as Markov chains, J. Interactive Marketing 14(2).
 * @example
 * migrationClv({ purchaseProbabilities: [0.3, 0.2, 0.15, 0.05], margin: 40, contactCost: 4, discountRate: 0.2 }).valueByState[0] //=> 11.9…
 */
export function migrationClv(input: MigrationClvInput): MigrationClvResult {
  checkOptions('migrationClv', input, { purchaseProbabilities: 'array', margin: 'number', contactCost: 'number', discountRate: 'number', periods: 'number' } satisfies Record<keyof MigrationClvInput, OptionKind>);
  const { purchaseProbabilities: p, margin, contactCost, discountRate } = input;
  const periods = input.periods ?? Infinity;
  const k = p.length;
  if (k === 0) throw new OptionError('purchaseProbabilities needs at least one recency state');
  p.forEach((v, i) => { if (!(v >= 0 && v <= 1)) throw new OptionError(`purchaseProbabilities[${i}] must be in [0, 1], got ${v}`); });
  if (!(Number.isFinite(discountRate) && discountRate > -1)) throw new OptionError(`discountRate must be a finite number > −1, got ${discountRate}`);
  if (!(periods === Infinity || (Number.isInteger(periods) && periods >= 0))) throw new OptionError(`periods must be a non-negative integer or Infinity, got ${periods}`);
  if (periods === Infinity && discountRate <= 0) throw new OptionError('an infinite horizon needs a positive discountRate');
  if (!Number.isFinite(margin) || !Number.isFinite(contactCost)) throw new OptionError('margin and contactCost must be finite numbers');
  const P = transitions(p);
  const R = p.map((pi) => pi * margin - contactCost);
  let valueByState: number[];
  if (periods === Infinity) {
    // V = R + P V / (1 + d); I − P/(1 + d) is strictly diagonally dominant (rows of P sum to ≤ 1, d > 0).
    const A = P.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v / (1 + discountRate)));
    valueByState = solveLinear(A, R) as number[];
  } else {
    valueByState = new Array(k).fill(0);
    let term = R.slice(); // (P/(1+d))^t R
    for (let t = 0; t < periods; t++) {
      for (let i = 0; i < k; i++) valueByState[i] = (valueByState[i] as number) + (term[i] as number);
      term = P.map((row) => row.reduce((s, pij, j) => s + pij * (term[j] as number), 0) / (1 + discountRate));
    }
  }
  return {
    valueByState,
    expectedBuyers(cohortSize: number, n: number): number[] {
      if (!(Number.isInteger(n) && n >= 0)) throw new OptionError(`periods must be a non-negative integer, got ${n}`);
      let share = new Array<number>(k).fill(0);
      share[0] = 1;
      const out: number[] = [];
      for (let t = 0; t < n; t++) {
        out.push(cohortSize * share.reduce((s, x, i) => s + x * (p[i] as number), 0));
        const next = new Array<number>(k).fill(0);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) next[j] = (next[j] as number) + (share[i] as number) * (P[i]?.[j] as number);
        share = next;
      }
      return out;
    },
  };
}

/** P[i][j]: from state i+1 to state j+1. Buying leads to state 1; not buying to the next state or out. */
function transitions(p: readonly number[]): number[][] {
  const k = p.length;
  return p.map((pi, i) => {
    const row = new Array<number>(k).fill(0);
    row[0] = pi;
    if (i + 1 < k) row[i + 1] = (row[i + 1] as number) + (1 - pi);
    return row;
  });
}
