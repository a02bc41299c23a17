/**
 * An already-aborted signal throws an AbortError before any work, in every function that takes
 * one (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { DecisionTree, LogisticRegression, NaiveBayes, NeuralNetwork, crossValidate, RandomForest, TransactionLog, analyze, associationRules, frequentItemsets, kmeans, sequentialPatterns, silhouette, syntheticRecords } from '../src/index';

const records = [...syntheticRecords({ customers: 80, seed: 3, start: '2023-01-01', end: '2024-12-31' })];
const log = TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
const X = Array.from({ length: 40 }, (_, i) => [i % 7, (i * 3) % 11]);
const y = X.map((r) => (r[0] as number) > 3 ? 1 : 0);
const aborted = () => AbortSignal.abort(new Error('stop'));
const ABORTED = expect.objectContaining({ code: 'ABORTED' });

describe('an already-aborted signal stops before any work', () => {
  it.each([
    ['fromRecords', () => TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', signal: aborted() })],
    ['fromCSV', () => TransactionLog.fromCSV('c,t\nx,2024-01-01\n', { customer: 'c', time: 't', signal: aborted() })],
    ...(['fpgrowth', 'eclat', 'apriori'] as const).map((algorithm) => [`frequentItemsets ${algorithm}`, () => frequentItemsets(log, { minSupport: 0.05, algorithm, signal: aborted() })] as const),
    ['associationRules', () => associationRules(log, { minSupport: 0.05, signal: aborted() })],
    ...(['prefixspan', 'spade', 'gsp'] as const).map((algorithm) => [`sequentialPatterns ${algorithm}`, () => sequentialPatterns(log, { minSupport: 0.1, algorithm, signal: aborted() })] as const),
    ['kmeans', () => kmeans(X, 3, { signal: aborted() })],
    ['silhouette', () => silhouette(X, X.map((_, i) => i % 2), { signal: aborted() })],
    ['analyze', () => analyze(log, { signal: aborted() })],
    ['RandomForest.fit', () => new RandomForest({ nEstimators: 3 }).fit(X, y, { signal: aborted() })],
    ['DecisionTree.fit', () => new DecisionTree().fit(X, y, { signal: aborted() })],
    ['LogisticRegression.fit', () => new LogisticRegression().fit(X, y, { signal: aborted() })],
    ['NaiveBayes.fit', () => new NaiveBayes().fit(X, y, { signal: aborted() })],
    ['crossValidate', () => crossValidate(new DecisionTree(), X, y, { signal: aborted() })],
    ['NeuralNetwork.fit', () => new NeuralNetwork({ iterations: 5 }).fit(X, y, { signal: aborted() })],
  ] as const)('%s', (_name, call) => {
    expect(call).toThrow(ABORTED);
  });

  it('NeuralNetwork.fitAsync', async () => {
    await expect(new NeuralNetwork({ iterations: 5 }).fitAsync(X, y, { signal: aborted() })).rejects.toEqual(ABORTED);
  });
});

describe('crossValidate', () => {
  it('reports progress by fold and stops between folds when aborted from it', () => {
    const seen: number[] = [];
    crossValidate(new DecisionTree({ maxDepth: 2 }), X, y, { folds: 4, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    const c = new AbortController();
    expect(() => crossValidate(new DecisionTree({ maxDepth: 2 }), X, y, { folds: 4, signal: c.signal, onProgress: (p) => p.done === 2 && c.abort(new Error('enough')) })).toThrow(ABORTED);
  });
});

describe('trainChurnModel', () => {
  it('reports its stages and the forest tree by tree, and stops when aborted from them', async () => {
    const { trainChurnModel } = await import('../src/churn/model');
    const phases = new Set<string>();
    trainChurnModel(log, { asOf: '2024-06-30', horizonDays: 90, model: 'forest', onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['churn dataset', 'trees']));
    const c = new AbortController();
    expect(() => trainChurnModel(log, { asOf: '2024-06-30', horizonDays: 90, model: 'forest', signal: c.signal, onProgress: (p) => p.phase === 'trees' && p.done >= 3 && c.abort(new Error('enough')) })).toThrow(ABORTED);
    expect(() => trainChurnModel(log, { asOf: '2024-06-30', horizonDays: 90, signal: aborted() })).toThrow(ABORTED);
  });
});
