import type { Rng } from '../core/random';
import { lowerBound } from '../core/stats';
import { runGuard, type SearchGuard } from '../core/guard';

/**
 * The CART engine shared by DecisionTree and RandomForest: exact best splits on columns
 * recoded once as ranks of their distinct values, per-node class histograms (or a sort of the
 * node's few rows when that is cheaper), sample weights for bootstrap replicas.
 */

/** A node of a fitted tree: a split (`feature` < `threshold` goes left) or a leaf. */
export type TreeNode =
  | { kind: 'split'; feature: number; threshold: number; gain: number; samples: number; left: TreeNode; right: TreeNode }
  | { kind: 'leaf'; probabilities: number[]; /** Training samples that reach the leaf (bootstrap-weighted in a forest); absent in models saved before it was kept. */ samples?: number };

/** A feature matrix recoded column by column as ranks of the column's distinct values. */
export interface RankedMatrix {
  rows: number;
  /** Per feature, the rank of each row's value among the column's sorted distinct values. */
  codes: Int32Array[];
  /** Per feature, the sorted distinct values. */
  values: Float64Array[];
}

/** Recodes a row-major matrix into ranked columns (one sort per column). */
export function rankColumns(X: readonly (readonly number[])[], guard?: SearchGuard): RankedMatrix {
  const n = X.length;
  const d = n === 0 ? 0 : (X[0] as readonly number[]).length;
  const codes: Int32Array[] = [];
  const values: Float64Array[] = [];
  const column = new Float64Array(n);
  for (let f = 0; f < d; f++) {
    guard?.tick(32 * n); // a sort and a binary search per row
    for (let i = 0; i < n; i++) column[i] = (X[i] as readonly number[])[f] as number;
    const sorted = Float64Array.from(column).sort();
    let m = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i] as number;
    const distinct = sorted.slice(0, m);
    const code = new Int32Array(n);
    for (let i = 0; i < n; i++) code[i] = lowerBound(distinct, column[i] as number);
    codes.push(code);
    values.push(distinct);
  }
  return { rows: n, codes, values };
}

/** Resolved growth parameters. */
export interface GrowParams {
  criterion: 'gini' | 'entropy';
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minGain: number;
  /** Features examined per split (all of them for a plain tree). */
  maxFeatures: number;
}

/** Impurity of a node from its class weights: Gini 1 − Σp², or entropy −Σ p log₂ p. */
export function impurity(counts: Float64Array, offset: number, k: number, total: number, entropy: boolean): number {
  if (total <= 0) return 0;
  let s = 0;
  for (let c = 0; c < k; c++) {
    const p = (counts[offset + c] as number) / total;
    if (entropy) {
      if (p > 0) s -= p * Math.log2(p);
    } else s += p * p;
  }
  return entropy ? s : 1 - s;
}

interface Best { gain: number; feature: number; leftCode: number; threshold: number }

/**
 * Grows one tree on the rows with positive weight. `target` holds class indices in [0, k).
 * `rng` shuffles the candidate features when `maxFeatures` is below the number of features.
 */
export function growTree(data: RankedMatrix, target: Int32Array, k: number, weights: Float64Array | null, params: GrowParams, rng: Rng | null, guard: SearchGuard = runGuard({})): TreeNode {
  const d = data.codes.length;
  const rowsIn: number[] = [];
  for (let i = 0; i < data.rows; i++) if (weights === null || (weights[i] as number) > 0) rowsIn.push(i);
  const idx = Int32Array.from(rowsIn);
  const w = weights ?? new Float64Array(data.rows).fill(1);
  const entropy = params.criterion === 'entropy';
  let maxDistinct = 1;
  for (const v of data.values) maxDistinct = Math.max(maxDistinct, v.length);
  const hist = new Float64Array(maxDistinct * k);
  const binCodes = new Int32Array(maxDistinct);
  const binCounts = new Float64Array((maxDistinct + 1) * k);
  const keys = new Float64Array(idx.length);
  const left = new Float64Array(k);
  const order = Int32Array.from({ length: d }, (_, f) => f);

  /** Compacts the node's class weights per distinct value of `f` into binCodes/binCounts. */
  const histogram = (f: number, start: number, end: number): number => {
    const codes = data.codes[f] as Int32Array;
    const nd = (data.values[f] as Float64Array).length;
    const m = end - start;
    let nb = 0;
    if (m * 8 < nd) {
      for (let j = 0; j < m; j++) keys[j] = (codes[idx[start + j] as number] as number) * m + j;
      const sorted = keys.subarray(0, m).sort();
      let prev = -1;
      for (let j = 0; j < m; j++) {
        const key = sorted[j] as number;
        const code = Math.floor(key / m);
        const row = idx[start + (key - code * m)] as number;
        if (code !== prev) {
          binCodes[nb] = code;
          binCounts.fill(0, nb * k, nb * k + k);
          nb++;
          prev = code;
        }
        const at = (nb - 1) * k + (target[row] as number);
        binCounts[at] = (binCounts[at] as number) + (w[row] as number);
      }
      return nb;
    }
    hist.fill(0, 0, nd * k);
    for (let j = start; j < end; j++) {
      const row = idx[j] as number;
      const at = (codes[row] as number) * k + (target[row] as number);
      hist[at] = (hist[at] as number) + (w[row] as number);
    }
    for (let code = 0; code < nd; code++) {
      let any = 0;
      for (let c = 0; c < k; c++) any += hist[code * k + c] as number;
      if (any === 0) continue;
      binCodes[nb] = code;
      for (let c = 0; c < k; c++) binCounts[nb * k + c] = hist[code * k + c] as number;
      nb++;
    }
    return nb;
  };

  /** Scans the split points of feature `f`, updating `best`. */
  const scan = (f: number, nb: number, total: number, parentImpurity: number, best: Best): void => {
    left.fill(0);
    let wl = 0;
    const values = data.values[f] as Float64Array;
    for (let b = 0; b < nb - 1; b++) {
      for (let c = 0; c < k; c++) {
        const v = binCounts[b * k + c] as number;
        left[c] = (left[c] as number) + v;
        wl += v;
      }
      const wr = total - wl;
      if (wl < params.minSamplesLeaf || wr < params.minSamplesLeaf) continue;
      let il = 0;
      let ir = 0;
      let sl = 0;
      let sr = 0;
      for (let c = 0; c < k; c++) {
        const pl = (left[c] as number) / wl;
        const pr = ((binCounts[nb * k + c] as number) - (left[c] as number)) / wr;
        if (entropy) {
          if (pl > 0) il -= pl * Math.log2(pl);
          if (pr > 0) ir -= pr * Math.log2(pr);
        } else {
          sl += pl * pl;
          sr += pr * pr;
        }
      }
      if (!entropy) {
        il = 1 - sl;
        ir = 1 - sr;
      }
      const gain = parentImpurity - (wl * il + wr * ir) / total;
      if (gain > best.gain + 1e-12) {
        const lo = values[binCodes[b] as number] as number;
        const hi = values[binCodes[b + 1] as number] as number;
        const mid = lo + (hi - lo) / 2;
        best.gain = gain;
        best.feature = f;
        best.leftCode = binCodes[b] as number;
        best.threshold = mid > lo && mid <= hi ? mid : hi;
      }
    }
  };

  const node = (start: number, end: number, depth: number): TreeNode => {
    guard.tick((end - start) * (1 + Math.min(d, params.maxFeatures)));
    const counts = new Float64Array(k);
    for (let j = start; j < end; j++) {
      const row = idx[j] as number;
      const c = target[row] as number;
      counts[c] = (counts[c] as number) + (w[row] as number);
    }
    let total = 0;
    let classesPresent = 0;
    for (let c = 0; c < k; c++) {
      total += counts[c] as number;
      if ((counts[c] as number) > 0) classesPresent++;
    }
    const leaf: TreeNode = { kind: 'leaf', probabilities: Array.from(counts, (v) => v / total), samples: total };
    if (depth >= params.maxDepth || total < params.minSamplesSplit || total < 2 * params.minSamplesLeaf || classesPresent < 2) return leaf;
    const parentImpurity = impurity(counts, 0, k, total, entropy);
    const best: Best = { gain: -Infinity, feature: -1, leftCode: -1, threshold: 0 };
    if (params.maxFeatures < d && rng !== null) {
      for (let i = d - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i] as number;
        order[i] = order[j] as number;
        order[j] = t;
      }
    }
    // Like scikit-learn: keep drawing features past maxFeatures until one can split.
    for (let i = 0; i < d && (i < params.maxFeatures || best.feature < 0); i++) {
      const f = params.maxFeatures < d ? (order[i] as number) : i;
      const nb = histogram(f, start, end);
      if (nb < 2) continue;
      // binCounts row nb holds the node's totals per class, read by scan for the right side.
      binCounts.fill(0, nb * k, nb * k + k);
      for (let c = 0; c < k; c++) binCounts[nb * k + c] = counts[c] as number;
      scan(f, nb, total, parentImpurity, best);
    }
    if (best.feature < 0 || best.gain < params.minGain - 1e-12) return leaf;
    const codes = data.codes[best.feature] as Int32Array;
    let mid = start;
    for (let j = start; j < end; j++) {
      const row = idx[j] as number;
      if ((codes[row] as number) <= best.leftCode) {
        idx[j] = idx[mid] as number;
        idx[mid++] = row;
      }
    }
    return {
      kind: 'split',
      feature: best.feature,
      threshold: best.threshold,
      gain: best.gain,
      samples: total,
      left: node(start, mid, depth + 1),
      right: node(mid, end, depth + 1),
    };
  };
  return node(0, idx.length, 0);
}
