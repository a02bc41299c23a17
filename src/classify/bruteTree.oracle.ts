import type { TreeNode } from './cart';

/**
 * Test oracle: CART written the naive way (filter the rows for every candidate threshold).
 * Ties go to the first feature, then the lowest threshold, like the engine.
 */
export function bruteForceTree(X: number[][], y: number[], k: number, o: { criterion: 'gini' | 'entropy'; maxDepth: number; minSamplesLeaf: number; minSamplesSplit: number }): TreeNode {
  const imp = (rows: number[]): number => {
    const counts = new Array<number>(k).fill(0);
    for (const r of rows) counts[y[r] as number]! += 1;
    if (o.criterion === 'gini') return 1 - counts.reduce((s, c) => s + (c / rows.length) ** 2, 0);
    return counts.reduce((s, c) => (c > 0 ? s - (c / rows.length) * Math.log2(c / rows.length) : s), 0);
  };
  const grow = (rows: number[], depth: number): TreeNode => {
    const counts = new Array<number>(k).fill(0);
    for (const r of rows) counts[y[r] as number]! += 1;
    const leaf: TreeNode = { kind: 'leaf', probabilities: counts.map((c) => c / rows.length), samples: rows.length };
    if (depth >= o.maxDepth || rows.length < o.minSamplesSplit || counts.filter((c) => c > 0).length < 2) return leaf;
    const parent = imp(rows);
    let best: { gain: number; f: number; t: number } | null = null;
    const d = (X[0] as number[]).length;
    for (let f = 0; f < d; f++) {
      const vals = [...new Set(rows.map((r) => (X[r] as number[])[f] as number))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < vals.length; i++) {
        const t = ((vals[i] as number) + (vals[i + 1] as number)) / 2;
        const l = rows.filter((r) => ((X[r] as number[])[f] as number) < t);
        const rr = rows.filter((r) => ((X[r] as number[])[f] as number) >= t);
        if (l.length < o.minSamplesLeaf || rr.length < o.minSamplesLeaf) continue;
        const gain = parent - (l.length * imp(l) + rr.length * imp(rr)) / rows.length;
        if (best === null || gain > best.gain + 1e-12) best = { gain, f, t };
      }
    }
    if (best === null || best.gain < -1e-12) return leaf;
    const { f, t } = best;
    return {
      kind: 'split', feature: f, threshold: t, gain: best.gain, samples: rows.length,
      left: grow(rows.filter((r) => ((X[r] as number[])[f] as number) < t), depth + 1),
      right: grow(rows.filter((r) => ((X[r] as number[])[f] as number) >= t), depth + 1),
    };
  };
  return grow(y.map((_, i) => i), 0);
}
