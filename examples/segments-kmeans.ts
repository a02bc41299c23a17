/**
 * Customer segments by k-means on RFM values: pick k with the elbow and the silhouette, then
 * read the cluster profiles. Run: npx tsx examples/segments-kmeans.ts
 */
import { fileURLToPath } from 'node:url';
import { TransactionLog, elbow, kmeans, rfm, segmentCustomers, silhouette } from '../src/index';

const file = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const log = TransactionLog.fromCSV(file, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
const rows = rfm(log, { asOf: '2024-12-31' });

// The same scaling segmentCustomers uses: log(1 + x), then standardized.
const raw = rows.map((r) => [r.recency, r.frequency, Math.max(0, r.monetary)].map(Math.log1p));
const mean = [0, 1, 2].map((j) => raw.reduce((s, x) => s + (x[j] as number), 0) / raw.length);
const sd = [0, 1, 2].map((j) => Math.sqrt(raw.reduce((s, x) => s + ((x[j] as number) - (mean[j] as number)) ** 2, 0) / raw.length));
const X = raw.map((x) => x.map((v, j) => (v - (mean[j] as number)) / (sd[j] as number)));

console.log('k  inertia   silhouette');
for (const { k, inertia } of elbow(X, [2, 3, 4, 5, 6], { seed: 1 })) {
  const s = silhouette(X, kmeans(X, k, { seed: 1 }).labels);
  console.log(`${k}  ${inertia.toFixed(0).padStart(7)}   ${s.toFixed(3)}`);
}

const { profiles } = segmentCustomers(rows, { k: 4, seed: 1 });
console.log('\ncluster  customers  share  recency (days)  frequency  monetary');
for (const p of profiles) {
  console.log(`${String(p.cluster).padStart(7)}  ${String(p.customers).padStart(9)}  ${(p.share * 100).toFixed(1).padStart(4)}%  ${p.recency.toFixed(0).padStart(14)}  ${p.frequency.toFixed(1).padStart(9)}  ${p.monetary.toFixed(0).padStart(8)}`);
}
