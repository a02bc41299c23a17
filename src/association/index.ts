/**
 * Market-basket analysis: frequent itemsets (FP-Growth, Apriori, Eclat; all, closed or maximal),
 * association rules with support, confidence, lift, leverage and conviction, and recommendations.
 * @module association
 */
export { frequentItemsets, fpGrowth, apriori, eclat, itemsetTable, tableToItemsets, forEachItemset } from './frequentItemsets';
export type { Itemset, ItemsetTable, ItemsetStream } from './frequentItemsets';
export type { FrequentItemsetsOptions, ItemsetKind, ItemsetAlgorithm } from './options';
export type { BasketsInput } from './encode';
export { associationRules } from './rules';
export type { AssociationRule, AssociationRulesOptions } from './rules';
export { RULE_MEASURE_NAMES } from './ruleMeasures';
export type { RuleMeasures, RuleMeasureName } from './ruleMeasures';
export type { RuleAppearance, PAdjust } from './ruleConstraints';
export { recommend } from './recommend';
export type { RecommendOptions, Recommendation } from './recommend';
