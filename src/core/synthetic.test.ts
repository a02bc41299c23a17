import { describe, expect, it } from 'vitest';
import { syntheticLog, syntheticRecords } from './synthetic';
import { TransactionLog } from './TransactionLog';

describe('synthetic retail log', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = [...syntheticRecords({ customers: 30, seed: 4 })];
    expect([...syntheticRecords({ customers: 30, seed: 4 })]).toEqual(a);
    expect([...syntheticRecords({ customers: 30, seed: 5 })]).not.toEqual(a);
  });

  it('streams records that load into the same log as the columnar path', () => {
    const options = { customers: 200, seed: 9 };
    const fromRecords = TransactionLog.fromRecords(syntheticRecords(options), { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' });
    const { log } = syntheticLog(options);
    expect(log.sequences()).toEqual(fromRecords.sequences());
    expect(log.customers()).toEqual(fromRecords.customers());
    expect(log.customerCount).toBe(200);
  });

  it('plants associations that show up as lift well above 1', () => {
    const { log, truth } = syntheticLog({ customers: 3000, seed: 2 });
    const baskets = log.baskets().map((b) => new Set(b));
    const n = baskets.length;
    for (const rule of truth.associations) {
      const withA = baskets.filter((b) => rule.if.every((i) => b.has(i)));
      const confidence = withA.filter((b) => b.has(rule.then)).length / withA.length;
      const support = baskets.filter((b) => b.has(rule.then)).length / n;
      expect(withA.length).toBeGreaterThan(30);
      expect(confidence).toBeGreaterThanOrEqual(rule.probability * 0.8);
      expect(confidence / support).toBeGreaterThan(2);
    }
  });

  it('plants next-basket sequences', () => {
    const { log, truth } = syntheticLog({ customers: 3000, seed: 3 });
    const seqs = log.sequences();
    for (const s of truth.sequences) {
      let follows = 0;
      let after = 0;
      for (const seq of seqs) for (let k = 0; k + 1 < seq.length; k++) {
        if ((seq[k] as string[]).includes(s.first)) { after++; if ((seq[k + 1] as string[]).includes(s.then)) follows++; }
      }
      expect(after).toBeGreaterThan(30);
      expect(follows / after).toBeGreaterThanOrEqual(s.probability * 0.8);
    }
  });

  it('follows the buy-till-you-die process: heterogeneous repeat buying, one-time buyers, dropouts', () => {
    const { log } = syntheticLog({ customers: 4000, seed: 8 });
    const rows = log.customers();
    const oneTime = rows.filter((r) => r.baskets === 1).length / rows.length;
    const heavy = rows.filter((r) => r.baskets >= 10).length / rows.length;
    expect(oneTime).toBeGreaterThan(0.1);
    expect(heavy).toBeGreaterThan(0.05);
    // Spend is heterogeneous across customers: the coefficient of variation is well above 0.
    const perBasket = rows.map((r) => (r.amount as number) / r.baskets);
    const m = perBasket.reduce((s, x) => s + x, 0) / perBasket.length;
    const sd = Math.sqrt(perBasket.reduce((s, x) => s + (x - m) ** 2, 0) / perBasket.length);
    expect(sd / m).toBeGreaterThan(0.4);
  });

  it('stops at maxLineItems and validates its options', () => {
    expect(syntheticLog({ customers: 10_000, maxLineItems: 500 }).log.rowCount).toBeLessThan(500 + 40);
    expect(() => syntheticLog({ customers: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => syntheticLog({ start: '2025-01-01', end: '2024-01-01' })).toThrow(/start < end/);
  });
});
