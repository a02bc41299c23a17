/**
 * The heavy reductions as SQL where the data lives (DuckDB embedded, PostgreSQL, Spark SQL,
 * Trino, BigQuery, Snowflake): each is a pair `xxxSql(options) → string` and
 * `xxxFromSql(runner, options) → Promise<what the in-memory function returns>`. A runner is
 * `(sql) => Promise<rows>`. Optional peers (`@duckdb/node-api`, `pg`) load only when a runner
 * first runs.
 * @module sql
 */
export { SQL_DIALECTS, sqlLayer } from '../core/sqlDialect';
export type { SqlDialect, SqlLayer } from '../core/sqlDialect';
export type { SqlMapping, SqlSourceOptions } from './source';
export type { SqlRunner } from './runner';
export { duckdbRunner, postgresRunner, connectPostgres } from './engines';
export type { PgClientLike } from './engines';
export type { DuckDbConnectionLike } from '../core/duckdb';
export { customerSummarySql, customerSummaryFromSql } from './summary';
export type { CustomerSummarySqlOptions, LegacySummaryOptions } from './summary';
export { customerSummaryDuckDB } from './legacy';
export { rfmSql, rfmFromSql } from './rfm';
export type { RfmSqlOptions } from './rfm';
export { churnDatasetSql, churnDatasetFromSql } from './churn';
export type { ChurnDatasetSqlOptions } from './churn';
export { itemCountsSql, pairRulesSql, pairRulesFromSql } from './pairs';
export type { ItemCountsSqlOptions, PairRulesSqlOptions } from './pairs';
export { frequentItemsetsFromSql } from './son';
export type { SonOptions } from './son';
export { bgnbdScoresSql } from './scores';
export type { BgNbdScoresSqlOptions } from './scores';
export { logFromSql, fromParquet } from './load';
