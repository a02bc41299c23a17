import { CrmMiningError, OptionError } from '../core/errors';
import { nodeBuiltin } from '../core/nodeRequire';
import { RUN_OPTIONS, checkOptions } from '../core/options';
import type { RunOptions } from '../core/run';
import { hasWebWorkers, nodeWorker, webWorker, workerCall, type WorkerHandle, type WorkerStep } from '../core/worker';
import type { WorkerTaskArgs, WorkerTaskResult } from './tasks';
import { WORKER_TASK_NAMES, type WorkerTaskName } from './taskNames';
import { decodeError, encodeArgs, type NextPart, type WorkerJob, type WorkerReply } from './transfer';
import { reviveClassifier, type SentClassifier } from './classifiers';

/** Options of {@link runInWorker}. */
export interface WorkerOptions extends RunOptions {
  /**
   * The worker script. In Node it is found in the installed package. In browsers give the URL at
   * which your bundler serves `crm-mining/worker-script` (one self-contained file), e.g. with
   * Vite `import workerUrl from 'crm-mining/worker-script?url'`.
   */
  workerUrl?: string | URL;
}

/**
 * Runs a long function in a worker (a worker thread in Node, a Web Worker in browsers) so the
 * event loop stays free, and resolves with exactly what the function returns. A `signal` (here
 * or in the function's own options) terminates the worker at once, so a timer such as
 * `AbortSignal.timeout(500)` stops even a search that never yields; `onProgress` receives the
 * function's progress. Errors arrive as the library's own (LimitError, DataError, …).
 * A `TransactionLog` argument travels as its typed arrays (copied, not re-read).
 * @param task - `'frequentItemsets'`, `'itemsetTable'`, `'associationRules'`, `'sequentialPatterns'`,
 *   `'rfm'`, `'customerSummary'`, `'churnDataset'`, `'kmeans'`, `'silhouette'`, `'analyze'`, or
 *   `'fitClassifier'` with `[kind, options, X, y]` (kind `'tree'`, `'forest'`, `'logistic'` or
 *   `'naiveBayes'`), which resolves with the fitted model.
 * @param args - The function's arguments, as you would pass them to it.
 * @param options - {@link WorkerOptions}: `signal`, `onProgress`, `workerUrl`.
 * @throws {AbortError} code `'ABORTED'` when the signal fires (before the call or while it runs).
 * @throws {OptionError} code `'OPTION'` for an unknown task or arguments a worker cannot receive (functions).
 * @example
 * const rules = await runInWorker('associationRules', [log, { minSupport: 0.01 }], { signal: AbortSignal.timeout(5_000) });
 */
export async function runInWorker<K extends WorkerTaskName>(task: K, args: WorkerTaskArgs<K>, options: WorkerOptions = {}): Promise<WorkerTaskResult<K>> {
  checkOptions('runInWorker', options, { ...RUN_OPTIONS, workerUrl: 'any' });
  if (!WORKER_TASK_NAMES.includes(task)) throw new OptionError(`task must be one of ${WORKER_TASK_NAMES.map((t) => `'${t}'`).join(', ')}, got ${String(task)}`, { task });
  if (!Array.isArray(args)) throw new OptionError(`args must be the array of the function's arguments, e.g. [log, { minSupport: 0.01 }]`);
  // signal and onProgress may also sit in the function's own options; they stay in this thread.
  const own = args.find((a): a is RunOptions => typeof a === 'object' && a !== null && !Array.isArray(a) && ('signal' in a || 'onProgress' in a));
  const run: RunOptions = { ...(own?.signal === undefined ? {} : { signal: own.signal }), ...(own?.onProgress === undefined ? {} : { onProgress: own.onProgress }) };
  if (options.signal !== undefined) run.signal = options.signal;
  if (options.onProgress !== undefined) run.onProgress = options.onProgress;
  const job: WorkerJob = { task, args: encodeArgs(args), progress: run.onProgress !== undefined };
  // A long array comes in parts, one at a time: each read in its own turn of the event loop.
  const parts: unknown[][] = [];
  const read = (m: unknown): WorkerStep<WorkerTaskResult<K>> => {
    const reply = m as WorkerReply;
    if (reply.type === 'part') {
      parts.push(reply.items);
      return { reply: { type: 'next' } satisfies NextPart };
    }
    if (reply.type === 'done' && reply.parts === true) return { done: parts.flat() as WorkerTaskResult<K> };
    if (reply.type === 'progress') return { progress: reply.total === undefined ? { phase: reply.phase, done: reply.done } : { phase: reply.phase, done: reply.done, total: reply.total } };
    if (reply.type === 'done') return { done: (task === 'fitClassifier' ? reviveClassifier(reply.result as SentClassifier) : reply.result) as WorkerTaskResult<K> };
    return { error: decodeError(reply.error) };
  };
  return workerCall(() => startWorker(options.workerUrl), job, run, read).catch((e: unknown) => {
    if ((e as { name?: unknown }).name === 'DataCloneError') {
      throw new OptionError(`the arguments of ${task} cannot be sent to a worker (${(e as Error).message}); pass plain data, a TransactionLog or typed arrays, and give signal and onProgress in the options`);
    }
    throw e;
  });
}

function startWorker(workerUrl: string | URL | undefined): WorkerHandle {
  if (workerUrl !== undefined) return nodeWorker(toNodeScript(workerUrl)) ?? webWorker({ url: String(workerUrl) });
  const script = installedScript();
  if (script !== null) return nodeWorker(script) as WorkerHandle;
  if (hasWebWorkers() || nodeBuiltin('node:worker_threads') === null) {
    throw new CrmMiningError('DEPENDENCY', "runInWorker in a browser needs the worker script's URL: { workerUrl } where your bundler serves 'crm-mining/worker-script' (with Vite: import workerUrl from 'crm-mining/worker-script?url')");
  }
  throw new CrmMiningError('DEPENDENCY', 'the worker script (dist/worker/entry.js) is not beside this build of crm-mining; reinstall the package, or pass { workerUrl }');
}

/** A file URL string becomes a URL (Node's Worker reads file paths and URL objects). */
const toNodeScript = (u: string | URL): string | URL => (typeof u === 'string' && u.startsWith('file:') ? new URL(u) : u);

/** dist/worker/entry.js of the installed package, wherever the bundler put this code (an entry or a shared chunk). */
function installedScript(): URL | null {
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  const url = nodeBuiltin<typeof import('node:url')>('node:url');
  if (fs === null || url === null) return null;
  for (const candidate of ['./entry.js', './worker/entry.js', '../worker/entry.js']) {
    const at = new URL(candidate, import.meta.url);
    if (at.protocol === 'file:' && fs.existsSync(url.fileURLToPath(at))) return at;
  }
  return null;
}
