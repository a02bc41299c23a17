import { CrmMiningError } from '../core/errors';
import type { RunOptions } from '../core/run';
import { nodeBuiltin } from '../core/nodeRequire';
import { nodeWorker, webWorker, workerCall, type WorkerHandle, type WorkerStep } from '../core/worker';
import { brainPath } from './brainRuntime';
import { BROWSER_WORKER_SOURCE } from './neuralTrainerSource';

/** What the worker needs: brain.js options, seeded initial weights, data, training options. */
export interface WorkerJob { netOptions: object; initial: unknown; data: { input: number[]; output: number[] }[]; trainOptions: object; total: number }

// Plain JavaScript (a string, so no build step or transpiler touches it) run by the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const brain = require(workerData.brainPath);
parentPort.once('message', (job) => {
  const net = new brain.NeuralNetwork(job.netOptions);
  net.fromJSON(job.initial);
  net.train(job.data, Object.assign({}, job.trainOptions, {
    callbackPeriod: 10,
    callback: (s) => parentPort.postMessage({ type: 'progress', iterations: s.iterations }),
  }));
  parentPort.postMessage({ type: 'done', json: net.toJSON() });
});
`;

type Reply = { type: 'progress'; iterations: number } | { type: 'done'; json: unknown };

/**
 * Trains a brain.js network in a worker through the library's one worker mechanism
 * ({@link workerCall}): a worker thread running brain.js on Node, a Web Worker running the same
 * training step for step (neuralTrainerSource.ts) in browsers. Aborting terminates it at once
 * (brain.js's own trainAsync cannot be stopped safely).
 */
export function trainInWorker(job: WorkerJob, run: RunOptions): Promise<unknown> {
  const start = () => (nodeBuiltin('node:worker_threads') === null
    ? webWorker({ source: BROWSER_WORKER_SOURCE })
    : nodeWorker(WORKER_SOURCE, { eval: true, workerData: { brainPath: brainPath() } }) as WorkerHandle);
  const read = (m: unknown): WorkerStep<unknown> => {
    const reply = m as Reply;
    return reply.type === 'progress' ? { progress: { phase: 'train', done: reply.iterations, total: job.total } } : { done: reply.json };
  };
  const message = { netOptions: job.netOptions, initial: job.initial, data: job.data, trainOptions: { ...job.trainOptions, callbackPeriod: 10 } };
  return workerCall(start, message, run, read).catch((e: unknown) => {
    const err = e as { code?: unknown; message?: string };
    if (err.code === 'MODEL' && typeof err.message === 'string' && !err.message.startsWith('neural')) throw new CrmMiningError('MODEL', `neural network training: ${err.message}`, undefined, { cause: e });
    throw e;
  });
}
