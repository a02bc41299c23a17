/**
 * The crm-mining demo: loads the bundled sample log and prints what each capability finds.
 * Run: npm run demo
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TransactionLog, associationRules, churnReport, clv, customerSummary, fitBgNbd, fitGammaGamma, recommend, rfm, rfmSummary, segmentCustomers, sequentialPatterns, sequentialRules, trainChurnModel } from '../src/index';
import { analyze, renderReport } from '../src/report/index';

const file = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const started = performance.now();
const log = TransactionLog.fromCSV(file, {
  customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity',
});
const loadMs = performance.now() - started;

const money = (x: number) => x.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const day = (d: Date) => d.toISOString().slice(0, 10);
const heading = (text: string) => console.log(`\n== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);

heading('Transaction log');
const s = log.summary();
console.log(`${s.rows.toLocaleString()} line items in ${s.baskets.toLocaleString()} baskets from ${s.customers.toLocaleString()} customers, ${s.items} items`);
console.log(`${day(s.from)} .. ${day(s.to)}, revenue ${money(s.amount ?? 0)}, ${s.meanBasketSize.toFixed(2)} items per basket (loaded in ${loadMs.toFixed(0)} ms)`);

heading('Best-selling items (share of baskets)');
const { basketItems, itemNames } = log.columns;
const counts = new Int32Array(log.itemCount);
for (const id of basketItems) counts[id] = (counts[id] as number) + 1;
const top = [...counts.keys()].sort((a, b) => (counts[b] as number) - (counts[a] as number)).slice(0, 5);
for (const id of top) console.log(`${(itemNames[id] as string).padEnd(24)} ${(((counts[id] as number) / log.basketCount) * 100).toFixed(1).padStart(5)}%`);

heading('Customers by number of baskets');
const buckets = new Map<string, number>();
for (const c of log.customers()) {
  const key = c.baskets === 1 ? '1 (one-time)' : c.baskets <= 3 ? '2-3' : c.baskets <= 9 ? '4-9' : '10+';
  buckets.set(key, (buckets.get(key) ?? 0) + 1);
}
for (const key of ['1 (one-time)', '2-3', '4-9', '10+']) console.log(`${key.padEnd(14)} ${String(buckets.get(key) ?? 0).padStart(5)}`);

heading('Bought together (association rules, support >= 0.5%, confidence >= 30%)');
const rules = associationRules(log, { minSupport: 0.005, minConfidence: 0.3, minLift: 1.5 });
for (const r of rules.slice(0, 5)) {
  console.log(`{${r.antecedent.join(', ')}} => {${r.consequent.join(', ')}}`.padEnd(56), `confidence ${r.confidence.toFixed(2)}  lift ${r.lift.toFixed(1)}`);
}
const basket = rules[0]?.antecedent ?? [];
const suggestions = recommend(rules, basket, { topN: 3 }).map((x) => `${x.item} (${x.score.toFixed(2)})`);
console.log(`suggested for a basket with ${basket.join(' and ')}: ${suggestions.join(', ')}`);

heading('Bought next (sequential rules, support >= 4%, lift > 1.5)');
const seqRules = sequentialRules(sequentialPatterns(log, { minSupport: 0.04, maxLength: 3 }), { minConfidence: 0.3 }).filter((r) => r.lift > 1.5);
for (const r of seqRules.slice(0, 4)) {
  console.log(`after ${r.prefix.map((set) => set.join(' + ')).join(' -> ')}`.padEnd(50), `-> ${r.next.join(' + ')}`.padEnd(22), `confidence ${r.confidence.toFixed(2)}  lift ${r.lift.toFixed(1)}`);
}

heading('RFM segments');
const segments = rfmSummary(rfm(log));
for (const seg of segments.slice(0, 6)) {
  console.log(`${seg.segment.padEnd(20)} ${String(seg.customers).padStart(5)} customers  ${(seg.revenueShare * 100).toFixed(0).padStart(3)}% of revenue  last bought ${seg.recency.toFixed(0)} days ago on average`);
}
console.log(`… and ${segments.slice(6).map((x) => `${x.segment} ${x.customers}`).join(', ')}`);

heading('Who will buy again (BG/NBD + Gamma-Gamma, weeks)');
const summary = customerSummary(log, { unit: 'week' });
const bgnbd = fitBgNbd(summary);
const spend = fitGammaGamma(summary);
const { r, alpha, a, b } = bgnbd.params;
console.log(`BG/NBD r ${r.toFixed(3)}, alpha ${alpha.toFixed(2)}, a ${a.toFixed(3)}, b ${b.toFixed(3)}; Gamma-Gamma p ${spend.params.p.toFixed(2)}, q ${spend.params.q.toFixed(2)}`);
const values = clv(bgnbd, spend, summary, { horizon: 52, period: 4, discountRate: 0.01 }).sort((x, y) => y.clv - x.clv);
for (const v of values.slice(0, 3)) {
  console.log(`${v.customer}: ${v.expectedPurchases.toFixed(1)} purchases expected in 52 weeks, CLV ${money(v.clv)} (4-week periods at 1%)`);
}
const atRisk = summary.filter((c) => c.frequency >= 3).map((c) => ({ c, active: bgnbd.probabilityActive(c, 13) })).sort((x, y) => x.active - y.active);
console.log(`repeat buyers most at risk: ${atRisk.slice(0, 3).map((x) => `${x.c.customer} (${x.active.toFixed(2)})`).join(', ')}`);

heading('Customer segments (k-means on log-scaled RFM, k = 4)');
for (const p of segmentCustomers(rfm(log), { k: 4, seed: 1 }).profiles) {
  console.log(`cluster ${p.cluster}: ${String(p.customers).padStart(4)} customers (${(p.share * 100).toFixed(0)}%), ${p.frequency.toFixed(1)} baskets, ${money(p.monetary)} spent, last bought ${p.recency.toFixed(0)} days ago`);
}

heading('Churn risk (no purchase in the next 90 days)');
// Trained on what was known at 2024-06-02 and what happened in the 90 days after; checked on
// the next 90 days (out of time); then the customers most at risk now.
const churn = trainChurnModel(log, { asOf: '2024-06-02', horizonDays: 90, model: 'logistic' });
const check = churn.evaluate(log, { asOf: '2024-08-31' });
console.log(`checked on 2024-08-31 .. 2024-11-29: AUC ${check.auc.toFixed(3)}, the riskiest 10% churn ${check.liftAt10.toFixed(2)}x as often as average (churn rate ${(check.churnRate * 100).toFixed(0)}%)`);
const report = churnReport(log, churn, { asOf: s.to, topN: 5 });
console.log(`now: ${(report.predictedChurnRate * 100).toFixed(0)}% of ${report.customers} customers expected to lapse; revenue at risk ${money(report.revenueAtRisk)} (probability x 52-week CLV)`);
console.log('most value at risk:');
for (const c of report.atRisk) {
  const why = c.reasons.map((x) => `${x.feature} ${x.value.toFixed(1)} (typical ${x.typical.toFixed(1)})`).join(', ');
  console.log(`${c.customer}: ${(c.probability * 100).toFixed(0)}% risk x CLV ${money(c.clv)} = ${money(c.valueAtRisk)}; ${why}`);
}

heading('HTML report (every section with charts; open it in a browser)');
const out = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(out, { recursive: true });
const page = await renderReport(analyze(log), { title: 'Customer analysis: bundled sample shop', source: 'examples/data/sample-transactions.csv' });
writeFileSync(`${out}report.html`, page);
console.log(`${out}report.html (${(page.length / 1e6).toFixed(1)} MB, self-contained; the CLI writes the same: npx crm-mining analyze FILE)`);
