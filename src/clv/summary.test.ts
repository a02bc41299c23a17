import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { customerSummary } from './summary';

const DAY = 86_400_000;

describe('customerSummary', () => {
  it('collapses same-day purchases, ignores what comes after asOf, and measures ages from the first day', () => {
    const log = TransactionLog.fromRecords([
      { c: 'a', t: '2025-01-01T09:00Z', v: 10 },
      { c: 'a', t: '2025-01-01T18:00Z', v: 5 },   // same day: one purchase worth 15
      { c: 'a', t: '2025-01-08T10:00Z', v: 20 },
      { c: 'a', t: '2025-01-15T10:00Z', v: 40 },
      { c: 'a', t: '2025-02-01T10:00Z', v: 99 },  // after asOf
      { c: 'b', t: '2025-01-10T00:00Z', v: 7 },
      { c: 'z', t: '2025-03-01T00:00Z', v: 1 },   // first purchase after asOf: left out
    ], { customer: 'c', time: 't', amount: 'v' });
    const rows = customerSummary(log, { asOf: '2025-01-29', unit: 'day' });
    expect(rows).toEqual([
      { customer: 'a', frequency: 2, recency: 14, T: 28, monetary: 30 },
      { customer: 'b', frequency: 0, recency: 0, T: 19, monetary: 0 },
    ]);
    expect(customerSummary(log, { asOf: '2025-01-29', unit: 'week' })[0]).toEqual({ customer: 'a', frequency: 2, recency: 2, T: 4, monetary: 30 });
  });

  it('agrees with a direct computation on random logs', () => {
    const rowArb = fc.record({ c: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: 0, max: 30 }), hour: fc.integer({ min: 0, max: 23 }), v: fc.integer({ min: 1, max: 50 }) });
    fc.assert(fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 35 }), (rows, asOfDay) => {
      const log = TransactionLog.fromRecords(rows.map((r) => ({ ...r, t: r.day * DAY + r.hour * 3_600_000 })), { customer: 'c', time: 't', amount: 'v' });
      const got = customerSummary(log, { asOf: asOfDay * DAY + 12 * 3_600_000, unit: 'day' });
      const asOf = asOfDay + 0.5;
      const expected = [...new Set(rows.map((r) => r.c))].sort().flatMap((c) => {
        const mine = rows.filter((r) => r.c === c && r.day * DAY + r.hour * 3_600_000 <= asOf * DAY);
        if (mine.length === 0) return [];
        const days = [...new Set(mine.map((r) => r.day))].sort((x, y) => x - y);
        const first = days[0] as number;
        const repeat = days.slice(1).map((d) => mine.filter((r) => r.day === d).reduce((s, r) => s + r.v, 0));
        return [{ customer: c, frequency: days.length - 1, recency: (days[days.length - 1] as number) - first, T: asOf - first, monetary: repeat.length ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0 }];
      });
      expect(got.map((r) => ({ ...r, T: Math.round(r.T * 1e9) / 1e9, monetary: Math.round(r.monetary * 1e9) / 1e9 })))
        .toEqual(expected.map((r) => ({ ...r, T: Math.round(r.T * 1e9) / 1e9, monetary: Math.round(r.monetary * 1e9) / 1e9 })));
    }));
  });

  it('defaults asOf to the start of the day after the last basket, and rejects bad options', () => {
    const log = TransactionLog.fromRecords([{ c: 'a', t: '2025-01-01T10:00Z' }, { c: 'a', t: '2025-01-03T10:00Z' }], { customer: 'c', time: 't' });
    expect(customerSummary(log, { unit: 'day' })[0]).toMatchObject({ frequency: 1, recency: 2, T: 3, monetary: 0 });
    expect(() => customerSummary(log, { asOf: 'soon' })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => customerSummary(log, { unit: 'month' as 'day' })).toThrow(/unit/);
  });
});

describe("customerSummary with value: 'margin'", () => {
  it('measures repeat purchases by amount less cost, a return by what it refunds less the cost that comes back', () => {
    const rows = [
      { c: 'a', t: '2024-01-01', a: 10, k: 6 },
      { c: 'a', t: '2024-01-05', a: 20, k: 12 },
      { c: 'a', t: '2024-01-05', a: 5, k: 1 },
      { c: 'a', t: '2024-01-06', a: -5, k: 1 }, // returns the 5 (cost 1 comes back): margin −4 on the 5th
      { c: 'a', t: '2024-01-09', a: 30, k: 10 },
    ];
    const log = TransactionLog.fromRecords(rows, { customer: 'c', time: 't', amount: 'a', cost: 'k' });
    const [row] = customerSummary(log, { asOf: '2024-01-10', unit: 'day', value: 'margin' });
    // Repeat days: the 5th (20 − 12 + 5 − 1 − 4 = 8) and the 9th (30 − 10 = 20).
    expect(row).toEqual({ customer: 'a', frequency: 2, recency: 8, T: 9, monetary: 14 });
    expect(customerSummary(log, { asOf: '2024-01-10', unit: 'day' })[0]?.monetary).toBe(25); // revenue: (25 − 5 + 30) / 2
    const noCost = TransactionLog.fromRecords(rows, { customer: 'c', time: 't', amount: 'a' });
    expect(() => customerSummary(noCost, { value: 'margin' })).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/needs the log's cost column/) }));
  });
});
