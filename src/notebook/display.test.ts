/**
 * display(): every public result gives a text table, an escaped HTML table with the head and the
 * count, and the same Vega-Lite spec that charts.* gives where a chart fits; checked kind by kind
 * on the bundled sample and on results built here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { display, VEGA_LITE_MIME } from './index';
import { TransactionLog } from '../core/TransactionLog';
import { syntheticLog } from '../core/synthetic';
import { associationRules, frequentItemsets } from '../association/index';
import { sequentialPatterns, sequentialRules } from '../sequence/index';
import { loyaltyMatrix, loyaltyQuadrants, rfm, rfmSummary, valueTiers } from '../rfm/index';
import { calibrationHoldout, clv, conditionalExpectations, customerSummary, fitBgNbd, fitGammaGamma, fitParetoNbd, returnOnCustomer, trackingCurve } from '../clv/index';
import { churnDataset, churnReport, trainChurnModel } from '../churn/index';
import { DecisionTree, confusionMatrix, crossValidate, LogisticRegression } from '../classify/index';
import { kmeans, segmentCustomers } from '../cluster/index';
import { profileSegments } from '../profile/index';
import { analyze } from '../report/analyze';
import { charts } from '../report/charts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const { log } = syntheticLog({ customers: 400, seed: 5, start: '2023-01-01', end: '2024-12-31' });

interface Bundle { 'text/plain': string; 'text/html': string; [VEGA_LITE_MIME]?: Record<string, unknown> }
const bundleOf = (value: unknown, options = {}): Bundle => (display(value, options) as unknown as Record<symbol, () => Bundle>)[Symbol.for('Jupyter.display')]?.() as Bundle;

/** The bundle has a plain and an HTML table titled `title`, and (when given) exactly `chart`. */
function expectShown(value: unknown, title: string, chart?: Record<string, unknown> | null): Bundle {
  const b = bundleOf(value);
  expect(b['text/plain'].split('\n')[0]).toBe(title);
  expect(b['text/html']).toContain(`<strong>${title}</strong>`);
  expect(b['text/html']).toMatch(/<table>.*<\/table>/s);
  if (chart === null) expect(b[VEGA_LITE_MIME]).toBeUndefined();
  else if (chart !== undefined) {
    expect(b[VEGA_LITE_MIME]).toEqual(chart);
    expect((chart.$schema as string)).toMatch(/vega-lite\/v5\.json$/);
  }
  return b;
}

describe('display', () => {
  beforeAll(async () => {
    const { loadCartEngine } = await import('../classify/index');
    await loadCartEngine();
  });

  it('association rules and itemsets: rows, head and count, the rules chart', () => {
    const rules = associationRules(log, { minSupport: 0.01, minConfidence: 0.2 });
    const b = expectShown(rules, 'Association rules', charts.rulesScatter(rules));
    expect(b['text/html']).toContain(`first 20 of ${rules.length.toLocaleString('en-US')} rows`);
    expect(b['text/plain']).toContain(`… ${(rules.length - 20).toLocaleString('en-US')} more rows`);
    expect(bundleOf(rules, { rows: 5 })['text/html'].match(/<tr>/g)).toHaveLength(6); // header + 5
    expectShown(frequentItemsets(log, { minSupport: 0.02 }), 'Frequent itemsets', null);
  });

  it('sequential patterns and rules', () => {
    const patterns = sequentialPatterns(log, { minSupport: 0.05, maxLength: 3 });
    expectShown(patterns, 'Sequential patterns', charts.sequences(patterns));
    expectShown(sequentialRules(patterns, { minConfidence: 0.1 }), 'Sequential rules', null);
  });

  it('RFM rows, segments, quadrants, loyalty matrix and value tiers', () => {
    const rows = rfm(log);
    expectShown(rows, 'RFM', null);
    expectShown(rfmSummary(rows), 'RFM segments', charts.rfmSegments(rfmSummary(rows)));
    expectShown(loyaltyQuadrants(rows.map((r) => ({ customer: r.customer, profitability: r.monetary, duration: r.frequency }))), 'Loyalty quadrants', null);
    const matrix = loyaltyMatrix(rows, { attitude: rows.map((r, i) => ({ customer: r.customer, score: i % 10 })) });
    expectShown(matrix, 'Loyalty matrix', charts.loyaltyMatrix(matrix));
  });

  it('customer summaries, fitted models with their uncertainty, CLV, tiers, model checks, return on customer', () => {
    const summary = customerSummary(log);
    expectShown(summary, 'Customer summary (buy-till-you-die)', null);
    const model = fitBgNbd(summary);
    const b = expectShown(model, 'Fitted bg-nbd', null);
    expect(b['text/plain']).toMatch(/^r\s+[\d.]+\s+[\d.]+/m);
    expect(b['text/html']).toContain('std. error');
    expectShown(fitParetoNbd(summary), 'Fitted pareto-nbd', null);
    const spend = fitGammaGamma(summary);
    expectShown(spend, 'Fitted gamma-gamma', null);
    const values = clv(model, spend, summary, { horizon: 52, period: 4, discountRate: 0.01 });
    expectShown(values, 'Customer lifetime value', charts.clvDistribution(values));
    const tiers = valueTiers(values);
    expectShown(tiers, 'Value tiers', charts.valueTiers(tiers.tiers));
    const ends = { calibrationEnd: '2024-06-30', holdoutEnd: '2024-12-31' };
    const rows = calibrationHoldout(log, ends);
    const cal = fitBgNbd(rows);
    const curve = trackingCurve(cal, log, ends);
    expectShown(curve, 'Tracking: cumulative repeat purchases', charts.tracking(curve));
    const classes = conditionalExpectations(cal, rows);
    expectShown(classes, 'Conditional expectations', charts.conditionalExpectations(classes));
    expectShown(returnOnCustomer(log, { from: '2024-06-30', to: '2024-12-31' }), 'Return on customer', null);
  });

  it('churn: dataset, evaluation with its gains chart, at-risk list, report', () => {
    const dataset = churnDataset(log, { asOf: '2024-06-30', horizonDays: 90 });
    const d = expectShown(dataset, 'Churn dataset', null);
    expect(d['text/html']).toContain('recencyDays');
    const model = trainChurnModel(log, { asOf: '2024-03-31', horizonDays: 90 });
    const evaluation = model.evaluate(log, { asOf: '2024-06-30' });
    const e = expectShown(evaluation, 'Churn evaluation', charts.gains(evaluation.gains));
    expect(e['text/plain']).toContain('Confusion matrix');
    expectShown(model.atRisk(log, { asOf: '2024-09-30', topN: 5 }), 'Customers at risk', null);
    const report = churnReport(log, model, { asOf: '2024-09-30' });
    expectShown(report, 'Churn report', report.outcome === null ? null : charts.gains(report.outcome.gains));
  });

  it('classifiers, cross-validation, confusion matrices, k-means, segment profiles', () => {
    const X = Array.from({ length: 60 }, (_, i) => [i % 7, i % 5]);
    const y = X.map(([a]) => ((a as number) > 3 ? 'yes' : 'no'));
    const tree = expectShown(new DecisionTree({ maxDepth: 2 }).fit(X, y), 'Fitted cart-classifier', null);
    expect(tree['text/plain']).toContain('Feature importance');
    const logistic = expectShown(new LogisticRegression().fit(X, y), 'Fitted logistic-regression', null);
    expect(logistic['text/plain']).toMatch(/Coefficients[\s\S]*intercept/);
    expectShown(crossValidate(new DecisionTree(), X, y, { folds: 3 }), 'Cross-validation', null);
    expectShown(confusionMatrix(y, y), 'Confusion matrix', null);
    expectShown(kmeans(X, 2, { seed: 1 }), 'k-means', null);
    const profiles = segmentCustomers(rfm(log), { k: 3 }).profiles;
    expectShown(profiles, 'Customer segments', charts.segments(profiles));
    expectShown(profileSegments(rfm(log) as never, 'segment'), 'Segment profiles', null);
  });

  it('a TransactionLog and a whole analysis', () => {
    const b = expectShown(log, 'Transaction log', null);
    expect(b['text/plain']).toMatch(/customers\s+400/);
    const analysis = analyze(log, { rules: { top: 10 } });
    const a = bundleOf(analysis);
    expect(a['text/plain'].split('\n')[0]).toBe(`Analysis as of ${analysis.asOf.toISOString().slice(0, 10)}: 400 customers, ${log.basketCount} baskets`);
    for (const section of ['RFM segments', 'Bought together', 'Customer lifetime value', 'Churn risk', 'Loyalty matrix']) expect(a['text/html']).toContain(`<h3>${section}</h3>`);
    const spec = a[VEGA_LITE_MIME] as { vconcat: unknown[] };
    expect(spec.vconcat.length).toBeGreaterThanOrEqual(6);
    expect(compile(spec as never).spec.marks?.length ?? (compile(spec as never).spec as { layout?: unknown }).layout).toBeTruthy();
  });

  it('escapes names from the data everywhere, and falls back to a plain table', () => {
    const records = [...Array(30).keys()].map((i) => ({ c: i % 2 === 0 ? HOSTILE : `c${i}`, t: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i: i % 3 === 0 ? HOSTILE : 'bread' }));
    const hostile = TransactionLog.fromRecords(records, { customer: 'c', time: 't', item: 'i' });
    const rules = associationRules(hostile, { minSupport: 0.01, minConfidence: 0 });
    const html = bundleOf(rules)['text/html'] + bundleOf(sequentialPatterns(hostile, { minSupport: 0.1 }))['text/html'];
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const plain = bundleOf([{ a: 1, b: HOSTILE }, { a: 2.5, b: 'x' }]);
    expect(plain['text/plain'].split('\n')[0]).toBe('2 rows');
    expect(plain['text/html']).toContain('&lt;img');
    expect(bundleOf({ total: 3, name: 'x' })['text/plain']).toMatch(/total\s+3/);
    expect(() => display([], { rows: 0 })).toThrow(/rows must be an integer >= 1/);
  });
});
