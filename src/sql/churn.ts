import { OptionError } from '../core/errors';
import { MS_PER_DAY, toEpochMs } from '../core/time';
// The feature list only: churn's index would load its models (and classify) too, 20 ms of import time.
import { CHURN_FEATURES, type ChurnFeature } from '../churn/features';
import type { ChurnDataset } from '../churn/index';
import { labelWindow } from '../churn/dataset';
import { bgnbdSqlExpressions, fitBgNbd, type BgNbdParams } from '../clv/index';
import { asOfSql, sqlContext, withCtes, type SqlSourceOptions } from './source';
import { scoreCtes } from './rfm';
import { checkedRun, type SqlRunner } from './runner';
import { byCustomer, num } from './rows';
import { customerSummaryFromSql, summaryCtes } from './summary';

/** Options of {@link churnDatasetSql}: the source, plus `churnDataset`'s own options. */
export interface ChurnDatasetSqlOptions extends SqlSourceOptions {
  /** The date the features are computed at. */
  asOf: Date | string | number;
  /** A customer churned when they buy nothing within this many days after `asOf`. */
  horizonDays: number;
  /** Keep only these features. @default all 15 */
  features?: readonly ChurnFeature[];
  /**
   * BG/NBD parameters for `bgnbdActive` (weeks). `churnDatasetSql` needs them to write the
   * feature (null: the feature is 0.5, as when a fit fails); `churnDatasetFromSql` fits them from
   * the grouped summary when they are not given, as `churnDataset` does.
   */
  bgnbd?: BgNbdParams | null;
}

/**
 * The SQL of {@link churnDataset}: the 15 features from transactions on or before `asOf` only
 * (leakage-free by construction: every CTE that feeds them filters `t <= asOf`), and the label
 * from (asOf, asOf + horizonDays] only. Columns: customer, the feature names, label.
 * @throws {OptionError} code `'OPTION'` for a missing asOf or horizon, or unknown features.
 * @example
 * churnDatasetSql({ dialect: 'snowflake', source: 'orders', mapping: { customer: 'cid', time: 'ts', amount: 'total', item: 'sku' }, asOf: '2025-03-31', horizonDays: 90, bgnbd: fit.params })
 */
export function churnDatasetSql(options: ChurnDatasetSqlOptions): string {
  const ctx = sqlContext(options);
  const { sql } = ctx;
  if (options.asOf === undefined) throw new OptionError('asOf is required: the date the features are computed at');
  const { horizonDays: h } = options;
  if (!(typeof h === 'number' && Number.isFinite(h) && h > 0)) throw new OptionError(`horizonDays must be a positive number of days, got ${String(h)}`);
  const asOf = asOfSql(toEpochMs(options.asOf)).expr;
  const names = selectedFeatures(options.features);
  const d = (e: string) => `CAST(${e} AS ${sql.double})`;
  const day = MS_PER_DAY;
  const params = options.bgnbd ?? null;
  const active = params === null ? '0.5' : bgnbdSqlExpressions(params, false, sql.dialect, { t: h / 7, columns: { frequency: 's.frequency', recency: 's.recency', T: `s.${sql.id('T')}` } }).probabilityActive as string;
  const ctes = [
    ...ctx.ctes,
    ctx.basketItems,
    `crm_cb AS (
  SELECT customer, t, amount, lines, t - LAG(t) OVER (PARTITION BY customer ORDER BY t) AS gap_ms
  FROM crm_baskets WHERE t <= ${asOf}
)`,
    `crm_cf AS (
  SELECT customer, ${d('COUNT(*)')} AS n, MIN(t) AS first_t, MAX(t) AS last_t, SUM(amount) AS spend, ${d('SUM(lines)')} AS lines,
    ${d(`SUM(CASE WHEN t > ${asOf} - ${sql.num(h * day)} THEN 1 ELSE 0 END)`)} AS recent,
    SUM(gap_ms / ${day}) AS gap_sum, SUM((gap_ms / ${day}) * (gap_ms / ${day})) AS gap_sq
  FROM crm_cb GROUP BY customer
)`,
    `crm_cr AS (SELECT customer, SUM(amount) AS returned FROM crm_returns WHERE t <= ${asOf} GROUP BY customer)`,
    `crm_ci AS (SELECT customer, ${d('COUNT(DISTINCT item)')} AS items FROM crm_basket_items WHERE t <= ${asOf} GROUP BY customer)`,
    `crm_cl AS (SELECT DISTINCT customer FROM crm_baskets WHERE t > ${asOf} AND t <= ${asOf} + ${sql.num(h * day)})`,
    `crm_cv AS (
  SELECT f.customer, f.n, f.lines, f.recent, f.gap_sum, f.gap_sq,
    (${asOf} - f.last_t) / ${day} AS recency_days,
    (${asOf} - f.first_t) / ${day} AS tenure,
    f.spend + COALESCE(r.returned, 0) AS spend,
    COALESCE(i.items, 0) AS items,
    CASE WHEN l.customer IS NULL THEN 1 ELSE 0 END AS label
  FROM crm_cf f LEFT JOIN crm_cr r ON r.customer = f.customer LEFT JOIN crm_ci i ON i.customer = f.customer LEFT JOIN crm_cl l ON l.customer = f.customer
)`,
    `crm_cvr AS (SELECT v.*, FLOOR(recency_days) AS recency, n AS frequency, spend AS monetary FROM crm_cv v)`,
    ...scoreCtes(sql, 'crm_cvr', 5, 'quantile'),
    ...(params === null ? [] : summaryCtes(ctx, asOf, 'week')),
  ];
  const mean = `CASE WHEN v.n > 1 THEN v.gap_sum / (v.n - 1) ELSE v.tenure END`;
  const expressions: Record<ChurnFeature, string> = {
    recencyDays: 'v.recency_days',
    frequency: 'v.n',
    monetaryTotal: 'v.spend',
    monetaryMean: 'v.spend / v.n',
    tenureDays: 'v.tenure',
    interPurchaseMean: mean,
    interPurchaseStd: `CASE WHEN v.n > 1 THEN SQRT(GREATEST(0, v.gap_sq / (v.n - 1) - (${mean}) * (${mean}))) ELSE 0 END`,
    recentBaskets: 'v.recent',
    trend: `CASE WHEN v.tenure - ${sql.num(h)} > 0 THEN (v.recent / ${sql.num(h)} - (v.n - v.recent) / (v.tenure - ${sql.num(h)})) * 30 ELSE 0 END`,
    basketSize: 'v.lines / v.n',
    distinctItems: 'v.items',
    rfmR: 'v.r',
    rfmF: 'v.f',
    rfmM: 'v.m',
    bgnbdActive: active,
  };
  const select = names.map((name) => `${name === 'bgnbdActive' ? expressions[name] : d(expressions[name])} AS ${sql.id(name)}`);
  return withCtes(ctes, `SELECT v.customer, ${select.join(',\n  ')},\n  v.label AS label
FROM crm_scored v${params === null ? '' : ' JOIN crm_summary s ON s.customer = v.customer'}
ORDER BY v.customer`);
}

/**
 * Runs {@link churnDatasetSql}: exactly `churnDataset(log, options)` on the same data. Without
 * `bgnbd` parameters it first fits BG/NBD on the grouped summary at asOf (weeks), as
 * `churnDataset` does, so the engine returns distinct (frequency, recency, T) with counts, not
 * one row per customer.
 * @throws {OptionError} code `'OPTION'` when asOf is outside the data or the horizon runs past its end (named with the dates).
 * @example
 * const d = await churnDatasetFromSql(duckdbRunner(), { source: "read_parquet('orders.parquet')", mapping, asOf: '2025-03-31', horizonDays: 90 });
 * new LogisticRegression().fit(d.features, d.labels);
 */
export async function churnDatasetFromSql(runner: SqlRunner, options: ChurnDatasetSqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<ChurnDataset> {
  if (options.asOf === undefined) throw new OptionError('asOf is required: the date the features are computed at');
  await checkWindow(runner, options);
  let params = options.bgnbd;
  if (params === undefined) {
    const grouped = await customerSummaryFromSql(runner, { ...options, asOf: options.asOf, unit: 'week', grouped: true, onInvalid: 'skip' });
    try {
      const fit = fitBgNbd(grouped);
      params = fit.status === 'ok' ? fit.params : null;
    } catch {
      params = null; // too few repeat buyers to fit: the feature is left at 0.5
    }
  }
  const rows = byCustomer((await checkedRun(runner, { ...options, onInvalid: 'skip' }, churnDatasetSql({ ...options, bgnbd: params }))).map((r) => ({ customer: String(r.customer), row: r })));
  if (rows.length === 0) throw new OptionError(`no customer has a purchase on or before asOf (${new Date(toEpochMs(options.asOf)).toISOString()})`);
  const names = selectedFeatures(options.features);
  return {
    features: rows.map(({ row }) => names.map((name) => num(row, name))),
    featureNames: [...names],
    labels: rows.map(({ row }) => (num(row, 'label') === 1 ? 1 : 0)),
    customers: rows.map((r) => r.customer),
    bgnbd: params,
  };
}

function selectedFeatures(features: readonly ChurnFeature[] | undefined): readonly ChurnFeature[] {
  if (features === undefined) return CHURN_FEATURES;
  const unknown = features.filter((n) => !(CHURN_FEATURES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new OptionError(`unknown churn feature(s): ${unknown.join(', ')}; known: ${CHURN_FEATURES.join(', ')}`);
  return features;
}

/** churnDataset's checks (asOf within the data, the label window fully observed), on the engine's data. */
async function checkWindow(runner: SqlRunner, options: ChurnDatasetSqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<void> {
  const ctx = sqlContext(options);
  const [row] = await checkedRun(runner, options, withCtes(ctx.ctes, 'SELECT MIN(t) AS first_t, MAX(t) AS last_t FROM crm_baskets'));
  if (row === undefined || row.first_t === null || row.first_t === undefined) throw new OptionError('the source has no purchases');
  const end = (Math.floor(num(row, 'last_t') / MS_PER_DAY) + 1) * MS_PER_DAY;
  // churnDataset's own check, on the engine's first and last basket times.
  labelWindow(num(row, 'first_t'), end, options.asOf, options.horizonDays, (input) => Number(asOfSql(input).expr));
}

