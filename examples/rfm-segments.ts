/**
 * RFM segmentation of the bundled sample log: scores, the standard segments and the summary
 * a report shows. Run: npx tsx examples/rfm-segments.ts
 */
import { fileURLToPath } from 'node:url';
import { RF_SEGMENTS, TransactionLog, rfm, rfmSummary } from '../src/index';

const file = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const log = TransactionLog.fromCSV(file, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });

const rows = rfm(log, { asOf: '2024-12-31' });
console.log('customer  recency  frequency  monetary  score  segment');
for (const r of rows.slice(0, 5)) {
  console.log(`${r.customer.padEnd(9)} ${String(r.recency).padStart(7)}  ${String(r.frequency).padStart(9)}  ${r.monetary.toFixed(2).padStart(8)}  ${r.score}    ${r.segment}`);
}

console.log('\nsegment              customers  share  recency  frequency  monetary  revenue share');
for (const s of rfmSummary(rows)) {
  console.log(`${s.segment.padEnd(20)} ${String(s.customers).padStart(9)}  ${(s.share * 100).toFixed(1).padStart(4)}%  ${s.recency.toFixed(0).padStart(7)}  ${s.frequency.toFixed(1).padStart(9)}  ${s.monetary.toFixed(0).padStart(8)}  ${(s.revenueShare * 100).toFixed(1).padStart(12)}%`);
}

// The simpler recency × frequency map, and explicit business thresholds instead of quantiles.
const rf = rfm(log, { asOf: '2024-12-31', segments: RF_SEGMENTS });
console.log(`\nrecency × frequency map: ${rfmSummary(rf).map((s) => `${s.segment} ${s.customers}`).join(', ')}`);
const fixed = rfm(log, {
  asOf: '2024-12-31', bins: 3, segments: [{ name: 'active', r: [3, 3] }, { name: 'cooling', r: [2, 2] }], fallbackSegment: 'lapsed',
  scoring: { breaks: { recency: [30, 120], frequency: [2, 6], monetary: [100, 500] } },
});
console.log(`by thresholds (bought within 30 / 120 days): ${rfmSummary(fixed).map((s) => `${s.segment} ${s.customers}`).join(', ')}`);
