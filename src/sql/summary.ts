import { OptionError } from '../core/errors';
import { MS_PER_DAY } from '../core/time';
import type { CustomerSummaryRow, SummaryUnit } from '../clv/index';
import { asOfSql, sqlContext, withCtes, type SqlContext, type SqlSourceOptions } from './source';
import { checkedRun, type SqlRunner } from './runner';
import { byCustomer, num } from './rows';

/** Options of {@link customerSummarySql}: the source, plus `customerSummary`'s own options. */
export interface CustomerSummarySqlOptions extends SqlSourceOptions {
  /** End of observation. @default the start of the day after the last basket */
  asOf?: Date | string | number;
  /** @default 'week' */
  unit?: SummaryUnit;
  /**
   * Return distinct (frequency, recency, T) with a `weight` (their count) instead of one row per
   * customer: what `fitBgNbd` and `fitMbgNbd` need, thousands of rows instead of millions.
   */
  grouped?: boolean;
}

/**
 * The CTEs of the buy-till-you-die summary (`crm_summary`: customer, frequency, recency, T,
 * monetary), shared by the summary, the churn dataset and the scaling path.
 */
export function summaryCtes(ctx: SqlContext, asOf: string, unit: SummaryUnit): string[] {
  if (unit !== 'day' && unit !== 'week') throw new OptionError(`unit must be 'day' or 'week', got ${String(unit)}`);
  const unitMs = unit === 'day' ? MS_PER_DAY : 7 * MS_PER_DAY;
  return [
    `crm_days AS (
  SELECT customer, FLOOR(t / ${MS_PER_DAY}) AS day, SUM(amount) AS value
  FROM crm_baskets WHERE t <= ${asOf}
  GROUP BY customer, FLOOR(t / ${MS_PER_DAY})
)`,
    `crm_first AS (SELECT customer, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS n_days FROM crm_days GROUP BY customer)`,
    // Each return lowers the latest purchase day at or before it (before the first: the first day, which no repeat value counts).
    `crm_return_days AS (
  SELECT customer, FLOOR(t / ${MS_PER_DAY}) AS rday, SUM(amount) AS value
  FROM crm_returns WHERE t <= ${asOf}
  GROUP BY customer, FLOOR(t / ${MS_PER_DAY})
)`,
    `crm_returned AS (
  SELECT r.customer, MAX(d.day) AS day, r.rday, r.value
  FROM crm_return_days r JOIN crm_days d ON d.customer = r.customer AND d.day <= r.rday
  GROUP BY r.customer, r.rday, r.value
)`,
    `crm_repeat AS (
  SELECT v.customer, SUM(v.value) AS value
  FROM (SELECT customer, day, value FROM crm_days UNION ALL SELECT customer, day, value FROM crm_returned) v
  JOIN crm_first f ON f.customer = v.customer
  WHERE v.day > f.first_day
  GROUP BY v.customer
)`,
    `crm_summary AS (
  SELECT f.customer,
    f.n_days - 1 AS frequency,
    ((f.last_day - f.first_day) * ${MS_PER_DAY}) / ${unitMs} AS recency,
    (${asOf} - f.first_day * ${MS_PER_DAY}) / ${unitMs} AS ${ctx.sql.id('T')},
    CASE WHEN f.n_days > 1 THEN COALESCE(r.value, 0) / (f.n_days - 1) ELSE 0 END AS monetary
  FROM crm_first f LEFT JOIN crm_repeat r ON r.customer = f.customer
)`,
  ];
}

/**
 * The SQL of {@link customerSummary} where the data lives: one row per customer (customer,
 * frequency, recency, T, monetary), or with `grouped` the distinct (frequency, recency, T) with
 * their `weight`. Same rules as in memory: same-day purchases collapse, returns (policy `'net'`)
 * lower the latest purchase day at or before them.
 * @example
 * customerSummarySql({ dialect: 'postgres', source: 'orders', mapping: { customer: 'cid', time: 'placed_at', amount: 'total' }, asOf: '2025-06-30' })
 * //=> 'WITH crm_rows AS (…) … SELECT customer, frequency, recency, "T", monetary FROM crm_summary'
 */
export function customerSummarySql(options: CustomerSummarySqlOptions | LegacySummaryOptions): string {
  const o = summaryOptions(options);
  const ctx = sqlContext(o);
  const asOf = asOfSql(o.asOf);
  const ctes = [...ctx.ctes, ...(asOf.cte === null ? [] : [asOf.cte]), ...summaryCtes(ctx, asOf.expr, o.unit ?? 'week')];
  const T = ctx.sql.id('T');
  return withCtes(ctes, o.grouped === true
    ? `SELECT frequency, recency, ${T}, COUNT(*) AS weight FROM crm_summary GROUP BY frequency, recency, ${T} ORDER BY frequency, recency, ${T}`
    : `SELECT customer, frequency, recency, ${T}, monetary FROM crm_summary ORDER BY customer`);
}

/**
 * Runs {@link customerSummarySql} and returns exactly what `customerSummary(log, options)` returns
 * on the same data (rows in the library's customer order), or with `grouped` the weighted rows
 * for `fitBgNbd`.
 * @throws {DataError} code `'DATA'` when rows miss a mapped field or have a time the engine cannot read (unless `onInvalid: 'skip'`), or the engine refuses the query.
 * @example
 * const rows = await customerSummaryFromSql(duckdbRunner(), { source: "read_parquet('orders/*.parquet')", mapping: { customer: 'cid', time: 'ts', amount: 'total' }, asOf: '2025-06-30' });
 * fitBgNbd(rows);
 */
export async function customerSummaryFromSql(runner: SqlRunner, options: CustomerSummarySqlOptions & { grouped: true; onInvalid?: 'throw' | 'skip' }): Promise<{ frequency: number; recency: number; T: number; weight: number }[]>;
export async function customerSummaryFromSql(runner: SqlRunner, options: CustomerSummarySqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<CustomerSummaryRow[]>;
export async function customerSummaryFromSql(runner: SqlRunner, options: CustomerSummarySqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<CustomerSummaryRow[] | { frequency: number; recency: number; T: number; weight: number }[]> {
  const rows = await checkedRun(runner, options, customerSummarySql(options));
  if (options.grouped === true) return rows.map((r) => ({ frequency: num(r, 'frequency'), recency: num(r, 'recency'), T: num(r, 'T'), weight: num(r, 'weight') }));
  return byCustomer(rows.map((r) => ({ customer: String(r.customer), frequency: num(r, 'frequency'), recency: num(r, 'recency'), T: num(r, 'T'), monetary: num(r, 'monetary') })));
}

/** The options of the first `customerSummarySql` (DuckDB, flat column names); still accepted. */
export interface LegacySummaryOptions {
  source: string;
  customer: string;
  time: string;
  amount?: string;
  asOf: Date | string | number;
  unit?: SummaryUnit;
}

/** The options in today's shape: the first form's flat column names become a DuckDB mapping. */
export function summaryOptions(o: CustomerSummarySqlOptions | LegacySummaryOptions): CustomerSummarySqlOptions {
  if (o !== null && typeof o === 'object' && !('mapping' in o) && 'customer' in o) {
    const { customer, time, amount, ...rest } = o;
    return { ...rest, dialect: 'duckdb', mapping: { customer, time, ...(amount === undefined ? {} : { amount }) } };
  }
  return o as CustomerSummarySqlOptions;
}

