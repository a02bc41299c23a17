/** A task {@link runInWorker} can run: a long function whose result is plain data. */
export type WorkerTaskName = 'frequentItemsets' | 'itemsetTable' | 'associationRules' | 'sequentialPatterns' | 'rfm' | 'customerSummary' | 'churnDataset' | 'kmeans' | 'silhouette' | 'analyze' | 'fitClassifier' | 'crossValidate';

/** Where each task takes its options object (the worker puts onProgress there). */
export const OPTIONS_AT: Readonly<Record<WorkerTaskName, number>> = {
  frequentItemsets: 1, itemsetTable: 1, associationRules: 1, sequentialPatterns: 1, rfm: 1, customerSummary: 1, churnDataset: 1, kmeans: 2, silhouette: 2, analyze: 1, fitClassifier: 4, crossValidate: 4,
};

/** Every task's name. */
export const WORKER_TASK_NAMES = Object.keys(OPTIONS_AT) as WorkerTaskName[];
