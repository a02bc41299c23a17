import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracy, confusionMatrix, f1, gainsCurve, liftAt, precisionRecall, rocAuc, rocCurve } from './metrics';

const binaryData = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 6 })), { minLength: 2, maxLength: 40 });

describe('rocAuc', () => {
  it('equals the brute-force pair count (ties count one half)', () => {
    fc.assert(fc.property(binaryData, (rows) => {
      const y = rows.map(([p]) => (p ? 1 : 0));
      const s = rows.map(([, v]) => v / 2);
      const pos = rows.filter(([p]) => p).map(([, v]) => v);
      const neg = rows.filter(([p]) => !p).map(([, v]) => v);
      if (pos.length === 0 || neg.length === 0) {
        expect(() => rocAuc(y, s)).toThrow(expect.objectContaining({ code: 'DATA', message: expect.stringMatching(/AUC is undefined/) }));
        return;
      }
      let wins = 0;
      for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
      expect(rocAuc(y, s)).toBeCloseTo(wins / (pos.length * neg.length), 12);
    }));
  });

  it('equals the trapezoid area under rocCurve', () => {
    fc.assert(fc.property(binaryData, (rows) => {
      const y = rows.map(([p]) => p);
      const s = rows.map(([, v]) => v);
      if (!y.includes(true) || !y.includes(false)) return;
      const curve = rocCurve(y, s);
      let area = 0;
      for (let i = 1; i < curve.length; i++) {
        const a = curve[i - 1] as { fpr: number; tpr: number };
        const b = curve[i] as { fpr: number; tpr: number };
        area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
      }
      expect(area).toBeCloseTo(rocAuc(y, s), 12);
      expect(curve[curve.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
    }));
  });

  it('takes a named positive class', () => {
    expect(rocAuc(['stay', 'churn', 'churn'], [0.2, 0.9, 0.4], { positive: 'churn' })).toBe(1);
  });
});

describe('classification metrics by hand', () => {
  const yTrue = ['a', 'a', 'b', 'b', 'b', 'c'];
  const yPred = ['a', 'b', 'b', 'b', 'c', 'c'];

  it('accuracy and the confusion matrix', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(4 / 6, 12);
    expect(confusionMatrix(yTrue, yPred)).toEqual({ labels: ['a', 'b', 'c'], matrix: [[1, 1, 0], [0, 2, 1], [0, 0, 1]] });
    expect(() => accuracy([1], [1, 2])).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });

  it('precision, recall, F1 per class and averaged', () => {
    const pr = precisionRecall(yTrue, yPred);
    expect(pr.perClass).toEqual([
      { label: 'a', precision: 1, recall: 0.5, f1: 2 / 3, support: 2 },
      { label: 'b', precision: 2 / 3, recall: 2 / 3, f1: expect.closeTo(2 / 3, 12), support: 3 },
      { label: 'c', precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    ]);
    expect(pr.macro.precision).toBeCloseTo((1 + 2 / 3 + 0.5) / 3, 12);
    expect(pr.weighted.recall).toBeCloseTo((2 * 0.5 + 3 * (2 / 3) + 1) / 6, 12);
    expect(pr.micro.f1).toBeCloseTo(4 / 6, 12);
    expect(f1([1, 1, 0, 0], [1, 0, 0, 0])).toBeCloseTo(2 / 3, 12);
    expect(f1(yTrue, yPred, { average: 'macro' })).toBeCloseTo(2 / 3, 12);
  });

  it('gains and lift', () => {
    const y = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const s = [0.9, 0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.4, 0.2, 0.1];
    expect(liftAt(y, s, 0.1)).toBe(5);
    const gains = gainsCurve(y, s, { points: 5 });
    expect(gains[0]).toEqual({ share: 0.2, gain: 0.5, lift: 2.5 });
    expect(gains[4]).toEqual({ share: 1, gain: 1, lift: 1 });
    expect(() => liftAt(y, s, 0)).toThrow(/share/);
  });
});

describe('edge cases say why instead of returning NaN', () => {
  it('empty input, one class, NaN scores and missing labels', async () => {
    const { accuracy, liftAt, gainsCurve, encodeLabels } = await import('./metrics');
    expect(() => accuracy([], [])).toThrow(expect.objectContaining({ code: 'DATA', message: expect.stringMatching(/no predictions/) }));
    expect(() => rocAuc([1, 1, 1], [0.1, 0.2, 0.3])).toThrow(/AUC is undefined when every one of the 3 labels/);
    expect(() => liftAt([0, 0, 0], [0.1, 0.2, 0.3], 0.5)).toThrow(/lift is undefined/);
    expect(() => rocAuc([1, 0, 1], [0.1, NaN, 0.3])).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => gainsCurve([1, 0], [NaN, 1])).toThrow(expect.objectContaining({ code: 'DATA', row: 1 }));
    expect(() => encodeLabels([1, NaN, 0], 3)).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => encodeLabels(['a', undefined as unknown as string], 2)).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
  });

  it('features too large to model are a DataError, not NaN probabilities', async () => {
    const { NaiveBayes } = await import('./naiveBayes');
    const { LogisticRegression } = await import('./logistic');
    const X = [[1e308, 1], [-1e308, 2], [1e308, 3], [-1e308, 4]];
    const y = [0, 1, 0, 1];
    expect(() => new NaiveBayes().fit(X, y)).toThrow(expect.objectContaining({ code: 'DATA', message: expect.stringMatching(/feature 1 has values too large/) }));
    expect(() => new LogisticRegression().fit(X, y)).toThrow(expect.objectContaining({ code: 'DATA', message: expect.stringMatching(/feature 1 has values too large/) }));
  });
});
