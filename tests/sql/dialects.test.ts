/**
 * The warehouse dialects are not executed here (no Spark, Trino, BigQuery or Snowflake on this
 * machine): every query crm-mining writes for them is parsed by a grammar of that dialect.
 * Spark SQL and Trino with dt-sql-parser (ANTLR grammars of those engines), BigQuery and
 * Snowflake with node-sql-parser. DuckDB and PostgreSQL are executed in reductions.test.ts and
 * models.test.ts. A broken query must fail each parser, so a pass means something.
 */
import { describe, expect, it } from 'vitest';
import NodeSqlParser from 'node-sql-parser';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import { DecisionTree, LogisticRegression, RandomForest, bgnbdModel, gammaGammaModel } from '../../src/index';
import {
  bgnbdScoresSql, churnDatasetSql, customerSummarySql, frequentItemsetsFromSql, itemCountsSql, pairRulesSql, rfmSql,
  type SqlDialect, type SqlRunner,
} from '../../src/sql/index';

type Warehouse = Exclude<SqlDialect, 'duckdb' | 'postgres'>;
const WAREHOUSES: Warehouse[] = ['spark', 'trino', 'bigquery', 'snowflake'];

/** Parse errors of a query in a dialect, [] when it parses. */
function parseErrors(dialect: Warehouse, query: string): string[] {
  if (dialect === 'spark') return new SparkSQL().validate(query).map((e) => e.message);
  if (dialect === 'trino') return new TrinoSQL().validate(query).map((e) => e.message);
  try {
    new NodeSqlParser.Parser().astify(query, { database: dialect === 'bigquery' ? 'BigQuery' : 'Snowflake' });
    return [];
  } catch (error) {
    return [(error as Error).message.slice(0, 300)];
  }
}

const mapping = { customer: 'cid', time: 'ordered_at', item: 'sku', order: 'invoice', quantity: 'qty', price: 'unit_price' };

/** Every query of the SQL path in one dialect, the SON and scoring ones captured from a runner that answers with made-up rows. */
async function queries(dialect: Warehouse): Promise<Record<string, string>> {
  const source = { dialect, source: 'shop.order_lines', mapping };
  const out: Record<string, string> = {
    summary: customerSummarySql({ ...source, asOf: '2025-06-30' }),
    'summary, grouped, default asOf, days': customerSummarySql({ ...source, grouped: true, unit: 'day' }),
    'summary of a query source': customerSummarySql({ ...source, source: 'SELECT * FROM shop.order_lines WHERE region = 1' }),
    'rfm, quantile, RegExp returns': rfmSql({ ...source, returnOrders: /^C/ }),
    'rfm, rank, mean, SQL-condition returns': rfmSql({ ...source, scoring: 'rank', monetary: 'mean', returnOrders: "status = 'cancelled'" }),
    'rfm, breaks': rfmSql({ ...source, scoring: { breaks: { recency: [7, 30, 90, 180], frequency: [2, 3, 5, 8], monetary: [20, 50, 100.5, 500] } } }),
    'churn dataset with BG/NBD': churnDatasetSql({ ...source, asOf: '2025-03-01', horizonDays: 90, bgnbd: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 } }),
    'churn dataset without BG/NBD, some features': churnDatasetSql({ ...source, asOf: '2025-03-01', horizonDays: 90, bgnbd: null, features: ['frequency', 'trend'] }),
    'pair rules': pairRulesSql({ ...source, minSupport: 0.001, minConfidence: 0.2 }),
    'item counts': itemCountsSql({ ...source, minSupport: 0.01 }),
  };
  const seen: string[] = [];
  const fake: SqlRunner = async (sql) => {
    seen.push(sql);
    if (sql.includes('GROUP BY part')) return [{ part: 0, n: 2 }, { part: 1, n: 1 }];
    if (sql.includes('p.part =')) return [{ customer: 'a', bkey: 'o1', item: 'x' }, { customer: 'a', bkey: 'o1', item: "y'z" }];
    if (sql.includes('crm_candidates')) return [{ cid: 0, count: 2 }];
    if (sql.includes('COUNT(*) AS n FROM (SELECT DISTINCT')) return [{ n: 2 }];
    if (sql.includes('SELECT DISTINCT frequency')) return [{ frequency: 2, recency: 10.5, T: 30 }, { frequency: 0, recency: 0, T: 12 }];
    return [{ n_badtime: 0 }];
  };
  await frequentItemsetsFromSql(fake, { ...source, minSupport: 0.5, partitions: 2 });
  seen.forEach((sql, i) => { out[`SON query ${i + 1}`] = sql; });
  const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
  out['BG/NBD scores with expected purchases joined back'] = await bgnbdScoresSql(fake, { dialect, model: bgnbdModel(params), summary: customerSummarySql({ ...source, asOf: '2025-06-30' }), t: 39 });
  out['MBG/NBD closed forms'] = `SELECT customer, ${bgnbdModel(params, Number.NaN, true).toSql(dialect, { t: 13 })} FROM summary`;
  out['Gamma-Gamma spend'] = `SELECT customer, ${gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 }).toSql(dialect)} AS expected_spend FROM summary`;
  const X = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 4], [5, 0]];
  const y = [0, 0, 1, 0, 1, 1];
  const columns = ['recency_days', 'frequency'];
  out['logistic regression'] = `SELECT customer, ${new LogisticRegression().fit(X, y).toSql(dialect, { columns })} FROM features`;
  out['decision tree'] = `SELECT customer, ${new DecisionTree({ minSamplesLeaf: 1 }).fit(X, y).toSql(dialect, { columns })} FROM features`;
  out['random forest'] = `SELECT customer, ${new RandomForest({ nEstimators: 3, seed: 1 }).fit(X, y).toSql(dialect, { columns })} FROM features`;
  return out;
}

describe.each(WAREHOUSES)('%s: every generated query parses with a grammar of the dialect', (dialect) => {
  it('rejects a broken query (the parser is really checking)', () => {
    expect(parseErrors(dialect, 'SELECT customer, FROM WHERE GROUP x BY')).not.toEqual([]);
  });

  it('parses every reduction, SON step and model query', async () => {
    const all = await queries(dialect);
    expect(Object.keys(all).length).toBeGreaterThan(16);
    for (const [name, query] of Object.entries(all)) expect(parseErrors(dialect, query), `${dialect} ${name}:\n${query}`).toEqual([]);
  });

  it('uses the dialect\'s own functions and quoting', async () => {
    const summary = customerSummarySql({ dialect, source: 't', mapping, asOf: '2025-06-30' });
    const expected = { spark: ['unix_millis(', '`T`'], trino: ['to_unixtime(', '"T"'], bigquery: ['UNIX_MILLIS(', '`T`', 'FLOAT64'], snowflake: ['DATE_PART(epoch_millisecond', '"T"'] }[dialect];
    for (const piece of expected) expect(summary).toContain(piece);
  });
});
