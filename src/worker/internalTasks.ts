import type { ItemsetTable } from '../association/frequentItemsets';
import type { BasketsInput } from '../association/encode';
import type { BasketColumns } from '../core/baskets';
import type { FrequentItemsetsOptions } from '../association/options';

/** One worker's part of an itemset search split by branch: its table and the (branch, start, end) of each branch it mined. */
export interface BranchPart { table: ItemsetTable; blocks: Int32Array }

/**
 * Tasks the library itself sends to workers (not public names), loaded on demand: the parts of
 * a search split over several workers, and the last step that turns the merged table into objects.
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
  tableToItemsets: async () => (await import('../association/frequentItemsets')).tableToItemsets,
  /** Baskets of item names as basket columns, interned once for all the workers of a split search. */
  basketColumns: async () => {
    const { encodeBaskets } = await import('../association/encode');
    return (baskets: BasketsInput): BasketColumns => ({ kind: 'crm-mining-baskets', ...encodeBaskets(baskets) });
  },
};

/** An internal task's name. */
export type InternalTaskName = keyof typeof INTERNAL_TASK_LOADERS;

/** Where each internal task takes its options object (the worker puts onProgress there). */
export const INTERNAL_OPTIONS_AT: Readonly<Record<InternalTaskName, number>> = { itemsetBranches: 1, tableToItemsets: 1, basketColumns: 1 };
