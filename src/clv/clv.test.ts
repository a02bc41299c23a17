import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { bgnbdModel } from './bgnbd';
import { clv } from './clv';
import { gammaGammaModel } from './gammaGamma';
import { calibrationHoldout, customerSummary } from './summary';

const bgnbd = bgnbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const spend = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
const customers = [
  { customer: 'heavy', frequency: 10, recency: 35, T: 38, monetary: 40 },
  { customer: 'lapsed', frequency: 4, recency: 5, T: 38, monetary: 25 },
  { customer: 'new', frequency: 0, recency: 0, T: 2, monetary: 0 },
];

describe('clv', () => {
  it('without discounting equals expected purchases over the horizon times expected spend', () => {
    const rows = clv(bgnbd, spend, customers, { horizon: 52, period: 4, discountRate: 0 });
    rows.forEach((row, i) => {
      const c = customers[i] as (typeof customers)[number];
      expect(row.expectedPurchases).toBeCloseTo(bgnbd.expectedPurchases(52, c), 10);
      expect(row.clv).toBeCloseTo(bgnbd.expectedPurchases(52, c) * spend.expectedSpend(c), 10);
    });
    expect(rows[0]?.clv).toBeGreaterThan(rows[1]?.clv as number);
  });

  it('discounts each period’s expected purchases, the last period ending at the horizon', () => {
    const c = customers[0] as (typeof customers)[number];
    const [row] = clv(bgnbd, spend, [c], { horizon: 10, period: 4, discountRate: 0.05, margin: 0.3 });
    const e = (t: number) => bgnbd.expectedPurchases(t, c);
    const expected = (e(4) / 1.05 + (e(8) - e(4)) / 1.05 ** 2 + (e(10) - e(8)) / 1.05 ** 3) * spend.expectedSpend(c) * 0.3;
    expect(row?.clv).toBeCloseTo(expected, 10);
  });

  it('rejects bad options', () => {
    expect(() => clv(bgnbd, spend, customers, { horizon: 0, period: 4, discountRate: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => clv(bgnbd, spend, customers, { horizon: 52, period: -1, discountRate: 0 })).toThrow(/period/);
  });
});

describe('calibrationHoldout', () => {
  it('counts purchase days after calibration, like a direct count', () => {
    const DAY = 86_400_000;
    fc.assert(fc.property(fc.array(fc.record({ c: fc.constantFrom('a', 'b'), day: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (rows, cut) => {
      const log = TransactionLog.fromRecords(rows.map((r) => ({ ...r, t: r.day * DAY })), { customer: 'c', time: 't' });
      const got = calibrationHoldout(log, { calibrationEnd: cut * DAY, holdoutEnd: 35 * DAY, unit: 'day' });
      expect(got.map(({ customer, frequency, recency, T, monetary }) => ({ customer, frequency, recency, T, monetary }))).toEqual(customerSummary(log, { asOf: cut * DAY, unit: "day" }));
      for (const row of got) {
        const days = new Set(rows.filter((r) => r.c === row.customer && r.day > cut && r.day <= 35).map((r) => r.day));
        expect(row.holdoutFrequency).toBe(days.size);
        expect(row.holdoutDuration).toBe(35 - cut);
      }
    }));
    expect(() => calibrationHoldout(TransactionLog.fromRecords([{ c: 'a', t: 0 }], { customer: 'c', time: 't' }), { calibrationEnd: 5, holdoutEnd: 1 })).toThrow(/calibrationEnd < holdoutEnd/);
  });
});
