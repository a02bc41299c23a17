/**
 * Market-basket analysis on the arules "Groceries" data (9,835 baskets, 169 items; public
 * domain, see examples/data/README.md): frequent itemsets, rules, and suggestions for a basket.
 * Run: npx tsx examples/market-basket.ts [path/to/groceries.csv]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { associationRules, frequentItemsets, parseBasketLines, recommend } from '../src/index';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/groceries/groceries.csv', import.meta.url));
const baskets = parseBasketLines(readFileSync(file, 'utf8'));

const itemsets = frequentItemsets(baskets, { minSupport: 0.01 });
console.log(`${baskets.length} baskets, ${itemsets.length} itemsets with support >= 1%; the largest:`);
for (const s of itemsets.filter((x) => x.items.length === 3).slice(0, 3)) console.log(`  {${s.items.join(', ')}}  support ${s.support.toFixed(4)}`);

const rules = associationRules(baskets, { minSupport: 0.01, minConfidence: 0.5 });
console.log(`\n${rules.length} rules with confidence >= 0.5:`);
for (const r of rules.slice(0, 5)) {
  console.log(`  {${r.antecedent.join(', ')}} => {${r.consequent.join(', ')}}  confidence ${r.confidence.toFixed(3)}  lift ${r.lift.toFixed(2)}  support ${r.support.toFixed(4)}`);
}

const basket = ['yogurt', 'tropical fruit'];
const loose = associationRules(baskets, { minSupport: 0.005, minConfidence: 0.2 });
console.log(`\nSuggestions for a basket with ${basket.join(' and ')}:`);
for (const s of recommend(loose, basket, { topN: 3 })) {
  console.log(`  ${s.item.padEnd(18)} confidence ${s.score.toFixed(3)} (from {${s.rule.antecedent.join(', ')}}, lift ${s.rule.lift.toFixed(2)})`);
}
