/**
 * Long work off the main thread: `runInWorker(task, args, options)` runs a mining, scoring or
 * analysis function in a worker thread (Node) or a Web Worker (browsers) and stops it at once on
 * an abort. `crm-mining/worker-script` is the self-contained script browsers load.
 * @module worker
 */
export { runInWorker } from './host';
export type { WorkerOptions } from './host';
export type { WorkerTaskArgs, WorkerTaskResult, WorkerTasks } from './tasks';
export type { WorkerTaskName } from './taskNames';
export type { ClassifierKind, ClassifierKinds } from './classifiers';
