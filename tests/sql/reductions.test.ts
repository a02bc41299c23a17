/**
 * Every SQL reduction, run for real on DuckDB and PostgreSQL, equals the in-memory function on
 * the same rows: the bundled sample, CDNOW, and the Online Retail subset (cancellations under
 * the 'net' returns policy). The in-memory library is the oracle.
 */
import { describe, expect, it } from 'vitest';
import {
  TransactionLog, associationRules, churnDataset, customerSummary, frequentItemsets, rfm, type AssociationRule,
} from '../../src/index';
import {
  churnDatasetFromSql, customerSummaryFromSql, customerSummarySql, frequentItemsetsFromSql, itemCountsSql, pairRulesFromSql, pairRulesSql, rfmFromSql,
  type SqlSourceOptions,
} from '../../src/sql/index';
import { cdnow, onlineRetail, sample, type DataSet } from './data';
import { ENGINES, useEngine, type Engine } from './engines';

/** Numbers equal to 1e-9, relative to their size; everything else exactly. */
function expectClose(got: unknown, want: unknown, path = ''): void {
  if (typeof want === 'number' && typeof got === 'number') {
    if (want === got) return;
    expect(Math.abs(got - want), `${path}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, `${path} length`).toBe(want.length);
    want.forEach((w, i) => expectClose((got as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (want !== null && typeof want === 'object') {
    expect(Object.keys(got as object).sort(), path).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) expectClose((got as Record<string, unknown>)[k], w, `${path}.${k}`);
    return;
  }
  expect(got, path).toEqual(want);
}

const DATA: DataSet[] = [sample(), cdnow(), onlineRetail()];

for (const [engineName, make] of ENGINES) {
  describe(`SQL reductions on ${engineName}`, () => {
    const suite = useEngine(engineName, make, async (engine) => {
      for (const d of DATA) await engine.load(d.table, d.columns, d.records);
    });

    for (const d of DATA) {
      describe(d.name, () => {
        const log = TransactionLog.fromRecords(d.records, { ...d.log, ...(d.returnOrders === undefined ? {} : { returnOrders: d.returnOrders }) });
        const source = (e: Engine): SqlSourceOptions & { onInvalid: 'skip' } => ({
          dialect: e.dialect, source: d.table, mapping: d.sql, onInvalid: 'skip', ...(d.returnOrders === undefined ? {} : { returnOrders: d.returnOrders }),
        });
        // CDNOW has no items: its item tests are not defined (rather than skipped).
        const itemsIt = (name: string, fn: (ctx: { skip: (note?: string) => void }) => Promise<void>) => {
          if (d.sql.item !== undefined) it(name, fn);
        };

        it('customerSummary (weeks and days, and the default asOf)', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          for (const unit of ['week', 'day'] as const) {
            expectClose(await customerSummaryFromSql(engine.run, { ...source(engine), asOf: d.asOf, unit }), customerSummary(log, { asOf: d.asOf, unit }));
          }
          expectClose(await customerSummaryFromSql(engine.run, source(engine)), customerSummary(log));
        });

        it('the grouped summary counts each (frequency, recency, T) once', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          const grouped = await customerSummaryFromSql(engine.run, { ...source(engine), asOf: d.asOf, grouped: true });
          const counts = new Map<string, number>();
          for (const r of customerSummary(log, { asOf: d.asOf })) counts.set(`${r.frequency}|${r.recency}|${r.T}`, (counts.get(`${r.frequency}|${r.recency}|${r.T}`) ?? 0) + 1);
          expect(grouped.length).toBe(counts.size);
          for (const g of grouped) expect(counts.get(`${g.frequency}|${g.recency}|${g.T}`), JSON.stringify(g)).toBe(g.weight);
        });

        it('rfm: quantile, rank and breaks scoring, mean spend', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          expectClose(await rfmFromSql(engine.run, { ...source(engine), asOf: d.asOf }), rfm(log, { asOf: d.asOf }));
          expectClose(await rfmFromSql(engine.run, source(engine)), rfm(log));
          expectClose(await rfmFromSql(engine.run, { ...source(engine), scoring: 'rank', monetary: 'mean' }), rfm(log, { scoring: 'rank', monetary: 'mean' }));
          const breaks = { recency: [7, 30, 90, 180], frequency: [2, 3, 5, 8], monetary: [20, 50, 100.5, 500] };
          expectClose(await rfmFromSql(engine.run, { ...source(engine), scoring: { breaks } }), rfm(log, { scoring: { breaks } }));
        });

        it('churnDataset: the 15 features and the labels (BG/NBD fitted on grouped rows)', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          const want = churnDataset(log, { asOf: d.asOf, horizonDays: d.horizonDays });
          const got = await churnDatasetFromSql(engine.run, { ...source(engine), asOf: d.asOf, horizonDays: d.horizonDays });
          expect(got.customers).toEqual(want.customers);
          expect(got.featureNames).toEqual(want.featureNames);
          expect(got.labels).toEqual(want.labels);
          const active = want.featureNames.indexOf('bgnbdActive');
          got.features.forEach((row, i) => row.forEach((v, j) => {
            const w = (want.features[i] as number[])[j] as number;
            // bgnbdActive comes from a fit on grouped rows: the same optimum to the optimizer's tolerance.
            expect(Math.abs(v - w), `${want.customers[i]} ${want.featureNames[j]}: ${v} vs ${w}`).toBeLessThanOrEqual(j === active ? 1e-6 : 1e-9 * Math.max(1, Math.abs(w)));
          }));
          if (want.bgnbd !== null) for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(got.bgnbd?.[k]).toBeCloseTo(want.bgnbd[k], 6);
          // With parameters given, and a subset of features.
          const features = ['frequency', 'trend', 'bgnbdActive'] as const;
          const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.4 };
          expectClose((await churnDatasetFromSql(engine.run, { ...source(engine), asOf: d.asOf, horizonDays: d.horizonDays, features, bgnbd: params })).features,
            churnDataset(log, { asOf: d.asOf, horizonDays: d.horizonDays, features, bgnbd: params }).features);
        });

        itemsIt('pair rules: every measure, p-values and constraints, as associationRules with maxLength 2', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          const options = { minSupport: 0.004, minConfidence: 0.1 };
          const want = associationRules(log, { ...options, maxLength: 2 });
          expect(want.length).toBeGreaterThan(3);
          expect(await pairRulesFromSql(engine.run, { ...source(engine), ...options })).toEqual(want);
          const constrained = { ...options, minLift: 2, maxPValue: 0.05, filter: { jaccard: 0.02 } };
          expect(await pairRulesFromSql(engine.run, { ...source(engine), ...constrained })).toEqual(associationRules(log, { ...constrained, maxLength: 2 }));
          // The standalone query's measures (conviction NULL where infinite).
          const rows = await engine.run(pairRulesSql({ ...source(engine), ...options }));
          const key = (a: string, c: string) => `${a}=>${c}`;
          const byKey = new Map(want.map((r: AssociationRule) => [key(r.antecedent[0] as string, r.consequent[0] as string), r]));
          expect(rows.length).toBe(want.length);
          for (const row of rows) {
            const rule = byKey.get(key(String(row.antecedent), String(row.consequent))) as AssociationRule;
            expect(rule, JSON.stringify(row)).toBeDefined();
            for (const m of ['support', 'confidence', 'lift', 'leverage'] as const) expect(Number(row[m])).toBeCloseTo(rule[m], 12);
            if (rule.conviction === Infinity) expect(row.conviction).toBeNull();
            else expect(Number(row.conviction)).toBeCloseTo(rule.conviction, 9);
            expect(Number(row.count)).toBe(rule.count);
          }
        });

        itemsIt('item counts', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          const want = frequentItemsets(log, { maxLength: 1, minSupport: 0.01 });
          const rows = await engine.run(itemCountsSql({ ...source(engine), minSupport: 0.01 }));
          expect(rows.map((r) => [String(r.item), Number(r.count), Number(r.support)]).sort()).toEqual(want.map((s) => [s.items[0], s.count, s.support]).sort());
        });

        itemsIt('SON: partitioned mining plus the engine\'s counting pass gives exactly frequentItemsets', async (ctx) => {
          const { engine } = suite;
          if (engine === null) return ctx.skip(suite.skip);
          // Small parts of large baskets hold many local candidates: maxLength bounds them.
          for (const [partitions, minSupport, maxLength] of [[3, 0.01, 3], [5, 0.02, 4]] as const) {
            const want = frequentItemsets(log, { minSupport, maxLength });
            expect(want.some((s) => s.items.length >= 2)).toBe(true);
            expect(await frequentItemsetsFromSql(engine.run, { ...source(engine), minSupport, maxLength, partitions, batch: 500 })).toEqual(want);
          }
        });
      });
    }

    it('refuses rows without a mapped field unless asked to skip, naming the field and the count', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const d = onlineRetail();
      await expect(customerSummaryFromSql(engine.run, { dialect: engine.dialect, source: d.table, mapping: d.sql })).rejects.toThrow(/rows have no customer \(column customer\)/);
    });

    it('reads a query as the source', async (ctx) => {
      const { engine } = suite;
      if (engine === null) return ctx.skip(suite.skip);
      const d = cdnow();
      const log = TransactionLog.fromRecords(d.records.filter((r) => Number(r.customer) <= 500), d.log);
      const got = await customerSummaryFromSql(engine.run, { dialect: engine.dialect, source: `SELECT * FROM ${d.table} WHERE CAST(customer AS INTEGER) <= 500`, mapping: d.sql, asOf: d.asOf });
      expectClose(got, customerSummary(log, { asOf: d.asOf }));
      expect(customerSummarySql({ dialect: engine.dialect, source: 'SELECT 1', mapping: d.sql })).toContain('(SELECT 1) crm_source');
    });
  });
}
