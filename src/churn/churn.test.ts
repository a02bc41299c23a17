import { describe, expect, it } from 'vitest';
import { TransactionLog } from '../core/TransactionLog';
import { syntheticLog } from '../core/synthetic';
import { rocAuc } from '../classify/index';
import { CHURN_FEATURES, churnDataset, churnFeatures, churnReport, trainChurnModel } from './index';

const { log } = syntheticLog({ customers: 2500, seed: 7 });
// The generator's population: rate ~ Gamma(0.9, 40 per day), dropout ~ Beta(0.7, 4).
const TRUTH = { r: 0.9, alpha: 40 / 7, a: 0.7, b: 4 };

describe('churnDataset', () => {
  const asOf = '2024-06-29';
  const d = churnDataset(log, { asOf, horizonDays: 90 });

  it('uses nothing after asOf: deleting every later transaction leaves the features unchanged', () => {
    const truncated = log.filterTime({ to: asOf });
    const before = churnFeatures(truncated, { asOf, horizonDays: 90 });
    expect(before.customers).toEqual(d.customers);
    expect(before.features).toEqual(d.features);
    expect(before.featureNames).toEqual([...CHURN_FEATURES]);
  });

  it('labels 1 exactly the customers with no basket in (asOf, asOf + horizon], computed from the raw rows', () => {
    const t0 = Date.parse('2024-06-29T00:00:00Z');
    const t1 = t0 + 90 * 86_400_000;
    const rows = log.columns;
    const buyers = new Set<string>();
    const known = new Set<string>();
    for (let r = 0; r < rows.rowTime.length; r++) {
      const name = rows.customerNames[rows.rowCustomer[r] as number] as string;
      const t = rows.rowTime[r] as number;
      if (t <= t0) known.add(name);
      else if (t <= t1) buyers.add(name);
    }
    expect(new Set(d.customers)).toEqual(known);
    d.customers.forEach((c, i) => expect(d.labels[i]).toBe(buyers.has(c) ? 0 : 1));
  });

  it('computes the features by their definitions (hand-checked customer)', () => {
    const small = TransactionLog.fromRecords([
      { c: 'a', t: '2024-01-01', i: 'x', v: 10 }, { c: 'a', t: '2024-01-01', i: 'y', v: 5 },
      { c: 'a', t: '2024-01-11', i: 'x', v: 20 }, { c: 'a', t: '2024-01-31', i: 'z', v: 30 },
      { c: 'b', t: '2024-01-20', i: 'x', v: 7 }, { c: 'b', t: '2024-03-01', i: 'x', v: 7 },
    ], { customer: 'c', time: 't', item: 'i', amount: 'v' });
    const f = churnFeatures(small, { asOf: '2024-02-10', horizonDays: 20 });
    const a = Object.fromEntries(f.featureNames.map((n, j) => [n, (f.features[0] as number[])[j]]));
    expect(f.customers).toEqual(['a', 'b']);
    expect(a).toMatchObject({ recencyDays: 10, frequency: 3, monetaryTotal: 65, monetaryMean: 65 / 3, tenureDays: 40, interPurchaseMean: 15, interPurchaseStd: 5, recentBaskets: 1, basketSize: 4 / 3, distinctItems: 3 });
    // One basket in the last 20 days (1/20 per day) against two in the 20 days before (2/20).
    expect(a.trend).toBeCloseTo((1 / 20 - 2 / 20) * 30, 12);
    const b = f.features[1] as number[];
    expect(b[f.featureNames.indexOf('interPurchaseMean')]).toBe(21); // one basket: the tenure
  });

  it('refuses a horizon past the end of the data, an asOf outside the log, unknown features', () => {
    expect(() => churnDataset(log, { asOf: '2024-12-01', horizonDays: 90 })).toThrow(/past the end of the data \(2024-12-30\).*on or before 2024-10-02/);
    expect(() => churnDataset(log, { asOf: '2019-01-01', horizonDays: 30 })).toThrow(/outside the log/);
    expect(() => churnDataset(log, { asOf, horizonDays: 0 })).toThrow(/horizonDays/);
    expect(() => churnDataset(log, { asOf, horizonDays: 90, features: ['age' as 'frequency'] })).toThrow(/unknown churn feature/);
    expect(churnDataset(log, { asOf, horizonDays: 90, features: ['frequency', 'recencyDays'] }).featureNames).toEqual(['frequency', 'recencyDays']);
  });
});

describe('trainChurnModel (out of time: trained at t0, checked at t1 = t0 + horizon)', () => {
  const t0 = '2024-03-31';
  const t1 = '2024-06-29';
  // The best achievable from a customer's history: BG/NBD scored with the generator's own parameters.
  const truth = churnDataset(log, { asOf: t1, horizonDays: 90, bgnbd: TRUTH });
  const j = truth.featureNames.indexOf('bgnbdActive');
  const achievable = rocAuc(truth.labels, truth.features.map((r) => 1 - (r[j] as number)));

  it('every model comes close to the achievable AUC, none beats it beyond noise', () => {
    expect(achievable).toBeGreaterThan(0.8);
    const aucs: Record<string, number> = {};
    for (const model of ['logistic', 'forest', 'tree', 'rules', 'bgnbd'] as const) {
      const e = trainChurnModel(log, { asOf: t0, horizonDays: 90, model, seed: 1 }).evaluate(log, { asOf: t1 });
      aucs[model] = e.auc;
      expect(e.auc).toBeLessThan(achievable + 0.015);
      expect(e.customers).toBe(truth.labels.length);
      expect(e.churnRate).toBeCloseTo(truth.labels.filter((l) => l === 1).length / truth.labels.length, 12);
      expect(e.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(e.customers);
    }
    expect(Math.max(...Object.values(aucs))).toBeGreaterThan(achievable - 0.01);
    expect(Math.min(...Object.values(aucs))).toBeGreaterThan(achievable - 0.05);
  });

  it('predicts every customer known at a later date, ranks at-risk customers with reasons', () => {
    const model = trainChurnModel(log, { asOf: t0, horizonDays: 90, model: 'forest', seed: 1 });
    const p = model.predict(log, { asOf: t1 });
    expect(p.map((x) => x.customer)).toEqual(truth.customers);
    p.forEach((x) => expect(x.probability).toBeGreaterThanOrEqual(0));
    const risk = model.atRisk(log, { asOf: t1, topN: 5 });
    expect(risk).toHaveLength(5);
    const top = [...p].sort((a, b) => b.probability - a.probability)[0];
    expect(risk[0]?.probability).toBe(top?.probability);
    for (let i = 1; i < risk.length; i++) expect(risk[i]?.probability).toBeLessThanOrEqual(risk[i - 1]?.probability as number);
    for (const r of risk) for (const reason of r.reasons) expect(model.featureNames).toContain(reason.feature);
    expect(risk.some((r) => r.reasons.length > 0)).toBe(true);
    const importance = model.featureImportance?.() ?? [];
    expect(importance).toHaveLength(CHURN_FEATURES.length);
    expect(importance.reduce((s, x) => s + x.importance, 0)).toBeCloseTo(1, 9);
    // The model stays at its own date: same features as a fresh dataset at t1 with the training BG/NBD parameters.
    expect(trainChurnModel(log, { asOf: t0, horizonDays: 90, model: 'forest', seed: 1 }).predict(log, { asOf: t1 })).toEqual(p);
  });

  it('refuses logs with no churners or no actives, and bad options', () => {
    const loyal = TransactionLog.fromRecords(['a', 'b'].flatMap((c) => ['2024-01-01', '2024-01-20', '2024-02-10'].map((t) => ({ c, t, v: 1 }))), { customer: 'c', time: 't', amount: 'v' });
    expect(() => trainChurnModel(loyal, { asOf: '2024-01-05', horizonDays: 20 })).toThrow(/no customer churned/);
    const gone = TransactionLog.fromRecords([{ c: 'a', t: '2024-01-01', v: 1 }, { c: 'b', t: '2024-01-02', v: 1 }, { c: 'c', t: '2024-03-01', v: 1 }], { customer: 'c', time: 't', amount: 'v' });
    expect(() => trainChurnModel(gone, { asOf: '2024-01-03', horizonDays: 20 })).toThrow(/every customer churned/);
    expect(() => trainChurnModel(log, { asOf: t0, horizonDays: 90, model: 'svm' as 'tree' })).toThrow(/model must be/);
  });
});

describe('churnReport', () => {
  it('revenue at risk is Σ probability × CLV, with the outcome when the log covers the horizon', () => {
    const model = trainChurnModel(log, { asOf: '2024-03-31', horizonDays: 90 });
    const r = churnReport(log, model, { asOf: '2024-06-29', topN: 5 });
    const p = model.predict(log, { asOf: '2024-06-29' });
    expect(r.customers).toBe(p.length);
    expect(r.predictedChurnRate).toBeCloseTo(p.reduce((s, x) => s + x.probability, 0) / p.length, 12);
    expect(r.valuation).toBe('bgnbd-gamma-gamma');
    expect(r.revenueAtRisk).toBeGreaterThan(0);
    r.atRisk.forEach((c) => expect(c.valueAtRisk).toBeCloseTo(c.probability * c.clv, 9));
    expect(r.outcome?.gains.at(-1)?.gain).toBeCloseTo(1, 12);
    expect(r.outcome?.auc).toBeGreaterThan(0.8);
    // At the end of the log nothing after asOf is known: no outcome, still a risk list.
    const now = churnReport(log, model, { asOf: '2024-12-31' });
    expect(now.outcome).toBeNull();
    expect(now.atRisk).toHaveLength(20);
  });
});
