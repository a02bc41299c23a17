import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactionLog } from './TransactionLog';
import { toEpochMs } from './time';
import type { LogMapping } from './mapping';

type Rec = { c: string; t: number; i: string; o?: string; a: number };
const MAP = { customer: 'c', time: 't', item: 'i', amount: 'a' } as const;

/**
 * Brute-force oracle: group rows with Maps and plain sorting, no typed arrays. Under the 'net'
 * returns policy a row with a negative amount is a return: in no basket, but in its customer's
 * amount; a customer with returns only is no customer.
 */
function reference(records: Rec[], byOrder: boolean, returns: 'net' | 'keep' = 'net') {
  const baskets = new Map<string, { c: string; t: number; o: string; items: Set<string>; amount: number }>();
  const returned = new Map<string, number>();
  for (const r of records) {
    if (returns === 'net' && r.a < 0) {
      returned.set(r.c, (returned.get(r.c) ?? 0) + r.a);
      continue;
    }
    const key = byOrder ? `o:${r.o}` : `c:${r.c}|${r.t}`;
    const b = baskets.get(key) ?? { c: r.c, t: r.t, o: r.o ?? '', items: new Set<string>(), amount: 0 };
    b.t = Math.min(b.t, r.t);
    b.items.add(r.i);
    b.amount += r.a;
    baskets.set(key, b);
  }
  const customers = [...new Set([...baskets.values()].map((b) => b.c))].sort();
  const ordered = [...baskets.values()].sort((x, y) => (x.c < y.c ? -1 : x.c > y.c ? 1 : x.t - y.t));
  return {
    customers,
    sequences: customers.map((c) => ordered.filter((b) => b.c === c).map((b) => [...b.items].sort())),
    amounts: customers.map((c) => ordered.filter((b) => b.c === c).reduce((s, b) => s + b.amount, returned.get(c) ?? 0)),
  };
}

const recordsArb = (withOrders: boolean) =>
  fc.array(
    fc.record({ c: fc.constantFrom('ann', 'bob', 'cy', 'Dee'), t: fc.integer({ min: 0, max: 5 }), i: fc.constantFrom('a', 'b', 'c', 'd', 'e'), a: fc.integer({ min: -5, max: 20 }) }),
    { minLength: 1, maxLength: 40 },
  ).map((rows): Rec[] => rows.map((r) => (withOrders ? { ...r, o: `${r.c}-${r.t % 3}` } : r)));

describe('TransactionLog.fromRecords', () => {
  it.each(['net', 'keep'] as const)('forms baskets by customer + time like the brute-force oracle (returns: %s)', (returns) => {
    fc.assert(fc.property(recordsArb(false), (records) => {
      const purchases = records.filter((r) => returns === 'keep' || r.a >= 0).length;
      if (purchases === 0) {
        expect(() => TransactionLog.fromRecords(records, { ...MAP, returns })).toThrow(/no purchases: all \d+ rows are returns/);
        return;
      }
      const log = TransactionLog.fromRecords(records, { ...MAP, returns });
      const ref = reference(records, false, returns);
      expect(log.customerIds()).toEqual(ref.customers);
      expect(log.sequences()).toEqual(ref.sequences);
      log.customers().forEach((row, k) => expect(row.amount).toBeCloseTo(ref.amounts[k] as number, 9));
      expect(log.rowCount).toBe(purchases);
      expect(log.returns.rows).toBe(records.length - purchases);
    }));
  });

  it('forms baskets by order, timed at the order’s earliest row, like the oracle', () => {
    fc.assert(fc.property(recordsArb(true).map((rows) => rows.map((r) => ({ ...r, a: Math.abs(r.a) }))), (records) => {
      const log = TransactionLog.fromRecords(records, { ...MAP, order: 'o' });
      const ref = reference(records, true);
      // Orders of one customer may share a time; compare as multisets per customer.
      const norm = (seqs: string[][][]) => seqs.map((s) => s.map((b) => b.join(',')).sort());
      expect(norm(log.sequences())).toEqual(norm(ref.sequences));
      expect(log.basketCount).toBe(new Set(records.map((r) => r.o)).size);
    }));
  });

  it('gives the same log whatever the row order', () => {
    fc.assert(fc.property(recordsArb(false), fc.integer(), (records, seed) => {
      const shuffled = [...records].sort((x, y) => ((x.t * 31 + seed) % 7) - ((y.t * 31 + seed) % 7) || (x.i < y.i ? -1 : 1));
      const a = TransactionLog.fromRecords(records, { ...MAP, returns: 'keep' });
      const b = TransactionLog.fromRecords(shuffled, { ...MAP, returns: 'keep' });
      expect(b.sequences()).toEqual(a.sequences());
      expect(b.columns.basketItems).toEqual(a.columns.basketItems);
    }));
  });

  it('accepts Dates, epoch ms and ISO strings, numeric ids, and any iterable', () => {
    function* rows() {
      yield { c: 7, t: new Date(Date.UTC(2025, 0, 1)), i: 1001, a: '2.50' };
      yield { c: 7, t: Date.UTC(2025, 0, 1), i: 'x', a: 1 };
      yield { c: '7', t: '2025-01-01T00:00:00Z', i: 'y', a: 0 };
    }
    const log = TransactionLog.fromRecords(rows(), MAP);
    expect(log.baskets()).toEqual([['1001', 'x', 'y']]);
    expect(log.customers()[0]?.amount).toBe(3.5);
  });

  it('computes amount = quantity × price when only a price is mapped; a return nets the spend and is no basket', () => {
    const rows = [{ c: 'a', t: 0, i: 'x', q: 3, p: 2 }, { c: 'a', t: 1, i: 'x', q: -1, p: 2 }];
    const mapping = { customer: 'c', time: 't', item: 'i', quantity: 'q', price: 'p' } as const;
    const log = TransactionLog.fromRecords(rows, mapping);
    expect(log.customers()[0]).toMatchObject({ amount: 4, baskets: 1 });
    expect([...(log.columns.basketAmount ?? [])]).toEqual([6]);
    expect(log.summary()).toMatchObject({ amount: 4, baskets: 1, returns: { policy: 'net', rows: 1, amount: -2 } });
    const kept = TransactionLog.fromRecords(rows, { ...mapping, returns: 'keep' });
    expect([...(kept.columns.basketAmount ?? [])]).toEqual([6, -2]);
    const excluded = TransactionLog.fromRecords(rows, { ...mapping, returns: 'exclude' });
    expect(excluded.customers()[0]).toMatchObject({ amount: 6, baskets: 1 });
    expect(excluded.summary().returns).toMatchObject({ policy: 'exclude', rows: 1, amount: -2 });
  });

  it('tells returns by a return-order pattern too, and counts returns of customers without a purchase apart', () => {
    const rows = [
      { c: 'a', t: 0, o: '536365', i: 'x', a: 10 },
      { c: 'a', t: 1, o: 'C536379', i: 'x', a: 4 }, // a cancellation written with a positive amount
      { c: 'b', t: 2, o: 'C536380', i: 'y', a: -3 }, // b bought before the log began
    ];
    const log = TransactionLog.fromRecords(rows, { customer: 'c', time: 't', order: 'o', item: 'i', amount: 'a', returnOrders: /^C/ });
    expect(log.customerIds()).toEqual(['a']);
    expect(log.customers()[0]).toMatchObject({ amount: 6, baskets: 1 });
    expect(log.returns).toEqual({ policy: 'net', rows: 2, amount: -7, withoutPurchase: { rows: 1, amount: -3 } });
  });

  it('works without item or amount columns', () => {
    const log = TransactionLog.fromRecords([{ c: 'a', t: 0 }, { c: 'a', t: 9 }], { customer: 'c', time: 't' });
    expect(log.basketCount).toBe(2);
    expect(log.baskets()).toEqual([[], []]);
    expect(log.customers()[0]?.amount).toBeNull();
  });
});

describe('bad input gets a DataError naming row and field', () => {
  const cases: Array<[string, unknown[], Partial<LogMapping>, { row?: number; field?: string; message: RegExp }]> = [
    ['missing mapped column', [{ c: 'a', t: 0, i: 'x', a: 1 }, { c: 'a', t: 0, a: 1 }], {}, { row: 2, field: 'i', message: /missing/ }],
    ['unparsable time', [{ c: 'a', t: '31/12/2025', i: 'x', a: 1 }], {}, { row: 1, field: 't', message: /ISO-8601.*'31\/12\/2025'/ }],
    ['non-numeric amount', [{ c: 'a', t: 0, i: 'x', a: 'ten' }], {}, { row: 1, field: 'a', message: /finite number.*'ten'/ }],
    ['NaN amount', [{ c: 'a', t: 0, i: 'x', a: 1 }, { c: 'a', t: 0, i: 'x', a: NaN }], {}, { row: 2, field: 'a', message: /finite number.*NaN/ }],
    ['empty item', [{ c: 'a', t: 0, i: '', a: 1 }], {}, { row: 1, field: 'i', message: /non-empty item/ }],
    ['empty customer', [{ c: '  ', t: 0, i: 'x', a: 1 }], {}, { row: 1, field: 'c', message: /non-empty customer/ }],
    ['null customer', [{ c: null, t: 0, i: 'x', a: 1 }], {}, { row: 1, field: 'c', message: /customer id/ }],
    ['order shared by two customers', [{ c: 'a', t: 0, i: 'x', a: 1, o: 'O1' }, { c: 'b', t: 0, i: 'y', a: 1, o: 'O1' }], { order: 'o' }, { row: 2, field: 'o', message: /belongs to customer 'a' \(row 1\).*'b'/ }],
    ['a row that is not an object', [{ c: 'a', t: 0, i: 'x', a: 1 }, 'oops'], {}, { row: 2, message: /expected an object/ }],
    ['empty log', [], {}, { message: /empty/ }],
  ];
  it.each(cases)('%s', (_name, records, extra, expected) => {
    const run = () => TransactionLog.fromRecords(records as Array<Record<string, unknown>>, { ...MAP, ...extra });
    expect(run).toThrow(expected.message);
    try { run(); } catch (e) {
      expect(e).toMatchObject({ name: 'DataError', code: 'DATA', row: expected.row, field: expected.field });
    }
  });

  it('skips bad rows when asked, and counts them', () => {
    const log = TransactionLog.fromRecords(
      [{ c: 'a', t: 0, i: 'x', a: 1 }, { c: '', t: 0, i: 'x', a: 1 }, { c: 'b', t: 'never', i: 'y', a: 1 }, { c: 'c', t: 0, i: 'z', a: 'n/a' }],
      { ...MAP, onInvalid: 'skip' },
    );
    expect(log.rowCount).toBe(1);
    expect(log.skipped.rows).toBe(3);
    expect(log.skipped.byField).toEqual({ c: 1, t: 1, a: 1 });
    expect(log.skipped.examples[0]).toMatch(/row 2, field 'c'/);
    expect(log.customerIds()).toEqual(['a']); // skipped rows leave no customers or items behind
    expect(log.itemCount).toBe(1);
  });

  it('accepts an empty log only when allowed', () => {
    expect(TransactionLog.fromRecords([], { ...MAP, allowEmpty: true }).rowCount).toBe(0);
  });

  it('rejects a bad mapping with an OptionError', () => {
    expect(() => TransactionLog.fromRecords([], { time: 't' } as unknown as LogMapping)).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => TransactionLog.fromRecords([], { ...MAP, onInvalid: 'ignore' as 'skip' })).toThrow(/onInvalid/);
  });
});

describe('TransactionLog.fromCSV', () => {
  const mapping = { customer: 'customer', time: 'date', item: 'item', amount: 'amount', order: 'order' };

  it('reads quoted fields, embedded delimiters and newlines, a BOM and CRLF line ends', () => {
    const csv = '\uFEFForder,customer,date,item,amount\r\n1,c1,2025-01-02,"tea, green",4.5\r\n1,c1,2025-01-02,"milk ""whole""",1\r\n\r\n2,c2,2025-01-03,"two\nlines",2\r\n';
    const log = TransactionLog.fromCSV(csv, mapping);
    expect(log.baskets()).toEqual([['milk "whole"', 'tea, green'], ['two\nlines']]);
    expect(log.summary().amount).toBe(7.5);
  });

  it('supports a custom delimiter', () => {
    const log = TransactionLog.fromCSV('customer;date;item\nc;2025-01-01;x\nc;2025-01-01;y\n', { customer: 'customer', time: 'date', item: 'item', delimiter: ';' });
    expect(log.baskets()).toEqual([['x', 'y']]);
  });

  it('reads a file and gives the same log as the records', () => {
    const records = Array.from({ length: 300 }, (_, k) => ({ order: String(k % 50), customer: `c${k % 17}`, date: new Date(Date.UTC(2025, 0, 1 + (k % 50))).toISOString(), item: `i${k % 13}`, amount: (k % 9) - 2 }));
    // one order belongs to one customer: derive the customer from the order
    for (const r of records) r.customer = `c${Number(r.order) % 17}`;
    const dir = mkdtempSync(join(tmpdir(), 'crm-csv-'));
    const file = join(dir, 'log.csv');
    writeFileSync(file, ['order,customer,date,item,amount', ...records.map((r) => `${r.order},${r.customer},${r.date},${r.item},${r.amount}`)].join('\n'));
    const fromFile = TransactionLog.fromCSV(file, mapping);
    const fromRecords = TransactionLog.fromRecords(records, mapping);
    expect(fromFile.sequences()).toEqual(fromRecords.sequences());
    expect(fromFile.customers()).toEqual(fromRecords.customers());
  });

  it('reports progress and stops when aborted', () => {
    const csv = 'customer,date\n' + 'c,2025-01-01\n'.repeat(70_000);
    const phases: string[] = [];
    TransactionLog.fromCSV(csv, { customer: 'customer', time: 'date', onProgress: (p) => phases.push(p.phase) });
    expect(phases).toContain('parse');
    const controller = new AbortController();
    controller.abort();
    expect(() => TransactionLog.fromCSV(csv, { customer: 'customer', time: 'date', signal: controller.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });

  const bad: Array<[string, string, RegExp, { row?: number; line?: number; field?: string }]> = [
    ['a mapped column missing from the header', 'order,customer,date,amount\n1,c,2025-01-01,1\n', /item column is missing from the header \(found: order, customer, date, amount\)/, { line: 1, field: 'item' }],
    ['a header-only file', 'order,customer,date,item,amount\n', /header but no data rows/, { line: 2 }],
    ['an empty file', '\n', /empty/, { line: 1 }],
    ['an unparsable time', 'order,customer,date,item,amount\n1,c,2025-01-01,x,1\n2,c,01.02.2025,y,1\n', /ISO-8601/, { row: 2, line: 3, field: 'date' }],
    ['a row with an extra field', 'order,customer,date,item,amount\n1,c,2025-01-01,x,1,5\n', /expected 5 fields/, { row: 1, line: 2 }],
    ['a non-numeric amount', 'order,customer,date,item,amount\n1,c,2025-01-01,x,1\n2,c,2025-01-01,x,12€\n', /finite number, got '12€'/, { row: 2, line: 3, field: 'amount' }],
    ['an empty item', 'order,customer,date,item,amount\n1,c,2025-01-01,,1\n', /non-empty item/, { row: 1, field: 'item' }],
    ['a NaN amount', 'order,customer,date,item,amount\n1,c,2025-01-01,x,NaN\n', /finite number/, { row: 1, field: 'amount' }],
    ['an unclosed quote', 'order,customer,date,item,amount\n1,c,2025-01-01,"x,1\n', /unclosed quoted field/, { line: 2 }],
  ];
  it.each(bad)('rejects %s', (_name, csv, message, where) => {
    expect(() => TransactionLog.fromCSV(csv, mapping)).toThrow(message);
    try { TransactionLog.fromCSV(csv, mapping); } catch (e) { expect(e).toMatchObject({ code: 'DATA', ...where }); }
  });

  it('rejects a file that does not exist', () => {
    expect(() => TransactionLog.fromCSV('/no/such/file.csv', mapping)).toThrow(/cannot read the CSV file '\/no\/such\/file.csv': no such file/);
  });
});

describe('filterTime', () => {
  it('equals a log built from only the rows in the window', () => {
    fc.assert(fc.property(recordsArb(true), fc.integer({ min: 0, max: 5 }), (records, cut) => {
      if (records.every((r) => r.a < 0)) return;
      const log = TransactionLog.fromRecords(records, { ...MAP, order: 'o' });
      // A basket's time is its earliest purchase row; a return (negative amount) keeps its own time.
      const basketTime = new Map<string, number>();
      for (const r of records) if (r.a >= 0) basketTime.set(r.o as string, Math.min(basketTime.get(r.o as string) ?? Infinity, r.t));
      const kept = records.filter((r) => (r.a < 0 ? r.t : (basketTime.get(r.o as string) as number)) <= cut);
      const filtered = log.filterTime({ to: cut });
      if (kept.every((r) => r.a < 0)) {
        expect(filtered.rowCount).toBe(0);
        return;
      }
      const expected = TransactionLog.fromRecords(kept, { ...MAP, order: 'o' });
      expect(filtered.sequences()).toEqual(expected.sequences());
      expect(filtered.customers()).toEqual(expected.customers());
    }));
  });

  it('rejects a window end that is not a time', () => {
    const log = TransactionLog.fromRecords([{ c: 'a', t: 0, i: 'x', a: 1 }], MAP);
    expect(() => log.filterTime({ to: 'soon' })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(log.filterTime({ from: '1970-01-01', to: toEpochMs('1970-01-01') }).rowCount).toBe(1);
  });
});

describe('CSV fast path (character ranges) and record path agree', () => {
  // Values chosen to hit both paths: plain ids, ids with spaces, quoted ids with delimiters,
  // numbers in exponent form or with spaces, invalid cells.
  const id = fc.constantFrom('a', 'b', 'b ', ' b', 'x y', 'c,d', 'q"t', '', '  ');
  const num = fc.constantFrom('1', '-2.5', '1e2', ' 3', '0.10', 'abc', '', '7');
  const when = fc.constantFrom('2025-01-01', '2025-01-01T10:00Z', '2025-01-01 10:00:00', '20250102', 'soon', '2025-01-02T00:00:00.5Z');
  const row = fc.record({ customer: id, time: when, item: id, order: fc.constantFrom('1', '2', '3'), amount: num });
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const outcome = (build: () => TransactionLog) => {
    try {
      const log = build();
      // CSV messages also give the file line; compare the rest.
      const examples = log.skipped.examples.map((m) => m.replace(/ \(line \d+\)/, ''));
      return { ok: true, sequences: log.sequences(), customers: log.customers(), skipped: { ...log.skipped, examples } };
    } catch (e) {
      return { ok: false, code: (e as { code?: string }).code, row: (e as { row?: number }).row, field: (e as { field?: string }).field };
    }
  };
  it.each(['throw', 'skip'] as const)('on random rows with onInvalid: %s', (onInvalid) => {
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
      const mapping = { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', onInvalid, allowEmpty: true };
      const columns = ['customer', 'time', 'item', 'order', 'amount'] as const;
      const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n') + '\n';
      const fromCsv = outcome(() => TransactionLog.fromCSV(csv, mapping));
      const fromRecords = outcome(() => TransactionLog.fromRecords(rows, mapping));
      expect(fromCsv).toEqual(fromRecords);
    }), { numRuns: 300 });
  });
});
