import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../core/random';
import { FittedLogisticRegression, LogisticRegression, penalizedLoss } from './logistic';
import { rocAuc } from './metrics';

describe('LogisticRegression', () => {
  it('with one binary feature and no penalty recovers the two groups’ log-odds (closed form)', () => {
    // Group 0: 3 of 10 positive; group 1: 8 of 10 positive.
    const X = [...Array(10).fill([0]), ...Array(10).fill([1])] as number[][];
    const y = [...Array(10).fill(0).map((_, i) => (i < 3 ? 1 : 0)), ...Array(10).fill(0).map((_, i) => (i < 8 ? 1 : 0))];
    const model = new LogisticRegression({ l2: 0 }).fit(X, y);
    const [p0, p1] = model.predictProba([[0], [1]]).map((p) => p[1] as number);
    expect(p0).toBeCloseTo(0.3, 5);
    expect(p1).toBeCloseTo(0.8, 5);
  });

  it('ends where the penalized gradient vanishes (optimality, checked independently of the optimizer)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
      const rng = createRng(seed);
      const X = Array.from({ length: 60 }, () => [rng.normal(), rng.normal(), rng.normal()]);
      const y = X.map((x) => ((x[0] as number) - 0.5 * (x[1] as number) + rng.normal() > 0 ? 'yes' : rng.next() < 0.2 ? 'maybe' : 'no'));
      if (new Set(y).size < 2) return;
      const model = new LogisticRegression({ l2: 0.05 }).fit(X, y);
      const classes = model.classes;
      const target = y.map((l) => classes.indexOf(l));
      const { gradient } = penalizedLoss(model.weights.flat(), X, target, classes.length, 3, X.length, 0.05);
      expect(Math.max(...gradient.map(Math.abs))).toBeLessThan(1e-6);
    }), { numRuns: 20 });
  });

  it('separates a noisy linear rule well, with probabilities that sum to 1, and round-trips JSON', () => {
    const rng = createRng(2);
    const X = Array.from({ length: 400 }, () => [rng.normal(), rng.normal()]);
    const y = X.map((x) => ((x[0] as number) + (x[1] as number) + 0.5 * rng.normal() > 0 ? 1 : 0));
    const model = new LogisticRegression().fit(X, y);
    const proba = model.predictProba(X);
    for (const p of proba) expect((p[0] as number) + (p[1] as number)).toBeCloseTo(1, 12);
    expect(rocAuc(y, proba.map((p) => p[1] as number))).toBeGreaterThan(0.95);
    const restored = FittedLogisticRegression.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predict(X)).toEqual(model.predict(X));
    expect(() => FittedLogisticRegression.fromJSON({ kind: 'tree' })).toThrow(expect.objectContaining({ code: 'MODEL' }));
  });

  it('rejects bad input', () => {
    expect(() => new LogisticRegression().fit([[1], [2]], [1, 1])).toThrow(/two classes/);
    expect(() => new LogisticRegression().fit([[1], [NaN]], [0, 1])).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => new LogisticRegression({ l2: -1 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});
