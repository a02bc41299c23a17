import { OptionError } from '../core/errors';
import { compareStrings } from '../core/columns';
import { associationRules, type AssociationRule, type AssociationRulesOptions, type Itemset } from '../association/index';
import { sqlContext, withCtes, type SqlContext, type SqlSourceOptions } from './source';
import { checkedRun, type SqlRunner } from './runner';
import { num } from './rows';

/** Options of {@link itemCountsSql}. */
export interface ItemCountsSqlOptions extends SqlSourceOptions {
  /** Keep items in at least this share of the baskets. @default 0 (every item) */
  minSupport?: number;
}

/** Options of {@link pairRulesSql}: the source, the thresholds, and (for `pairRulesFromSql`) `associationRules`' constraints. */
export interface PairRulesSqlOptions extends SqlSourceOptions, Omit<AssociationRulesOptions, 'maxLength' | 'algorithm' | 'minCount' | 'signal' | 'onProgress'> {
  /** Minimum support of the pair, in (0, 1]. @default 0.01 */
  minSupport?: number;
  /** Minimum confidence, in [0, 1]. @default 0.5 */
  minConfidence?: number;
}

/** The CTEs of baskets' count `crm_n` (n, min_count) and frequent items `crm_items` (item, count). */
function countCtes(ctx: SqlContext, minSupport: number): string[] {
  if (!(typeof minSupport === 'number' && minSupport >= 0 && minSupport <= 1)) throw new OptionError(`minSupport must be a number in [0, 1], got ${String(minSupport)}`, { minSupport });
  if (!ctx.hasItem) throw new OptionError('item and pair counts need an item column: map item (the product id)');
  const { sql } = ctx;
  return [
    ...ctx.ctes,
    ctx.basketLines,
    // The library's threshold: ceil(minSupport · n), guarded against float noise, at least 1.
    `crm_n AS (SELECT CAST(COUNT(*) AS ${sql.double}) AS n, GREATEST(1, CEIL(${sql.num(minSupport)} * COUNT(*) - ${sql.num(1e-9)})) AS min_count FROM crm_baskets)`,
    `crm_items AS (SELECT item, COUNT(*) AS count FROM crm_basket_lines GROUP BY item HAVING COUNT(*) >= (SELECT min_count FROM crm_n))`,
  ];
}

/**
 * The SQL of item counts: per item, the baskets that hold it (`count`) and their share
 * (`support`), most frequent first; baskets as TransactionLog forms them (returns are no baskets
 * under the `'net'` policy). The engine returns one row per item, whatever the data's size.
 * @example
 * itemCountsSql({ dialect: 'trino', source: 'hive.shop.lines', mapping: { customer: 'cid', time: 'ts', item: 'sku', order: 'invoice' } })
 */
export function itemCountsSql(options: ItemCountsSqlOptions): string {
  const ctx = sqlContext(options);
  return withCtes(countCtes(ctx, options.minSupport ?? 0), 'SELECT i.item, i.count, i.count / c.n AS support, c.n AS baskets FROM crm_items i CROSS JOIN crm_n c ORDER BY i.count DESC, i.item');
}

function pairCtes(ctx: SqlContext, minSupport: number): string[] {
  return [
    ...countCtes(ctx, minSupport),
    // Only frequent items can be in a frequent pair: drop the others before the self-join.
    'crm_frequent_lines AS (SELECT l.customer, l.bkey, l.item FROM crm_basket_lines l JOIN crm_items f ON f.item = l.item)',
    // Each pair once (a < b in the engine's own collation: any total order will do), counted over the baskets holding both.
    `crm_pairs AS (
  SELECT a.item AS item_a, b.item AS item_b, COUNT(*) AS count
  FROM crm_frequent_lines a
  JOIN crm_frequent_lines b ON b.customer = a.customer AND b.bkey = a.bkey AND a.item < b.item
  GROUP BY a.item, b.item
  HAVING COUNT(*) >= (SELECT min_count FROM crm_n)
)`,
  ];
}

/**
 * The SQL of association rules between single items (A ⇒ C): pair counts in the engine, then
 * support, confidence, lift, leverage and conviction (NULL for confidence 1, where it is
 * infinite) with the library's formulas, and the four counts. The same rules as
 * `associationRules(log, { minSupport, minConfidence, maxLength: 2 })`.
 * @throws {OptionError} code `'OPTION'` for thresholds outside [0, 1] or a source without items.
 * @example
 * pairRulesSql({ dialect: 'spark', source: 'shop.lines', mapping: { customer: 'cid', time: 'ts', item: 'sku', order: 'invoice' }, minSupport: 0.01, minConfidence: 0.3 })
 */
export function pairRulesSql(options: PairRulesSqlOptions): string {
  const ctx = sqlContext(options);
  const minConfidence = options.minConfidence ?? 0.5;
  if (!(typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1)) throw new OptionError(`minConfidence must be a number in [0, 1], got ${String(minConfidence)}`, { minConfidence });
  const { sql } = ctx;
  const d = (e: string) => `CAST(${e} AS ${sql.double})`;
  return withCtes([
    ...pairCtes(ctx, options.minSupport ?? 0.01),
    `crm_directed AS (SELECT item_a AS antecedent, item_b AS consequent, count FROM crm_pairs UNION ALL SELECT item_b, item_a, count FROM crm_pairs)`,
    `crm_rule_counts AS (
  SELECT r.antecedent, r.consequent, ${d('r.count')} AS both_count, ${d('ia.count')} AS antecedent_count, ${d('ic.count')} AS consequent_count, c.n
  FROM crm_directed r JOIN crm_items ia ON ia.item = r.antecedent JOIN crm_items ic ON ic.item = r.consequent CROSS JOIN crm_n c
)`,
  ], `SELECT antecedent, consequent,
  both_count / n AS support,
  both_count / antecedent_count AS confidence,
  (both_count / antecedent_count) / (consequent_count / n) AS lift,
  both_count / n - (antecedent_count / n) * (consequent_count / n) AS leverage,
  CASE WHEN both_count = antecedent_count THEN NULL ELSE (1 - consequent_count / n) / (1 - both_count / antecedent_count) END AS conviction,
  both_count AS count, antecedent_count, consequent_count, n AS baskets
FROM crm_rule_counts
WHERE both_count / antecedent_count >= ${sql.num(minConfidence)}
ORDER BY confidence DESC, lift DESC, support DESC, antecedent, consequent`);
}

/**
 * Pair rules where the data lives, returned exactly as `associationRules(log, { ...options,
 * maxLength: 2 })` returns them (every measure, the p-values and the constraints): the engine
 * counts items and pairs, crm-mining builds the rules from those counts.
 * @example
 * const rules = await pairRulesFromSql(duckdbRunner(), { source: "read_parquet('lines.parquet')", mapping, minSupport: 0.001, minConfidence: 0.2 });
 */
export async function pairRulesFromSql(runner: SqlRunner, options: PairRulesSqlOptions & { onInvalid?: 'throw' | 'skip' }): Promise<AssociationRule[]> {
  const ctx = sqlContext(options);
  const rows = await checkedRun(runner, options, withCtes(pairCtes(ctx, options.minSupport ?? 0.01), `SELECT item AS item_a, CAST(NULL AS ${ctx.sql.text}) AS item_b, count, (SELECT n FROM crm_n) AS n FROM crm_items
UNION ALL SELECT item_a, item_b, count, (SELECT n FROM crm_n) AS n FROM crm_pairs`));
  if (rows.length === 0) return [];
  const n = num(rows[0] as Record<string, unknown>, 'n');
  const itemsets: Itemset[] = rows.map((r) => {
    const items = r.item_b === null || r.item_b === undefined ? [String(r.item_a)] : [String(r.item_a), String(r.item_b)].sort(compareStrings);
    const count = num(r, 'count');
    return { items, count, support: count / n };
  });
  const { dialect: _d, source: _s, mapping: _m, returns: _r, returnOrders: _o, minSupport: _ms, onInvalid: _i, ...ruleOptions } = options;
  return associationRules(itemsets, ruleOptions);
}
