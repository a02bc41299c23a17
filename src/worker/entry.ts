/**
 * The script a worker runs (worker_threads in Node, a Web Worker in browsers): it waits for one
 * job, runs the task, posts progress while it runs and then the result or the error. The host
 * ({@link runInWorker}) ends a job by terminating the worker, so nothing here checks a signal.
 */
import { loadCartEngine } from '../classify/mlCart';
import { loadKmeansEngine } from '../cluster/mlKmeans';
import { nodeBuiltin } from '../core/nodeRequire';
import { WORKER_TASK_LOADERS } from './tasks';
import { INTERNAL_OPTIONS_AT, INTERNAL_TASK_LOADERS, type InternalTaskName } from './internalTasks';
import { OPTIONS_AT, type WorkerTaskName } from './taskNames';
import { buffersIn, decodeArgs, encodeError, ROWS_PER_PART, type WorkerJob, type WorkerReply } from './transfer';

interface Port { post(reply: WorkerReply, transfer?: ArrayBuffer[]): void; onJob(run: (job: WorkerJob) => void): void; next(): Promise<void> }

function port(): Port | null {
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  const parent = threads?.parentPort;
  if (parent !== null && parent !== undefined) return { post: (r, transfer) => parent.postMessage(r, transfer), onJob: (run) => parent.once('message', run), next: () => new Promise((resolve) => parent.once('message', () => resolve())) };
  const scope = globalThis as unknown as { postMessage?(m: unknown): void; addEventListener?(t: string, f: (e: { data: WorkerJob }) => void): void; document?: unknown };
  if (typeof scope.postMessage === 'function' && typeof scope.addEventListener === 'function' && scope.document === undefined) {
    // The first message is the job; each later one asks for the next part of a long result.
    let waiting: (() => void) | null = null;
    let started = false;
    scope.addEventListener('message', () => {
      if (!started) return;
      const resume = waiting;
      waiting = null;
      resume?.();
    });
    return {
      post: (r, transfer) => (scope.postMessage as ((m: unknown, t?: ArrayBuffer[]) => void) | undefined)?.(r, transfer),
      onJob: (run) => scope.addEventListener?.('message', (e) => {
        if (started) return;
        started = true;
        run(e.data);
      }),
      next: () => new Promise((resolve) => { waiting = resolve; }),
    };
  }
  return null; // imported outside a worker: do nothing
}

async function runJob(job: WorkerJob, p: Port): Promise<void> {
  try {
    const name = job.task as WorkerTaskName;
    const internal = Object.hasOwn(INTERNAL_TASK_LOADERS, job.task) ? (job.task as InternalTaskName) : null;
    if (internal === null && !Object.hasOwn(WORKER_TASK_LOADERS, job.task)) throw new Error(`unknown task ${job.task}`);
    const fn = (await (internal === null ? WORKER_TASK_LOADERS[name] : INTERNAL_TASK_LOADERS[internal])()) as (...args: unknown[]) => unknown;
    // The engines that load on first use in the calling thread load here before the task.
    if (name === 'kmeans' || name === 'analyze') await loadKmeansEngine();
    if (name === 'analyze') await loadCartEngine();
    const onProgress = job.progress ? (progress: { phase: string; done: number; total?: number }) => p.post({ type: 'progress', ...progress }) : null;
    const result = await fn(...decodeArgs(job.args, internal === null ? OPTIONS_AT[name] : INTERNAL_OPTIONS_AT[internal], onProgress));
    if (Array.isArray(result) && result.length > ROWS_PER_PART) {
      // One part at a time: the next only when the caller has read this one.
      for (let i = 0; i < result.length; i += ROWS_PER_PART) {
        if (i > 0) await p.next();
        p.post({ type: 'part', items: result.slice(i, i + ROWS_PER_PART) });
      }
      p.post({ type: 'done', result: null, parts: true });
    } else p.post({ type: 'done', result }, buffersIn(result)); // the worker ends with the job: its arrays can move
  } catch (e) {
    p.post({ type: 'error', error: encodeError(e) });
  }
}

const p = port();
p?.onJob((job) => void runJob(job, p));
