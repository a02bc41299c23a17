/**
 * What customers buy next: sequential patterns and rules from the bundled sample log (each
 * customer's baskets in time order). Run: npx tsx examples/next-purchase.ts
 */
import { fileURLToPath } from 'node:url';
import { TransactionLog, sequentialPatterns, sequentialRules } from '../src/index';

const file = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
const log = TransactionLog.fromCSV(file, { customer: 'customer', time: 'time', item: 'item', order: 'order' });

// Patterns in at least 4% of customers' histories, at most 3 items long.
const patterns = sequentialPatterns(log, { minSupport: 0.04, maxLength: 3 });
const multi = patterns.filter((p) => p.sequence.length > 1);
console.log(`${patterns.length} patterns, ${multi.length} of them over two or more baskets; the most common:`);
const show = (seq: string[][]) => seq.map((set) => `(${set.join(', ')})`).join(' -> ');
for (const p of multi.slice(0, 5)) console.log(`  ${show(p.sequence).padEnd(50)} ${p.count} customers (${(p.support * 100).toFixed(1)}%)`);

// "Customers who bought X then buy Y": rules from the patterns, by confidence and lift.
const rules = sequentialRules(patterns, { minConfidence: 0.3 }).filter((r) => r.lift > 1.5);
console.log('\nNext purchases (confidence >= 0.3, lift > 1.5):');
for (const r of rules.slice(0, 5)) console.log(`  after ${show(r.prefix).padEnd(34)} -> ${r.next.join(', ').padEnd(18)} confidence ${r.confidence.toFixed(2)}  lift ${r.lift.toFixed(1)}`);

// The same purchase in the very next basket only: maxGap 1.
const next = sequentialPatterns(log, { minSupport: 0.03, maxLength: 2, maxGap: 1 }).filter((p) => p.sequence.length === 2);
console.log(`\nIn the very next basket (maxGap 1): ${next.slice(0, 3).map((p) => `${show(p.sequence)} (${p.count})`).join('; ')}`);
