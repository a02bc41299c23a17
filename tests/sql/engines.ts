/**
 * The engines the SQL tests run on, each with a runner and a loader for a table of records:
 * DuckDB embedded, always; PostgreSQL from the global set-up (postgres.setup.ts), or a skip
 * message when it is not installed outside CI.
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { connectPostgres, duckdbRunner, postgresRunner, type SqlDialect, type SqlRunner } from '../../src/sql/index';

export type ColumnType = 'text' | 'double' | 'timestamp';

export interface Engine {
  name: string;
  dialect: SqlDialect;
  run: SqlRunner;
  /** Creates (or replaces) a table from records, typed column by column. */
  load(table: string, columns: Record<string, ColumnType>, rows: readonly Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<SqlDialect, Record<ColumnType, string>> = {
  duckdb: { text: 'VARCHAR', double: 'DOUBLE', timestamp: 'TIMESTAMP' },
  postgres: { text: 'TEXT', double: 'DOUBLE PRECISION', timestamp: 'TIMESTAMP' },
} as Record<SqlDialect, Record<ColumnType, string>>;

function literal(value: unknown, type: ColumnType, dialect: SqlDialect): string {
  if (value === null || value === undefined || value === '') return 'NULL';
  if (type === 'double') return Number.isFinite(Number(value)) ? `CAST('${String(Number(value))}' AS ${(TYPES[dialect] as Record<ColumnType, string>).double})` : 'NULL';
  const text = value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

function loader(dialect: SqlDialect, run: SqlRunner): Engine['load'] {
  return async (table, columns, rows) => {
    const names = Object.keys(columns);
    await run(`DROP TABLE IF EXISTS ${table}`);
    await run(`CREATE TABLE ${table} (${names.map((n) => `"${n}" ${(TYPES[dialect] as Record<ColumnType, string>)[columns[n] as ColumnType]}`).join(', ')})`);
    for (let from = 0; from < rows.length; from += 2000) {
      const chunk = rows.slice(from, from + 2000);
      await run(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${names.map((n) => literal(r[n], columns[n] as ColumnType, dialect)).join(', ')})`).join(', ')}`);
    }
  };
}

export async function duckdbEngine(): Promise<Engine> {
  const run = duckdbRunner();
  return { name: 'DuckDB', dialect: 'duckdb', run, load: loader('duckdb', run), close: async () => {} };
}

/** PostgreSQL, or the reason it is not available here. */
export async function postgresEngine(): Promise<Engine | string> {
  const info = inject('postgres');
  if ('skip' in info) return info.skip;
  // Through the library's own connection helper (the pg peer loaded lazily).
  const { run, close } = await connectPostgres(info.url);
  expect(() => postgresRunner({} as never)).toThrow(/connected pg client/);
  return { name: 'PostgreSQL', dialect: 'postgres', run, load: loader('postgres', run), close };
}

/** The engines the SQL suites run on, by name. */
export const ENGINES: readonly (readonly [string, () => Promise<Engine | string>])[] = [['DuckDB', duckdbEngine], ['PostgreSQL', postgresEngine]];

/** An engine opened for a suite: `engine` is null (and `skip` says why) when it is not available here. */
export interface SuiteEngine { engine: Engine | null; skip: string }

/**
 * Opens the engine before the suite's tests, loads its tables with `load`, and closes it
 * afterwards; when it is not available here, says so once and leaves `engine` null.
 */
export function useEngine(name: string, make: () => Promise<Engine | string>, load: (engine: Engine) => Promise<void>): SuiteEngine {
  const suite: SuiteEngine = { engine: null, skip: '' };
  beforeAll(async () => {
    const made = await make();
    if (typeof made === 'string') {
      suite.skip = made;
      console.warn(`skipping the ${name} SQL tests: ${made}`);
      return;
    }
    suite.engine = made;
    await load(made);
  }, 300_000);
  afterAll(async () => suite.engine?.close());
  return suite;
}
