import { DataError, OptionError } from '../core/errors';
import { toEpochMs } from '../core/time';
import type { CustomerSummaryRow, SummaryUnit } from './summary';
import { lazyModule } from '../core/lazyModule';

/** Where the transactions are and which columns hold what, for the SQL summary. */
export interface SqlSummaryOptions {
  /** A table or view name, or a table function such as `read_csv('orders.csv')` or `read_parquet('orders/*.parquet')`. */
  source: string;
  /** Column (or SQL expression) of the customer id. */
  customer: string;
  /** Column (or SQL expression) of the purchase time: a TIMESTAMP, a DATE, or text in ISO-8601 or YYYYMMDD form. */
  time: string;
  /** Column (or SQL expression) of the line value; without it monetary is 0. */
  amount?: string;
  /** End of observation (UTC). */
  asOf: Date | string | number;
  /** @default 'week' */
  unit?: SummaryUnit;
}

const TIME_FORMATS = ["'%Y-%m-%dT%H:%M:%S.%fZ'", "'%Y-%m-%dT%H:%M:%SZ'", "'%Y-%m-%dT%H:%MZ'", "'%Y-%m-%dT%H:%M'", "'%Y%m%d'"];

/**
 * The SQL (DuckDB dialect; plain aggregates and window-free) that computes the
 * buy-till-you-die summary of {@link customerSummary} where the data lives: same-day purchases
 * collapse, frequency = distinct purchase days − 1, recency and T from the first purchase day in
 * units, monetary = mean value of the repeat purchase days. Run it on DuckDB, or adapt the date
 * functions for a warehouse or Spark SQL when one machine is outgrown.
 * @example
 * customerSummarySql({ source: "read_csv('orders.csv')", customer: 'cid', time: 'placed_at', amount: 'total', asOf: '2025-06-30' })
 * //=> 'WITH tx AS (SELECT CAST(cid AS VARCHAR) AS customer, …'
 */
export function customerSummarySql(o: SqlSummaryOptions): string {
  const asOfMs = toEpochMs(o.asOf);
  if (Number.isNaN(asOfMs)) throw new OptionError(`asOf must be a time, got ${String(o.asOf)}`);
  const unitSeconds = (o.unit ?? 'week') === 'day' ? 86_400 : 604_800;
  const asOf = `TIMESTAMP '${new Date(asOfMs).toISOString().replace('T', ' ').replace('Z', '')}'`;
  const ts = `COALESCE(TRY_CAST(${o.time} AS TIMESTAMP), TRY_STRPTIME(CAST(${o.time} AS VARCHAR), [${TIME_FORMATS.join(', ')}]))`;
  const amount = o.amount === undefined ? '0' : `CAST(${o.amount} AS DOUBLE)`;
  return `WITH tx AS (
  SELECT CAST(${o.customer} AS VARCHAR) AS customer, ${ts} AS ts, ${amount} AS amount
  FROM ${o.source}
), days AS (
  SELECT customer, date_trunc('day', ts) AS day, SUM(amount) AS value
  FROM tx WHERE ts <= ${asOf}
  GROUP BY customer, day
), customers AS (
  SELECT customer, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS n_days
  FROM days GROUP BY customer
)
SELECT c.customer,
  c.n_days - 1 AS frequency,
  date_diff('second', c.first_day, c.last_day) / ${unitSeconds}.0 AS recency,
  date_diff('second', c.first_day, ${asOf}) / ${unitSeconds}.0 AS "T",
  COALESCE(SUM(d.value) FILTER (WHERE d.day > c.first_day) / NULLIF(c.n_days - 1, 0), 0) AS monetary
FROM customers c JOIN days d USING (customer)
GROUP BY c.customer, c.first_day, c.last_day, c.n_days
ORDER BY c.customer`;
}

/** The part of a `@duckdb/node-api` connection used here. */
export interface DuckDbConnectionLike {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Array<Record<string, unknown>> }>;
}

/**
 * Computes the customer summary inside DuckDB (`@duckdb/node-api`, an optional peer) from a
 * table, a CSV or a Parquet file, so data larger than memory is reduced to one row per
 * customer before fitting. Without a connection, an in-memory DuckDB is opened for the call.
 * @param options - {@link SqlSummaryOptions}, plus an optional open `connection`.
 * @returns The rows of {@link customerSummary}, in customer (string) order.
 * @throws {DataError} code `'DATA'` when times cannot be parsed (with the count and an example) or DuckDB rejects the query;
 *   a `CrmMiningError` with code `'DEPENDENCY'` when `@duckdb/node-api` is not installed.
 * @example
 * const rows = await customerSummaryDuckDB({ source: "read_parquet('orders.parquet')", customer: 'cid', time: 'ts', amount: 'total', asOf: '2025-06-30' });
 * fitBgNbd(rows);
 */
export async function customerSummaryDuckDB(options: SqlSummaryOptions & { connection?: DuckDbConnectionLike }): Promise<CustomerSummaryRow[]> {
  const connection = options.connection ?? (await openInMemory());
  const run = async (sql: string) => {
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJson();
    } catch (error) {
      throw new DataError(`DuckDB could not run the summary query: ${(error as Error).message}`, {}, { cause: error });
    }
  };
  const bad = await run(`SELECT COUNT(*) AS n, MIN(CAST(${options.time} AS VARCHAR)) AS example FROM ${options.source}
    WHERE COALESCE(TRY_CAST(${options.time} AS TIMESTAMP), TRY_STRPTIME(CAST(${options.time} AS VARCHAR), [${TIME_FORMATS.join(', ')}])) IS NULL`);
  const n = Number(bad[0]?.n ?? 0);
  if (n > 0) throw new DataError(`${n} rows have a time DuckDB cannot read (e.g. ${JSON.stringify(bad[0]?.example)}); pass a time expression that yields a TIMESTAMP`, { field: options.time });
  const rows = await run(customerSummarySql(options));
  return rows.map((r) => ({
    customer: String(r.customer),
    frequency: Number(r.frequency),
    recency: Number(r.recency),
    T: Number(r.T),
    monetary: Number(r.monetary),
  }));
}

type DuckDbModule = { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDbConnectionLike> }> } };

// An optional peer, and Node only: loaded through require, so that no bundler looks for it.
const duckdbModule = lazyModule<DuckDbModule>('@duckdb/node-api', 'npm install @duckdb/node-api', null, (m) => typeof m.DuckDBInstance === 'function', 'DuckDB runs on Node only');

async function openInMemory(): Promise<DuckDbConnectionLike> {
  const duckdb = await duckdbModule.load();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  return instance.connect();
}
