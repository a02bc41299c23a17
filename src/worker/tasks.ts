import type { associationRules, frequentItemsets, itemsetTable } from '../association/index';
import type { sequentialPatterns } from '../sequence/index';
import type { rfm } from '../rfm/index';
import type { customerSummary } from '../clv/index';
import type { churnDataset } from '../churn/index';
import type { kmeans, silhouette } from '../cluster/index';
import type { analyze } from '../report/analyze';
import type { WorkerTaskName } from './taskNames';
import type { ClassifierKind, ClassifierKinds, crossValidateClassifier, fitClassifier } from './classifiers';

/**
 * The functions {@link runInWorker} can run: the long ones whose results are plain data (a
 * structured clone carries them back). Fitted models keep methods, so they are fitted in the
 * calling thread (their fits take milliseconds) or, for the neural network, by `fitAsync`.
 * `'crossValidate'` takes a classifier by kind and options, as `'fitClassifier'` does.
 */
export interface WorkerTasks {
  frequentItemsets: typeof frequentItemsets;
  itemsetTable: typeof itemsetTable;
  associationRules: typeof associationRules;
  sequentialPatterns: typeof sequentialPatterns;
  rfm: typeof rfm;
  customerSummary: typeof customerSummary;
  churnDataset: typeof churnDataset;
  kmeans: typeof kmeans;
  silhouette: typeof silhouette;
  analyze: typeof analyze;
  fitClassifier: typeof fitClassifier;
  crossValidate: typeof crossValidateClassifier;
}

/**
 * Each task's function, loaded when a job asks for it: a worker loads only the modules of its
 * own task, so it starts sooner (and split searches start several).
 */
export const WORKER_TASK_LOADERS: { readonly [K in WorkerTaskName]: () => Promise<WorkerTasks[K]> } = {
  frequentItemsets: async () => (await import('../association/index')).frequentItemsets,
  itemsetTable: async () => (await import('../association/index')).itemsetTable,
  associationRules: async () => (await import('../association/index')).associationRules,
  sequentialPatterns: async () => (await import('../sequence/index')).sequentialPatterns,
  rfm: async () => (await import('../rfm/index')).rfm,
  customerSummary: async () => (await import('../clv/index')).customerSummary,
  churnDataset: async () => (await import('../churn/index')).churnDataset,
  kmeans: async () => (await import('../cluster/index')).kmeans,
  silhouette: async () => (await import('../cluster/index')).silhouette,
  analyze: async () => (await import('../report/analyze')).analyze,
  fitClassifier: async () => (await import('./classifiers')).fitClassifier,
  crossValidate: async () => (await import('./classifiers')).crossValidateClassifier,
};

export type { WorkerTaskName } from './taskNames';
/** The arguments of a task, as the function itself takes them. */
export type WorkerTaskArgs<K extends WorkerTaskName> = Parameters<WorkerTasks[K]>;
/** What a task resolves to: the function's own result (for `'fitClassifier'`, the fitted model). */
export type WorkerTaskResult<K extends WorkerTaskName> = K extends 'fitClassifier' ? ClassifierKinds[ClassifierKind]['fitted'] : ReturnType<WorkerTasks[K]>;
