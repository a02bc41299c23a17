import { OptionError } from '../../core/errors';
import { TransactionLog } from '../../core/TransactionLog';
import type { CsvMapping } from '../../core/csv';
import { duckdbRows, openDuckDb, readParquet, type DuckDbConnectionLike } from '../../core/duckdb';

/** Whether the CLI reads FILE through DuckDB: a Parquet file (or a glob of them). */
export const isParquet = (file: string): boolean => /\.parquet$/i.test(file);

/**
 * The columns of a Parquet file, read by DuckDB (`@duckdb/node-api`, an optional peer).
 * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when DuckDB is missing;
 *   `DataError` when DuckDB cannot read the file.
 */
export async function parquetColumns(file: string): Promise<{ columns: string[]; connection: DuckDbConnectionLike }> {
  const connection = await openDuckDb();
  const rows = await duckdbRows(connection, `DESCRIBE SELECT * FROM ${readParquet([file])}`);
  return { columns: rows.map((r) => String(r.column_name)), connection };
}

/**
 * Loads a Parquet file into a TransactionLog: DuckDB reads the mapped columns only, and the log
 * validates the rows as `fromRecords` does (naming the row and the column).
 */
export async function loadParquetLog(file: string, mapping: CsvMapping, connection: DuckDbConnectionLike): Promise<TransactionLog> {
  const { delimiter: _d, header: _h, columns: _c, decimal: _x, ...rest } = mapping;
  if (mapping.dateFormat !== undefined || mapping.parseTime !== undefined) throw new OptionError('--date-format is for text files; Parquet stores times as TIMESTAMP or ISO-8601 text');
  const used = [...new Set(['customer', 'time', 'item', 'order', 'amount', 'cost', 'quantity', 'price'].map((f) => rest[f as keyof typeof rest]).filter((c): c is string => typeof c === 'string'))];
  const rows = await duckdbRows(connection, `SELECT ${used.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')} FROM ${readParquet([file])}`);
  return TransactionLog.fromRecords(rows, rest);
}
