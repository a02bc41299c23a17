/**
 * Churn on the bundled sample: train at one date, check out of time, compare models, list the
 * customers with the most revenue at risk. Run: npx tsx examples/churn.ts
 */
import { fileURLToPath } from 'node:url';
import { TransactionLog, analyze, churnReport, trainChurnModel } from '../src/index';

const file = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const log = TransactionLog.fromCSV(file, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });

// t0: training date; t1 = t0 + horizon: the model is checked on what happened after t1.
const t0 = '2024-06-02';
const t1 = '2024-08-31';
console.log('model      AUC    lift@10%  precision  recall');
for (const model of ['logistic', 'forest', 'tree', 'bgnbd'] as const) {
  const e = trainChurnModel(log, { asOf: t0, horizonDays: 90, model, seed: 1 }).evaluate(log, { asOf: t1 });
  console.log(`${model.padEnd(9)}  ${e.auc.toFixed(3)}  ${e.liftAt10.toFixed(2).padStart(8)}  ${e.precision.toFixed(3).padStart(9)}  ${e.recall.toFixed(3).padStart(6)}`);
}

const model = trainChurnModel(log, { asOf: t0, horizonDays: 90, model: 'forest', seed: 1 });
console.log('\nwhat drives churn (forest importance):');
for (const { feature, importance } of model.featureImportance?.().slice(0, 5) ?? []) console.log(`  ${feature.padEnd(18)} ${importance.toFixed(3)}`);

const report = churnReport(log, model, { asOf: t1, topN: 5 });
console.log(`\nat ${t1}: ${(report.predictedChurnRate * 100).toFixed(0)}% expected to lapse within 90 days, revenue at risk ${report.revenueAtRisk.toFixed(0)} (${report.valuation})`);
if (report.outcome !== null) {
  const g = report.outcome.gains;
  console.log(`what happened: ${(report.outcome.churnRate * 100).toFixed(0)}% lapsed; contacting the riskiest 20% would have reached ${((g[1]?.gain ?? 0) * 100).toFixed(0)}% of them`);
}
for (const c of report.atRisk) {
  console.log(`${c.customer}  risk ${(c.probability * 100).toFixed(0)}%  CLV ${c.clv.toFixed(0)}  at risk ${c.valueAtRisk.toFixed(0)}  because ${c.reasons.map((r) => r.text).join('; ')}`);
}

// The figures `crm-mining churn` and the HTML report give: trained at the latest date whose
// 90 days are observed, logistic, seed 1, scored the day after the data ends.
const shared = analyze(log, { rfm: false, rules: false, sequences: false, clv: false, segments: false }).churn;
if (shared.status === 'ok') {
  const r = shared.report;
  console.log(`\nas the CLI and the report say (trained ${shared.trainedAt.toISOString().slice(0, 10)}, scored ${r.asOf.toISOString().slice(0, 10)}): ${(r.predictedChurnRate * 100).toFixed(1)}% of ${r.customers} customers expected to lapse, revenue at risk ${r.revenueAtRisk.toFixed(0)}`);
}
