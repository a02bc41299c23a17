import { CrmMiningError, LimitError } from './errors';
import { nodeBuiltin } from './nodeRequire';
import { throwIfAborted, type RunOptions } from './run';

/** A worker thread (Node) or a Web Worker (browsers), seen the same way. */
export interface WorkerHandle {
  /** Posts a message; the buffers in `transfer` move to the worker instead of being copied. */
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  listen(on: { message(m: unknown): void; error(cause: Error): void; exit(code: number): void }): void;
  terminate(): void;
}

/** What a reply from the worker means to the caller. */
export type WorkerStep<R> = { progress: { phase: string; done: number; total?: number } } | { done: R } | { error: Error } | { reply: unknown } | null;

/**
 * The one way crm-mining runs work in a worker: start it, send one message, pass progress
 * replies to `onProgress`, and settle once with its answer. An abort (already fired, fired right
 * after the call, or a timer's) terminates the worker at once, so the stop delay is the time to
 * post a message, not the time to the next check in a loop.
 * @example
 * await workerCall(() => nodeWorker(script), job, { signal: AbortSignal.timeout(500) }, readReply)
 */
export function workerCall<R>(start: () => WorkerHandle, message: unknown, run: RunOptions, read: (reply: unknown) => WorkerStep<R>, transfer?: ArrayBuffer[]): Promise<R> {
  throwIfAborted(run.signal);
  const worker = start();
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      fn();
    };
    const onAbort = (): void => finish(() => {
      try {
        throwIfAborted(run.signal);
      } catch (e) {
        reject(e as Error);
      }
    });
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.listen({
      message: (m) => {
        if (settled) return;
        const step = read(m);
        if (step === null) return;
        if ('reply' in step) {
          // Answered on a later turn, so that timers and I/O run between two messages.
          setTimeout(() => {
            if (!settled) worker.post(step.reply);
          }, 0);
        } else if ('progress' in step) {
          try {
            run.onProgress?.(step.progress);
          } catch (e) {
            finish(() => reject(e as Error));
          }
        } else if ('done' in step) finish(() => resolve(step.done));
        else finish(() => reject(step.error));
      },
      error: (cause) => finish(() => reject(workerFailure(cause))),
      exit: (code) => finish(() => reject(new CrmMiningError('MODEL', `the worker stopped (exit code ${code}) before it answered`))),
    });
    if (run.signal?.aborted === true) onAbort();
    else {
      try {
        worker.post(message, transfer);
      } catch (cause) {
        finish(() => reject(cause as Error));
      }
    }
  });
}

/** A worker's own failure: out of memory is a LimitError, anything else says what broke. */
function workerFailure(cause: Error): Error {
  if ((cause as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new LimitError(`the worker ran out of memory (${cause.message}); raise minSupport, set maxLength, or lower maxMemoryMB so the search stops with advice first`);
  }
  return new CrmMiningError('MODEL', `the worker failed: ${cause.message}`, undefined, { cause });
}

/**
 * A Node worker thread running a script file (or, with `eval`, a CommonJS source string); null
 * outside Node.
 */
export function nodeWorker(script: string | URL, options: { eval?: boolean; workerData?: unknown } = {}): WorkerHandle | null {
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  if (threads === null) return null;
  const worker = new threads.Worker(script, { ...(options.eval === true ? { eval: true } : {}), ...(options.workerData === undefined ? {} : { workerData: options.workerData }) });
  return {
    post: (m, transfer) => worker.postMessage(m, transfer),
    listen(on) {
      worker.on('message', on.message);
      worker.on('error', on.error);
      worker.on('exit', on.exit);
    },
    terminate: () => void worker.terminate(),
  };
}

/** The few browser globals used here (the project compiles without the DOM library). */
interface WebWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
}
interface WebGlobals {
  Worker?: new (url: string) => WebWorker;
  Blob?: new (parts: string[], options: { type: string }) => object;
  URL?: { createObjectURL?(blob: object): string; revokeObjectURL(url: string): void };
}

/** True where Web Workers exist (browsers, Deno). */
export const hasWebWorkers = (): boolean => typeof (globalThis as WebGlobals).Worker === 'function';

/** A Web Worker running the script at `url`, or the JavaScript `source` (through a blob URL). */
export function webWorker(script: { url: string } | { source: string }): WorkerHandle {
  const web = globalThis as unknown as WebGlobals;
  if (typeof web.Worker !== 'function') throw new CrmMiningError('DEPENDENCY', 'this needs worker threads (Node.js >= 20.16) or Web Workers');
  let url: string;
  let revoke = false;
  if ('url' in script) url = script.url;
  else {
    if (typeof web.Blob !== 'function' || typeof web.URL?.createObjectURL !== 'function') throw new CrmMiningError('DEPENDENCY', 'this needs Blob and URL.createObjectURL to start a Web Worker');
    url = web.URL.createObjectURL(new web.Blob([script.source], { type: 'text/javascript' }));
    revoke = true;
  }
  const worker = new web.Worker(url);
  return {
    post: (m, transfer) => worker.postMessage(m, transfer),
    listen(on) {
      worker.onmessage = (event) => on.message(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        on.error(new Error(event.message));
      };
    },
    terminate() {
      worker.terminate();
      if (revoke) web.URL?.revokeObjectURL(url);
    },
  };
}
