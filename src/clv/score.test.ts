import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgnbdModel } from './bgnbd';
import { scoreBgNbd } from './score';

describe('scoreBgNbd', () => {
  it.each([false, true])('gives the fitted model’s numbers for every customer (modified: %s)', (modified) => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const model = bgnbdModel(params, NaN, modified);
    const customer = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }))
      .map(([x, share, T]) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T }));
    fc.assert(fc.property(fc.array(customer, { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 80, noNaN: true }), (rows, t) => {
      const s = scoreBgNbd(params, rows, t, { modified });
      rows.forEach((c, i) => {
        expect(s.probabilityAlive[i]).toBeCloseTo(model.probabilityAlive(c), 10);
        expect(s.probabilityActive[i]).toBeCloseTo(model.probabilityActive(c, t), 10);
        expect(s.expectedPurchases[i]).toBeCloseTo(model.expectedPurchases(t, c), 8);
      });
    }));
  });

  it('customers sharing (frequency, T) but not recency, as real data has many: each gets its own numbers', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const model = bgnbdModel(params);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const x = i % 7;
      const T = 30 + (i % 13) / 7;
      return { frequency: x, recency: x === 0 ? 0 : (T * ((i * 37) % 100)) / 100, T };
    });
    const s = scoreBgNbd(params, rows, 13);
    rows.forEach((c, i) => {
      expect(s.probabilityAlive[i]).toBeCloseTo(model.probabilityAlive(c), 12);
      expect(s.expectedPurchases[i]).toBeCloseTo(model.expectedPurchases(13, c), 10);
    });
  });

  it('accepts columns and checks them', () => {
    const params = { r: 1, alpha: 2, a: 1.5, b: 2 };
    const s = scoreBgNbd(params, { frequency: Int32Array.of(0, 3), recency: Float64Array.of(0, 5), T: Float64Array.of(10, 10) }, 4);
    expect(s.probabilityAlive[0]).toBe(1);
    expect(() => scoreBgNbd(params, { frequency: [1], recency: [], T: [1] }, 4)).toThrow(/same length/);
    expect(() => scoreBgNbd(params, [], -1)).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});
