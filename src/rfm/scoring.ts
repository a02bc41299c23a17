import { OptionError } from '../core/errors';
import { lowerBound, upperBound } from '../core/stats';

/**
 * Spend as RFM scores it: rounded to the millionth of its unit, ⌊v · 10⁶ + ½⌋ / 10⁶, so that
 * amounts equal up to floating-point rounding tie, in memory and in SQL alike (the same
 * operations on the same doubles).
 * @example
 * moneyKey(0.1 + 0.2) === moneyKey(0.3) //=> true
 */
export function moneyKey(value: number): number {
  return Math.floor(value * 1e6 + 0.5) / 1e6;
}

/** How values become scores 1..bins. */
export type RfmScoring = 'quantile' | 'rank' | { breaks: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] } };

/**
 * Scores values 1..bins so that equal values always get equal scores; with `higherIsBetter`
 * false (recency) smaller values score higher.
 * - `'quantile'`: score = 1 + floor(bins · below / n), where `below` counts the values that are
 *   worse (lower, or for recency higher): a value's share of the population beneath it.
 * - `'rank'`: distinct values ranked 0..k−1 from worst to best, score = 1 + floor(bins · rank / k):
 *   spreads scores evenly over distinct values even when many customers tie.
 * - breaks: ascending thresholds (bins − 1 of them); frequency and monetary score 1 + the number
 *   of thresholds <= the value, recency scores bins − the number of thresholds < the value.
 */
export function scoreValues(values: readonly number[], bins: number, scoring: RfmScoring, higherIsBetter: boolean, breaks?: readonly number[]): number[] {
  const n = values.length;
  if (typeof scoring === 'object') {
    if (breaks === undefined) throw new OptionError('scoring.breaks needs thresholds for recency, frequency and monetary');
    if (breaks.length !== bins - 1 || breaks.some((b, i) => i > 0 && b <= (breaks[i - 1] as number))) {
      throw new OptionError(`breaks must be ${bins - 1} ascending thresholds for ${bins} bins, got [${breaks.join(', ')}]`);
    }
    return values.map((v) => (higherIsBetter ? 1 + breaks.filter((b) => b <= v).length : bins - breaks.filter((b) => b < v).length));
  }
  // One native numeric sort, then binary searches (no comparator, no maps).
  const sorted = Float64Array.from(values).sort();
  if (scoring === 'quantile') {
    return values.map((v) => {
      const below = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
      return 1 + Math.floor((bins * below) / n);
    });
  }
  if (scoring === 'rank') {
    let k = 0;
    const distinct = new Float64Array(n);
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct[k++] = sorted[i] as number;
    const unique = distinct.subarray(0, k);
    return values.map((v) => {
      const index = lowerBound(unique, v);
      const rank = higherIsBetter ? index : k - 1 - index;
      return 1 + Math.floor((bins * rank) / k);
    });
  }
  throw new OptionError(`scoring must be 'quantile', 'rank' or { breaks }, got ${String(scoring)}`);
}
