import { describe, expect, it } from 'vitest';
import { FittedNaiveBayes, NaiveBayes } from './naiveBayes';

describe('NaiveBayes', () => {
  it('gaussian: posterior by hand from class means, variances and priors', () => {
    const X = [[1], [3], [10], [12], [14]];
    const y = ['a', 'a', 'b', 'b', 'b'];
    const model = new NaiveBayes({ varianceSmoothing: 0 }).fit(X, y);
    // a: mean 2, var 1, prior 2/5; b: mean 12, var 8/3, prior 3/5
    const normal = (x: number, m: number, v: number) => Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    const x = 6;
    const pa = 0.4 * normal(x, 2, 1);
    const pb = 0.6 * normal(x, 12, 8 / 3);
    expect(model.predictProba([[x]])[0]?.[0]).toBeCloseTo(pa / (pa + pb), 12);
    expect(model.predict([[2.5], [11]])).toEqual(['a', 'b']);
  });

  it('categorical: Laplace-smoothed frequencies by hand', () => {
    const X = [[0], [0], [1], [1], [1], [2]];
    const y = [0, 0, 0, 1, 1, 1];
    const model = new NaiveBayes({ kind: 'categorical', alpha: 1 }).fit(X, y);
    // class 0: counts [2, 1, 0] -> (c + 1) / (3 + 3); class 1: counts [0, 2, 1]; priors 1/2 each
    const p0 = (2 + 1) / 6;
    const p1 = (0 + 1) / 6;
    expect(model.predictProba([[0]])[0]?.[0]).toBeCloseTo(p0 / (p0 + p1), 12);
    expect(() => new NaiveBayes({ kind: 'categorical' }).fit([[0.5]], [1])).toThrow(/integer category codes/);
  });

  it('round-trips JSON and rejects other models', () => {
    const model = new NaiveBayes().fit([[1, 2], [2, 1], [8, 9], [9, 8]], ['x', 'x', 'y', 'y']);
    const restored = FittedNaiveBayes.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predictProba([[5, 5]])).toEqual(model.predictProba([[5, 5]]));
    expect(() => FittedNaiveBayes.fromJSON({ kind: 'naive-bayes', version: 2 })).toThrow(expect.objectContaining({ code: 'MODEL' }));
  });
});
