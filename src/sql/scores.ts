import { OptionError } from '../core/errors';
import { sqlLayer, type SqlDialect } from '../core/sqlDialect';
import type { FittedBgNbd } from '../clv/index';
import { runSql, type SqlRunner } from './runner';
import { relation } from './source';
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
 * so crm-mining reads the distinct (frequency, recency, T) triples (fewer than the customers:
 * 5,216 for 5,946 customers on 10^5 generated lines; 1,016 for CDNOW's 2,357), scores them with the model itself, and joins them back: as a literal table, or past
 * `inlineLimit` through a table written a page at a time. Run the query, or
 * `CREATE TABLE scores AS` it.
 * @example
 * const query = await bgnbdScoresSql(duckdbRunner(), { model: fit, summary: 'summary', t: 52 });
 */
export async function bgnbdScoresSql(runner: SqlRunner, options: BgNbdScoresSqlOptions): Promise<string> {
  const { model, t } = options;
  if (model === null || typeof model !== 'object' || typeof model.expectedPurchases !== 'function') throw new OptionError('model must be a fitted BG/NBD model (fitBgNbd, fitMbgNbd or btydModelFromJSON)');
  if (!(typeof t === 'number' && t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${String(t)}`);
  const sql = sqlLayer(options.dialect ?? 'duckdb');
  const T = sql.id('T');
  const summary = relation(options.summary);
  const distinct = `SELECT DISTINCT frequency, recency, ${T} FROM ${summary} crm_s`;
  const score = (rows: readonly Record<string, unknown>[]): string[][] => rows.map((r) => {
    const c = { frequency: num(r, 'frequency'), recency: num(r, 'recency'), T: num(r, 'T') };
    return [c.frequency, c.recency, c.T, model.expectedPurchases(t, c)].map((v) => sql.num(v));
  });
  const scoresQuery = (expected: string): string => `WITH crm_expected AS (${expected})
SELECT s.*, ${model.toSql(sql.dialect, { t, columns: { frequency: 's.frequency', recency: 's.recency', T: `s.${T}` } })},
  e.expected_purchases
FROM ${summary} s JOIN crm_expected e ON e.frequency = s.frequency AND e.recency = s.recency AND e.${T} = s.${T}`;
  const limit = options.inlineLimit ?? 5000;
  const count = num((await runSql(runner, `SELECT COUNT(*) AS n FROM (${distinct}) crm_d`))[0] ?? {}, 'n');
  const temporary = ['duckdb', 'postgres', 'snowflake'].includes(sql.dialect);
  if (count > limit && (options.table !== undefined || temporary)) {
    // Too many for a literal table: number the triples in the engine, score them a page at a
    // time (what this process holds stays bounded), and write them to a table in batches.
    const stamp = Date.now().toString(36);
    const table = options.table ?? `crm_expected_${stamp}`;
    const numbered = `crm_triples_${stamp}`;
    const temp = options.table === undefined ? 'TEMPORARY ' : '';
    await runSql(runner, `DROP TABLE IF EXISTS ${table}`);
    await runSql(runner, `CREATE ${temp}TABLE ${table} (frequency ${sql.double}, recency ${sql.double}, ${T} ${sql.double}, expected_purchases ${sql.double})`);
    await runSql(runner, `CREATE TEMPORARY TABLE ${numbered} AS SELECT d.*, ROW_NUMBER() OVER (ORDER BY frequency, recency, ${T}) AS crm_row FROM (${distinct}) d`);
    const page = 50_000;
    for (let from = 0; from < count; from += page) {
      const values = score(await runSql(runner, `SELECT frequency, recency, ${T} FROM ${numbered} WHERE crm_row > ${from} AND crm_row <= ${from + page}`));
      for (let at = 0; at < values.length; at += 2000) {
        await runSql(runner, `INSERT INTO ${table} VALUES ${values.slice(at, at + 2000).map((v) => `(${v.join(', ')})`).join(', ')}`);
      }
    }
    await runSql(runner, `DROP TABLE ${numbered}`);
    return scoresQuery(`SELECT * FROM ${table}`);
  }
  const values = score(await runSql(runner, distinct));
  const expected = values.length === 0
    ? `SELECT CAST(NULL AS ${sql.double}) AS frequency, CAST(NULL AS ${sql.double}) AS recency, CAST(NULL AS ${sql.double}) AS ${T}, CAST(NULL AS ${sql.double}) AS expected_purchases`
    : sql.literalTable(['frequency', 'recency', T, 'expected_purchases'], values);
  return scoresQuery(expected);
}
