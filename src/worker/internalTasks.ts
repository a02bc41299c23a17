import type { Itemset, ItemsetTable } from '../association/frequentItemsets';
import type { BasketsInput } from '../association/encode';
import type { BasketColumns } from '../core/baskets';
import type { KmeansOptions, KmeansResult, PackedRows } from '../cluster/kmeans';
import type { RandomForestOptions } from '../classify/randomForest';
import type { Label } from '../classify/metrics';
import type { TreeNode } from '../classify/cart';
import type { RunOptions } from '../core/run';
import type { FrequentItemsetsOptions } from '../association/options';

/** One worker's part of an itemset search split by branch: its table and the (branch, start, end) of each branch it mined. */
export interface BranchPart { table: ItemsetTable; blocks: Int32Array }
/** One worker's best k-means start (null when it claimed none). */
export type StartsPart = { start: number; result: KmeansResult } | null;
/** One worker's trees of a random forest, with their numbers. */
export interface ForestPart { classes: Label[]; features: number; trees: Array<[number, TreeNode]> }

/** Claims part `i` in shared flags: true for the first worker to ask. */
const claimIn = (flags: Int32Array) => (i: number): boolean => Atomics.compareExchange(flags, i, 0, 1) === 0;

/**
 * Tasks the library itself sends to workers (not public names), loaded on demand: the parts of
 * work split over several workers, and the merge of a split search's parts.
 */
export const INTERNAL_TASK_LOADERS = {
  /** Mines the branches claimed from the shared `counter` (an Int32Array over a SharedArrayBuffer). */
  itemsetBranches: async () => {
    const [{ mineTable }, { sharedClaim, TopBranches }] = await Promise.all([import('../association/frequentItemsets'), import('../association/topBranches')]);
    return (baskets: BasketsInput, options: FrequentItemsetsOptions, counter: Int32Array): BranchPart => {
      const branches = new TopBranches(sharedClaim(counter));
      const { table } = mineTable(baskets, options, undefined, branches);
      return { table, blocks: branches.toArray() };
    };
  },
  /** The parts of a split search as one table (or, with `objects`, as sorted itemsets). */
  mergeParts: async () => {
    const [{ tableToItemsets }, { mergeBranches }] = await Promise.all([import('../association/frequentItemsets'), import('../association/topBranches')]);
    return (parts: BranchPart[], objects: boolean): ItemsetTable | Itemset[] => (objects ? tableToItemsets(mergeBranches(parts)) : mergeBranches(parts));
  },
  /** The k-means starts this worker is first to claim, and the best of them. */
  kmeansStarts: async () => {
    const { nativeStarts } = await import('../cluster/kmeans');
    return (rows: PackedRows, k: number, options: KmeansOptions, flags: Int32Array): StartsPart => nativeStarts(rows, k, options, claimIn(flags));
  },
  /** The trees of a random forest this worker is first to claim. */
  forestTrees: async () => {
    const { RandomForest } = await import('../classify/randomForest');
    return (options: RandomForestOptions, X: number[][], y: Label[], flags: Int32Array, run: RunOptions): ForestPart => new RandomForest(options).growTrees(X, y, run, claimIn(flags));
  },
  /** Baskets of item names as basket columns, interned once for all the workers of a split search. */
  basketColumns: async () => {
    const { encodeBaskets } = await import('../association/encode');
    return (baskets: BasketsInput): BasketColumns => ({ kind: 'crm-mining-baskets', ...encodeBaskets(baskets) });
  },
};

/** An internal task's name. */
export type InternalTaskName = keyof typeof INTERNAL_TASK_LOADERS;

/** Where each internal task takes its options object (the worker puts onProgress there). */
export const INTERNAL_OPTIONS_AT: Readonly<Record<InternalTaskName, number>> = { itemsetBranches: 1, mergeParts: 2, basketColumns: 1, kmeansStarts: 2, forestTrees: 4 };
