/**
 * Parquet through DuckDB, as a user meets it: a file DuckDB wrote from the bundled sample (real
 * TIMESTAMP and BIGINT columns) read by `fromParquet`, used as the `source` of the SQL path
 * (`read_parquet(…)`), and given to the CLI. Each equals the CSV read in memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TransactionLog, customerSummary, rfm } from '../../src/index';
import { duckdbRunner, fromParquet, logFromSql, rfmFromSql } from '../../src/sql/index';
import { main } from '../../src/report/cli';

const SAMPLE = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'crm-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parquet = join(dir, 'sample.parquet');
const mapping = { customer: 'customer', time: 'time', item: 'item', order: 'order', quantity: 'quantity', amount: 'amount' };
const csvLog = TransactionLog.fromCSV(SAMPLE, mapping);
const run = duckdbRunner();

describe('Parquet through DuckDB', () => {
  it('fromParquet gives the log fromCSV gives', async () => {
    await run(`COPY (SELECT * REPLACE (strptime("time", '%Y-%m-%dT%H:%MZ') AS "time", CAST(quantity AS BIGINT) AS quantity) FROM read_csv('${SAMPLE}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    const log = await fromParquet(parquet, mapping);
    expect(log.columns.customerNames).toEqual(csvLog.columns.customerNames);
    expect(log.columns.basketTime).toEqual(csvLog.columns.basketTime);
    expect(log.columns.basketItems).toEqual(csvLog.columns.basketItems);
    expect(customerSummary(log)).toEqual(customerSummary(csvLog));
    expect(rfm(log)).toEqual(rfm(csvLog));
    // Any query on any runner, the engine doing the filtering.
    const some = await logFromSql(run, `SELECT * FROM read_parquet('${parquet}') WHERE customer < 'C0100'`, mapping);
    expect(some.columns.customerNames).toEqual(csvLog.columns.customerNames.filter((c) => c < 'C0100'));
  });

  it('read_parquet as the source of the SQL path', async () => {
    const rows = await rfmFromSql(run, { source: `read_parquet('${parquet}')`, mapping: { ...mapping, order: '"order"' } });
    const want = rfm(csvLog);
    expect(rows.map((r) => [r.customer, r.score, r.segment, r.frequency, r.recency])).toEqual(want.map((r) => [r.customer, r.score, r.segment, r.frequency, r.recency]));
    rows.forEach((r, i) => expect(r.monetary).toBeCloseTo((want[i] as (typeof want)[number]).monetary, 9));
  });

  it('the CLI reads a .parquet FILE, guessing its columns as for a CSV', async () => {
    let out = '';
    let err = '';
    const code = await main(['rfm', parquet, '--format', 'csv'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
    expect(code, err).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length - 1).toBe(rfm(csvLog).length);
    const viaCsv: string[] = [];
    await main(['rfm', SAMPLE, '--format', 'csv'], { stdout: { write: (t: string) => viaCsv.push(t) }, stderr: { write: () => true } });
    expect(out).toBe(viaCsv.join(''));
  });
});
