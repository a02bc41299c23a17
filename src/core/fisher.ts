import { logGamma } from './math';

/**
 * The one-sided Fisher test for tables of `n` baskets, with ln k! tabulated once for k ≤ n
 * (rule mining calls it for every rule of the same n).
 * @example
 * const p = fisherTest(6); p(3, 3, 3) //=> 0.05
 */
export function fisherTest(n: number): (both: number, rowTotal: number, columnTotal: number) => number {
  const logFactorial = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) logFactorial[k] = (logFactorial[k - 1] as number) + Math.log(k);
  const logChoose = (m: number, k: number): number => (logFactorial[m] as number) - (logFactorial[k] as number) - (logFactorial[m - k] as number);
  return (both, rowTotal, columnTotal) => fisherGreater(both, rowTotal, columnTotal, n, logChoose);
}

const logChooseByGamma = (n: number, k: number): number => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * One-sided Fisher exact test for positive association in a 2×2 table: P(X ≥ both) for X
 * hypergeometric (n items, `rowTotal` drawn, `columnTotal` marked), the chance of seeing at least
 * this many baskets with A and C together if A and C were independent. The tail is summed from
 * the observed count outward by the term ratio, on whichever side of the mean is shorter.
 * @param both - Baskets with A and C.
 * @param rowTotal - Baskets with A.
 * @param columnTotal - Baskets with C.
 * @param n - All baskets.
 * @example
 * fisherGreater(3, 3, 3, 6) //=> 0.05 (= 1 / C(6, 3))
 */
export function fisherGreater(both: number, rowTotal: number, columnTotal: number, n: number, logChoose: (m: number, k: number) => number = logChooseByGamma): number {
  const low = Math.max(0, rowTotal + columnTotal - n);
  const high = Math.min(rowTotal, columnTotal);
  if (both <= low) return 1;
  if (both > high) return 0;
  const logDenominator = logChoose(n, rowTotal);
  const logTerm = (k: number): number => logChoose(columnTotal, k) + logChoose(n - columnTotal, rowTotal - k) - logDenominator;
  // p(k + 1) / p(k) = (r − k)(c − k) / ((k + 1)(n − r − c + k + 1))
  const up = (k: number): number => ((rowTotal - k) * (columnTotal - k)) / ((k + 1) * (n - rowTotal - columnTotal + k + 1));
  const mean = (rowTotal * columnTotal) / n;
  if (both >= mean) return Math.min(1, tail(logTerm(both), both, high, up, 1));
  // Below the mean: 1 − P(X ≤ both − 1), summed downward (the shorter side).
  const below = tail(logTerm(both - 1), both - 1, low, (k) => 1 / up(k - 1), -1);
  return Math.min(1, Math.max(0, 1 - below));
}

/** Σ of the terms from `from` toward `to` (step ±1), each from the last by `ratio`, until they no longer matter. */
function tail(logFirst: number, from: number, to: number, ratio: (k: number) => number, step: 1 | -1): number {
  let term = Math.exp(logFirst);
  let sum = term;
  for (let k = from; k !== to; k += step) {
    term *= ratio(k);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}
