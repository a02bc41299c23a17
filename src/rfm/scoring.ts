import { OptionError } from '../core/errors';

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
  // Sort once; worse values first.
  const sorted = [...values].sort((a, b) => (higherIsBetter ? a - b : b - a));
  if (scoring === 'quantile') {
    const below = new Map<number, number>();
    sorted.forEach((v, i) => { if (!below.has(v)) below.set(v, i); });
    return values.map((v) => 1 + Math.floor((bins * (below.get(v) as number)) / n));
  }
  if (scoring === 'rank') {
    const distinct = [...new Set(sorted)];
    const rank = new Map(distinct.map((v, i) => [v, i]));
    return values.map((v) => 1 + Math.floor((bins * (rank.get(v) as number)) / distinct.length));
  }
  throw new OptionError(`scoring must be 'quantile', 'rank' or { breaks }, got ${String(scoring)}`);
}
