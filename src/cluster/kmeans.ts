import { OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { createRng, type Rng } from '../core/random';
import { progressTicker, throwIfAborted, type RunOptions } from '../core/run';
import { lloyd, seedDraws, seedPlusPlus, seedRandom, type LloydResult } from './lloyd';
import { mlKmeansModule } from './mlKmeans';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';

/** Options of {@link kmeans}; `signal` stops it between iterations and k-means++ centres, progress counts starts (phase `'kmeans'`) and iterations (phase `'kmeans iteration'`). */
export interface KmeansOptions extends RunOptions {
  /** @default 1 */
  seed?: number;
  /** Independent starts; the lowest inertia wins. @default 10 */
  nInit?: number;
  /** @default 'kmeans++' */
  init?: 'kmeans++' | 'random';
  /** @default 300 */
  maxIterations?: number;
  /** Convergence tolerance on centroid movement. @default 1e-6 */
  tolerance?: number;
  /**
   * `'native'`: Lloyd's iterations on typed arrays (fast); `'ml-kmeans'`: the ml-kmeans package,
   * loaded on first use (in a browser, `await loadKmeansEngine()` once before).
   * @default 'native'
   */
  engine?: 'native' | 'ml-kmeans';
}

/** Result of {@link kmeans}. */
export interface KmeansResult {
  /** Cluster index of each row. */
  labels: number[];
  centroids: number[][];
  /** Sum of squared distances of the rows to their centroids. */
  inertia: number;
  iterations: number;
  converged: boolean;
}

const KMEANS_OPTIONS = { ...RUN_OPTIONS, seed: 'number', nInit: 'number', init: 'string', maxIterations: 'number', tolerance: 'number', engine: 'string' } as const satisfies Record<keyof KmeansOptions, OptionKind>;

/** The options with every default, declared here once. @internal */
export const withDefaults = (o: KmeansOptions): Required<Omit<KmeansOptions, keyof RunOptions>> => ({
  seed: o.seed ?? 1, nInit: o.nInit ?? 10, init: o.init ?? 'kmeans++', maxIterations: o.maxIterations ?? 300, tolerance: o.tolerance ?? 1e-6, engine: o.engine ?? 'native',
});

/**
 * k-means clustering: Lloyd's iterations from k-means++ or random starts, the best of `nInit`
 * seeded runs by inertia. Same seed, same result.
 * @param X - Rows of numbers, all of one length.
 * @param k - Number of clusters, 1..rows.
 * @throws {DataError} code `'DATA'` naming the row for ragged or non-finite input;
 *   {@link OptionError} for a bad k or option.
 * @example
 * kmeans([[0, 0], [0, 1], [10, 10], [10, 11]], 2, { seed: 1 }).inertia //=> 1
 */
export function kmeans(X: readonly (readonly number[])[], k: number, options: KmeansOptions = {}): KmeansResult {
  checkKmeans(X, k, options);
  if (withDefaults(options).engine !== 'native') return mlEngineKmeans(X, k, options);
  return (nativeStarts(packRows(X), k, options, () => true) as { result: KmeansResult }).result;
}

/** Rows packed into one array, row after row (in `buffer`, e.g. a SharedArrayBuffer for several workers). */
export interface PackedRows { data: Float64Array; n: number; d: number }

/**
 * Checks the arguments of {@link kmeans}, as it does before any work.
 * @throws {DataError} for ragged or non-finite rows; {@link OptionError} for a bad k or option.
 * @internal
 */
export function checkKmeans(X: readonly (readonly number[])[], k: number, options: KmeansOptions): void {
  checkOptions('kmeans', options, KMEANS_OPTIONS);
  const { nInit, init, maxIterations, tolerance, engine } = withDefaults(options);
  checkMatrix(X);
  if (!(Number.isInteger(k) && k >= 1 && k <= X.length)) throw new OptionError(`k must be an integer from 1 to the number of rows (${X.length}), got ${String(k)}`);
  if (!(Number.isInteger(nInit) && nInit >= 1)) throw new OptionError(`nInit must be a positive integer, got ${String(nInit)}`);
  if (init !== 'kmeans++' && init !== 'random') throw new OptionError(`init must be 'kmeans++' or 'random', got ${String(init)}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new OptionError(`maxIterations must be a positive integer, got ${String(maxIterations)}`);
  if (!(tolerance >= 0)) throw new OptionError(`tolerance must be >= 0, got ${String(tolerance)}`);
  if (engine !== 'native' && engine !== 'ml-kmeans') throw new OptionError(`engine must be 'native' or 'ml-kmeans', got ${String(engine)}`);
}

/** Checked rows packed row after row. @internal */
export function packRows(X: readonly (readonly number[])[]): PackedRows {
  const n = X.length;
  const d = (X[0] as readonly number[]).length;
  const data = new Float64Array(n * d);
  X.forEach((row, i) => data.set(row, i * d));
  return { data, n, d };
}

/**
 * The native engine's starts that `claim` accepts (all of them in {@link kmeans}; some of them
 * in each worker of a split run) on checked, packed rows, and the best of those with its start
 * number: the lowest inertia, the earliest start among equals. The generator moves past the
 * seeding of every start that is not claimed ({@link seedDraws}), so start s begins from the
 * same centres wherever it runs. null when no start was claimed.
 * @internal
 */
export function nativeStarts(rows: PackedRows, k: number, options: KmeansOptions, claim: (start: number) => boolean): { start: number; result: KmeansResult } | null {
  const { seed, nInit, init, maxIterations, tolerance } = withDefaults(options);
  return nativeKmeans(rows, k, nInit, init, maxIterations, tolerance, createRng(seed), options, claim);
}

function mlEngineKmeans(X: readonly (readonly number[])[], k: number, options: KmeansOptions): KmeansResult {
  const { seed, nInit, init, maxIterations, tolerance } = withDefaults(options);
  const rng = createRng(seed);
  const mlKmeans = mlKmeansModule.get().kmeans;
  const data = X.map((row) => [...row]);
  let best: KmeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    const r = mlKmeans(data, k, { initialization: init, seed: Math.floor(rng.next() * 2 ** 31), maxIterations, tolerance });
    const labels = r.clusters;
    const centroids = r.centroids.map((c) => [...c]);
    const inertia = inertiaOf(data, labels, centroids);
    if (best === null || inertia < best.inertia) best = { labels, centroids, inertia, iterations: r.iterations, converged: r.converged };
  }
  return best as KmeansResult;
}

function nativeKmeans(rows: PackedRows, k: number, nInit: number, init: 'kmeans++' | 'random', maxIterations: number, tolerance: number, rng: Rng, run: RunOptions, claim: (start: number) => boolean): { start: number; result: KmeansResult } | null {
  const { data, n, d } = rows;
  let best: LloydResult | null = null;
  let bestStart = -1;
  const tick = progressTicker(run, 'kmeans', 1, nInit);
  const check = () => throwIfAborted(run.signal);
  const skip = seedDraws(init, k);
  for (let start = 0; start < nInit; start++) {
    check();
    if (!claim(start)) {
      // Another worker runs this start: move the generator past its seeding.
      for (let i = 0; i < skip; i++) rng.next();
      continue;
    }
    const seeds = init === 'kmeans++' ? seedPlusPlus(data, n, d, k, rng, check) : seedRandom(data, n, d, k, rng);
    // Each Lloyd iteration (a pass over the rows) checks the signal and reports, so large runs show progress within a start.
    let iteration = 0;
    const step = () => {
      check();
      run.onProgress?.({ phase: 'kmeans iteration', done: iteration++, total: maxIterations });
    };
    const r = lloyd(data, n, d, k, seeds, maxIterations, tolerance, step);
    if (best === null || r.inertia < best.inertia) {
      best = r;
      bestStart = start;
    }
    tick(start + 1);
  }
  if (best === null) return null;
  const b = best;
  return { start: bestStart, result: { labels: Array.from(b.labels), centroids: Array.from({ length: k }, (_, c) => Array.from(b.centroids.subarray(c * d, c * d + d))), inertia: b.inertia, iterations: b.iterations, converged: b.converged } };
}

function inertiaOf(X: number[][], labels: number[], centroids: number[][]): number {
  let sum = 0;
  X.forEach((row, i) => {
    const c = centroids[labels[i] as number] as number[];
    for (let j = 0; j < row.length; j++) sum += ((row[j] as number) - (c[j] as number)) ** 2;
  });
  return sum;
}

/**
 * Inertia for each k: where the curve bends, more clusters stop paying off.
 * @example
 * elbow(X, [1, 2, 3, 4]) //=> [{ k: 1, inertia: 412.3 }, { k: 2, inertia: 120.8 }, …]
 */
export function elbow(X: readonly (readonly number[])[], ks: readonly number[], options: KmeansOptions = {}): Array<{ k: number; inertia: number }> {
  checkOptions('elbow', options, KMEANS_OPTIONS);
  return ks.map((k) => ({ k, inertia: kmeans(X, k, options).inertia }));
}
