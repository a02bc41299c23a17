import { OptionError } from '../core/errors';
import { MS_PER_DAY } from '../core/time';
import type { SqlLayer } from '../core/sqlDialect';
import { RFM_SEGMENTS, type RfmOptions, type RfmRow, type SegmentRule } from '../rfm/index';
import { asOfSql, sqlContext, withCtes, type SqlSourceOptions } from './source';
import { checkedRun, type SqlRunner } from './runner';
import { byCustomer, num } from './rows';

/** Options of {@link rfmSql}: the source, plus `rfm`'s own scoring options. */
export interface RfmSqlOptions extends SqlSourceOptions, Pick<RfmOptions, 'asOf' | 'bins' | 'monetary' | 'scoring' | 'segments' | 'fallbackSegment'> {}

/**
 * The SQL of {@link rfm} where the data lives: recency (whole days from the last purchase day to
 * the asOf day), frequency (baskets) and spend net of returns, scored with the library's rule
 * (quantile: 1 + ⌊bins · below / n⌋ with `below` the customers strictly worse, so ties share a
 * score; or `'rank'`, or fixed breaks) and named by the segment table, all in the engine.
 * Customers whose returns cancel all their purchases are left out, as in memory.
 * @throws {OptionError} code `'OPTION'` for the options `rfm` refuses, or a source without amounts.
 * @example
 * rfmSql({ dialect: 'bigquery', source: 'shop.orders', mapping: { customer: 'cid', time: 'ts', amount: 'total' }, asOf: '2025-06-30' })
 */
export function rfmSql(options: RfmSqlOptions): string {
  const ctx = sqlContext(options);
  if (!ctx.hasAmount) throw new OptionError('RFM needs spend: map an amount (or price) column');
  const { sql } = ctx;
  const bins = options.bins ?? 5;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) throw new OptionError(`bins must be an integer from 2 to 9, got ${String(bins)}`);
  if (options.segments === undefined && bins !== 5) throw new OptionError(`the standard segment table is for 5 bins; with bins = ${bins} pass your own segments`);
  const kind = options.monetary ?? 'total';
  if (kind !== 'total' && kind !== 'mean') throw new OptionError(`monetary must be 'total' or 'mean', got ${String(kind)}`);
  const asOf = asOfSql(options.asOf);
  const spend = 'b.spend + COALESCE(r.returned, 0)';
  const values = [
    `crm_rfm_baskets AS (SELECT customer, COUNT(*) AS frequency, SUM(amount) AS spend, MAX(t) AS last_t FROM crm_baskets WHERE t <= ${asOf.expr} GROUP BY customer)`,
    `crm_rfm_returns AS (SELECT customer, SUM(amount) AS returned FROM crm_returns WHERE t <= ${asOf.expr} GROUP BY customer)`,
    `crm_rfm_values AS (
  SELECT b.customer, FLOOR(${asOf.expr} / ${MS_PER_DAY}) - FLOOR(b.last_t / ${MS_PER_DAY}) AS recency, b.frequency,
    ${kind === 'total' ? spend : `(${spend}) / b.frequency`} AS monetary
  FROM crm_rfm_baskets b LEFT JOIN crm_rfm_returns r ON r.customer = b.customer
  WHERE NOT (COALESCE(r.returned, 0) < 0 AND ${spend} <= 0)
)`,
  ];
  return withCtes([...ctx.ctes, ...(asOf.cte === null ? [] : [asOf.cte]), ...values, ...scoreCtes(sql, 'crm_rfm_values', bins, options.scoring ?? 'quantile')],
    `SELECT customer, recency, frequency, monetary, r, f, m, CONCAT(CAST(r AS ${sql.text}), CAST(f AS ${sql.text}), CAST(m AS ${sql.text})) AS score,
  ${segmentCase(sql, options.segments ?? RFM_SEGMENTS, options.fallbackSegment ?? 'Others')} AS segment
FROM crm_scored ORDER BY customer`);
}

/**
 * Runs {@link rfmSql}: exactly `rfm(log, options)` on the same data, rows in the library's
 * customer order.
 * @example
 * const rows = await rfmFromSql(duckdbRunner(), { source: "read_csv('orders.csv')", mapping: { customer: 'cid', time: 'ts', amount: 'total' }, asOf: '2025-06-30' });
 */
export async function rfmFromSql(runner: SqlRunner, options: RfmSqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<RfmRow[]> {
  const rows = await checkedRun(runner, options, rfmSql(options));
  return byCustomer(rows.map((row) => ({
    customer: String(row.customer), recency: num(row, 'recency'), frequency: num(row, 'frequency'), monetary: num(row, 'monetary'),
    r: num(row, 'r'), f: num(row, 'f'), m: num(row, 'm'), score: String(row.score), segment: String(row.segment),
  })));
}

/**
 * CTEs that score `recency` (lower is better), `frequency` and `monetary` of a table 1..bins
 * into `crm_scored` (its columns plus r, f, m), with `scoreValues`' rules.
 */
export function scoreCtes(sql: SqlLayer, source: string, bins: number, scoring: RfmOptions['scoring'] & object | 'quantile' | 'rank'): string[] {
  // Spend is scored on moneyKey: ⌊v · 10⁶ + ½⌋ / 10⁶, the same operations as in memory.
  const table = `(SELECT s.*, FLOOR(monetary * 1000000 + 0.5) / 1000000 AS money_key FROM ${source} s)`;
  const score = (expr: string) => `CAST(1 + FLOOR(CAST(${bins} AS ${sql.double}) * ${expr}) AS ${sql.int})`;
  if (scoring === 'quantile') {
    return [`crm_scored AS (
  SELECT v.*,
    ${score(`(RANK() OVER (ORDER BY recency DESC) - 1) / COUNT(*) OVER ()`)} AS r,
    ${score(`(RANK() OVER (ORDER BY frequency) - 1) / COUNT(*) OVER ()`)} AS f,
    ${score(`(RANK() OVER (ORDER BY money_key) - 1) / COUNT(*) OVER ()`)} AS m
  FROM ${table} v
)`];
  }
  if (scoring === 'rank') {
    return [
      `crm_ranked AS (
  SELECT v.*, DENSE_RANK() OVER (ORDER BY recency) - 1 AS rr, DENSE_RANK() OVER (ORDER BY frequency) - 1 AS fr, DENSE_RANK() OVER (ORDER BY money_key) - 1 AS mr
  FROM ${table} v
)`,
      `crm_scored AS (
  SELECT v.*,
    ${score('(MAX(rr) OVER () - rr) / (MAX(rr) OVER () + 1)')} AS r,
    ${score('fr / (MAX(fr) OVER () + 1)')} AS f,
    ${score('mr / (MAX(mr) OVER () + 1)')} AS m
  FROM crm_ranked v
)`,
    ];
  }
  if (typeof scoring === 'object' && scoring !== null && 'breaks' in scoring) {
    const { breaks } = scoring;
    const list = (name: 'recency' | 'frequency' | 'monetary'): readonly number[] => {
      const b = breaks[name];
      if (b === undefined) throw new OptionError('scoring.breaks needs thresholds for recency, frequency and monetary');
      if (b.length !== bins - 1 || b.some((x, i) => i > 0 && x <= (b[i - 1] as number))) throw new OptionError(`breaks must be ${bins - 1} ascending thresholds for ${bins} bins, got [${b.join(', ')}]`);
      return b;
    };
    const count = (column: string, b: readonly number[], op: '<=' | '<') => b.map((x) => `CASE WHEN ${sql.num(x)} ${op} ${column} THEN 1 ELSE 0 END`).join(' + ');
    return [`crm_scored AS (
  SELECT v.*, ${bins} - (${count('recency', list('recency'), '<')}) AS r,
    1 + ${count('frequency', list('frequency'), '<=')} AS f,
    1 + ${count('money_key', list('monetary'), '<=')} AS m
  FROM ${table} v
)`];
  }
  throw new OptionError(`scoring must be 'quantile', 'rank' or { breaks }, got ${String(scoring)}`);
}

/** The segment table as one CASE, first match wins. */
function segmentCase(sql: SqlLayer, rules: readonly SegmentRule[], fallback: string): string {
  const inRange = (column: string, range: readonly [number, number] | undefined) => (range === undefined ? [] : [`${column} BETWEEN ${range[0]} AND ${range[1]}`]);
  const whens = rules.map((rule) => {
    const tests = [...inRange('r', rule.r), ...inRange('f', rule.f), ...inRange('m', rule.m)];
    return `WHEN ${tests.length === 0 ? '1 = 1' : tests.join(' AND ')} THEN ${sql.str(rule.name)}`;
  });
  return whens.length === 0 ? sql.str(fallback) : `CASE ${whens.join(' ')} ELSE ${sql.str(fallback)} END`;
}
