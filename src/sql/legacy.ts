import type { DuckDbConnectionLike } from '../core/duckdb';
import type { CustomerSummaryRow } from '../clv/index';
import { duckdbRunner } from './engines';
import { customerSummaryFromSql, summaryOptions, type LegacySummaryOptions } from './summary';

/**
 * The customer summary computed inside DuckDB (the first SQL entry point, kept for its users):
 * `customerSummaryFromSql(duckdbRunner(connection), { source, mapping: { customer, time, amount }, asOf, unit })`.
 * @throws {DataError} code `'DATA'` when times cannot be read (with the count and an example) or DuckDB refuses the query;
 *   a `CrmMiningError` with code `'DEPENDENCY'` when `@duckdb/node-api` is not installed.
 * @example
 * const rows = await customerSummaryDuckDB({ source: "read_parquet('orders.parquet')", customer: 'cid', time: 'ts', amount: 'total', asOf: '2025-06-30' });
 */
export async function customerSummaryDuckDB(options: LegacySummaryOptions & { connection?: DuckDbConnectionLike }): Promise<CustomerSummaryRow[]> {
  const { connection, ...rest } = options;
  return customerSummaryFromSql(duckdbRunner(connection), summaryOptions(rest));
}
