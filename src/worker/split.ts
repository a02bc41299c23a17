import type { ItemsetTable, Itemset } from '../association/frequentItemsets';
import type { FrequentItemsetsOptions } from '../association/options';
import { splitsByBranch } from '../association/frequentItemsets';
import { mergeBranches } from '../association/topBranches';
import { LimitError } from '../core/errors';
import type { Progress, RunOptions } from '../core/run';
import { callWorker } from './call';
import type { BranchPart } from './internalTasks';

/** Whether a search with these options splits by branch, and this runtime can share the counter the workers claim branches from. */
export function canSplit(options: unknown): boolean {
  const o = (typeof options === 'object' && options !== null ? options : {}) as FrequentItemsetsOptions;
  return typeof SharedArrayBuffer === 'function' && splitsByBranch(o);
}

/**
 * An FP-Growth or Eclat search over `workers` threads: each mines the next unclaimed first item
 * until none is left, the parts are merged in branch order (the one-thread table exactly), and
 * `'frequentItemsets'` turns the table into sorted objects in one more worker, so the calling
 * thread only reads the result. Baskets given as arrays of names are first turned into basket
 * columns in a worker of their own, so that they are interned and copied once. The first failure (an error, a limit, the signal) stops them all.
 */
export async function itemsetsSplit(task: 'itemsetTable' | 'frequentItemsets', args: readonly [unknown, FrequentItemsetsOptions?], workers: number, run: RunOptions, workerUrl: string | URL | undefined): Promise<ItemsetTable | Itemset[]> {
  const [input, options = {}] = args;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(run.signal?.reason);
  if (run.signal?.aborted === true) onAbort();
  run.signal?.addEventListener('abort', onAbort, { once: true });
  const progress = mergedProgress(run.onProgress);
  try {
    // Arrays of names are interned once, in a worker, and reach the others as typed arrays.
    const baskets = Array.isArray(input) ? await callWorker('basketColumns', [input], { signal: stop.signal }, workerUrl) : input;
    const parts = await Promise.all(Array.from({ length: workers }, () =>
      // The first failure stops the other workers; Promise.all rejects with it, not with their aborts.
      (callWorker('itemsetBranches', [baskets, options, counter], { signal: stop.signal, ...(progress === undefined ? {} : { onProgress: progress }) }, workerUrl) as Promise<BranchPart>)
        .catch((e: unknown) => {
          stop.abort(e);
          throw e;
        })));
    const table = mergeBranches(parts);
    const maxPatterns = options.maxPatterns ?? 1_000_000;
    if (table.size > maxPatterns) {
      throw new LimitError(`more than ${maxPatterns.toLocaleString('en-US')} itemsets (minCount ${table.minCount} of ${table.n} baskets, all); raise minSupport, set maxLength, or raise maxPatterns`, { maxPatterns });
    }
    if (task === 'itemsetTable') return table;
    return await (callWorker('tableToItemsets', [table], run, workerUrl) as Promise<Itemset[]>);
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
  }
}

/** Progress of several workers as one: the mining phase counts branches claimed by any of them, other phases pass through. */
function mergedProgress(onProgress: ((p: Progress) => void) | undefined): ((p: Progress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let mined = -1;
  return (p) => {
    if (p.phase !== 'mine') onProgress(p);
    else if (p.done > mined) {
      mined = p.done;
      onProgress(p);
    }
  };
}
