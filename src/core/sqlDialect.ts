import { OptionError } from './errors';

/** The SQL engines crm-mining writes queries for. */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'trino' | 'bigquery' | 'snowflake';

/** Every {@link SqlDialect}. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'spark', 'trino', 'bigquery', 'snowflake'];

/**
 * The small per-dialect layer every generated query goes through: type names, the timestamp →
 * epoch-milliseconds conversion, exact number literals, identifier quoting and the regular
 * expression test. Everything else in the queries is SQL that all six dialects share (CTEs,
 * GROUP BY, CASE, window RANK/DENSE_RANK/LAG/COUNT, LN/EXP/POWER/FLOOR/GREATEST, CONCAT), so the
 * queries are written once and all date arithmetic is done on epoch milliseconds.
 */
export interface SqlLayer {
  dialect: SqlDialect;
  /** Type names for casts. */
  text: string;
  double: string;
  int: string;
  /** Quotes an identifier (a column alias such as "T" keeps its case). */
  id(name: string): string;
  /** A number literal that the engine reads as exactly this double (Infinity and NaN are refused). */
  num(value: number): string;
  /** A string literal. */
  str(value: string): string;
  /** Epoch milliseconds (a double) of a TIMESTAMP (or DATE) expression. */
  epochMs(timestamp: string): string;
  /** A time column as a TIMESTAMP: casts text (ISO-8601; DuckDB also YYYYMMDD). */
  timestamp(column: string): string;
  /** TRUE when the text matches the regular expression. */
  regex(text: string, pattern: string): string;
  /**
   * A query of literal rows (values already written as SQL) under the given column names (already
   * quoted where needed): VALUES, or on BigQuery, which has no VALUES table, UNNEST of STRUCTs.
   */
  literalTable(columns: readonly string[], rows: readonly (readonly string[])[]): string;
}

const quoteDouble = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteBacktick = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * The layer of one dialect.
 * @throws {OptionError} code `'OPTION'` for an unknown dialect.
 * @example
 * sqlLayer('postgres').epochMs('ts') //=> 'CAST(EXTRACT(EPOCH FROM ts) * 1000 AS DOUBLE PRECISION)'
 */
export function sqlLayer(dialect: SqlDialect): SqlLayer {
  const d = LAYERS[dialect];
  if (d === undefined) throw new OptionError(`dialect must be one of ${SQL_DIALECTS.join(', ')}, got ${String(dialect)}`, { dialect });
  const num = (value: number): string => {
    if (!Number.isFinite(value)) throw new OptionError(`SQL needs a finite number, got ${value}`);
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) return String(value);
    // Through text, so every engine rounds the shortest round-trip decimal to the same double.
    return `CAST('${String(value)}' AS ${d.double})`;
  };
  const literalTable = (columns: readonly string[], rows: readonly (readonly string[])[]): string => (dialect === 'bigquery'
    ? `SELECT * FROM UNNEST([${rows.map((row) => `STRUCT(${row.map((v, i) => `${v} AS ${columns[i] as string}`).join(', ')})`).join(', ')}])`
    : `SELECT * FROM (VALUES ${rows.map((row) => `(${row.join(', ')})`).join(', ')}) AS crm_v(${columns.join(', ')})`);
  return { dialect, ...d, num, str: (value) => `'${value.replace(/'/g, "''")}'`, literalTable };
}

type LayerParts = Omit<SqlLayer, 'dialect' | 'num' | 'str' | 'literalTable'>;

const DUCKDB_FORMATS = ["'%Y-%m-%dT%H:%M:%S.%fZ'", "'%Y-%m-%dT%H:%M:%SZ'", "'%Y-%m-%dT%H:%MZ'", "'%Y-%m-%dT%H:%M'", "'%Y%m%d'"];

const LAYERS: Record<SqlDialect, LayerParts> = {
  duckdb: {
    text: 'VARCHAR', double: 'DOUBLE', int: 'INTEGER', id: quoteDouble,
    epochMs: (ts) => `CAST(epoch_ms(${ts}) AS DOUBLE)`,
    timestamp: (c) => `COALESCE(TRY_CAST(${c} AS TIMESTAMP), TRY_STRPTIME(CAST(${c} AS VARCHAR), [${DUCKDB_FORMATS.join(', ')}]))`,
    regex: (t, p) => `regexp_matches(${t}, ${p})`,
  },
  postgres: {
    text: 'TEXT', double: 'DOUBLE PRECISION', int: 'INTEGER', id: quoteDouble,
    epochMs: (ts) => `CAST(EXTRACT(EPOCH FROM ${ts}) * 1000 AS DOUBLE PRECISION)`,
    timestamp: (c) => `CAST(${c} AS TIMESTAMP)`,
    regex: (t, p) => `(${t} ~ ${p})`,
  },
  spark: {
    text: 'STRING', double: 'DOUBLE', int: 'INT', id: quoteBacktick,
    epochMs: (ts) => `CAST(unix_millis(${ts}) AS DOUBLE)`,
    timestamp: (c) => `CAST(${c} AS TIMESTAMP)`,
    regex: (t, p) => `(${t} RLIKE ${p})`,
  },
  trino: {
    text: 'VARCHAR', double: 'DOUBLE', int: 'INTEGER', id: quoteDouble,
    epochMs: (ts) => `(to_unixtime(${ts}) * 1000)`,
    timestamp: (c) => `CAST(${c} AS TIMESTAMP)`,
    regex: (t, p) => `regexp_like(${t}, ${p})`,
  },
  bigquery: {
    text: 'STRING', double: 'FLOAT64', int: 'INT64', id: quoteBacktick,
    epochMs: (ts) => `CAST(UNIX_MILLIS(${ts}) AS FLOAT64)`,
    timestamp: (c) => `CAST(${c} AS TIMESTAMP)`,
    regex: (t, p) => `REGEXP_CONTAINS(${t}, ${p})`,
  },
  snowflake: {
    text: 'VARCHAR', double: 'DOUBLE', int: 'INTEGER', id: quoteDouble,
    epochMs: (ts) => `CAST(DATE_PART(epoch_millisecond, ${ts}) AS DOUBLE)`,
    timestamp: (c) => `CAST(${c} AS TIMESTAMP)`,
    regex: (t, p) => `REGEXP_LIKE(${t}, ${p})`,
  },
};
