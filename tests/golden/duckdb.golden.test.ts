/**
 * The SQL summary run for real in DuckDB (@duckdb/node-api) must equal the in-memory
 * customerSummary on the same data: the bundled sample and CDNOW.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TransactionLog, customerSummary, customerSummaryDuckDB } from '../../src/index';

const SAMPLE = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const CDNOW = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_sample.txt', import.meta.url));
const close = (a: { recency: number; T: number; monetary: number }[], b: typeof a) => {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => {
    const other = b[i] as (typeof a)[number];
    expect(row).toEqual({ ...other, recency: expect.closeTo(other.recency, 9), T: expect.closeTo(other.T, 9), monetary: expect.closeTo(other.monetary, 6) });
  });
};

describe('customerSummaryDuckDB', () => {
  it('equals customerSummary on the bundled sample (CSV read by DuckDB)', async () => {
    const log = TransactionLog.fromCSV(SAMPLE, { customer: 'customer', time: 'time', amount: 'amount', order: 'order' });
    const expected = customerSummary(log, { asOf: '2024-06-30', unit: 'week' });
    const got = await customerSummaryDuckDB({ source: `read_csv('${SAMPLE}', all_varchar = true)`, customer: 'customer', time: 'time', amount: 'amount', asOf: '2024-06-30', unit: 'week' });
    close(got, expected);
  });

  it('equals customerSummary on CDNOW (YYYYMMDD dates, days)', async () => {
    const rows = readFileSync(CDNOW, 'utf8').trim().split('\n').map((line) => line.trim().split(/\s+/));
    const dir = mkdtempSync(join(tmpdir(), 'crm-duckdb-'));
    const file = join(dir, 'cdnow.csv');
    writeFileSync(file, ['id,date,dollars', ...rows.map(([, id, date, , dollars]) => `${Number(id)},${date},${dollars}`)].join('\n'));
    const log = TransactionLog.fromCSV(file, { customer: 'id', time: 'date', amount: 'dollars' });
    const expected = customerSummary(log, { asOf: '1997-09-30', unit: 'day' });
    const got = await customerSummaryDuckDB({ source: `read_csv('${file}', all_varchar = true)`, customer: 'id', time: 'date', amount: 'dollars', asOf: '1997-09-30', unit: 'day' });
    close(got, expected);
  });

  it('refuses unreadable times, naming how many', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-duckdb-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'c,t,v\na,2025-01-01,1\nb,soon,2\n');
    await expect(customerSummaryDuckDB({ source: `read_csv('${file}', all_varchar = true)`, customer: 'c', time: 't', amount: 'v', asOf: '2025-02-01' }))
      .rejects.toThrow(/1 rows have a time the engine cannot read \(e.g. "soon"\)/);
  });
});
