import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { growTree, rankColumns } from './cart';
import { DecisionTree } from './decisionTree';
import { accuracy, rocAuc } from './metrics';
import { FittedRandomForest, RandomForest } from './randomForest';

const rng = createRng(5);
const X = Array.from({ length: 600 }, () => [rng.next() * 10, rng.next() * 10, rng.normal(), rng.normal()]);
// The class depends on the first two features only, with 10% label noise.
const y = X.map(([a, b]) => (((a as number) + (b as number) > 10) !== rng.next() < 0.1 ? 'yes' : 'no'));

describe('RandomForest', () => {
  const forest = new RandomForest({ nEstimators: 30, seed: 3 }).fit(X, y);

  it('a bootstrap tree equals a tree grown on the duplicated rows (weights are multiplicities)', () => {
    const w = new Float64Array(X.length);
    const r = createRng(11);
    for (let i = 0; i < X.length; i++) {
      const j = r.int(X.length);
      w[j] = (w[j] as number) + 1;
    }
    const rows: number[][] = [];
    const labels: string[] = [];
    X.forEach((x, i) => {
      for (let c = 0; c < (w[i] as number); c++) {
        rows.push(x);
        labels.push(y[i] as string);
      }
    });
    const params = { criterion: 'gini' as const, maxDepth: 6, minSamplesSplit: 2, minSamplesLeaf: 3, minGain: 0, maxFeatures: 4 };
    const target = Int32Array.from(y, (l) => (l === 'no' ? 0 : 1));
    const weighted = growTree(rankColumns(X), target, 2, w, params, null);
    const plain = new DecisionTree({ maxDepth: 6, minSamplesLeaf: 3 }).fit(rows, labels);
    expect(weighted).toEqual(plain.root);
  });

  it('beats a single deep tree on held-out data, and the noise features matter least', () => {
    const test = Array.from({ length: 400 }, () => [rng.next() * 10, rng.next() * 10, rng.normal(), rng.normal()]);
    const truth = test.map(([a, b]) => ((a as number) + (b as number) > 10 ? 1 : 0));
    const single = new DecisionTree().fit(X, y);
    const forestAuc = rocAuc(truth, forest.predictProba(test).map((p) => p[1] as number));
    const treeAuc = rocAuc(truth, single.predictProba(test).map((p) => p[1] as number));
    expect(forestAuc).toBeGreaterThan(0.95);
    expect(forestAuc).toBeGreaterThan(treeAuc);
    expect(accuracy(truth.map((t) => (t === 1 ? 'yes' : 'no')), forest.predict(test))).toBeGreaterThan(0.88);
    const imp = forest.featureImportance();
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(Math.min(imp[0] as number, imp[1] as number)).toBeGreaterThan(Math.max(imp[2] as number, imp[3] as number));
  });

  it('same seed, same forest; another seed, another forest', () => {
    expect(new RandomForest({ nEstimators: 30, seed: 3 }).fit(X, y).toJSON()).toEqual(forest.toJSON());
    expect(new RandomForest({ nEstimators: 30, seed: 4 }).fit(X, y).toJSON()).not.toEqual(forest.toJSON());
  });

  it('probabilities are the mean of the trees', () => {
    const p = forest.predictProba(X.slice(0, 5));
    const byTree = forest.trees.map((t) => new FittedRandomForest(forest.classes, 4, [t]).predictProba(X.slice(0, 5)));
    p.forEach((row, i) => row.forEach((v, c) => expect(v).toBeCloseTo(byTree.reduce((s, t) => s + (t[i]![c] as number), 0) / byTree.length, 12)));
  });

  it('round-trips JSON, aborts, reports progress, rejects bad options', () => {
    const restored = FittedRandomForest.fromJSON(JSON.parse(JSON.stringify(forest.toJSON())));
    expect(restored.predictProba(X)).toEqual(forest.predictProba(X));
    expect(() => FittedRandomForest.fromJSON({ kind: 'cart-classifier' })).toThrow(expect.objectContaining({ code: 'MODEL' }));
    const seen: number[] = [];
    new RandomForest({ nEstimators: 4 }).fit(X, y, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const c = new AbortController();
    c.abort();
    expect(() => new RandomForest().fit(X, y, { signal: c.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(() => new RandomForest({ nEstimators: 0 })).toThrow(/nEstimators/);
    expect(() => new RandomForest({ maxFeatures: 1.5 })).toThrow(/maxFeatures/);
  });
});
