/**
 * Returns and cancellations on the UCI Online Retail subset (examples/data/online-retail, CC BY
 * 4.0; Chen 2015): cancelled invoices start with 'C' and have negative quantities. Under the
 * default 'net' policy they lower their customer's spend and are never a purchase, a basket or a
 * visit. Counts computed independently with Python's csv module (rows with a CustomerID whose
 * InvoiceNo starts with C or whose quantity or amount is negative): 458 cancellation rows, 141
 * of them from the 56 customers with no purchase in these two weeks.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { TransactionLog, associationRules, customerSummary, rfm, rfmSummary, type LogMapping } from '../../src/index';

const FILE = fileURLToPath(new URL('../../examples/data/online-retail/online_retail.csv', import.meta.url));
const MAPPING = { customer: 'CustomerID', time: 'InvoiceDate', item: 'StockCode', order: 'InvoiceNo', quantity: 'Quantity', price: 'UnitPrice', onInvalid: 'skip' } as const satisfies LogMapping;

describe('Online Retail returns', () => {
  const net = TransactionLog.fromCSV(FILE, { ...MAPPING, returnOrders: /^C/ });
  const kept = TransactionLog.fromCSV(FILE, { ...MAPPING, returns: 'keep' });

  it('finds the cancellations and counts those of customers without a purchase apart', () => {
    expect(net.returns).toMatchObject({ policy: 'net', rows: 458, withoutPurchase: { rows: 141 } });
    expect(net.returns.amount).toBeLessThan(0);
    expect(net.summary().customers).toBe(kept.summary().customers - 56);
    // No cancellation is a basket.
    const orders = net.columns.basketOrder as Int32Array;
    expect([...orders].some((o) => (net.columns.orderNames as readonly string[])[o]?.startsWith('C'))).toBe(false);
  });

  it('scores no customer whose spend is zero or less as a buyer in RFM', () => {
    const rows = rfm(net);
    expect(rows.every((r) => r.monetary > 0)).toBe(true);
    expect(rfm(kept).filter((r) => r.monetary <= 0)).toHaveLength(60); // what the old behaviour did
    const promising = rfmSummary(rows).find((s) => s.segment === 'Promising');
    expect(promising?.monetary).toBeGreaterThan(50);
  });

  it('nets the spend: total = purchases + returns of customers in the log', () => {
    const purchases = TransactionLog.fromCSV(FILE, { ...MAPPING, returns: 'exclude', returnOrders: /^C/ }).summary().amount as number;
    expect(net.summary().amount).toBeCloseTo(purchases + net.returns.amount - net.returns.withoutPurchase.amount, 6);
  });

  it('keeps cancellations out of the baskets that rules are mined from', () => {
    const rules = associationRules(net, { minSupport: 0.02, minConfidence: 0.5 });
    expect(rules.length).toBeGreaterThan(0);
    expect(net.baskets().length).toBe(net.basketCount);
    expect(customerSummary(net, { unit: 'day' }).every((s) => Number.isFinite(s.monetary))).toBe(true);
  });
});

describe('customerSummary under returns', () => {
  it('a return lowers the latest purchase day at or before it, and is never a purchase day', () => {
    const rows = [
      { c: 'a', t: '2024-01-01', a: 10 },
      { c: 'a', t: '2024-01-06', a: 20 },
      { c: 'a', t: '2024-01-07', a: -5 }, // undoes part of the 6th: monetary 15
      { c: 'b', t: '2024-01-01', a: 10 },
      { c: 'b', t: '2024-01-03', a: -4 }, // undoes part of the first purchase: repeat value unchanged
      { c: 'b', t: '2024-01-08', a: 30 },
    ];
    const summary = customerSummary(TransactionLog.fromRecords(rows, { customer: 'c', time: 't', amount: 'a' }), { asOf: '2024-01-10', unit: 'day' });
    expect(summary).toEqual([
      { customer: 'a', frequency: 1, recency: 5, T: 9, monetary: 15 },
      { customer: 'b', frequency: 1, recency: 7, T: 9, monetary: 30 },
    ]);
    // A return after asOf is not known at asOf.
    expect(customerSummary(TransactionLog.fromRecords(rows, { customer: 'c', time: 't', amount: 'a' }), { asOf: '2024-01-06T12:00Z', unit: 'day' })[0]?.monetary).toBe(20);
  });
});
