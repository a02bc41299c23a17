import { OptionError } from '../core/errors';
import { lazyModule } from '../core/lazyModule';
import { duckdbRows, openDuckDb, type DuckDbConnectionLike } from '../core/duckdb';
import type { SqlRunner } from './runner';

/**
 * A runner on DuckDB (`@duckdb/node-api`, an optional peer): on the given connection, or on an
 * in-memory database opened at the first query. DuckDB reads CSV and Parquet files in place
 * (`read_parquet('orders/*.parquet')`) and spills to disk past its `memory_limit`.
 * @throws {CrmMiningError} code `'DEPENDENCY'` (at the first query) when `@duckdb/node-api` is not installed.
 * @example
 * const run = duckdbRunner();
 * await run("SET memory_limit = '2GB'");
 * const rows = await rfmFromSql(run, { source: "read_parquet('orders.parquet')", mapping: { customer: 'cid', time: 'ts', amount: 'total' } });
 */
export function duckdbRunner(connection?: DuckDbConnectionLike): SqlRunner {
  let open: Promise<DuckDbConnectionLike> | null = connection === undefined ? null : Promise.resolve(connection);
  return async (sql) => {
    open ??= openDuckDb();
    return duckdbRows(await open, sql);
  };
}

/** The part of a `pg` client or pool used here. */
export interface PgClientLike {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
}

/** `pg` (an optional peer), loaded only by {@link connectPostgres}. */
const pgModule = lazyModule<{ Client: new (config: { connectionString: string }) => PgClientLike & { connect(): Promise<void>; end(): Promise<void> } }>('pg', 'npm install pg', null, (m) => typeof m.Client === 'function', 'pg runs on Node only');

/**
 * A runner on PostgreSQL through a connected `pg` client or pool (an optional peer: pass your
 * own client). NUMERIC and BIGINT come back from `pg` as text; the `xxxFromSql` functions read
 * them as numbers.
 * @example
 * import pg from 'pg';
 * const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * await client.connect();
 * const rows = await customerSummaryFromSql(postgresRunner(client), { dialect: 'postgres', source: 'orders', mapping: { customer: 'cid', time: 'placed_at', amount: 'total' } });
 */
export function postgresRunner(client: PgClientLike): SqlRunner {
  if (client === null || typeof client !== 'object' || typeof client.query !== 'function') {
    throw new OptionError('postgresRunner needs a connected pg client or pool (npm install pg), or use connectPostgres(url)');
  }
  return async (sql) => (await client.query(sql)).rows;
}

/**
 * Connects a `pg` client (the optional peer) to a PostgreSQL URL and returns its runner and a
 * `close` function.
 * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when `pg` is not installed.
 * @example
 * const { run, close } = await connectPostgres('postgres://localhost:5432/shop');
 */
export async function connectPostgres(connectionString: string): Promise<{ run: SqlRunner; close: () => Promise<void> }> {
  const pg = await pgModule.load();
  const client = new pg.Client({ connectionString });
  await client.connect();
  return { run: postgresRunner(client), close: () => client.end() };
}
