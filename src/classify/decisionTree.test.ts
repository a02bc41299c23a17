import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier } from 'ml-cart';
import { createRng } from '../core/random';
import fc from 'fast-check';
import { DecisionTree, FittedDecisionTree, type TreeNode } from './decisionTree';
import { bruteForceTree } from './bruteTree.oracle';
import { accuracy } from './metrics';

const rng = createRng(9);
const X = Array.from({ length: 300 }, () => [rng.next() * 10, rng.next() * 10, 5]);
// Three classes by an axis-aligned rule on the first two features; the third is constant.
const y = X.map(([a, b]) => ((a as number) < 4 ? 'low' : (b as number) < 6 ? 'mid' : 'high'));

describe('DecisionTree', () => {
  const tree = new DecisionTree({ maxDepth: 4 }).fit(X, y);

  it("engine 'ml-cart' predicts exactly what ml-cart predicts (the wrapper keeps its splits)", () => {
    const viaCart = new DecisionTree({ maxDepth: 4, engine: 'ml-cart', minSamplesSplit: 3, minGain: 0.01 }).fit(X, y);
    const cart = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth: 4, minNumSamples: 3, gainThreshold: 0.01 });
    const classes = tree.classes;
    cart.train(X.map((r) => [...r]), y.map((l) => classes.indexOf(l)));
    const test = Array.from({ length: 200 }, () => [rng.next() * 10, rng.next() * 10, 5]);
    expect(viaCart.predict(test)).toEqual(cart.predict(test).map((i) => classes[i]));
  });

  it('leaf probabilities are the class shares of the training rows that reach the leaf', () => {
    const reach = new Map<TreeNode, Map<string, number>>();
    X.forEach((x, i) => {
      let node = tree.root;
      while (node.kind === 'split') node = (x[node.feature] as number) < node.threshold ? node.left : node.right;
      const counts = reach.get(node) ?? new Map<string, number>();
      counts.set(y[i] as string, (counts.get(y[i] as string) ?? 0) + 1);
      reach.set(node, counts);
    });
    for (const [leaf, counts] of reach) {
      if (leaf.kind !== 'leaf') continue;
      const total = [...counts.values()].reduce((s, v) => s + v, 0);
      tree.classes.forEach((c, k) => expect(leaf.probabilities[k]).toBeCloseTo((counts.get(c as string) ?? 0) / total, 12));
    }
  });

  it('learns the rule, and its importance ignores the constant feature', () => {
    expect(accuracy(y, tree.predict(X))).toBeGreaterThan(0.97);
    const importance = tree.featureImportance();
    expect(importance.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(importance[2]).toBe(0);
    expect(importance[0]).toBeGreaterThan(0.3);
  });

  it('equals a brute-force CART (every feature, every midpoint, first best wins) on random data', () => {
    // Few distinct values exercise the per-node histograms; many, the sort of small nodes.
    const data = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(6, 1000)).chain(([d, top]) =>
      fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: top }), { minLength: d, maxLength: d }), fc.integer({ min: 0, max: 2 })), { minLength: 2, maxLength: 40 }),
    );
    const opts = fc.record({ criterion: fc.constantFrom('gini' as const, 'entropy' as const), maxDepth: fc.integer({ min: 1, max: 5 }), minSamplesLeaf: fc.integer({ min: 1, max: 4 }), minSamplesSplit: fc.integer({ min: 2, max: 6 }) });
    fc.assert(
      fc.property(data, opts, (rows, o) => {
        const Xs = rows.map((r) => r[0]);
        const ys = rows.map((r) => r[1]);
        const fitted = new DecisionTree(o).fit(Xs, ys);
        const k = fitted.classes.length;
        expect(fitted.root).toEqual(bruteForceTree(Xs, ys.map((l) => fitted.classes.indexOf(l)), k, o));
      }),
      { numRuns: 300 },
    );
  });

  it('splits on a zero-gain split when it is the only way on (XOR)', () => {
    const xor = new DecisionTree().fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);
    expect(xor.predict([[0, 0], [0, 1], [1, 0], [1, 1]])).toEqual([0, 1, 1, 0]);
  });

  it('round-trips JSON and rejects other models and bad options', () => {
    const restored = FittedDecisionTree.fromJSON(JSON.parse(JSON.stringify(tree.toJSON())));
    expect(restored.predictProba(X)).toEqual(tree.predictProba(X));
    expect(() => FittedDecisionTree.fromJSON({ kind: 'logistic-regression', version: 1 })).toThrow(expect.objectContaining({ code: 'MODEL' }));
    expect(() => new DecisionTree({ maxDepth: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => new DecisionTree({ minSamplesLeaf: 0 })).toThrow(/minSamplesLeaf/);
    expect(() => new DecisionTree({ criterion: 'mse' as 'gini' })).toThrow(/criterion/);
    expect(() => new DecisionTree().fit([[1], [2]], [1])).toThrow(/labels/);
    expect(() => tree.predict([[1, 2]])).toThrow(/features/);
  });
});
