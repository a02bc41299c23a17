import { DataError, OptionError } from '../core/errors';
import { sqlLayer } from '../core/sqlDialect';
import { fromSource, type SqlSourceOptions } from './source';
import { num } from './rows';

/** Runs one SQL statement and returns its rows as plain objects: the only thing crm-mining asks of an engine. */
export type SqlRunner = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Runs SQL and turns an engine error into a `DataError` that keeps the engine's message.
 * @throws {DataError} code `'DATA'` with the engine's message as `cause`.
 */
export async function runSql(runner: SqlRunner, sql: string): Promise<Record<string, unknown>[]> {
  if (typeof runner !== 'function') throw new OptionError('runner must be a function (sql) => Promise<rows>, e.g. duckdbRunner() or postgresRunner(client)');
  try {
    return await runner(sql);
  } catch (error) {
    throw new DataError(`the SQL engine refused the query: ${(error as Error).message}`, {}, { cause: error });
  }
}

/**
 * Checks the source as TransactionLog's loaders do (every mapped field present, every time
 * readable), then runs the query. With `onInvalid: 'skip'` the check is skipped and such rows
 * are left out, as the loaders' skip policy does.
 * @throws {DataError} code `'DATA'` naming the field and how many rows fail it.
 */
export async function checkedRun(runner: SqlRunner, options: SqlSourceOptions & { onInvalid?: 'throw' | 'skip' }, query: string): Promise<Record<string, unknown>[]> {
  if (options.onInvalid !== 'skip') await checkSource(runner, options);
  return runSql(runner, query);
}

async function checkSource(runner: SqlRunner, options: SqlSourceOptions): Promise<void> {
  const sql = sqlLayer(options.dialect ?? 'duckdb');
  const from = fromSource(options.source);
  const fields = Object.entries(options.mapping).filter((e): e is [string, string] => typeof e[1] === 'string');
  const time = options.mapping.time;
  const counts = fields.map(([field, column]) => `SUM(CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END) AS ${sql.id(`n_${field}`)}`);
  const badTime = `SUM(CASE WHEN ${time} IS NOT NULL AND ${sql.timestamp(time)} IS NULL THEN 1 ELSE 0 END) AS n_badtime, MIN(CASE WHEN ${time} IS NOT NULL AND ${sql.timestamp(time)} IS NULL THEN CAST(${time} AS ${sql.text}) END) AS example`;
  const [row] = await runSql(runner, `SELECT ${[...counts, badTime].join(', ')} FROM ${from}`);
  if (row === undefined) return;
  const bad = num(row, 'n_badtime');
  if (bad > 0) throw new DataError(`${bad} rows have a time the engine cannot read (e.g. ${JSON.stringify(row.example)}); pass a time expression that yields a TIMESTAMP`, { field: time });
  for (const [field, column] of fields) {
    const n = Number(row[`n_${field}`] ?? 0);
    if (n > 0) throw new DataError(`${n} rows have no ${field} (column ${column}); pass onInvalid: 'skip' to leave them out, as TransactionLog's loaders do`, { field: column });
  }
}
