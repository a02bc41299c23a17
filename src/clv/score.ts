import { OptionError } from '../core/errors';
import { powTimesHyp2f1 } from '../core/hypergeometric';
import type { BgNbdParams, BtydCustomer } from './bgnbd';

/** Customers as columns, for scoring many at once. */
export interface BtydColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Per-customer scores from {@link scoreBgNbd}, one entry per customer. */
export interface BgNbdScores {
  probabilityAlive: Float64Array;
  /** At least one purchase in (T, T + t]. */
  probabilityActive: Float64Array;
  /** Expected purchases in (T, T + t]. */
  expectedPurchases: Float64Array;
}

/**
 * Scores many customers at once with BG/NBD (or MBG/NBD) parameters: the same numbers as the
 * fitted model's `probabilityAlive`, `probabilityActive(c, t)` and `expectedPurchases(t, c)`,
 * computed in one typed-array pass (logs shared between the three, no object per customer).
 * @param params - Fitted parameters, e.g. `fitBgNbd(summary).params`.
 * @param customers - Columns or rows of frequency, recency and T.
 * @param t - Horizon, in the unit of the fit.
 * @throws {OptionError} code `'OPTION'` for a negative or non-finite horizon, or columns of different lengths.
 * @example
 * scoreBgNbd(fit.params, summary, 13).probabilityActive[0] //=> 0.42
 */
export function scoreBgNbd(params: BgNbdParams, customers: BtydColumns | readonly BtydCustomer[], t: number, options: { modified?: boolean } = {}): BgNbdScores {
  if (!(t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${t}`);
  const cols: BtydColumns = Array.isArray(customers)
    ? { frequency: customers.map((c) => c.frequency), recency: customers.map((c) => c.recency), T: customers.map((c) => c.T) }
    : (customers as BtydColumns);
  const n = cols.frequency.length;
  if (cols.recency.length !== n || cols.T.length !== n) throw new OptionError('frequency, recency and T must have the same length');
  const { r, alpha, a, b } = params;
  const shift = options.modified === true ? 1 : 0;
  const alive = new Float64Array(n);
  const active = new Float64Array(n);
  const expected = new Float64Array(n);
  const logA = Math.log(a);
  const aMinus1 = Math.abs(a - 1) < 1e-9 ? 1e-9 : a - 1; // as the fitted model: a = 1 is removable
  // The ₂F₁ factor depends on (x, T) only, which customers share (frequency × first-purchase day): computed once per pair.
  const cache = new PairCache(Math.min(n, 1 << 16));
  for (let i = 0; i < n; i++) {
    const x = cols.frequency[i] as number;
    const T = cols.T[i] as number;
    const rx = r + x;
    const logAT = Math.log(alpha + T);
    let pAlive = 1;
    if (x > 0 || shift === 1) {
      // (a / (b + x − 1 + shift)) · ((α + T)/(α + t_x))^(r + x), in logs
      const odds = Math.exp(logA - Math.log(b + x - 1 + shift) + rx * (logAT - Math.log(alpha + (cols.recency[i] as number))));
      pAlive = 1 / (1 + odds);
    }
    alive[i] = pAlive;
    active[i] = pAlive * -Math.expm1(rx * Math.log1p(-t / (alpha + T + t))); // 1 − ((α+T)/(α+T+t))^(r+x)
    let factor = cache.get(x, T);
    if (Number.isNaN(factor)) {
      factor = ((a + b + x - 1 + shift) / aMinus1) * (1 - powTimesHyp2f1(rx, rx, b + x + shift, a + b + x - 1 + shift, t / (alpha + T + t)));
      cache.set(x, T, factor);
    }
    expected[i] = Math.max(0, pAlive * factor);
  }
  return { probabilityAlive: alive, probabilityActive: active, expectedPurchases: expected };
}

/**
 * An open-addressing table from (x, T) to a number, on typed arrays (no object per entry); NaN
 * means absent. It stops taking new pairs when half full, so its memory stays bounded.
 */
class PairCache {
  private readonly xs: Float64Array;
  private readonly ts: Float64Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Int32Array(this.bits.buffer);

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.xs = new Float64Array(capacity);
    this.ts = new Float64Array(capacity);
    this.values = new Float64Array(capacity).fill(Number.NaN);
  }

  private slot(x: number, T: number): number {
    this.bits[0] = T;
    let h = Math.imul((this.words[0] as number) ^ Math.imul(this.words[1] as number, 0x9e3779b1) ^ Math.imul(x | 0, 0x85ebca6b), 0xc2b2ae35);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (!Number.isNaN(this.values[i] as number) && (this.xs[i] !== x || this.ts[i] !== T)) i = (i + 1) & this.mask;
    return i;
  }

  get(x: number, T: number): number {
    return this.values[this.slot(x, T)] as number;
  }

  set(x: number, T: number, value: number): void {
    if (this.size * 2 >= this.mask + 1 || Number.isNaN(value)) return;
    const i = this.slot(x, T);
    this.xs[i] = x;
    this.ts[i] = T;
    this.values[i] = value;
    this.size++;
  }
}
