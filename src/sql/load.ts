import { OptionError } from '../core/errors';
import { TransactionLog } from '../core/TransactionLog';
import type { LogMapping } from '../core/mapping';
import { duckdbRunner } from './engines';
import { readParquet } from '../core/duckdb';
import { runSql, type SqlRunner } from './runner';

/**
 * A TransactionLog from the rows of a query, on any engine: the engine filters and joins, the
 * log validates as `fromRecords` does (naming the row and the field).
 * @example
 * const log = await logFromSql(postgresRunner(client), "SELECT * FROM orders WHERE placed_at >= '2025-01-01'", { customer: 'cid', time: 'placed_at', item: 'sku', amount: 'total' });
 */
export async function logFromSql(runner: SqlRunner, query: string, mapping: LogMapping): Promise<TransactionLog> {
  return TransactionLog.fromRecords(await runSql(runner, query), mapping);
}

/**
 * A TransactionLog read from Parquet files through DuckDB (`@duckdb/node-api`, an optional
 * peer): one file, a glob (`'orders/*.parquet'`) or a list.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when `@duckdb/node-api` is not installed.
 * @example
 * const log = await fromParquet('orders.parquet', { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
 */
export async function fromParquet(path: string | readonly string[], mapping: LogMapping, options: { runner?: SqlRunner } = {}): Promise<TransactionLog> {
  const paths = typeof path === 'string' ? [path] : [...path];
  if (paths.length === 0 || paths.some((p) => typeof p !== 'string' || p === '')) throw new OptionError('fromParquet needs a file path, a glob or a list of paths', { path });
  return logFromSql(options.runner ?? duckdbRunner(), `SELECT * FROM ${readParquet(paths)}`, mapping);
}
