/**
 * Bounded and interruptible (issue 17), at CI sizes. Dense random data makes every search
 * explode the way chess and SIGN do at full size:
 * - with a small memory budget each algorithm ends with a LimitError naming maxMemoryMB (or its
 *   answer), never by running out of memory;
 * - an abort fired from onProgress stops each one within 100 ms, as an AbortError;
 * - an already-aborted signal stops every function that takes one before any work.
 */
import { describe, expect, it } from 'vitest';
import {
  TransactionLog, associationRules, churnDataset, churnReport, clv, createRng, customerSummary, fitBgNbd, fitGammaGamma, fitMbgNbd,
  frequentItemsets, rfm, sequentialPatterns, syntheticRecords, trainChurnModel, NeuralNetwork, DecisionTree, RandomForest, LogisticRegression, kmeans,
} from '../src/index';

const rng = createRng(17);
/** 1,000 baskets, each of 40 items present with probability 0.8: like chess, 770,887 itemsets at 30% support. */
const dense = Array.from({ length: 1000 }, () => Array.from({ length: 40 }, (_, i) => `i${i}`).filter(() => rng.next() < 0.8));
/** 300 sequences of 40 itemsets of 2 items out of 16, like SIGN: PrefixSpan at 30% fills 2 GB. */
const sequences = Array.from({ length: 300 }, () => Array.from({ length: 40 }, () => [`s${Math.floor(rng.next() * 8)}`, `t${Math.floor(rng.next() * 8)}`]));

type Search = (extra: object) => unknown;
const ITEMSETS: Array<[string, Search]> = [
  ['fpgrowth', (x) => frequentItemsets(dense, { minSupport: 0.3, maxPatterns: Infinity, ...x })],
  ['eclat', (x) => frequentItemsets(dense, { minSupport: 0.3, algorithm: 'eclat', maxPatterns: Infinity, ...x })],
  ['apriori', (x) => frequentItemsets(dense, { minSupport: 0.3, algorithm: 'apriori', maxPatterns: Infinity, ...x })],
  ['closed', (x) => frequentItemsets(dense, { minSupport: 0.3, kind: 'closed', maxPatterns: Infinity, ...x })],
  ['maximal', (x) => frequentItemsets(dense, { minSupport: 0.3, kind: 'maximal', maxPatterns: Infinity, ...x })],
  ['rules', (x) => associationRules(dense, { minSupport: 0.3, minConfidence: 0, maxPatterns: Infinity, ...x })],
];
/** 60,000 rows of 8 features, a noisy two-class rule: long fits for the learners. */
const X = Array.from({ length: 60_000 }, () => Array.from({ length: 8 }, () => rng.next()));
const y = X.map((r) => ((r[0] as number) + (r[1] as number) * (r[2] as number) + 0.3 * rng.next() > 1 ? 1 : 0));
const LEARNERS: Array<[string, Search]> = [
  ['DecisionTree.fit', (x) => new DecisionTree({ maxDepth: 30, minSamplesLeaf: 1 }).fit(X, y, x)],
  ['RandomForest.fit', (x) => new RandomForest({ nEstimators: 50, seed: 1 }).fit(X, y, x)],
  ['LogisticRegression.fit', (x) => new LogisticRegression({ maxIterations: 5000 }).fit(X, y, x)],
  ['kmeans', (x) => kmeans(X, 50, { seed: 1, ...x })],
];
const SEQUENCES: Array<[string, Search]> = [
  ['prefixspan', (x) => sequentialPatterns(sequences, { minSupport: 0.3, maxPatterns: Infinity, ...x })],
  ['prefixspan with maxGap', (x) => sequentialPatterns(sequences, { minSupport: 0.1, maxGap: 3, maxPatterns: Infinity, ...x })],
  ['spade', (x) => sequentialPatterns(sequences, { minSupport: 0.3, algorithm: 'spade', maxPatterns: Infinity, ...x })],
  ['gsp', (x) => sequentialPatterns(sequences, { minSupport: 0.3, algorithm: 'gsp', maxPatterns: Infinity, ...x })],
];

function outcome(search: Search, extra: object): { code: string; message: string; details?: Record<string, unknown> } {
  try {
    search(extra);
    return { code: 'done', message: '' };
  } catch (e) {
    const err = e as { code?: string; message: string; details?: Record<string, unknown> };
    return { code: err.code ?? 'thrown', message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  }
}

describe('a memory budget bounds what every search holds', () => {
  it.each([...ITEMSETS, ...SEQUENCES])('%s stops with a LimitError at maxMemoryMB 1, with advice', (_name, search) => {
    const r = outcome(search, { maxMemoryMB: 1 });
    expect(r.code).toBe('LIMIT');
    expect(r.message).toMatch(/maxMemoryMB \(1 MB\)/);
    expect(r.message).toMatch(/raise minSupport/);
    expect(r.details?.heldMB).toBeGreaterThan(1);
  });

  it('a budget the search fits in changes nothing', () => {
    const small = (x: object) => frequentItemsets(dense.slice(0, 200), { minSupport: 0.6, ...x });
    expect(small({ maxMemoryMB: 64 })).toEqual(small({}));
    const seq = (x: object) => sequentialPatterns(sequences.slice(0, 50), { minSupport: 0.9, algorithm: 'spade', ...x });
    expect(seq({ maxMemoryMB: 64 })).toEqual(seq({}));
  });

  it('GSP counts its candidates against maxPatterns and names PrefixSpan', () => {
    const r = outcome(SEQUENCES[3]?.[1] as Search, { maxPatterns: 500 });
    expect(r.code).toBe('LIMIT');
    expect(r.message).toMatch(/candidate .*-patterns.*'prefixspan'/);
  });

  it('rejects a budget that is not a positive number', () => {
    expect(() => frequentItemsets(dense, { maxMemoryMB: 0 })).toThrow(/maxMemoryMB must be a number of megabytes > 0/);
    expect(() => sequentialPatterns(sequences, { maxMemoryMB: -1 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});

describe('an abort from onProgress stops every search and learner within 100 ms', () => {
  it.each([...ITEMSETS, ...SEQUENCES, ...LEARNERS])('%s', (_name, search) => {
    const controller = new AbortController();
    let start = 0;
    let abortedAt = 0;
    let calls = 0;
    const r = outcome(search, {
      signal: controller.signal,
      onProgress: () => {
        calls++;
        if (start === 0) start = performance.now();
        // 150 ms into the work (after any set-up before the first report): abort.
        else if (abortedAt === 0 && performance.now() - start > 150) {
          abortedAt = performance.now();
          controller.abort(new Error('enough'));
        }
      },
    });
    const stopMs = performance.now() - abortedAt;
    expect(abortedAt, 'the search ended before it could be aborted: make the workload heavier').toBeGreaterThan(0);
    expect(r.code).toBe('ABORTED');
    expect(r.message).toMatch(/enough/);
    expect(calls).toBeGreaterThan(2);
    expect(stopMs).toBeLessThan(100);
  });
});

describe('an already-aborted signal stops value and churn functions before any work', () => {
  const records = [...syntheticRecords({ customers: 300, seed: 5, start: '2022-01-01', end: '2024-12-31' })];
  const log = TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
  const summary = customerSummary(log, { asOf: '2024-06-30' });
  const bg = fitBgNbd(summary);
  const gg = fitGammaGamma(summary);
  const model = trainChurnModel(log, { asOf: '2024-03-31', horizonDays: 90 });
  const signal = () => AbortSignal.abort(new Error('stop'));
  const ABORTED = expect.objectContaining({ code: 'ABORTED' });

  it.each([
    ['rfm', () => rfm(log, { asOf: '2024-06-30', signal: signal() })],
    ['customerSummary', () => customerSummary(log, { signal: signal() })],
    ['fitBgNbd', () => fitBgNbd(summary, { signal: signal() })],
    ['fitMbgNbd', () => fitMbgNbd(summary, { signal: signal() })],
    ['fitGammaGamma', () => fitGammaGamma(summary, { signal: signal() })],
    ['clv', () => clv(bg, gg, summary, { horizon: 52, period: 4, discountRate: 0.01, signal: signal() })],
    ['churnDataset', () => churnDataset(log, { asOf: '2024-03-31', horizonDays: 90, signal: signal() })],
    ['churnReport', () => churnReport(log, model, { asOf: '2024-06-30', signal: signal() })],
  ] as const)('%s', (_name, call) => {
    expect(call).toThrow(ABORTED);
  });

  it('fits report progress by optimizer iteration and stop when aborted from it', () => {
    const seen: number[] = [];
    fitBgNbd(summary, { onProgress: (p) => { if (p.phase === 'fit') seen.push(p.done); } });
    expect(seen[0]).toBe(0);
    const c = new AbortController();
    expect(() => fitGammaGamma(summary, { signal: c.signal, onProgress: (p) => p.phase === 'fit' && c.abort() })).toThrow(ABORTED);
  });

  it('churnReport stops inside its CLV fits when aborted from their progress', () => {
    const c = new AbortController();
    expect(() => churnReport(log, model, { asOf: '2024-06-30', signal: c.signal, onProgress: (p) => p.phase === 'fit' && c.abort() })).toThrow(ABORTED);
  });

  it('NeuralNetwork.fitAsync stops when aborted right after the call', async () => {
    const X = Array.from({ length: 200 }, (_, i) => [i % 7, (i * 3) % 11]);
    const y = X.map((r) => ((r[0] as number) > 3 ? 1 : 0));
    const c = new AbortController();
    const pending = new NeuralNetwork({ iterations: 100_000 }).fitAsync(X, y, { signal: c.signal });
    c.abort(new Error('right away'));
    await expect(pending).rejects.toEqual(expect.objectContaining({ code: 'ABORTED', message: expect.stringMatching(/right away/) }));
  });
});
