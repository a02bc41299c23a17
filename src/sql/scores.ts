import { OptionError } from '../core/errors';
import { sqlLayer, type SqlDialect } from '../core/sqlDialect';
import type { FittedBgNbd } from '../clv/index';
import { runSql, type SqlRunner } from './runner';
import { num } from './rows';

/** Options of {@link bgnbdScoresSql}. */
export interface BgNbdScoresSqlOptions {
  /** @default 'duckdb' */
  dialect?: SqlDialect;
  /** The fitted (or saved and restored) BG/NBD or MBG/NBD model. */
  model: FittedBgNbd;
  /** A table, view or query of the summary: one row per customer with frequency, recency and "T" (e.g. `customerSummarySql(…)`). */
  summary: string;
  /** Horizon, in the unit of the fit. */
  t: number;
  /**
   * Up to this many distinct triples go into the query as a literal table; more are written to
   * a table through the runner (batched INSERTs): `table`, or a temporary table on DuckDB,
   * PostgreSQL and Snowflake. @default 5000
   */
  inlineLimit?: number;
  /** The table the scored triples are written to when there are more than `inlineLimit` (created, or replaced). */
  table?: string;
}

/**
 * The query that scores every summary row where it lives: the row, `probability_alive` and
 * `probability_active` in closed form (`model.toSql`), and `expected_purchases` in (T, T + t].
 * Expected purchases need the Gauss hypergeometric function ₂F₁, which no SQL dialect has and
 * whose series converges too slowly near z = 1 for a fixed number of terms to stay within 1e-9,
 * so crm-mining reads the distinct (frequency, recency, T) triples (thousands, whatever the
 * number of customers), scores them with the model itself, and joins them back as a literal
 * table. Run the query, or `CREATE TABLE scores AS` it.
 * @example
 * const query = await bgnbdScoresSql(duckdbRunner(), { model: fit, summary: 'summary', t: 52 });
 */
export async function bgnbdScoresSql(runner: SqlRunner, options: BgNbdScoresSqlOptions): Promise<string> {
  const { model, t } = options;
  if (model === null || typeof model !== 'object' || typeof model.expectedPurchases !== 'function') throw new OptionError('model must be a fitted BG/NBD model (fitBgNbd, fitMbgNbd or btydModelFromJSON)');
  if (!(typeof t === 'number' && t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${String(t)}`);
  const sql = sqlLayer(options.dialect ?? 'duckdb');
  const T = sql.id('T');
  const summary = /^\s*(select|with)\b/i.test(options.summary) ? `(${options.summary})` : options.summary;
  const triples = await runSql(runner, `SELECT DISTINCT frequency, recency, ${T} FROM ${summary} crm_s`);
  const values = triples.map((r) => {
    const c = { frequency: num(r, 'frequency'), recency: num(r, 'recency'), T: num(r, 'T') };
    return [c.frequency, c.recency, c.T, model.expectedPurchases(t, c)].map((v) => sql.num(v));
  });
  const scoresQuery = (expected: string): string => `WITH crm_expected AS (${expected})
SELECT s.*, ${model.toSql(sql.dialect, { t, columns: { frequency: 's.frequency', recency: 's.recency', T: `s.${T}` } })},
  e.expected_purchases
FROM ${summary} s JOIN crm_expected e ON e.frequency = s.frequency AND e.recency = s.recency AND e.${T} = s.${T}`;
  const limit = options.inlineLimit ?? 5000;
  const temporary = ['duckdb', 'postgres', 'snowflake'].includes(sql.dialect);
  if (values.length > limit && (options.table !== undefined || temporary)) {
    // Too many for a literal table: write them to a table, in batches, and join that.
    const table = options.table ?? `crm_expected_${Date.now().toString(36)}`;
    const columns = `frequency ${sql.double}, recency ${sql.double}, ${T} ${sql.double}, expected_purchases ${sql.double}`;
    await runSql(runner, `DROP TABLE IF EXISTS ${table}`);
    await runSql(runner, `CREATE ${options.table === undefined ? 'TEMPORARY ' : ''}TABLE ${table} (${columns})`);
    for (let from = 0; from < values.length; from += 2000) {
      await runSql(runner, `INSERT INTO ${table} VALUES ${values.slice(from, from + 2000).map((v) => `(${v.join(', ')})`).join(', ')}`);
    }
    return scoresQuery(`SELECT * FROM ${table}`);
  }
  const expected = values.length === 0
    ? `SELECT CAST(NULL AS ${sql.double}) AS frequency, CAST(NULL AS ${sql.double}) AS recency, CAST(NULL AS ${sql.double}) AS ${T}, CAST(NULL AS ${sql.double}) AS expected_purchases`
    : sql.dialect === 'bigquery'
      ? `SELECT * FROM UNNEST([${values.map(([x, tx, tt, e]) => `STRUCT(${x} AS frequency, ${tx} AS recency, ${tt} AS ${T}, ${e} AS expected_purchases)`).join(', ')}])`
      : `SELECT * FROM (VALUES ${values.map((v) => `(${v.join(', ')})`).join(', ')}) AS crm_v(frequency, recency, ${T}, expected_purchases)`;
  return scoresQuery(expected);
}
