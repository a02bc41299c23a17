import { describe, expect, it } from 'vitest';
import { crossValidate } from './crossValidate';
import { LogisticRegression } from './logistic';
import { fitEncoder, stratifiedFolds, trainTestSplit } from './preprocess';

describe('fitEncoder', () => {
  const rows = [
    { plan: 'basic', tenure: '1', spend: 10 },
    { plan: 'pro', tenure: '', spend: 30 },
    { plan: '', tenure: '5', spend: 20 },
  ];
  it('imputes, standardizes and one-hot encodes with the training statistics', () => {
    const enc = fitEncoder(rows, { numeric: ['tenure', 'spend'], categorical: ['plan'], missing: 'median' });
    expect(enc.featureNames).toEqual(['tenure', 'spend', 'plan=(missing)', 'plan=basic', 'plan=pro']);
    const X = enc.transform(rows);
    // tenure: 1, (median 3), 5 -> mean 3, sd sqrt(8/3); spend: 10, 30, 20 -> mean 20, sd sqrt(200/3)
    expect(X[1]?.[0]).toBeCloseTo(0, 12);
    expect(X[0]?.[0]).toBeCloseTo(-2 / Math.sqrt(8 / 3), 12);
    expect(X[2]?.[1]).toBeCloseTo(0, 12);
    expect(X.map((r) => r.slice(2))).toEqual([[0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    expect(enc.transform([{ plan: 'enterprise', tenure: 3, spend: 20 }])[0]?.slice(2)).toEqual([0, 0, 0]);
  });
  it('names the row and column of a non-number', () => {
    expect(() => fitEncoder([{ x: 'abc' }], { numeric: ['x'] })).toThrow(expect.objectContaining({ code: 'DATA', row: 1, field: 'x' }));
  });
});

describe('splits and cross-validation', () => {
  const y = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 'yes' : 'no'));
  it('stratified folds keep class shares and are reproducible', () => {
    const folds = stratifiedFolds(y, 5, 3);
    for (let f = 0; f < 5; f++) expect(y.filter((l, i) => folds[i] === f && l === 'yes')).toHaveLength(2);
    expect(stratifiedFolds(y, 5, 3)).toEqual(folds);
    const { train, test } = trainTestSplit(y, { testShare: 0.25, seed: 2 });
    expect(test.filter((i) => y[i] === 'yes')).toHaveLength(Math.round(10 * 0.25));
    expect(new Set([...train, ...test]).size).toBe(40);
  });
  it('cross-validates an estimator', () => {
    const X = y.map((l, i) => [l === 'yes' ? 1 + (i % 3) / 10 : -1 - (i % 5) / 10]);
    const { scores, mean } = crossValidate(new LogisticRegression(), X, y, { folds: 4, metric: 'auc', positive: 'yes' });
    expect(scores).toHaveLength(4);
    expect(mean).toBe(1);
    expect(crossValidate(new LogisticRegression(), X, y, { folds: 4 }).mean).toBe(1);
  });
});
