import { AbortError, CrmMiningError } from '../core/errors';
import { throwIfAborted, type RunOptions } from '../core/run';
import { nodeBuiltin } from '../core/nodeRequire';
import { brainPath } from './brainRuntime';
import { BROWSER_WORKER_SOURCE } from './neuralTrainerSource';

/** What the worker needs: brain.js options, seeded initial weights, data, training options. */
export interface WorkerJob { netOptions: object; initial: unknown; data: { input: number[]; output: number[] }[]; trainOptions: object; total: number }

// Plain JavaScript (a string, so no build step or transpiler touches it) run by the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const brain = require(workerData.brainPath);
const job = workerData.job;
const net = new brain.NeuralNetwork(job.netOptions);
net.fromJSON(job.initial);
net.train(job.data, Object.assign({}, job.trainOptions, {
  callbackPeriod: 10,
  callback: (s) => parentPort.postMessage({ type: 'progress', iterations: s.iterations }),
}));
parentPort.postMessage({ type: 'done', json: net.toJSON() });
`;

/** A worker thread (Node) or a Web Worker (browsers), seen the same way. */
interface TrainingWorker {
  listen(on: { message(m: WorkerMessage): void; error(cause: Error): void; exit(code: number): void }): void;
  terminate(): void;
}
type WorkerMessage = { type: 'progress'; iterations: number } | { type: 'done'; json: unknown };

/**
 * Trains a brain.js network in a worker: a worker thread running brain.js on Node, a Web Worker
 * running the same training step for step (neuralTrainerSource.ts) in browsers. Aborting
 * terminates it at once (brain.js's own trainAsync cannot be stopped safely).
 */
export async function trainInWorker(job: WorkerJob, run: RunOptions): Promise<unknown> {
  throwIfAborted(run.signal);
  const worker = startWorker(job);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => {
      try {
        throwIfAborted(run.signal);
      } catch (e) {
        reject(e as AbortError);
      }
    });
    run.signal?.addEventListener('abort', onAbort, { once: true });
    if (run.signal?.aborted === true) onAbort();
    worker.listen({
      message: (m) => {
        if (m.type === 'progress') run.onProgress?.({ phase: 'train', done: m.iterations, total: job.total });
        else finish(() => resolve(m.json));
      },
      error: (cause) => finish(() => reject(new CrmMiningError('MODEL', `neural network training failed: ${cause.message}`, undefined, { cause }))),
      exit: (code) => finish(() => reject(new CrmMiningError('MODEL', `neural network training stopped (worker exit code ${code})`))),
    });
  });
}

/** The few browser globals used here (the project compiles without the DOM library). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
}
interface WebGlobals {
  Worker?: new (url: string) => WebWorker;
  Blob?: new (parts: string[], options: { type: string }) => object;
  URL?: { createObjectURL?(blob: object): string; revokeObjectURL(url: string): void };
}

function startWorker(job: WorkerJob): TrainingWorker {
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  if (threads !== null) {
    const worker = new threads.Worker(WORKER_SOURCE, { eval: true, workerData: { brainPath: brainPath(), job } });
    return {
      listen(on) {
        worker.on('message', on.message);
        worker.on('error', on.error);
        worker.on('exit', on.exit);
      },
      terminate: () => void worker.terminate(),
    };
  }
  const web = globalThis as unknown as WebGlobals;
  if (typeof web.Worker !== 'function' || typeof web.Blob !== 'function' || typeof web.URL?.createObjectURL !== 'function') {
    throw new CrmMiningError('DEPENDENCY', 'fitAsync needs worker threads (Node.js >= 20.16) or Web Workers; use fit here');
  }
  const url = web.URL.createObjectURL(new web.Blob([BROWSER_WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new web.Worker(url);
  worker.postMessage({ initial: job.initial, data: job.data, trainOptions: { ...job.trainOptions, callbackPeriod: 10 } });
  return {
    listen(on) {
      worker.onmessage = (event) => on.message(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        on.error(new Error(event.message));
      };
    },
    terminate() {
      worker.terminate();
      web.URL?.revokeObjectURL(url);
    },
  };
}
