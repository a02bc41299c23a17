import { associationRules, frequentItemsets, itemsetTable } from '../association/index';
import { sequentialPatterns } from '../sequence/index';
import { rfm } from '../rfm/index';
import { customerSummary } from '../clv/index';
import { churnDataset } from '../churn/index';
import { kmeans, silhouette } from '../cluster/index';
import { analyze } from '../report/analyze';
import type { WorkerTaskName } from './taskNames';
import { fitClassifier, type ClassifierKind, type ClassifierKinds } from './classifiers';

/**
 * The functions {@link runInWorker} can run: the long ones whose results are plain data (a
 * structured clone carries them back). Fitted models keep methods, so they are fitted in the
 * calling thread (their fits take milliseconds) or, for the neural network, by `fitAsync`.
 */
export const WORKER_TASKS = {
  frequentItemsets, itemsetTable, associationRules, sequentialPatterns, rfm, customerSummary, churnDataset, kmeans, silhouette, analyze, fitClassifier,
} satisfies Record<WorkerTaskName, unknown>;

/** The task table's type. */
export type WorkerTasks = typeof WORKER_TASKS;
export type { WorkerTaskName } from './taskNames';
/** The arguments of a task, as the function itself takes them. */
export type WorkerTaskArgs<K extends WorkerTaskName> = Parameters<WorkerTasks[K]>;
/** What a task resolves to: the function's own result (for `'fitClassifier'`, the fitted model). */
export type WorkerTaskResult<K extends WorkerTaskName> = K extends 'fitClassifier' ? ClassifierKinds[ClassifierKind]['fitted'] : ReturnType<WorkerTasks[K]>;
