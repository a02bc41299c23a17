import type { FrequentItemsetsOptions } from '../association/options';
import { splitsByBranch } from '../association/frequentItemsets';
import type { SequencesInput } from '../sequence/encode';
import { sortsParts, splitsByRoot, type SequentialPatternsOptions } from '../sequence/options';
import { unpackPatterns, type PackedPatterns } from '../core/packedPatterns';
import type { PatternsPart } from '../sequence/collector';
import type { KmeansOptions, KmeansResult } from '../cluster/kmeans';
import type { RandomForestOptions } from '../classify/randomForest';
import type { Label } from '../classify/metrics';
import type { CrossValidateOptions } from '../classify/crossValidate';
import type { ClassifierKind, ClassifierKinds } from './classifiers';
import type { Progress, RunOptions } from '../core/run';
import { callWorker, unpacked } from './call';
import { packedMatrix, type SentRows } from './transfer';
import type { BranchPart, ForestPart, StartsPart } from './internalTasks';

/** Splitting needs memory the workers share (in browsers, a cross-origin isolated page). */
const canShare = (): boolean => typeof SharedArrayBuffer === 'function';
const optionsOf = <T>(options: unknown): T => (typeof options === 'object' && options !== null ? options : {}) as T;

/**
 * Whether a task with these arguments splits over several workers: itemset searches by branch
 * (FP-Growth, Eclat, kind 'all'), sequential patterns by root item (PrefixSpan, SPADE), k-means
 * by start (native engine), forests by tree.
 */
export function canSplit(task: string, args: readonly unknown[]): boolean {
  if (!canShare()) return false;
  if (task === 'itemsetTable' || task === 'frequentItemsets') return splitsByBranch(optionsOf<FrequentItemsetsOptions>(args[1]));
  if (task === 'sequentialPatterns') return splitsByRoot(optionsOf<SequentialPatternsOptions>(args[1]));
  if (task === 'kmeans') return (optionsOf<KmeansOptions>(args[2]).engine ?? 'native') === 'native';
  return (task === 'fitClassifier' && args[0] === 'forest') || task === 'crossValidate';
}

/** Tasks that take the split path even in one worker: k-means's rows then travel packed in shared memory instead of as a copy of every row array. */
export const packsRows = (task: string, args: readonly unknown[]): boolean => task === 'kmeans' && canSplit(task, args);

/** Runs a split task: the parts in `workers` workers, merged as the one-thread result. */
export function runSplit(task: string, args: readonly unknown[], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<unknown> {
  if (task === 'kmeans') return kmeansSplit(args as [number[][], number, KmeansOptions?], workers, run, workerUrl);
  if (task === 'sequentialPatterns') return sequencesSplit(args as [SequencesInput, SequentialPatternsOptions?], workers, run, workerUrl);
  if (task === 'crossValidate') return foldsSplit(args as [ClassifierKind, ClassifierKinds[ClassifierKind]['options'], number[][], Label[], CrossValidateOptions?], workers, run, workerUrl);
  if (task === 'fitClassifier') return forestSplit(args as ['forest', RandomForestOptions, number[][], Label[]], workers, run, workerUrl);
  return itemsetsSplit(task as 'itemsetTable', args as [unknown, FrequentItemsetsOptions?], workers, run, workerUrl);
}

/**
 * The same internal task in `workers` workers at once, each with its own arguments. The first
 * failure (an error, a limit, the caller's signal) stops them all, and the call rejects with it.
 */
async function inWorkers<R>(workers: number, task: string, run: RunOptions, workerUrl: string | URL | undefined, body: (each: (args: readonly unknown[]) => Promise<R[]>, stop: AbortSignal) => Promise<unknown>): Promise<unknown> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(run.signal?.reason);
  if (run.signal?.aborted === true) onAbort();
  run.signal?.addEventListener('abort', onAbort, { once: true });
  const progress = mergedProgress(run.onProgress);
  const own: RunOptions = { signal: stop.signal, ...(progress === undefined ? {} : { onProgress: progress }) };
  const each = (partArgs: readonly unknown[]): Promise<R[]> => Promise.all(Array.from({ length: workers }, () =>
    (callWorker(task, partArgs, own, workerUrl) as Promise<R>).catch((e: unknown) => {
      stop.abort(e);
      throw e;
    })));
  try {
    return await body(each, stop.signal);
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
  }
}

/** Phases counted in shared parts (branches, roots, starts, trees, folds): each worker reports the part it reached. */
const SHARED_PHASES = new Set(['mine', 'kmeans', 'trees', 'fold']);

/** Progress of several workers as one: a shared phase's count only moves forward; other phases pass through. */
function mergedProgress(onProgress: ((p: Progress) => void) | undefined): ((p: Progress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  const reached = new Map<string, number>();
  return (p) => {
    if (!SHARED_PHASES.has(p.phase)) {
      onProgress(p);
      return;
    }
    if (p.done <= (reached.get(p.phase) ?? -1)) return;
    reached.set(p.phase, p.done);
    onProgress(p);
  };
}

/** n zeroed integers in memory the workers share: counters (of claimed branches or roots, of patterns found), or a claim flag per part (start, tree). */
const sharedInts = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)));

/**
 * An FP-Growth or Eclat search over `workers` threads: each mines the next unclaimed first item
 * until none is left. For `'itemsetTable'` one more worker merges the parts in branch order (the
 * one-thread table exactly), so the calling thread only reads the result; for
 * `'frequentItemsets'` each worker sorts its own itemsets and they are merged here as they are
 * read (the order depends only on the itemsets). Baskets given as arrays of names are first
 * turned into basket columns in a worker of their own, so that they are interned and copied once.
 */
async function itemsetsSplit(task: 'itemsetTable' | 'frequentItemsets', args: readonly [unknown, FrequentItemsetsOptions?], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<unknown> {
  const [input, options = {}] = args;
  // [0]: the next branch to claim; [1]: the itemsets found by all parts (for maxPatterns).
  const shared = sharedInts(2);
  const sorted = task === 'frequentItemsets';
  return inWorkers<BranchPart | PackedPatterns>(workers, sorted ? 'itemsetBranchesSorted' : 'itemsetBranches', run, workerUrl, async (each, stop) => {
    // Arrays of names are interned once, in a worker, and reach the others as typed arrays.
    const baskets = Array.isArray(input) ? await callWorker('basketColumns', [input], { signal: stop }, workerUrl) : input;
    const parts = await each([baskets, options, shared]);
    if (sorted) return unpackPatterns(parts as PackedPatterns[], stop);
    // Merged in one more worker: the parts move there, and the event loop never copies the table.
    return callWorker('mergeParts', [parts], { signal: stop }, workerUrl, parts);
  });
}

/**
 * PrefixSpan or SPADE over `workers` threads: each mines the patterns under the next unclaimed
 * root item until none is left. Patterns of kind 'all' come back sorted from each worker and are
 * merged here as they are read. For closed or maximal patterns one more worker puts the parts
 * together, filters and sorts them. Either way the order depends only on the
 * patterns: the one-thread result. Sequences given as arrays of names are first interned in a
 * worker of their own.
 */
async function sequencesSplit(args: readonly [SequencesInput, SequentialPatternsOptions?], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<unknown> {
  const [input, options = {}] = args;
  // [0]: the next root to claim; [1]: the patterns found by all parts (for maxPatterns).
  const shared = sharedInts(2);
  const sorted = sortsParts(options);
  return inWorkers<PatternsPart | PackedPatterns>(workers, sorted ? 'sequenceRootsSorted' : 'sequenceRoots', run, workerUrl, async (each, stop) => {
    const sequences = Array.isArray(input) ? await callWorker('sequenceColumns', [input], { signal: stop }, workerUrl) : input;
    const parts = await each([sequences, options, shared]);
    if (sorted) return unpackPatterns(parts as PackedPatterns[], stop);
    return unpacked(await callWorker('mergeSequences', [sequences, options, parts], { signal: stop }, workerUrl, parts), stop);
  });
}

/**
 * k-means by start: every worker seeds the starts in turn (the seeds come from one stream) and
 * runs Lloyd's iterations from those it is first to claim; the best is the lowest inertia, the
 * earliest start among equals, as in one thread.
 */
async function kmeansSplit(args: readonly [number[][], number, KmeansOptions?], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<KmeansResult> {
  const [X, k, options = {}] = args;
  // Checked here, and packed once into memory the workers share (no copy per worker), in slices
  // so the event loop keeps turning.
  const { checkKmeans, withDefaults } = await import('../cluster/kmeans');
  checkKmeans(X, k, options);
  // Checked: a matrix of finite numbers, so it packs.
  const packed = (await packedMatrix(X, run.signal)) as SentRows;
  const rows = { data: packed.values, n: packed.rows, d: packed.columns };
  const flags = sharedInts(withDefaults(options).nInit);
  return inWorkers<StartsPart>(workers, 'kmeansStarts', run, workerUrl, async (each) => {
    let best: StartsPart | null = null;
    for (const part of await each([rows, k, options, flags])) {
      if (part === null) continue;
      if (best === null || part.result.inertia < best.result.inertia || (part.result.inertia === best.result.inertia && part.start < best.start)) best = part;
    }
    return (best as Exclude<StartsPart, null>).result;
  }) as Promise<KmeansResult>;
}

/** A random forest by tree: tree t grows from the t-th fork of the seeded generator wherever it runs; the trees are put back in order. */
async function forestSplit(args: readonly ['forest', RandomForestOptions, number[][], Label[]], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<unknown> {
  const [, options, X, y] = args;
  // Checked here before any worker starts; the forest's own count of trees sizes the claim flags.
  const { RandomForest } = await import('../classify/randomForest');
  const flags = sharedInts(new RandomForest(options).nEstimators);
  // Packed once, into memory the workers share: no copy of X per worker.
  const rows = (await packedMatrix(X, run.signal)) ?? X;
  return inWorkers<ForestPart>(workers, 'forestTrees', run, workerUrl, async (each) => {
    const parts = await each([options, rows, y, flags, {}]);
    const first = parts[0] as ForestPart;
    const trees = parts.flatMap((p) => p.trees).sort((a, b) => a[0] - b[0]).map(([, tree]) => tree);
    return { kind: 'forest', model: { kind: 'random-forest', version: 1, classes: first.classes, features: first.features, trees } };
  });
}

/**
 * A cross-validation by fold: each worker fits and scores the next unclaimed fold (a fold's
 * score does not depend on where it was fitted); the scores are put back in fold order and
 * averaged as in one thread.
 */
async function foldsSplit(args: readonly [ClassifierKind, ClassifierKinds[ClassifierKind]['options'], number[][], Label[], CrossValidateOptions?], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<{ scores: number[]; mean: number }> {
  const [kind, options, X, y, cv = {}] = args;
  const { meanScore } = await import('../classify/crossValidate');
  const counter = sharedInts(1);
  const rows = (await packedMatrix(X, run.signal)) ?? X;
  const result = await inWorkers<Array<[number, number]>>(workers, 'cvFolds', run, workerUrl, async (each) => {
    const scores = (await each([kind, options, rows, y, cv, counter])).flat().sort((a, b) => a[0] - b[0]).map(([, score]) => score);
    return { scores, mean: meanScore(scores) };
  }) as { scores: number[]; mean: number };
  run.onProgress?.({ phase: 'fold', done: result.scores.length, total: result.scores.length });
  return result;
}
