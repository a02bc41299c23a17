/**
 * The loyalty matrix and value tiers against brute force: each customer classified directly
 * from the cut points, and the tier boundaries checked against the cumulative shares.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOYALTY_CELLS, loyaltyMatrix } from './loyaltyMatrix';
import { valueTiers } from './valueTiers';

describe('loyaltyMatrix', () => {
  it('puts every customer with an attitude in the cell its two levels name, and counts the rest', () => {
    fc.assert(fc.property(fc.array(fc.record({ f: fc.integer({ min: 0, max: 20 }), a: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }), { minLength: 1, maxLength: 60 }), (list) => {
      const rows = list.map((r, i) => ({ customer: `c${i}`, frequency: r.f }));
      const attitude = Object.fromEntries(list.flatMap((r, i) => (r.a === undefined ? [] : [[`c${i}`, r.a]])));
      const m = loyaltyMatrix(rows, { attitude, levels: { frequency: [5, 12], attitude: [4, 8] } });
      const lv = (v: number, m2: number, h: number) => (v >= h ? 'high' : v >= m2 ? 'medium' : 'low');
      const expected = new Map<string, number>();
      list.forEach((r) => {
        if (r.a === undefined) return;
        const name = LOYALTY_CELLS[lv(r.f, 5, 12)][lv(r.a, 4, 8)];
        expected.set(name, (expected.get(name) ?? 0) + 1);
      });
      for (const cell of m.cells) expect(cell.customers).toBe(expected.get(cell.name) ?? 0);
      expect(m.withoutAttitude.customers).toBe(list.filter((r) => r.a === undefined).length);
      expect(m.cells.reduce((s, c) => s + c.customers, 0) + m.withoutAttitude.customers).toBe(list.length);
      expect(m.cells).toHaveLength(9);
    }), { numRuns: 200, seed: 5 });
  });

  it('names the corners after Dick & Basu and defaults to terciles; takes a Map or rows', () => {
    expect(LOYALTY_CELLS.high.high).toBe('True loyalty');
    expect(LOYALTY_CELLS.high.low).toBe('Spurious loyalty');
    expect(LOYALTY_CELLS.low.high).toBe('Latent loyalty');
    expect(LOYALTY_CELLS.low.low).toBe('No loyalty');
    const rows = Array.from({ length: 9 }, (_, i) => ({ customer: `c${i}`, frequency: i }));
    const m = loyaltyMatrix(rows, { attitude: rows.map((r) => ({ customer: r.customer, score: r.frequency })) });
    expect(m.levels.frequency).toEqual([8 / 3, 16 / 3]);
    expect(m.cells.filter((c) => c.customers > 0).map((c) => c.name)).toEqual(['True loyalty', 'Moderate loyalty', 'No loyalty']);
    expect(loyaltyMatrix(rows, { attitude: new Map([['c1', 3]]) }).withoutAttitude.customers).toBe(8);
    expect(() => loyaltyMatrix(rows, { attitude: { c1: Number.NaN } })).toThrow(expect.objectContaining({ code: 'DATA', field: 'attitude' }));
  });
});

describe('valueTiers', () => {
  it('by customers: the top ceil(20%) are high, the next to 50% medium; tiers are ordered by value', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: -100, max: 10_000 }), { minLength: 1, maxLength: 80 }), (vals) => {
      const rows = vals.map((v, i) => ({ customer: `c${i}`, clv: v }));
      const { tiers, customers } = valueTiers(rows);
      const n = vals.length;
      expect(tiers[0]?.customers).toBe(Math.ceil(0.2 * n - 1e-9));
      expect((tiers[0]?.customers ?? 0) + (tiers[1]?.customers ?? 0)).toBe(Math.ceil(0.5 * n - 1e-9));
      const of = (t: string) => customers.filter((c) => c.tier === t).map((c) => c.value);
      if (of('high').length > 0 && of('medium').length > 0) expect(Math.min(...of('high'))).toBeGreaterThan(Math.max(...of('medium')));
      if (of('medium').length > 0 && of('low').length > 0) expect(Math.min(...of('medium'))).toBeGreaterThan(Math.max(...of('low')));
      expect(tiers.reduce((s, t) => s + t.value, 0)).toBeCloseTo(vals.reduce((s, v) => s + v, 0), 6);
    }), { numRuns: 200, seed: 6 });
  });

  it('by value: high is the fewest customers holding half the value', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 80 }), (vals) => {
      const { tiers } = valueTiers(vals.map((v, i) => ({ customer: `c${i}`, value: v })), { by: 'value' });
      const sorted = [...vals].sort((a, b) => b - a);
      const total = vals.reduce((s, v) => s + v, 0);
      let k = 0;
      let sum = 0;
      while (sum < 0.5 * total) sum += sorted[k++] as number;
      expect(tiers[0]?.customers).toBe(k);
      expect(tiers[0]?.shareOfValue).toBeGreaterThanOrEqual(0.5);
    }), { numRuns: 200, seed: 7 });
  });

  it('keeps ties in one tier, refuses value tiers of a non-positive total, and names a bad row', () => {
    const { customers } = valueTiers(Array.from({ length: 10 }, (_, i) => ({ customer: `c${i}`, clv: i < 5 ? 100 : 1 })));
    expect(new Set(customers.filter((c) => c.value === 100).map((c) => c.tier)).size).toBe(1);
    expect(() => valueTiers([{ customer: 'a', value: -5 }], { by: 'value' })).toThrow(/positive total value/);
    expect(() => valueTiers([{ customer: 'a', clv: Number.NaN }])).toThrow(expect.objectContaining({ code: 'DATA', row: 1, field: 'clv' }));
    expect(valueTiers([{ customer: 'a', clv: -3 }]).tiers[0]?.shareOfValue).toBeNull();
  });
});
