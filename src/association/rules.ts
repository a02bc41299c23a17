import { LimitError, OptionError } from '../core/errors';
import { TransactionLog } from '../core/TransactionLog';
import type { BasketsInput } from './encode';
import { mineTable, type Itemset, type ItemsetTable } from './frequentItemsets';
import { memoryBudgetBytes, SearchGuard } from '../core/guard';
import type { FrequentItemsetsOptions } from './options';
import { checkOptions, type OptionKind } from '../core/options';
import { ITEMSET_OPTIONS } from './options';

/** An association rule `antecedent => consequent` with its metrics. */
export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  /** Share of baskets containing antecedent ∪ consequent. */
  support: number;
  /** s(A ∪ C) / s(A). */
  confidence: number;
  /** confidence / s(C). */
  lift: number;
  /** s(A ∪ C) − s(A)·s(C). */
  leverage: number;
  /** (1 − s(C)) / (1 − confidence); Infinity at confidence 1. */
  conviction: number;
  /** Baskets containing antecedent ∪ consequent. */
  count: number;
}

const RULE_OPTIONS = { ...omit(ITEMSET_OPTIONS, 'kind'), minConfidence: 'number', minLift: 'number' } as const satisfies Record<keyof AssociationRulesOptions, OptionKind>;

function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = o;
  return rest;
}

/** Options of {@link associationRules}: the itemset options plus rule thresholds. */
export interface AssociationRulesOptions extends Omit<FrequentItemsetsOptions, 'kind'> {
  /** Minimum confidence in [0, 1]. @default 0.5 */
  minConfidence?: number;
  /** Minimum lift (> 0). @default 0 (no bound) */
  minLift?: number;
}

/**
 * Association rules A => C with every non-empty antecedent and consequent whose union is a
 * frequent itemset, filtered by confidence (searched with Agrawal & Srikant's consequent
 * pruning: confidence cannot grow as items move from A to C) and lift.
 * @param input - Baskets, a `TransactionLog`, or the complete output of {@link frequentItemsets} (kind 'all').
 * @param options - {@link AssociationRulesOptions}; `maxLength` bounds |A ∪ C|.
 * @returns Rules sorted by confidence, lift, support (descending), then by antecedent and consequent.
 * @throws {OptionError} code `'OPTION'` for a bad threshold, or itemsets that miss subsets (closed/maximal lists).
 * @throws {LimitError} code `'LIMIT'` when more than `maxPatterns` rules (or itemsets) would be returned.
 * @see Agrawal & Srikant (1994), Fast algorithms for mining association rules, VLDB.
 * @example
 * associationRules([['a', 'b'], ['a', 'b'], ['a']], { minSupport: 0.5, minConfidence: 0.9 })
 * //=> [{ antecedent: ['b'], consequent: ['a'], support: 0.667, confidence: 1, lift: 1, leverage: 0, conviction: Infinity, count: 2 }]
 */
export function associationRules(input: BasketsInput | readonly Itemset[], options: AssociationRulesOptions = {}): AssociationRule[] {
  checkOptions('associationRules', options, RULE_OPTIONS);
  const minConfidence = options.minConfidence ?? 0.5;
  const minLift = options.minLift ?? 0;
  if (!(typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1)) throw new OptionError(`minConfidence must be a number in [0, 1], got ${String(minConfidence)}`, { minConfidence });
  if (!(typeof minLift === 'number' && minLift >= 0)) throw new OptionError(`minLift must be a number >= 0, got ${String(minLift)}`, { minLift });
  const { minConfidence: _confidence, minLift: _lift, ...itemsetOptions } = options;
  const { table, guard } = isItemsetList(input)
    ? { table: tableFromItemsets(input), guard: new SearchGuard(options, { budgetBytes: memoryBudgetBytes(options), advice: 'raise minSupport or minConfidence, or set maxLength' }) }
    : mineTable(input, { ...itemsetOptions, kind: 'all' });
  return rulesFromTable(table, minConfidence, minLift, options.maxPatterns ?? 1_000_000, guard);
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

function rulesFromTable(t: ItemsetTable, minConfidence: number, minLift: number, maxRules: number, guard: SearchGuard): AssociationRule[] {
  guard.phase('rules', t.size);
  const countOf = new Map<string, number>();
  guard.hold(t.size * 80, 'the itemset lookup of rules');
  for (let k = 0; k < t.size; k++) {
    guard.tick(4);
    countOf.set(t.items.subarray(t.offsets[k], t.offsets[k + 1]).join(','), t.counts[k] as number);
  }
  const lookup = (ids: readonly number[]): number => {
    const c = countOf.get(ids.join(','));
    if (c === undefined) {
      throw new OptionError(`rules need every frequent itemset, but {${ids.map((i) => t.itemNames[i]).join(', ')}} is missing: pass baskets, or itemsets mined with kind 'all'`);
    }
    return c;
  };
  const rules: AssociationRule[] = [];
  const n = t.n;
  for (let k = 0; k < t.size; k++) {
    guard.step(k);
    const z = Array.from(t.items.subarray(t.offsets[k], t.offsets[k + 1]));
    if (z.length < 2) continue;
    const zCount = t.counts[k] as number;
    // Level-wise over consequents; a consequent survives only if its confidence passes.
    let level: number[][] = z.map((c) => [c]);
    while (level.length > 0 && (level[0] as number[]).length < z.length) {
      const passed: number[][] = [];
      for (const cons of level) {
        guard.tick(4 * z.length);
        const ante = z.filter((i) => !cons.includes(i));
        const aCount = lookup(ante);
        const confidence = zCount / aCount;
        if (confidence < minConfidence) continue;
        passed.push(cons);
        const cCount = lookup(cons);
        const sC = cCount / n;
        const lift = confidence / sC;
        if (lift < minLift) continue;
        if (rules.length >= maxRules) throw new LimitError(`more than ${maxRules.toLocaleString('en-US')} rules: raise minSupport or minConfidence, lower maxLength, or raise maxPatterns`, { maxPatterns: maxRules });
        guard.hold(160 + 16 * z.length, 'the rules found');
        rules.push({
          antecedent: ante.map((i) => t.itemNames[i] as string),
          consequent: cons.map((i) => t.itemNames[i] as string),
          support: zCount / n,
          confidence,
          lift,
          leverage: zCount / n - (aCount / n) * sC,
          conviction: confidence === 1 ? Infinity : (1 - sC) / (1 - confidence),
          count: zCount,
        });
      }
      level = joinConsequents(passed);
    }
  }
  return rules.sort((a, b) => {
    guard.tick(4);
    return compareRules(a, b);
  });
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
