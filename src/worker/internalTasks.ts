import type { ItemsetTable } from '../association/frequentItemsets';
import type { BasketsInput } from '../association/encode';
import type { BasketColumns } from '../core/baskets';
import type { KmeansOptions, KmeansResult, PackedRows } from '../cluster/kmeans';
import type { RandomForestOptions } from '../classify/randomForest';
import type { Label } from '../classify/metrics';
import type { TreeNode } from '../classify/cart';
import type { CrossValidateOptions } from '../classify/crossValidate';
import type { ClassifierKind, ClassifierKinds } from './classifiers';
import type { RunOptions } from '../core/run';
import { claimIn, sharedClaim } from '../core/claim';
import type { FrequentItemsetsOptions } from '../association/options';
import type { SequenceColumns } from '../core/sequenceColumns';
import type { SequencesInput } from '../sequence/encode';
import type { SequentialPatternsOptions } from '../sequence/options';
import type { PatternsPart } from '../sequence/collector';
import type { PackedPatterns } from '../core/packedPatterns';

/** One worker's part of an itemset search split by branch: its table and the (branch, start, end) of each branch it mined. */
export interface BranchPart { table: ItemsetTable; blocks: Int32Array }
/** One worker's best k-means start (null when it claimed none). */
export type StartsPart = { start: number; result: KmeansResult } | null;
/** One worker's trees of a random forest, with their numbers. */
export interface ForestPart { classes: Label[]; features: number; trees: Array<[number, TreeNode]> }

/** Adds a part's patterns to the count of all parts in `shared[1]`, and returns that count. */
const foundIn = (shared: Int32Array) => (n: number): number => Atomics.add(shared, 1, n) + n;

/**
 * Tasks the library itself sends to workers (not public names), loaded on demand: the parts of
 * work split over several workers, and the merge of a split search's parts.
 */
export const INTERNAL_TASK_LOADERS = {
  /** Mines the branches claimed from `shared[0]` (an Int32Array over a SharedArrayBuffer), their itemsets counted in `shared[1]`. */
  itemsetBranches: async () => {
    const [{ mineTable }, { TopBranches }] = await Promise.all([import('../association/frequentItemsets'), import('../association/topBranches')]);
    return (baskets: BasketsInput, options: FrequentItemsetsOptions, shared: Int32Array): BranchPart => {
      const branches = new TopBranches(sharedClaim(shared));
      const { table } = mineTable(baskets, options, undefined, branches, foundIn(shared));
      return { table, blocks: branches.toArray() };
    };
  },
  /** As `itemsetBranches`, the itemsets sorted and packed as `frequentItemsets` reports them (the caller merges the parts as it reads them). */
  itemsetBranchesSorted: async () => {
    const [{ mineTable, packTable }, { TopBranches }] = await Promise.all([import('../association/frequentItemsets'), import('../association/topBranches')]);
    return (baskets: BasketsInput, options: FrequentItemsetsOptions, shared: Int32Array): PackedPatterns => {
      const { table, guard } = mineTable(baskets, options, undefined, new TopBranches(sharedClaim(shared)), foundIn(shared));
      return packTable(table, guard);
    };
  },
  /** The parts of a split search as one table. */
  mergeParts: async () => (await import('../association/topBranches')).mergeBranches,
  /** `frequentItemsets`, its result packed (the caller rebuilds the objects in slices). */
  frequentItemsetsPacked: async () => (await import('../association/frequentItemsets')).frequentItemsetsPacked,
  /** `sequentialPatterns` without `topK`, its result packed. */
  sequentialPatternsPacked: async () => (await import('../sequence/sequentialPatterns')).sequentialPatternsPacked,
  /** The k-means starts this worker is first to claim, and the best of them. */
  kmeansStarts: async () => {
    const { nativeStarts } = await import('../cluster/kmeans');
    return (rows: PackedRows, k: number, options: KmeansOptions, flags: Int32Array): StartsPart => nativeStarts(rows, k, options, claimIn(flags));
  },
  /** The (fold, score) of the folds of a cross-validation claimed from the shared `counter`. */
  cvFolds: async () => {
    const { classifierFoldScores } = await import('./classifiers');
    return (kind: ClassifierKind, options: ClassifierKinds[ClassifierKind]['options'], X: number[][], y: Label[], cv: CrossValidateOptions, counter: Int32Array): Array<[number, number]> =>
      classifierFoldScores(kind, options, X, y, cv, sharedClaim(counter));
  },
  /** The trees of a random forest this worker is first to claim. */
  forestTrees: async () => {
    const { RandomForest } = await import('../classify/randomForest');
    return (options: RandomForestOptions, X: number[][], y: Label[], flags: Int32Array, run: RunOptions): ForestPart => new RandomForest(options).growTrees(X, y, run, claimIn(flags));
  },
  /** The sequential patterns under the root items claimed from `shared[0]`, their number added to `shared[1]`. */
  sequenceRoots: async () => {
    const { mineRoots } = await import('../sequence/splitByRoot');
    return (sequences: SequencesInput, options: SequentialPatternsOptions, shared: Int32Array): PatternsPart => mineRoots(sequences, options, sharedClaim(shared), foundIn(shared));
  },
  /** As `sequenceRoots`, the patterns sorted and packed (the caller merges the parts as it reads them). */
  sequenceRootsSorted: async () => {
    const { mineRootsSorted } = await import('../sequence/splitByRoot');
    return (sequences: SequencesInput, options: SequentialPatternsOptions, shared: Int32Array): PackedPatterns => mineRootsSorted(sequences, options, sharedClaim(shared), foundIn(shared));
  },
  /** The parts of a split sequence search as the patterns `sequentialPatterns` returns, packed. */
  mergeSequences: async () => {
    const { mergeRootsPacked } = await import('../sequence/splitByRoot');
    return (sequences: SequencesInput, options: SequentialPatternsOptions, parts: PatternsPart[]): PackedPatterns => mergeRootsPacked(sequences, options, parts);
  },
  /** Sequences of item names as sequence columns, interned once for all the workers of a split search. */
  sequenceColumns: async () => {
    const { encodeSequences } = await import('../sequence/encode');
    return (sequences: SequencesInput): SequenceColumns => {
      const { n, seqStart, setStart, items, itemNames } = encodeSequences(sequences);
      return { kind: 'crm-mining-sequences', n, seqStart, setStart, items, itemNames };
    };
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
export const INTERNAL_OPTIONS_AT: Readonly<Record<InternalTaskName, number>> = {
  itemsetBranches: 1, itemsetBranchesSorted: 1, mergeParts: 1, frequentItemsetsPacked: 1, sequentialPatternsPacked: 1, sequenceRoots: 1, sequenceRootsSorted: 1, mergeSequences: 1, sequenceColumns: 1, basketColumns: 1, kmeansStarts: 2, forestTrees: 4, cvFolds: 4,
};
