/**
 * Models score where the data lives: `toSql` of logistic regression, decision tree and random
 * forest, the BG/NBD and MBG/NBD closed forms with expected purchases joined back, and
 * Gamma-Gamma spend, run on DuckDB and PostgreSQL, equal the models' own methods to 1e-9 on
 * every row (CDNOW).
 */
import { describe, expect, it } from 'vitest';
import {
  DecisionTree, LogisticRegression, RandomForest, TransactionLog, btydModelFromJSON, churnDataset, customerSummary, fitBgNbd, fitGammaGamma, fitMbgNbd,
  type FittedBgNbd,
} from '../../src/index';
import { bgnbdScoresSql, customerSummarySql } from '../../src/sql/index';
import { cdnow } from './data';
import { ENGINES, useEngine, type Engine } from './engines';

const data = cdnow();
const log = TransactionLog.fromRecords(data.records, data.log);
const dataset = churnDataset(log, { asOf: data.asOf, horizonDays: data.horizonDays });
const columns = dataset.featureNames.map((_, j) => `f${j}`);
const summary = customerSummary(log, { asOf: data.asOf });
const bgnbd = fitBgNbd(summary);
const mbgnbd = fitMbgNbd(summary);
const spend = fitGammaGamma(summary);

const near = (got: unknown, want: number, what: string) => expect(Math.abs(Number(got) - want), `${what}: ${String(got)} vs ${want}`).toBeLessThanOrEqual(1e-9);

for (const [engineName, make] of ENGINES) {
  describe(`models as SQL on ${engineName}`, () => {
    const suite = useEngine(engineName, make, async (engine) => {
      await engine.load(data.table, data.columns, data.records);
      const types = Object.fromEntries([['id', 'double'], ...columns.map((c) => [c, 'double'])]) as Record<string, 'double'>;
      await engine.load('features', types, dataset.features.map((row, i) => Object.fromEntries([['id', i], ...row.map((v, j) => [`f${j}`, v])])));
    });

    const check = async (proba: number[][], select: string, names: string[]) => {
      const rows = await (suite.engine as Engine).run(`SELECT id, ${select} FROM features ORDER BY id`);
      expect(rows.length).toBe(proba.length);
      rows.forEach((row, i) => names.forEach((name, c) => near(row[name], (proba[i] as number[])[c] as number, `row ${i} ${name}`)));
    };

    it('logistic regression', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const model = new LogisticRegression({ l2: 0.1 }).fit(dataset.features, dataset.labels);
      await check(model.predictProba(dataset.features), model.toSql(engine.dialect, { columns }), ['p_0', 'p_1']);
    });

    it('decision tree and random forest (a CASE per tree)', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const tree = new DecisionTree({ maxDepth: 6 }).fit(dataset.features, dataset.labels);
      await check(tree.predictProba(dataset.features), tree.toSql(engine.dialect, { columns, names: ['stays', 'churns'] }), ['stays', 'churns']);
      const forest = new RandomForest({ nEstimators: 15, maxDepth: 5, seed: 3 }).fit(dataset.features, dataset.labels);
      await check(forest.predictProba(dataset.features), forest.toSql(engine.dialect, { columns }), ['p_0', 'p_1']);
    });

    it('BG/NBD and MBG/NBD: P(alive), P(active) and expected purchases, on the engine\'s own summary', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const source = customerSummarySql({ dialect: engine.dialect, source: data.table, mapping: data.sql, asOf: data.asOf });
      // The saved-and-restored model too, and (inlineLimit 100) the triples written to a temporary table instead of a literal one.
      for (const [model, inlineLimit] of [[bgnbd, 5000], [mbgnbd, 5000], [btydModelFromJSON(JSON.parse(JSON.stringify(bgnbd))) as FittedBgNbd, 100]] as const) {
        const rows = await engine.run(`${await bgnbdScoresSql(engine.run, { dialect: engine.dialect, model, summary: source, t: 39, inlineLimit })} ORDER BY customer`);
        const sorted = [...summary].sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
        expect(rows.length).toBe(sorted.length);
        rows.forEach((row, i) => {
          const c = sorted[i] as (typeof sorted)[number];
          expect(String(row.customer)).toBe(c.customer);
          near(row.probability_alive, model.probabilityAlive(c), `${c.customer} alive`);
          near(row.probability_active, model.probabilityActive(c, 39), `${c.customer} active`);
          near(row.expected_purchases, model.expectedPurchases(39, c), `${c.customer} expected`);
        });
      }
    });

    it('Gamma-Gamma expected spend', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const source = customerSummarySql({ dialect: engine.dialect, source: data.table, mapping: data.sql, asOf: data.asOf });
      const rows = await engine.run(`SELECT customer, frequency, monetary, ${spend.toSql(engine.dialect)} AS expected_spend FROM (${source}) s`);
      const byCustomer = new Map(summary.map((c) => [c.customer, c]));
      for (const row of rows) near(row.expected_spend, spend.expectedSpend(byCustomer.get(String(row.customer)) as (typeof summary)[number]), String(row.customer));
    });
  });
}

describe('toSql refuses what it cannot write', () => {
  it('names the columns it needs', () => {
    const model = new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
    expect(() => model.toSql('duckdb', { columns: ['a', 'b'] })).toThrow(/1 feature columns/);
    expect(() => model.toSql('mysql' as 'duckdb', { columns: ['a'] })).toThrow(/dialect must be one of/);
  });
});
