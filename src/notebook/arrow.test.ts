/**
 * Arrow interchange. Oracles: a round trip through Arrow (toArrow, then fromArrow or reading the
 * vectors back) gives the identical log and results; fromArrow on a Parquet file that DuckDB wrote
 * from the bundled CSV (read into Arrow by parquet-wasm) equals fromCSV on the CSV.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as arrow from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { toArrow } from './index';
import { TransactionLog } from '../core/TransactionLog';
import { parseCsv } from '../core/index';
import { associationRules } from '../association/index';
import { sequentialPatterns } from '../sequence/index';
import { rfm } from '../rfm/index';
import { churnDataset } from '../churn/index';

const SAMPLE = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const MAPPING = { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', quantity: 'quantity', cost: 'cost' } as const;
const csvLog = TransactionLog.fromCSV(SAMPLE, MAPPING);
const dir = mkdtempSync(join(tmpdir(), 'crm-arrow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table's rows as plain values (lists as arrays, timestamps as Dates). */
const back = (t: unknown) => (t as arrow.Table).toArray().map((row) => Object.fromEntries(Object.entries((row as { toJSON(): Record<string, unknown> }).toJSON()).map(([k, v]) => [k, plain(v)])));
const plain = (v: unknown): unknown => (v !== null && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function' ? [...(v as Iterable<unknown>)].map(plain) : v);

describe('Arrow', () => {
  it('fromArrow on a Parquet file DuckDB wrote from the CSV (timestamps, int64) equals fromCSV', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const parquet = join(dir, 'sample.parquet');
    await connection.run(`COPY (SELECT * REPLACE (strptime("time", '%Y-%m-%dT%H:%MZ') AS "time") FROM read_csv('${SAMPLE}')) TO '${parquet}' (FORMAT parquet)`);
    const wasm = createRequire(import.meta.url)('parquet-wasm/node') as { readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array } };
    const table = arrow.tableFromIPC(wasm.readParquet(new Uint8Array(readFileSync(parquet))).intoIPCStream());
    expect(String(table.schema.fields.find((f) => f.name === 'time')?.type)).toBe('Timestamp<MICROSECOND>');
    expect(String(table.schema.fields.find((f) => f.name === 'quantity')?.type)).toBe('Int64');
    const log = TransactionLog.fromArrow(table, MAPPING);
    expect(log.columns).toEqual(csvLog.columns);
    expect(log.summary()).toEqual(csvLog.summary());
  });

  it('round trips a log and results through Arrow unchanged', () => {
    // The CSV's line items as records with typed values, through Arrow, back into a log.
    const records = parseCsv(readFileSync(SAMPLE, 'utf8')).map((r) => ({ ...r, time: new Date(r.time as string), quantity: Number(r.quantity), amount: Number(r.amount), cost: Number(r.cost) }));
    const table = toArrow(records);
    expect(String((table as arrow.Table).schema.fields.find((f) => f.name === 'time')?.type)).toBe('Timestamp<MILLISECOND>');
    expect(TransactionLog.fromArrow(table, MAPPING).columns).toEqual(csvLog.columns);
    for (const result of [associationRules(csvLog, { minSupport: 0.01, minConfidence: 0.2 }), sequentialPatterns(csvLog, { minSupport: 0.05, maxLength: 3 }), rfm(csvLog)]) {
      expect(back(toArrow(result))).toEqual(result.map((r) => ({ ...r })));
    }
    const d = churnDataset(csvLog, { asOf: '2024-06-30', horizonDays: 90 });
    const t = toArrow(d);
    expect(t.numRows).toBe(d.customers.length);
    expect(back(t)[0]).toEqual({ customer: d.customers[0], ...Object.fromEntries(d.featureNames.map((n, j) => [n, d.features[0]?.[j]])), label: d.labels[0] });
  });

  it('names a missing column, a bad value by row and column, and a non-table', () => {
    const table = arrow.tableFromArrays({ who: ['a', 'b'], when: Float64Array.of(0, Number.NaN) });
    expect(() => TransactionLog.fromArrow(table as never, { customer: 'customer', time: 'when' })).toThrow(/the mapped customer column 'customer' is not in the Arrow table \(found: who, when\)/);
    expect(() => TransactionLog.fromArrow(table as never, { customer: 'who', time: 'when' })).toThrow(expect.objectContaining({ code: 'DATA', row: 2, field: 'when' }));
    expect(() => TransactionLog.fromArrow({} as never, { customer: 'a', time: 'b' })).toThrow(/expected an Arrow Table/);
    expect(() => toArrow({ a: 1 })).toThrow(/toArrow takes a tabular result/);
  });
});
