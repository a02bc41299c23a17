import { CrmMiningError, OptionError } from '../core/errors';
import { nodeBuiltin } from '../core/nodeRequire';
import type { RunOptions } from '../core/run';
import { hasWebWorkers, nodeWorker, webWorker, workerCall, type WorkerHandle, type WorkerStep } from '../core/worker';
import { isPackedPatterns, unpackPatterns } from '../core/packedPatterns';
import { buffersIn, decodeError, encodeArgs, type NextPart, type WorkerJob, type WorkerReply } from './transfer';

/**
 * One job in one worker: the task's result (a long array read in parts, each in its own turn
 * of the event loop), its progress passed on, and the library's own errors rebuilt. The typed
 * arrays in `move` (some of the arguments) move to the worker (the caller must not read them
 * again) instead of being copied while the event loop waits.
 */
export async function callWorker(task: string, args: readonly unknown[], run: RunOptions, workerUrl: string | URL | undefined, move?: unknown): Promise<unknown> {
  const job: WorkerJob = { task, args: await encodeArgs(args, run.signal), progress: run.onProgress !== undefined };
  const parts: unknown[][] = [];
  const read = (m: unknown): WorkerStep<unknown> => {
    const reply = m as WorkerReply;
    if (reply.type === 'part') {
      parts.push(reply.items);
      return { reply: { type: 'next' } satisfies NextPart };
    }
    if (reply.type === 'done' && reply.parts === true) return { done: parts.flat() };
    if (reply.type === 'progress') return { progress: reply.total === undefined ? { phase: reply.phase, done: reply.done } : { phase: reply.phase, done: reply.done, total: reply.total } };
    if (reply.type === 'done') return { done: reply.result };
    return { error: decodeError(reply.error) };
  };
  return workerCall(() => startWorker(workerUrl), job, run, read, move === undefined ? undefined : buffersIn(move)).catch((e: unknown) => {
    if ((e as { name?: unknown }).name === 'DataCloneError') {
      throw new OptionError(`the arguments of ${task} cannot be sent to a worker (${(e as Error).message}); pass plain data, a TransactionLog or typed arrays, and give signal and onProgress in the options`);
    }
    throw e;
  });
}

/** A worker's result, with packed itemsets or patterns rebuilt as objects (in slices: the event loop keeps turning). */
export const unpacked = (result: unknown, signal: AbortSignal | undefined): unknown => (isPackedPatterns(result) ? unpackPatterns(result, signal) : result);

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
