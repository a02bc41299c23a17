import { LimitError, OptionError } from '../core/errors';
import type { SearchGuard } from '../core/guard';
import type { PackedPatterns } from '../core/packedPatterns';
import { mineApriori } from './apriori';
import { ItemsetCollector, type ItemsetVisit } from './collector';
import { mineEclat } from './eclat';
import { encodeBaskets, type BasketsInput } from './encode';
import { mineFpGrowth } from './fpGrowth';
import { mineClosed } from './lcm';
import { resolveItemsetOptions, type FrequentItemsetsOptions, type ItemsetAlgorithm, type ItemsetKind, type ResolvedItemsetOptions } from './options';
import type { TopBranches } from './topBranches';
import { rankBaskets } from './prepare';
import { reportOrder } from './reportOrder';

/** A frequent itemset: its items (string order), how many baskets contain it, and that share. */
export interface Itemset {
  items: string[];
  count: number;
  support: number;
}

/**
 * Frequent itemsets in columnar form, one entry per itemset, no object per itemset: itemset `k`
 * has the item ids `items[offsets[k] .. offsets[k+1]]` (ascending, naming `itemNames`) and the
 * count `counts[k]`. Entries are in discovery order.
 */
export interface ItemsetTable {
  /** Number of baskets mined. */
  n: number;
  size: number;
  itemNames: readonly string[];
  offsets: Int32Array;
  items: Int32Array;
  counts: Int32Array;
  /** The minimum count that was applied. */
  minCount: number;
}

/**
 * Mines frequent itemsets into an {@link ItemsetTable}: the fast form for millions of results.
 * @param baskets - Baskets of item names, or a `TransactionLog`.
 * @param options - {@link FrequentItemsetsOptions}
 * @returns The itemsets as typed arrays.
 * @throws {OptionError} code `'OPTION'` for a bad option; {@link LimitError} code `'LIMIT'` past `maxPatterns`;
 *   {@link DataError} code `'DATA'` for a basket that is not an array of strings.
 * @example
 * const t = itemsetTable([['a', 'b'], ['a']], { minSupport: 0.5 });
 * t.size //=> 3
 */
export function itemsetTable(baskets: BasketsInput, options: FrequentItemsetsOptions = {}): ItemsetTable {
  return mineTable(baskets, options).table;
}

/**
 * {@link itemsetTable} with the search's guard, which the callers' later phases go on using.
 * With `branches`, only the branches it hands out are mined (a part of a search split over
 * workers; FP-Growth and Eclat, kind 'all', see {@link splitsByBranch}); `found` then adds the
 * part's itemsets to the count of all parts and returns that count, and past `maxPatterns` the
 * part stops with the one-thread limit.
 */
export function mineTable(baskets: BasketsInput, options: FrequentItemsetsOptions, keepItem?: (name: string) => boolean, branches?: TopBranches, found?: (n: number) => number): { table: ItemsetTable; guard: SearchGuard } {
  const { data, o, out } = search(baskets, options, keepItem, branches);
  if (found !== undefined && found(out.size) > o.maxPatterns) throw out.limitError();
  let table: ItemsetTable = {
    n: data.n,
    size: out.size,
    itemNames: data.itemNames,
    offsets: out.offsets.take(),
    items: out.items.take(),
    counts: out.counts.take(),
    minCount: o.minCount,
  };
  if (o.kind !== 'all' && o.maxLength !== Infinity) table = keepClosedOrMaximal(table, o.kind, o.maxPatterns, () => describe(o, data.n));
  return { table, guard: o.guard };
}

/** Encodes the baskets and mines them into a collector that keeps the itemsets, or hands each to `visit`. */
function search(baskets: BasketsInput, options: FrequentItemsetsOptions, keepItem?: (name: string) => boolean, branches?: TopBranches, visit?: (data: ReturnType<typeof encodeBaskets>) => ItemsetVisit) {
  const data = encodeBaskets(baskets);
  const o = resolveItemsetOptions(options, data.n);
  if (branches !== undefined && !splitsByBranch(o)) throw new OptionError(`a search by ${o.algorithm} (kind '${o.kind}') does not split by branch`);
  // Items no rule may contain (rule appearance) are left out of the search itself.
  const ranked = rankBaskets(data, o.minCount, keepItem === undefined ? undefined : Uint8Array.from(data.itemNames, (name) => (keepItem(name) ? 1 : 0)));
  const out = new ItemsetCollector(ranked.rankToItem, o.maxLength, o.kind === 'all' || o.maxLength === Infinity ? o.maxPatterns : Infinity, () => describe(o, data.n), o.guard, visit?.(data));
  if (data.n > 0) run(ranked, o, out, branches);
  return { data, o, out };
}

/** What {@link forEachItemset} found: the baskets, the names its item ids stand for, and how many itemsets it handed over. */
export interface ItemsetStream {
  n: number;
  itemNames: readonly string[];
  size: number;
  minCount: number;
}

/**
 * Mines frequent itemsets and hands each to `visit` as it is found, keeping none of them: for
 * more itemsets than are worth holding (chess @ 0.5 has 1.27M, 52 MB even as a table), written
 * out as they come. `items[0 .. length)` are item ids in ascending order, naming
 * `itemNames[id]`; the array is reused, so copy what you keep. Itemsets come in search order,
 * not sorted. Same options and the same itemsets and counts as {@link frequentItemsets}
 * (`maxPatterns` still bounds how many), except closed or maximal sets with a finite
 * `maxLength`, which are filtered after the search (use {@link itemsetTable}).
 * @param visit - Called with the ids, how many there are, the itemset's basket count, and the names.
 * @returns How many itemsets were handed over, with the names and the applied `minCount`.
 * @throws {OptionError} code `'OPTION'` for a bad option, or closed/maximal sets with a finite `maxLength`.
 * @throws {LimitError} code `'LIMIT'` past `maxPatterns` (the visits made so far stand).
 * @example
 * const lines: string[] = [];
 * forEachItemset([['a', 'b'], ['a']], { minSupport: 0.5 }, (items, length, count, names) => {
 *   lines.push(`${Array.from(items.subarray(0, length), (id) => names[id]).join(' ')} (${count})`);
 * });
 * lines.sort() //=> ['a (2)', 'a b (1)', 'b (1)']
 */
export function forEachItemset(baskets: BasketsInput, options: FrequentItemsetsOptions, visit: (items: Int32Array, length: number, count: number, itemNames: readonly string[]) => void): ItemsetStream {
  if (typeof visit !== 'function') throw new OptionError('forEachItemset: visit must be a function (items, length, count, itemNames) => void');
  const { kind, maxLength } = options;
  if ((kind === 'closed' || kind === 'maximal') && maxLength !== undefined && maxLength !== Infinity) {
    throw new OptionError(`forEachItemset: kind '${kind}' with a finite maxLength is filtered after the search, so it cannot be handed over as found; use itemsetTable`);
  }
  const { data, o, out } = search(baskets, options, undefined, undefined, (d) => (items, length, count) => visit(items, length, count, d.itemNames));
  return { n: data.n, itemNames: data.itemNames, size: out.size, minCount: o.minCount };
}

function run(ranked: ReturnType<typeof rankBaskets>, o: ResolvedItemsetOptions, out: ItemsetCollector, branches?: TopBranches): void {
  if (o.kind !== 'all' && o.maxLength === Infinity) mineClosed(ranked, o, out, o.kind === 'maximal');
  else if (o.algorithm === 'apriori') mineApriori(ranked, o, out);
  else if (o.algorithm === 'eclat') mineEclat(ranked, o, out, branches);
  else mineFpGrowth(ranked, o, out, branches);
}

/**
 * Whether a search splits into independent branches, one per first item, whose itemsets are
 * the table's in branch order: FP-Growth and Eclat listing all itemsets. (Apriori goes level by
 * level; closed and maximal sets are decided across branches.)
 */
export const splitsByBranch = (o: { algorithm?: ItemsetAlgorithm; kind?: ItemsetKind }): boolean => (o.kind ?? 'all') === 'all' && (o.algorithm ?? 'fpgrowth') !== 'apriori';

const describe = (o: ResolvedItemsetOptions, n: number): string => `minCount ${o.minCount} of ${n} baskets, ${o.kind}`;

/**
 * Mines frequent itemsets. An itemset is frequent when at least `ceil(minSupport · n)` baskets
 * contain it (or `minCount`); duplicate items in a basket count once. `kind: 'closed'` keeps
 * itemsets no proper superset of which has the same count, `'maximal'` those with no frequent
 * proper superset (both mined directly with LCM; with a finite `maxLength`, within the itemsets
 * of at most that length). All algorithms return exactly the same itemsets and counts.
 * @param baskets - Baskets of item names, or a `TransactionLog`.
 * @param options - {@link FrequentItemsetsOptions}
 * @returns Itemsets sorted by count (descending), then by their items in string order.
 * @throws {OptionError} code `'OPTION'` for a bad option, e.g. `minSupport` outside (0, 1].
 * @throws {LimitError} code `'LIMIT'` when more than `maxPatterns` itemsets would be returned.
 * @see Han, Pei & Yin (2000), Mining frequent patterns without candidate generation, SIGMOD.
 * @example
 * frequentItemsets([['bread', 'milk'], ['bread'], ['milk', 'eggs']], { minSupport: 0.5 })
 * //=> [{ items: ['bread'], count: 2, support: 0.667 }, { items: ['milk'], count: 2, support: 0.667 }]
 */
export function frequentItemsets(baskets: BasketsInput, options: FrequentItemsetsOptions = {}): Itemset[] {
  const { table, guard } = mineTable(baskets, options);
  return itemsetsFromTable(table, guard);
}

/**
 * {@link frequentItemsets} packed, in the same order: what a worker sends back for it.
 * @example
 * frequentItemsetsPacked([['a', 'b'], ['a']], { minSupport: 0.5 }).counts //=> Int32Array [2, 1, 1]
 */
export function frequentItemsetsPacked(baskets: BasketsInput, options: FrequentItemsetsOptions = {}): PackedPatterns {
  const { table, guard } = mineTable(baskets, options);
  return packTable(table, guard);
}

/**
 * FP-Growth: {@link frequentItemsets} with `algorithm: 'fpgrowth'`.
 * @example
 * fpGrowth([['a', 'b'], ['a']], { minSupport: 0.5 }).length //=> 3
 */
export const fpGrowth = (baskets: BasketsInput, options: FrequentItemsetsOptions = {}): Itemset[] => frequentItemsets(baskets, { ...options, algorithm: 'fpgrowth' });
/**
 * Apriori: {@link frequentItemsets} with `algorithm: 'apriori'`.
 * @example
 * apriori([['a', 'b'], ['a']], { minSupport: 0.5 }).length //=> 3
 */
export const apriori = (baskets: BasketsInput, options: FrequentItemsetsOptions = {}): Itemset[] => frequentItemsets(baskets, { ...options, algorithm: 'apriori' });
/**
 * Eclat: {@link frequentItemsets} with `algorithm: 'eclat'`.
 * @example
 * eclat([['a', 'b'], ['a']], { minSupport: 0.5 }).length //=> 3
 */
export const eclat = (baskets: BasketsInput, options: FrequentItemsetsOptions = {}): Itemset[] => frequentItemsets(baskets, { ...options, algorithm: 'eclat' });

/**
 * Turns a table into sorted {@link Itemset} objects.
 * @example
 * tableToItemsets(itemsetTable([['a']], { minCount: 1 })) //=> [{ items: ['a'], count: 1, support: 1 }]
 */
export function tableToItemsets(t: ItemsetTable): Itemset[] {
  return itemsetsFromTable(t);
}

function itemsetsFromTable(t: ItemsetTable, guard?: SearchGuard): Itemset[] {
  const order = reportOrder(t, guard);
  const out: Itemset[] = new Array(t.size);
  for (let k = 0; k < t.size; k++) {
    if ((k & 1023) === 0) guard?.step(k);
    const e = order[k] as number;
    // Made at its final length: pushing into an empty array took 2.5 times as long.
    const from = t.offsets[e] as number;
    const items = new Array<string>((t.offsets[e + 1] as number) - from);
    for (let i = 0; i < items.length; i++) items[i] = t.itemNames[t.items[from + i] as number] as string;
    out[k] = { items, count: t.counts[e] as number, support: (t.counts[e] as number) / t.n };
  }
  return out;
}

/**
 * A table's itemsets in the order {@link frequentItemsets} reports them, packed: how a worker
 * sends them back (the caller rebuilds the objects with `unpackPatterns`).
 * @example
 * packTable(itemsetTable([['a']], { minCount: 1 })) // { kind: 'crm-mining-packed-patterns', shape: 'itemsets', … }
 */
export function packTable(t: ItemsetTable, guard?: SearchGuard): PackedPatterns {
  const order = reportOrder(t, guard);
  const { offsets, items: from } = t;
  const setEnds = new Int32Array(t.size);
  const items = new Int32Array(from.length);
  const rowSets = new Int32Array(t.size + 1);
  const counts = new Int32Array(t.size);
  let at = 0;
  for (let k = 0; k < t.size; k++) {
    const e = order[k] as number;
    // Copied by hand: a subarray per itemset would make 1.27M views on chess @ 0.5.
    for (let i = offsets[e] as number; i < (offsets[e + 1] as number); i++) items[at++] = from[i] as number;
    setEnds[k] = at;
    rowSets[k + 1] = k + 1;
    counts[k] = t.counts[e] as number;
  }
  return { kind: 'crm-mining-packed-patterns', shape: 'itemsets', n: t.n, itemNames: t.itemNames, items, setEnds, rowSets, counts };
}

/**
 * Closed or maximal itemsets among those of at most `maxLength` items, from their complete list:
 * an itemset shorter than maxLength is closed unless a one-item-larger superset has its count,
 * maximal unless any one-item-larger superset is frequent.
 */
function keepClosedOrMaximal(t: ItemsetTable, kind: 'closed' | 'maximal', maxPatterns: number, what: () => string): ItemsetTable {
  const index = new Map<string, number>();
  const key = (k: number) => t.items.subarray(t.offsets[k], t.offsets[k + 1]).join(',');
  for (let k = 0; k < t.size; k++) index.set(key(k), k);
  const drop = new Uint8Array(t.size);
  for (let k = 0; k < t.size; k++) {
    const s = t.offsets[k] as number, e = t.offsets[k + 1] as number;
    if (e - s < 2) continue;
    const ids = Array.from(t.items.subarray(s, e));
    for (let skip = 0; skip < ids.length; skip++) {
      const sub = index.get(ids.filter((_, i) => i !== skip).join(','));
      if (sub === undefined) continue;
      if (kind === 'maximal' || t.counts[sub] === t.counts[k]) drop[sub] = 1;
    }
  }
  const keep: number[] = [];
  for (let k = 0; k < t.size; k++) if (drop[k] === 0) keep.push(k);
  if (keep.length > maxPatterns) {
    throw new LimitError(`more than ${maxPatterns.toLocaleString('en-US')} itemsets (${what()}); raise minSupport, set maxLength, or raise maxPatterns`, { maxPatterns });
  }
  const offsets = new Int32Array(keep.length + 1);
  const items: number[] = [];
  keep.forEach((k, i) => {
    for (let j = t.offsets[k] as number; j < (t.offsets[k + 1] as number); j++) items.push(t.items[j] as number);
    offsets[i + 1] = items.length;
  });
  return { ...t, size: keep.length, offsets, items: Int32Array.from(items), counts: Int32Array.from(keep, (k) => t.counts[k] as number) };
}
