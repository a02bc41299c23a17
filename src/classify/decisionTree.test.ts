import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier } from 'ml-cart';
import { createRng } from '../core/random';
import { DecisionTree, FittedDecisionTree, type TreeNode } from './decisionTree';
import { accuracy } from './metrics';

const rng = createRng(9);
const X = Array.from({ length: 300 }, () => [rng.next() * 10, rng.next() * 10, 5]);
// Three classes by an axis-aligned rule on the first two features; the third is constant.
const y = X.map(([a, b]) => ((a as number) < 4 ? 'low' : (b as number) < 6 ? 'mid' : 'high'));

describe('DecisionTree', () => {
  const tree = new DecisionTree({ maxDepth: 4 }).fit(X, y);

  it('predicts exactly what ml-cart predicts (the wrapper keeps its splits)', () => {
    const cart = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth: 4, minNumSamples: 3, gainThreshold: 0.01 });
    const classes = tree.classes;
    cart.train(X.map((r) => [...r]), y.map((l) => classes.indexOf(l)));
    const test = Array.from({ length: 200 }, () => [rng.next() * 10, rng.next() * 10, 5]);
    expect(tree.predict(test)).toEqual(cart.predict(test).map((i) => classes[i]));
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

  it('round-trips JSON and rejects other models and bad options', () => {
    const restored = FittedDecisionTree.fromJSON(JSON.parse(JSON.stringify(tree.toJSON())));
    expect(restored.predictProba(X)).toEqual(tree.predictProba(X));
    expect(() => FittedDecisionTree.fromJSON({ kind: 'logistic-regression', version: 1 })).toThrow(expect.objectContaining({ code: 'MODEL' }));
    expect(() => new DecisionTree({ maxDepth: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => tree.predict([[1, 2]])).toThrow(/features/);
  });
});
