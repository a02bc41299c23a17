import { lazyModule } from './lazyModule';

/** The part of a `@duckdb/node-api` connection crm-mining uses. */
export interface DuckDbConnectionLike {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS?(): Array<Record<string, unknown>>; getRowObjectsJson(): Array<Record<string, unknown>> }>;
}

type DuckDbModule = { DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDbConnectionLike> }> } };

// An optional peer, and Node only: loaded through require, so that no bundler looks for it.
const duckdbModule = lazyModule<DuckDbModule>('@duckdb/node-api', 'npm install @duckdb/node-api', null, (m) => typeof m.DuckDBInstance === 'function', 'DuckDB runs on Node only');

/**
 * Opens a DuckDB database (in memory by default) through the optional `@duckdb/node-api` peer.
 * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when it is missing.
 * @example
 * const connection = await openDuckDb();
 */
export async function openDuckDb(path = ':memory:'): Promise<DuckDbConnectionLike> {
  const duckdb = await duckdbModule.load();
  const instance = await duckdb.DuckDBInstance.create(path);
  return instance.connect();
}

/**
 * Rows of a DuckDB query as plain JavaScript values: TIMESTAMP and DATE as `Date`, BIGINT as a
 * number when it is exact (else text), DOUBLE and DECIMAL as numbers.
 * @example
 * await duckdbRows(connection, 'SELECT 1 AS one') //=> [{ one: 1 }]
 */
export async function duckdbRows(connection: DuckDbConnectionLike, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  if (typeof reader.getRowObjectsJS !== 'function') return reader.getRowObjectsJson();
  const rows = reader.getRowObjectsJS();
  for (const row of rows) {
    for (const key in row) {
      const v = row[key];
      if (typeof v === 'bigint') row[key] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    }
  }
  return rows;
}

/**
 * DuckDB's `read_parquet` of one file, a glob or a list of them, with the paths quoted.
 * @example
 * readParquet(["it's.parquet"]) //=> "read_parquet(['it''s.parquet'])"
 */
export function readParquet(paths: readonly string[]): string {
  return `read_parquet([${paths.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}])`;
}
