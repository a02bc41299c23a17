import { OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { createRng } from '../core/random';
import { progressTicker, throwIfAborted, type RunOptions } from '../core/run';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';

/** Options of {@link silhouette}; progress counts rows (phase `'silhouette'`), `signal` is checked as it goes. */
export interface SilhouetteOptions extends RunOptions {
  /**
   * Compute it on this many rows drawn at random without replacement (all rows when there are
   * fewer): the exact silhouette of that sample, for sets too large for n² distances.
   */
  sampleSize?: number;
  /** Seed of the sample. @default 1 */
  seed?: number;
}

/**
 * The mean silhouette coefficient (Rousseeuw 1987), exactly: for each row, a = mean distance to
 * its own cluster, b = the lowest mean distance to another cluster, s = (b − a) / max(a, b)
 * (0 for a row alone in its cluster, and 0 when a = b = 0: duplicate points on both sides, as
 * scikit-learn does); the mean over rows, never NaN. O(n²) distances, computed once each;
 * with `sampleSize`, the same on a seeded random sample of the rows.
 * @throws {OptionError} code `'OPTION'` for fewer than two clusters (in the sample), labels of the wrong length or a bad sampleSize.
 * @throws {AbortError} code `'ABORTED'` when the signal fires.
 * @example
 * silhouette([[0], [1], [10], [11]], [0, 0, 1, 1]) //=> 0.8997
 * silhouette(X, labels, { sampleSize: 5000, seed: 7 }) // 5,000 rows instead of all
 */
export function silhouette(X: readonly (readonly number[])[], labels: readonly number[], options: SilhouetteOptions = {}): number {
  checkOptions('silhouette', options, { ...RUN_OPTIONS, sampleSize: 'number', seed: 'number' } satisfies Record<keyof SilhouetteOptions, OptionKind>);
  checkMatrix(X);
  if (labels.length !== X.length) throw new OptionError(`labels has ${labels.length} entries for ${X.length} rows`);
  const rows = sampleRows(X.length, options.sampleSize, options.seed ?? 1);
  if (rows !== null) return silhouette(Array.from(rows, (i) => X[i] as number[]), Array.from(rows, (i) => labels[i] as number), { signal: options.signal, onProgress: options.onProgress });
  throwIfAborted(options.signal);
  const clusters = [...new Set(labels)];
  if (clusters.length < 2) throw new OptionError('silhouette needs at least two clusters');
  const index = new Map(clusters.map((c, i) => [c, i]));
  const n = X.length;
  const k = clusters.length;
  const sums = new Float64Array(n * k); // sums[i * k + c]: total distance from row i to cluster c
  const sizes = new Int32Array(k);
  const cluster = Int32Array.from(labels, (l) => index.get(l) as number);
  for (const c of cluster) sizes[c] = (sizes[c] as number) + 1;
  const dims = (X[0] as readonly number[]).length;
  const data = new Float64Array(n * dims);
  X.forEach((row, i) => data.set(row, i * dims));
  // Row i costs n − i distances: a tick every 1e6 / n rows is at most ~1M distances.
  const tick = progressTicker(options, 'silhouette', Math.max(1, Math.floor(1e6 / n)), n);
  for (let i = 0; i < n; i++) {
    tick(i + 1);
    const oi = i * dims;
    for (let j = i + 1; j < n; j++) {
      const oj = j * dims;
      let d = 0;
      for (let t = 0; t < dims; t++) {
        const diff = (data[oi + t] as number) - (data[oj + t] as number);
        d += diff * diff;
      }
      d = Math.sqrt(d);
      sums[i * k + (cluster[j] as number)] = (sums[i * k + (cluster[j] as number)] as number) + d;
      sums[j * k + (cluster[i] as number)] = (sums[j * k + (cluster[i] as number)] as number) + d;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = cluster[i] as number;
    if (sizes[own] === 1) continue;
    const a = (sums[i * k + own] as number) / ((sizes[own] as number) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, (sums[i * k + c] as number) / (sizes[c] as number));
    // a = b = 0 (a row with copies in its own cluster and in another): 0, not 0/0.
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / n;
}

/**
 * Ascending indices of `size` rows of n drawn without replacement with the seed; null when no
 * sample is asked for or it would hold every row.
 * @throws {OptionError} code `'OPTION'` when size is not an integer of at least 2.
 */
export function sampleRows(n: number, size: number | undefined, seed: number): Int32Array | null {
  if (size === undefined) return null;
  if (!Number.isInteger(size) || size < 2) throw new OptionError(`sampleSize must be an integer of at least 2, got ${size}`, { sampleSize: size });
  if (size >= n) return null;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return createRng(seed).shuffle(all).subarray(0, size).sort();
}
