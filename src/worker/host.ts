import { OptionError } from '../core/errors';
import { RUN_OPTIONS, checkOptions } from '../core/options';
import type { RunOptions } from '../core/run';
import type { WorkerTaskArgs, WorkerTaskResult } from './tasks';
import { WORKER_TASK_NAMES, type WorkerTaskName } from './taskNames';
import { reviveClassifier, type SentClassifier } from './classifiers';
import { callWorker, unpacked } from './call';
import { canSplit, packsRows, runSplit } from './split';

/** Options of {@link runInWorker}. */
export interface WorkerOptions extends RunOptions {
  /**
   * The worker script. In Node it is found in the installed package. In browsers give the URL at
   * which your bundler serves `crm-mining/worker-script` (one self-contained file), e.g. with
   * Vite `import workerUrl from 'crm-mining/worker-script?url'`.
   */
  workerUrl?: string | URL;
  /**
   * Worker threads to split the work over, each taking the next part nobody has taken from
   * shared memory; the parts are put back together as exactly the one-worker result.
   * `'itemsetTable'` and `'frequentItemsets'` with FP-Growth or Eclat (kind 'all') split by
   * first item, `'sequentialPatterns'` with PrefixSpan or SPADE by root item, `'kmeans'` (native
   * engine) by start, `'fitClassifier'` with `'forest'` by tree, `'crossValidate'` by fold.
   * Other tasks, Apriori, closed or maximal itemsets, GSP and `topK` run in one worker. Each
   * worker keeps within `maxMemoryMB` on its own. @default 1
   */
  workers?: number;
}

/**
 * The task a worker runs for `task`: itemsets and sequential patterns come back as typed arrays
 * (`PackedPatterns`), which move at once, and the objects are rebuilt here in slices; a structured
 * clone of the objects took longer to read than the search took.
 */
function packedTask(task: WorkerTaskName, args: readonly unknown[]): string {
  if (task === 'frequentItemsets') return 'frequentItemsetsPacked';
  const options = args[1];
  if (task === 'sequentialPatterns' && (typeof options !== 'object' || options === null || (options as { topK?: unknown }).topK === undefined)) return 'sequentialPatternsPacked';
  return task;
}

/**
 * Runs a long function in a worker (a worker thread in Node, a Web Worker in browsers) so the
 * event loop stays free, and resolves with exactly what the function returns. A `signal` (here
 * or in the function's own options) terminates the worker at once, so a timer such as
 * `AbortSignal.timeout(500)` stops even a search that never yields; `onProgress` receives the
 * function's progress. Errors arrive as the library's own (LimitError, DataError, …).
 * A `TransactionLog` argument travels as its typed arrays (copied, not re-read).
 * @param task - `'frequentItemsets'`, `'itemsetTable'`, `'associationRules'`, `'sequentialPatterns'`,
 *   `'rfm'`, `'customerSummary'`, `'churnDataset'`, `'kmeans'`, `'silhouette'`, `'analyze'`,
 *   `'fitClassifier'` with `[kind, options, X, y]` (kind `'tree'`, `'forest'`, `'logistic'` or
 *   `'naiveBayes'`), which resolves with the fitted model, or `'crossValidate'` with
 *   `[kind, options, X, y, { folds, seed, metric, positive }]`, which resolves as `crossValidate`.
 * @param args - The function's arguments, as you would pass them to it.
 * @param options - {@link WorkerOptions}: `signal`, `onProgress`, `workerUrl`.
 * @throws {AbortError} code `'ABORTED'` when the signal fires (before the call or while it runs).
 * @throws {OptionError} code `'OPTION'` for an unknown task or arguments a worker cannot receive (functions).
 * @example
 * const rules = await runInWorker('associationRules', [log, { minSupport: 0.01 }], { signal: AbortSignal.timeout(5_000) });
 */
export async function runInWorker<K extends WorkerTaskName>(task: K, args: WorkerTaskArgs<K>, options: WorkerOptions = {}): Promise<WorkerTaskResult<K>> {
  checkOptions('runInWorker', options, { ...RUN_OPTIONS, workerUrl: 'any', workers: 'number' });
  if (!WORKER_TASK_NAMES.includes(task)) throw new OptionError(`task must be one of ${WORKER_TASK_NAMES.map((t) => `'${t}'`).join(', ')}, got ${String(task)}`, { task });
  if (!Array.isArray(args)) throw new OptionError(`args must be the array of the function's arguments, e.g. [log, { minSupport: 0.01 }]`);
  // signal and onProgress may also sit in the function's own options; they stay in this thread.
  const own = args.find((a): a is RunOptions => typeof a === 'object' && a !== null && !Array.isArray(a) && ('signal' in a || 'onProgress' in a));
  const run: RunOptions = { ...(own?.signal === undefined ? {} : { signal: own.signal }), ...(own?.onProgress === undefined ? {} : { onProgress: own.onProgress }) };
  if (options.signal !== undefined) run.signal = options.signal;
  if (options.onProgress !== undefined) run.onProgress = options.onProgress;
  const workers = options.workers ?? 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new OptionError(`workers must be an integer >= 1, got ${String(workers)}`, { workers });
  const result = (workers > 1 && canSplit(task, args)) || packsRows(task, args) ? await runSplit(task, args, workers, run, options.workerUrl) : await unpacked(await callWorker(packedTask(task, args), args, run, options.workerUrl), run.signal);
  return (task === 'fitClassifier' ? reviveClassifier(result as SentClassifier) : result) as WorkerTaskResult<K>;
}
