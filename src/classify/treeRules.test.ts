/**
 * Rules from trees. Oracles: the rules of a tree partition the rows exactly as its leaves do
 * (each row satisfies the conditions of exactly one rule, the one of the leaf it reaches, with
 * the tree's prediction), and coverage and confidence counted here from the conditions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DecisionTree } from './decisionTree';
import { RandomForest } from './randomForest';
import type { ClassificationRule } from './treeRules';

const holds = (rule: ClassificationRule, x: readonly number[], names: readonly string[]): boolean =>
  rule.conditions.every((c) => {
    const v = x[names.indexOf(c.feature)] as number;
    return c.op === '<' ? v < c.threshold : v >= c.threshold;
  });

const dataArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 3 })), { minLength: 4, maxLength: 60 });

describe('DecisionTree#toRules', () => {
  it('partitions the rows exactly as the leaves do, with the tree’s prediction and counted coverage and confidence', () => {
    fc.assert(fc.property(dataArb, fc.integer({ min: 1, max: 5 }), (rows, maxDepth) => {
      const X = rows.map(([a, b]) => [a, b]);
      const y = rows.map(([a, b, noise]) => (a + b + (noise === 0 ? 5 : 0) > 9 ? 'yes' : 'no'));
      const tree = new DecisionTree({ maxDepth }).fit(X, y);
      const names = ['tenure', 'charges'];
      const rules = tree.toRules({ featureNames: names, data: { X, y } });
      const predicted = tree.predict(X);
      X.forEach((x, i) => {
        const matching = rules.filter((r) => holds(r, x, names));
        expect(matching).toHaveLength(1);
        expect(matching[0]?.class).toBe(predicted[i]);
      });
      for (const r of rules) {
        const covered = X.map((x, i) => i).filter((i) => holds(r, X[i] as number[], names));
        expect(r.samples).toBe(covered.length);
        expect(r.coverage).toBeCloseTo(covered.length / X.length, 12);
        expect(r.confidence).toBeCloseTo(covered.length === 0 ? 0 : covered.filter((i) => y[i] === r.class).length / covered.length, 12);
        // At most one bound per feature and direction.
        expect(new Set(r.conditions.map((c) => `${c.feature}${c.op}`)).size).toBe(r.conditions.length);
      }
      // Without data: the training counts, which are the same rows.
      expect(tree.toRules({ featureNames: names }).map((r) => [r.text, r.samples])).toEqual(rules.map((r) => [r.text, r.samples]));
    }), { numRuns: 80 });
  });

  it('writes readable rules and names a wrong number of feature names', () => {
    const tree = new DecisionTree().fit([[1, 0], [2, 0], [10, 1], [11, 1]], ['low', 'low', 'high', 'high']);
    expect(tree.toRules({ featureNames: ['spend', 'vip'] }).map((r) => r.text)).toEqual(['IF spend < 6 THEN low', 'IF spend >= 6 THEN high']);
    expect(tree.toRules()[0]?.text).toBe('IF x0 < 6 THEN low');
    expect(() => tree.toRules({ featureNames: ['spend'] })).toThrow(/featureNames has 1 names, the model 2 features/);
  });
});

describe('RandomForest#toRules', () => {
  it('gives each distinct rule of its trees once, ranked by confidence × coverage, measured on the data', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i % 17, (i * 7) % 13]);
    const y = rows.map(([a, b]) => ((a as number) > 8 === (b as number) > 6 ? 1 : 0));
    const forest = new RandomForest({ nEstimators: 8, maxDepth: 3, seed: 4 }).fit(rows, y);
    const names = ['a', 'b'];
    const rules = forest.toRules({ featureNames: names, data: { X: rows, y } });
    expect(new Set(rules.map((r) => r.text)).size).toBe(rules.length);
    const score = rules.map((r) => r.confidence * r.coverage);
    expect(score).toEqual([...score].sort((p, q) => q - p));
    for (const r of rules) {
      expect(r.tree).toBeGreaterThanOrEqual(0);
      expect(r.tree).toBeLessThan(8);
      expect(r.samples).toBe(rows.filter((x) => holds(r, x, names)).length);
    }
  });
});
