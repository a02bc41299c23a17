import { AbortError, CrmMiningError } from '../core/errors';
import { throwIfAborted, type RunOptions } from '../core/run';
import { nodeBuiltin } from '../core/nodeRequire';
import { brainPath } from './brainRuntime';

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

/**
 * Trains a brain.js network in a worker thread; aborting terminates the worker (brain.js's
 * own trainAsync cannot be stopped safely).
 */
export async function trainInWorker(job: WorkerJob, run: RunOptions): Promise<unknown> {
  throwIfAborted(run.signal);
  const threads = nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  if (threads === null) throw new CrmMiningError('DEPENDENCY', 'training in a worker thread needs Node.js >= 20.16 here');
  const { Worker } = threads;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { brainPath: brainPath(), job } });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
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
    worker.on('message', (m: { type: 'progress'; iterations: number } | { type: 'done'; json: unknown }) => {
      if (m.type === 'progress') run.onProgress?.({ phase: 'train', done: m.iterations, total: job.total });
      else finish(() => resolve(m.json));
    });
    worker.on('error', (cause) => finish(() => reject(new CrmMiningError('MODEL', `neural network training failed: ${cause.message}`, undefined, { cause }))));
    worker.on('exit', (code) => finish(() => reject(new CrmMiningError('MODEL', `neural network training stopped (worker exit code ${code})`))));
  });
}
