/**
 * Return on customer on the CDNOW sample (examples/data/lifetimes, MIT): the totals equal the
 * sums over customers, the ratio is (cash + ΔCE)/CE computed here, and each customer's cash flow
 * is recomputed from the raw transaction lines.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TransactionLog } from '../core/TransactionLog';
import { returnOnCustomer } from './returnOnCustomer';

const FILE = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_sample.txt', import.meta.url));
const lines = readFileSync(FILE, 'utf8').trim().split('\n').map((line) => {
  const [, id, date, , dollars] = line.trim().split(/\s+/);
  return { id: String(Number(id)), date: `${date?.slice(0, 4)}-${date?.slice(4, 6)}-${date?.slice(6, 8)}`, dollars: Number(dollars) };
});
const log = TransactionLog.fromRecords(lines, { customer: 'id', time: 'date', amount: 'dollars' });

describe('returnOnCustomer', () => {
  const roc = returnOnCustomer(log, { from: '1997-09-30', to: '1998-03-31', margin: 0.3 });

  it('is (cash flow + equity at the end − equity at the start) / equity at the start, summed over customers', () => {
    const sum = (k: 'cashFlow' | 'equityFrom' | 'equityTo') => roc.perCustomer.reduce((s, r) => s + r[k], 0);
    expect(roc.cashFlow).toBeCloseTo(sum('cashFlow'), 6);
    expect(roc.equityFrom).toBeCloseTo(sum('equityFrom'), 6);
    expect(roc.equityTo).toBeCloseTo(sum('equityTo'), 6);
    expect(roc.returnOnCustomer).toBeCloseTo((roc.cashFlow + roc.equityTo - roc.equityFrom) / roc.equityFrom, 12);
    for (const groups of [roc.segments, roc.tiers]) {
      expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(roc.customers);
      expect(groups.reduce((s, g) => s + g.cashFlow, 0)).toBeCloseTo(roc.cashFlow, 6);
      expect(groups.reduce((s, g) => s + g.equityFrom, 0)).toBeCloseTo(roc.equityFrom, 6);
    }
    expect(roc.tiers.map((t) => t.tier).sort()).toEqual(['high', 'low', 'medium']);
  });

  it("each customer's cash flow is 30% of their spend in (from, to], from the raw lines", () => {
    const spend = new Map<string, number>();
    for (const l of lines) if (l.date > '1997-09-30' && l.date <= '1998-03-31') spend.set(l.id, (spend.get(l.id) ?? 0) + l.dollars);
    for (const r of roc.perCustomer) expect(r.cashFlow).toBeCloseTo(0.3 * (spend.get(r.customer) ?? 0), 6);
    // CDNOW's cohort was acquired in early 1997: nobody is new after September.
    expect(roc.perCustomer.every((r) => r.segment !== 'New')).toBe(true);
    expect(roc.customers).toBe(2357);
  });

  it('refuses dates out of order, and says when a model cannot be fitted', () => {
    expect(() => returnOnCustomer(log, { from: '1998-01-01', to: '1997-01-01' })).toThrow(/to must be after from/);
    expect(() => returnOnCustomer(log, { from: '1997-01-05', to: '1997-03-01' })).toThrow(expect.objectContaining({ code: 'MODEL', message: expect.stringMatching(/not computed/) }));
  });
});
