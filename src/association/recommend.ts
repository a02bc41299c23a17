import { OptionError } from '../core/errors';
import type { AssociationRule } from './rules';
import { checkOptions, type OptionKind } from '../core/options';

/** Options of {@link recommend}. */
export interface RecommendOptions {
  /** How many items to return. @default 5 */
  topN?: number;
  /** Which rule metric scores an item. @default 'confidence' */
  score?: 'confidence' | 'lift';
}

/** A suggested item, its score, and the rule that scored it best. */
export interface Recommendation {
  item: string;
  score: number;
  rule: AssociationRule;
}

/**
 * Items to suggest for a basket: every rule whose antecedent is inside the basket "fires", and
 * each consequent item not already in the basket is scored by the best firing rule (ties: higher
 * lift, then support, then item name).
 * @param rules - Rules from {@link associationRules}.
 * @param basket - The items in the basket now.
 * @param options - {@link RecommendOptions}
 * @returns Up to `topN` items, best first.
 * @throws {OptionError} code `'OPTION'` for a `topN` that is not a positive integer.
 * @example
 * recommend(rules, ['bread'], { topN: 2 }) //=> [{ item: 'butter', score: 0.8, rule: {…} }, …]
 */
export function recommend(rules: readonly AssociationRule[], basket: Iterable<string>, options: RecommendOptions = {}): Recommendation[] {
  checkOptions('recommend', options, { topN: 'number', score: 'string' } satisfies Record<keyof RecommendOptions, OptionKind>);
  const topN = options.topN ?? 5;
  if (!(Number.isInteger(topN) && topN >= 1)) throw new OptionError(`topN must be a positive integer, got ${String(topN)}`, { topN });
  const metric = options.score ?? 'confidence';
  if (metric !== 'confidence' && metric !== 'lift') throw new OptionError(`score must be 'confidence' or 'lift', got ${String(metric)}`);
  const have = new Set(basket);
  const best = new Map<string, Recommendation>();
  for (const rule of rules) {
    if (!rule.antecedent.every((i) => have.has(i))) continue;
    const score = rule[metric];
    for (const item of rule.consequent) {
      if (have.has(item)) continue;
      const current = best.get(item);
      if (current === undefined || better(score, rule, current)) best.set(item, { item, score, rule });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || b.rule.lift - a.rule.lift || b.rule.support - a.rule.support || (a.item < b.item ? -1 : 1))
    .slice(0, topN);
}

function better(score: number, rule: AssociationRule, current: Recommendation): boolean {
  if (score !== current.score) return score > current.score;
  if (rule.lift !== current.rule.lift) return rule.lift > current.rule.lift;
  return rule.support > current.rule.support;
}
