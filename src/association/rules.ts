import { LimitError, OptionError } from '../core/errors';
import { TransactionLog } from '../core/TransactionLog';
import type { BasketsInput } from './encode';
import { mineTable, type Itemset, type ItemsetTable } from './frequentItemsets';
import { memoryBudgetBytes, SearchGuard } from '../core/guard';
import type { FrequentItemsetsOptions } from './options';
import { checkOptions, type OptionKind } from '../core/options';
import { ITEMSET_OPTIONS } from './options';
import { makeRule, type AssociationRule, type RuleMeasureName } from './ruleMeasures';
import { fisherTest } from '../core/fisher';
import { itemsetIndex } from './itemsetIndex';

export type { AssociationRule } from './ruleMeasures';
import { checkFilter, improvement, itemSides, significant, type ItemSides, type PAdjust, type RuleAppearance } from './ruleConstraints';

const RULE_OPTIONS = {
  ...omit(ITEMSET_OPTIONS, 'kind'), minConfidence: 'number', minLift: 'number', filter: 'object', maxPValue: 'number', pAdjust: 'string',
  appearance: 'object', consequentSize: 'number', minImprovement: 'number',
} as const satisfies Record<keyof AssociationRulesOptions, OptionKind>;

function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

/** Options of {@link associationRules}: the itemset options plus rule thresholds and constraints. */
export interface AssociationRulesOptions extends Omit<FrequentItemsetsOptions, 'kind'> {
  /** Minimum confidence in [0, 1]. @default 0.5 */
  minConfidence?: number;
  /** Minimum lift (> 0). @default 0 (no bound) */
  minLift?: number;
  /** Lower bounds on any measure, e.g. `{ jaccard: 0.1, zhang: 0.5 }`. */
  filter?: Partial<Record<RuleMeasureName, number>>;
  /** Keep rules whose Fisher p-value, adjusted by `pAdjust` over the rules that pass every other constraint, is at most this. */
  maxPValue?: number;
  /** `'holm'` (family-wise error), `'bh'` (false discovery rate, Benjamini–Hochberg) or `'none'`. @default 'holm' */
  pAdjust?: PAdjust;
  /** Which items may appear on which side; pushed into the search (see {@link RuleAppearance}). */
  appearance?: RuleAppearance;
  /** Most items in a consequent; `1` gives arules' single-item consequents. @default Infinity */
  consequentSize?: number;
  /** Keep a rule only if its confidence beats every rule with a proper subset of its antecedent (the empty one too) and the same consequent by at least this (arules' non-redundant rules at 0). */
  minImprovement?: number;
}

/**
 * Association rules A => C with every non-empty antecedent and consequent whose union is a
 * frequent itemset, filtered by confidence (searched with Agrawal & Srikant's consequent
 * pruning: confidence cannot grow as items move from A to C), lift and the constraints:
 * `appearance` and `consequentSize` restrict the search itself; `filter`, `minImprovement` and
 * `maxPValue` (in that order) then bound the measures.
 * @param input - Baskets, a `TransactionLog`, or the complete output of {@link frequentItemsets} (kind 'all').
 * @param options - {@link AssociationRulesOptions}; `maxLength` bounds |A ∪ C|.
 * @returns Rules sorted by confidence, lift, support (descending), then by antecedent and consequent.
 * @throws {OptionError} code `'OPTION'` for a bad threshold, or itemsets that miss subsets (closed/maximal lists).
 * @throws {LimitError} code `'LIMIT'` when more than `maxPatterns` rules (or itemsets) would be returned.
 * @see Agrawal & Srikant (1994), Fast algorithms for mining association rules, VLDB.
 * @example
 * associationRules([['a', 'b'], ['a', 'b'], ['a']], { minSupport: 0.5, minConfidence: 0.9 })
 * //=> [{ antecedent: ['b'], consequent: ['a'], support: 0.667, confidence: 1, lift: 1, … count: 2 }]
 * associationRules(log, { minSupport: 0.001, appearance: { consequent: ['whole milk'] }, maxPValue: 0.01, pAdjust: 'bh' })
 */
export function associationRules(input: BasketsInput | readonly Itemset[], options: AssociationRulesOptions = {}): AssociationRule[] {
  checkOptions('associationRules', options, RULE_OPTIONS);
  const minConfidence = options.minConfidence ?? 0.5;
  const minLift = options.minLift ?? 0;
  if (!(typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1)) throw new OptionError(`minConfidence must be a number in [0, 1], got ${String(minConfidence)}`, { minConfidence });
  if (!(typeof minLift === 'number' && minLift >= 0)) throw new OptionError(`minLift must be a number >= 0, got ${String(minLift)}`, { minLift });
  const consequentSize = options.consequentSize ?? Infinity;
  if (!(consequentSize === Infinity || (Number.isInteger(consequentSize) && consequentSize >= 1))) throw new OptionError(`consequentSize must be an integer >= 1, got ${String(consequentSize)}`, { consequentSize });
  const { maxPValue, minImprovement } = options;
  const pAdjust = options.pAdjust ?? 'holm';
  if (maxPValue !== undefined && !(maxPValue >= 0 && maxPValue <= 1)) throw new OptionError(`maxPValue must be a number in [0, 1], got ${String(maxPValue)}`, { maxPValue });
  if (!['none', 'holm', 'bh'].includes(pAdjust)) throw new OptionError(`pAdjust must be 'none', 'holm' or 'bh', got ${String(pAdjust)}`, { pAdjust });
  if (minImprovement !== undefined && !(typeof minImprovement === 'number' && minImprovement >= -1 && minImprovement <= 1)) throw new OptionError(`minImprovement must be a number in [-1, 1], got ${String(minImprovement)}`, { minImprovement });
  const bounds = checkFilter(options.filter);
  const sides = itemSides(options.appearance);
  const { minConfidence: _c, minLift: _l, filter: _f, maxPValue: _p, pAdjust: _a, appearance: _ap, consequentSize: _cs, minImprovement: _mi, ...itemsetOptions } = options;
  const { table, guard } = isItemsetList(input)
    ? { table: tableFromItemsets(input), guard: new SearchGuard(options, { budgetBytes: memoryBudgetBytes(options), advice: 'raise minSupport or minConfidence, or set maxLength' }) }
    : mineTable(input, { ...itemsetOptions, kind: 'all' }, sides === null ? undefined : (name) => sides.antecedent(name) || sides.consequent(name));
  const found = rulesFromTable(table, { minConfidence, minLift, maxRules: options.maxPatterns ?? 1_000_000, sides, consequentSize }, guard);
  let rules = found.rules;
  if (bounds.length > 0) rules = rules.filter((r) => bounds.every(([name, min]) => r[name] >= min));
  if (minImprovement !== undefined) {
    guard.phase('improvement', rules.length);
    rules = rules.filter((r) => improvement(found.ids(r.antecedent), found.ids(r.consequent), found.count, table.n, guard) >= minImprovement);
  }
  if (maxPValue !== undefined) {
    const keep = significant(rules.map((r) => r.pValue), maxPValue, pAdjust);
    rules = rules.filter((_, i) => keep[i]);
  }
  return rules;
}

function isItemsetList(input: BasketsInput | readonly Itemset[]): input is readonly Itemset[] {
  if (input instanceof TransactionLog || !Array.isArray(input) || input.length === 0) return false;
  const first: unknown = input[0];
  return typeof first === 'object' && first !== null && !Array.isArray(first) && 'items' in first && 'count' in first;
}

function tableFromItemsets(list: readonly Itemset[]): ItemsetTable {
  const first = list[0] as Itemset;
  const n = Math.round(first.count / first.support);
  const names = [...new Set(list.flatMap((s) => s.items))].sort();
  const id = new Map(names.map((name, i) => [name, i]));
  const offsets = new Int32Array(list.length + 1);
  const items: number[] = [];
  list.forEach((s, k) => {
    for (const name of [...s.items].sort()) items.push(id.get(name) as number);
    offsets[k + 1] = items.length;
  });
  const counts = Int32Array.from(list, (s) => s.count);
  return { n, size: list.length, itemNames: names, offsets, items: Int32Array.from(items), counts, minCount: Math.min(...counts) };
}

interface RuleSearch {
  minConfidence: number;
  minLift: number;
  maxRules: number;
  sides: ItemSides | null;
  consequentSize: number;
}

/** The rules, sorted, and the counts behind them (for the improvement of a rule). */
interface FoundRules {
  rules: AssociationRule[];
  count(ids: number[]): number;
  ids(names: readonly string[]): number[];
}

function rulesFromTable(t: ItemsetTable, search: RuleSearch, guard: SearchGuard): FoundRules {
  const { minConfidence, minLift, maxRules, sides, consequentSize } = search;
  guard.phase('rules', t.size);
  guard.hold(t.size * 8, 'the itemset lookup of rules');
  const countOf = itemsetIndex(t);
  const lookup = (ids: readonly number[]): number => {
    if (ids.length === 0) return t.n;
    const c = countOf(ids);
    if (c < 0) {
      throw new OptionError(`rules need every frequent itemset, but {${ids.map((i) => t.itemNames[i]).join(', ')}} is missing: pass baskets, or itemsets mined with kind 'all'`);
    }
    return c;
  };
  const canLeft = Uint8Array.from(t.itemNames, (name) => (sides === null || sides.antecedent(name) ? 1 : 0));
  const canRight = Uint8Array.from(t.itemNames, (name) => (sides === null || sides.consequent(name) ? 1 : 0));
  const rules: AssociationRule[] = [];
  const n = t.n;
  guard.hold(8 * n, 'the log-factorials of the Fisher test');
  const fisher = fisherTest(n);
  const ante: number[] = [];
  for (let k = 0; k < t.size; k++) {
    guard.step(k);
    const z = Array.from(t.items.subarray(t.offsets[k], t.offsets[k + 1]));
    if (z.length < 2) continue;
    // Items that may not be on the left must be in every consequent; one that may be on neither side rules the itemset out.
    const must = z.filter((i) => canLeft[i] === 0);
    if (must.length >= z.length || must.length > consequentSize || must.some((i) => canRight[i] === 0)) continue;
    const free = z.filter((i) => canLeft[i] === 1 && canRight[i] === 1);
    const zCount = t.counts[k] as number;
    // Level-wise over the free part of the consequent; a consequent survives only if its confidence passes.
    let level: number[][] = must.length > 0 ? [[]] : free.map((c) => [c]);
    while (level.length > 0 && must.length + (level[0] as number[]).length <= consequentSize) {
      const passed: number[][] = [];
      for (const extra of level) {
        guard.tick(4 * z.length);
        const cons = must.length === 0 ? extra : [...must, ...extra].sort((a, b) => a - b);
        if (cons.length === z.length) continue;
        // The antecedent into a reused buffer: most candidates fail confidence and need no array of their own.
        ante.length = 0;
        for (const i of z) if (!cons.includes(i)) ante.push(i);
        const aCount = lookup(ante);
        if (zCount / aCount < minConfidence) continue;
        passed.push(extra);
        const cCount = lookup(cons);
        if (zCount / aCount / (cCount / n) < minLift) continue;
        if (rules.length >= maxRules) throw new LimitError(`more than ${maxRules.toLocaleString('en-US')} rules: raise minSupport or minConfidence, lower maxLength, or raise maxPatterns`, { maxPatterns: maxRules });
        guard.hold(360 + 16 * z.length, 'the rules found');
        rules.push(makeRule(ante.map((i) => t.itemNames[i] as string), cons.map((i) => t.itemNames[i] as string), zCount, aCount, cCount, n, fisher(zCount, aCount, cCount)));
      }
      level = (level[0] as number[]).length === 0 ? (passed.length > 0 ? free.map((c) => [c]) : []) : joinConsequents(passed);
    }
  }
  rules.sort((a, b) => {
    guard.tick(4);
    return compareRules(a, b);
  });
  const idOf = new Map(t.itemNames.map((name, i) => [name, i]));
  return { rules, count: lookup, ids: (names) => names.map((name) => idOf.get(name) as number).sort((a, b) => a - b) };
}

/** Apriori-gen over consequents: join those sharing all but the last item, keep if every subset passed. */
function joinConsequents(passed: number[][]): number[][] {
  const known = new Set(passed.map((c) => c.join(',')));
  const out: number[][] = [];
  for (let a = 0; a < passed.length; a++) {
    for (let b = a + 1; b < passed.length; b++) {
      const x = passed[a] as number[], y = passed[b] as number[];
      if (!x.slice(0, -1).every((v, i) => v === y[i])) continue;
      const cand = [...x, y[y.length - 1] as number].sort((p, q) => p - q);
      if (cand.every((_, skip) => known.has(cand.filter((__, i) => i !== skip).join(',')))) out.push(cand);
    }
  }
  return out;
}

const compareLists = (a: string[], b: string[]): number => {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return a.length - b.length;
};

function compareRules(a: AssociationRule, b: AssociationRule): number {
  return b.confidence - a.confidence || b.lift - a.lift || b.support - a.support || compareLists(a.antecedent, b.antecedent) || compareLists(a.consequent, b.consequent);
}
