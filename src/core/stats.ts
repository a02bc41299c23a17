/** Small numeric helpers shared by the capabilities (sorted search, medians, column moments). */
import { DataError } from './errors';

/** First index of the sorted array whose value is >= v. */
export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of the sorted array whose value is > v. */
export function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The median (mean of the two middle values for an even count; 0 for no values). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Mean and population standard deviation of each column (1 for a constant column, so scaling by it is safe). */
export function columnMoments(X: readonly (readonly number[])[]): { means: number[]; sds: number[] } {
  const d = X[0]?.length ?? 0;
  const means = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + (r[j] as number), 0) / X.length);
  const sds = means.map((m, j) => Math.sqrt(X.reduce((s, r) => s + ((r[j] as number) - m) ** 2, 0) / X.length) || 1);
  const bad = sds.findIndex((sd, j) => !(Number.isFinite(sd) && Number.isFinite(means[j])));
  if (bad >= 0) throw new DataError(`feature ${bad + 1} has values too large to standardize (their mean or spread overflows): rescale it, e.g. to thousands or a logarithm`, { field: `feature ${bad + 1}` });
  return { means, sds };
}

/**
 * The p-quantile of ascending values, interpolating linearly between order statistics
 * (Hyndman & Fan type 7, as R's default and NumPy's `linear`).
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5) //=> 2.5
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
