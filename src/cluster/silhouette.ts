import { OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';

/**
 * The mean silhouette coefficient (Rousseeuw 1987), exactly: for each row, a = mean distance to
 * its own cluster, b = the lowest mean distance to another cluster, s = (b − a) / max(a, b)
 * (0 for a row alone in its cluster); the mean over rows. O(n²) distances, computed once each.
 * @throws {OptionError} code `'OPTION'` for fewer than two clusters or labels of the wrong length.
 * @example
 * silhouette([[0], [1], [10], [11]], [0, 0, 1, 1]) //=> 0.8997
 */
export function silhouette(X: readonly (readonly number[])[], labels: readonly number[]): number {
  checkMatrix(X);
  if (labels.length !== X.length) throw new OptionError(`labels has ${labels.length} entries for ${X.length} rows`);
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
  for (let i = 0; i < n; i++) {
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
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
