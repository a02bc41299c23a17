import { OptionError } from '../core/errors';
import type { SearchGuard } from '../core/guard';
import { RULE_MEASURE_NAMES, type RuleMeasureName } from './ruleMeasures';

/**
 * Where items may appear in a rule (arules' `appearance`). `antecedent` alone: those items only
 * on the left, every other item only on the right; `consequent` alone: those only on the right,
 * the others only on the left; both: each item on the side(s) that list it, unlisted items
 * nowhere; `exclude`: never in a rule.
 */
export interface RuleAppearance {
  antecedent?: readonly string[];
  consequent?: readonly string[];
  exclude?: readonly string[];
}

/** Per item: may it be in the antecedent, in the consequent? Items in neither never enter the search. */
export interface ItemSides {
  antecedent(name: string): boolean;
  consequent(name: string): boolean;
}

/**
 * The sides each item may take under an appearance constraint.
 * @example
 * itemSides({ consequent: ['milk'] }).consequent('bread') //=> false
 */
export function itemSides(appearance: RuleAppearance | undefined): ItemSides | null {
  if (appearance === undefined) return null;
  if (typeof appearance !== 'object' || appearance === null) throw new OptionError('appearance must be an object, e.g. { consequent: [\'milk\'] }');
  const list = (key: keyof RuleAppearance): Set<string> | null => {
    const v = appearance[key];
    if (v === undefined) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new OptionError(`appearance.${key} must be an array of item names`, { option: `appearance.${key}` });
    return new Set(v);
  };
  for (const key of Object.keys(appearance)) {
    if (!['antecedent', 'consequent', 'exclude'].includes(key)) throw new OptionError(`appearance has no option '${key}': use antecedent, consequent or exclude`);
  }
  const left = list('antecedent');
  const right = list('consequent');
  const never = list('exclude') ?? new Set<string>();
  return {
    antecedent: (name) => !never.has(name) && (left !== null ? left.has(name) : right === null || !right.has(name)),
    consequent: (name) => !never.has(name) && (right !== null ? right.has(name) : left === null || !left.has(name)),
  };
}

/** Lower bounds on rule measures, checked: names of measures and finite numbers. */
export function checkFilter(filter: unknown): Array<[RuleMeasureName, number]> {
  if (filter === undefined) return [];
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new OptionError('filter must be an object of lower bounds, e.g. { jaccard: 0.1, zhang: 0.5 }');
  return Object.entries(filter).map(([name, min]) => {
    if (!(RULE_MEASURE_NAMES as readonly string[]).includes(name)) throw new OptionError(`filter: unknown measure '${name}'; measures: ${RULE_MEASURE_NAMES.join(', ')}`, { option: 'filter' });
    if (!(typeof min === 'number' && !Number.isNaN(min))) throw new OptionError(`filter.${name} must be a number, got ${String(min)}`, { option: `filter.${name}` });
    return [name as RuleMeasureName, min];
  });
}

/** How p-values are adjusted for the number of rules tested. */
export type PAdjust = 'none' | 'holm' | 'bh';

/**
 * Which of the p-values survive `maxPValue` after adjustment for their number: Holm's step-down
 * (family-wise error) or Benjamini–Hochberg's step-up (false discovery rate).
 * @example
 * significant([0.01, 0.04, 0.03], 0.05, 'bh') //=> [true, true, true]
 */
export function significant(pValues: readonly number[], maxPValue: number, method: PAdjust): boolean[] {
  const m = pValues.length;
  if (method === 'none') return pValues.map((p) => p <= maxPValue);
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const keep = new Array<boolean>(m).fill(false);
  if (method === 'holm') {
    // Reject in ascending order while p_(i) ≤ α / (m − i); stop at the first that is not.
    for (let i = 0; i < m; i++) {
      const k = order[i] as number;
      if ((pValues[k] as number) * (m - i) > maxPValue) break;
      keep[k] = true;
    }
    return keep;
  }
  // BH: the largest i with p_(i) ≤ α·i/m, and every smaller p.
  let last = -1;
  for (let i = 0; i < m; i++) if ((pValues[order[i] as number] as number) * m <= maxPValue * (i + 1)) last = i;
  for (let i = 0; i <= last; i++) keep[order[i] as number] = true;
  return keep;
}

/**
 * Bayardo's improvement of A ⇒ C: its confidence minus the best confidence of a rule A′ ⇒ C
 * with A′ a proper subset of A (the empty antecedent included, whose confidence is s(C)).
 * `count` gives the baskets containing a set of item ids (every subset of a frequent set is there).
 * @example
 * improvement([1, 2], [3], lookup, 10) // conf({1,2} ⇒ 3) − max(conf({1} ⇒ 3), conf({2} ⇒ 3), s(3))
 */
export function improvement(antecedent: readonly number[], consequent: readonly number[], count: (ids: number[]) => number, n: number, guard: SearchGuard): number {
  const withC = (ids: number[]) => [...ids, ...consequent].sort((a, b) => a - b);
  const confidence = count(withC([...antecedent])) / count([...antecedent]);
  let best = count([...consequent].sort((a, b) => a - b)) / n;
  const size = antecedent.length;
  for (let mask = 1; mask < (1 << size) - 1; mask++) {
    guard.tick(size);
    const subset = antecedent.filter((_, i) => (mask & (1 << i)) !== 0);
    const c = count(withC(subset)) / count(subset);
    if (c > best) best = c;
  }
  return confidence - best;
}
