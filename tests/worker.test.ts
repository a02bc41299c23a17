/**
 * runInWorker from the sources (issue 17): every task gives in a worker exactly what it gives in
 * the thread; a timer signal stops a search that never yields within 100 ms of firing; the event
 * loop stays free meanwhile; errors come back typed. The worker script is the sources' entry
 * bundled by esbuild (the package tests run the built one from the installed tarball).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DecisionTree, LogisticRegression, NaiveBayes, RandomForest, TransactionLog, analyze, associationRules, churnDataset, createRng, crossValidate, customerSummary, frequentItemsets, itemsetTable, kmeans, rfm,
  parseFimiColumns, parseSpmfColumns, runInWorker, sequentialPatterns, silhouette,
} from '../src/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so the bundle finds the lazily loaded engines in node_modules.
const OUT = `${ROOT}node_modules/.cache/crm-mining-tests`;
const workerUrl = new URL(`file://${OUT}/worker.mjs`);

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  execFileSync(`${ROOT}node_modules/.bin/esbuild`, ['src/worker/entry.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${OUT}/worker.mjs`, '--log-level=error'], { cwd: ROOT });
});

const log = TransactionLog.fromCSV(`${ROOT}examples/data/sample-transactions.csv`, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
const rng = createRng(9);
const dense = Array.from({ length: 1000 }, () => Array.from({ length: 40 }, (_, i) => `i${i}`).filter(() => rng.next() < 0.8));
const ABORTED = expect.objectContaining({ code: 'ABORTED' });

/** The value without `elapsedMs` fields (analyze times its sections). */
const withoutTimings = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'elapsedMs' ? undefined : x)));

describe('runInWorker gives what the function gives', () => {
  const X = Array.from({ length: 60 }, (_, i) => [i % 6, (i * 7) % 5]);
  it.each([
    ['frequentItemsets', [log, { minSupport: 0.02 }], () => frequentItemsets(log, { minSupport: 0.02 })],
    ['itemsetTable', [log, { minSupport: 0.02 }], () => itemsetTable(log, { minSupport: 0.02 })],
    ['associationRules', [log, { minSupport: 0.01, minConfidence: 0.2 }], () => associationRules(log, { minSupport: 0.01, minConfidence: 0.2 })],
    ['sequentialPatterns', [log, { minSupport: 0.05, algorithm: 'spade' }], () => sequentialPatterns(log, { minSupport: 0.05, algorithm: 'spade' })],
    ['rfm', [log, { asOf: '2024-07-01' }], () => rfm(log, { asOf: '2024-07-01' })],
    ['customerSummary', [log, { asOf: '2024-07-01' }], () => customerSummary(log, { asOf: '2024-07-01' })],
    ['churnDataset', [log, { asOf: '2024-03-31', horizonDays: 90 }], () => churnDataset(log, { asOf: '2024-03-31', horizonDays: 90 })],
    ['kmeans', [X, 3, { seed: 4 }], () => kmeans(X, 3, { seed: 4 })],
    ['silhouette', [X, X.map((r) => (r[0] as number) % 2)], () => silhouette(X, X.map((r) => (r[0] as number) % 2))],
    ['analyze', [log, {}], () => analyze(log, {})],
  ] as const)('%s', async (task, args, inThread) => {
    const got = await runInWorker(task, args as never, { workerUrl });
    expect(withoutTimings(got)).toEqual(withoutTimings(inThread()));
  });

  it('forwards progress and takes signal and onProgress from the function options too', async () => {
    const phases = new Set<string>();
    await runInWorker('associationRules', [log, { minSupport: 0.01, onProgress: (p) => phases.add(p.phase) }], { workerUrl });
    expect([...phases]).toEqual(expect.arrayContaining(['mine', 'rules']));
    await expect(runInWorker('rfm', [log, { signal: AbortSignal.abort() }], { workerUrl })).rejects.toEqual(ABORTED);
  });
});

describe("runInWorker('fitClassifier') fits in a worker and gives back the fitted model", () => {
  const X = Array.from({ length: 300 }, (_, i) => [i % 13, (i * 7) % 11, (i * 3) % 5]);
  const y = X.map((r) => ((r[0] as number) + (r[1] as number) > 11 ? 'yes' : 'no'));
  it.each([
    ['tree', { maxDepth: 4 }, () => new DecisionTree({ maxDepth: 4 })],
    ['forest', { nEstimators: 10, seed: 3 }, () => new RandomForest({ nEstimators: 10, seed: 3 })],
    ['logistic', { l2: 0.01 }, () => new LogisticRegression({ l2: 0.01 })],
    ['naiveBayes', {}, () => new NaiveBayes()],
  ] as const)('%s', async (kind, options, make) => {
    const model = await runInWorker('fitClassifier', [kind, options, X, y], { workerUrl });
    const local = make().fit(X, y);
    expect(model.classes).toEqual(local.classes);
    expect(model.predictProba(X)).toEqual(local.predictProba(X));
    expect(model.toJSON()).toEqual(local.toJSON());
  });

  it('a timer stops a large forest at once', async () => {
    const big = Array.from({ length: 20_000 }, () => [rng.next(), rng.next(), rng.next(), rng.next()]);
    const labels = big.map((r) => ((r[0] as number) > 0.5 ? 1 : 0));
    const seen: number[] = [];
    const outcome = await runInWorker('fitClassifier', ['forest', { nEstimators: 500 }, big, labels], { workerUrl, signal: AbortSignal.timeout(800), onProgress: (p) => seen.push(p.done) }).catch((e: unknown) => e);
    expect(outcome).toEqual(ABORTED);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('runInWorker stops on time and keeps the event loop free', () => {
  it('a timer signal stops a search that never yields within 100 ms, and the event loop is never blocked for 100 ms', async () => {
    const signal = AbortSignal.timeout(400);
    let firedAt = 0;
    signal.addEventListener('abort', () => { firedAt = performance.now(); });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const outcome = await runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxPatterns: Infinity }], { signal, workerUrl }).catch((e: unknown) => e);
    const stopMs = performance.now() - firedAt;
    delay.disable();
    expect(outcome).toEqual(ABORTED);
    expect(firedAt).toBeGreaterThan(0);
    expect(stopMs).toBeLessThan(100);
    expect(delay.max / 1e6).toBeLessThan(100);
  });

  it('a long list of itemsets comes back packed and is rebuilt in slices, so reading it never holds the event loop for 100 ms beyond a collector pause', async () => {
    // The 100k objects survive, so the young-generation collector copies them: pauses of
    // 30–45 ms each (up to 111 ms in all with 2 test files in parallel on 2 cores), whatever the
    // slicing. A slice can run into one pause; the slices themselves must stay short.
    const options = { minSupport: 0.38 };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const pauses: number[] = [];
    const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) pauses.push(e.duration); });
    gc.observe({ entryTypes: ['gc'] });
    delay.enable();
    const got = await runInWorker('frequentItemsets', [dense, options], { workerUrl });
    delay.disable();
    await new Promise((resolve) => setImmediate(resolve));
    for (const e of gc.takeRecords()) pauses.push(e.duration);
    gc.disconnect();
    expect(got.length).toBeGreaterThan(50_000);
    expect(got).toEqual(frequentItemsets(dense, options));
    expect(delay.max / 1e6).toBeLessThan(100 + Math.max(0, ...pauses));
  });

  it('an abort right after the call, or from progress, stops it', async () => {
    const c = new AbortController();
    const pending = runInWorker('frequentItemsets', [dense, { minSupport: 0.3 }], { signal: c.signal, workerUrl });
    c.abort(new Error('changed my mind'));
    await expect(pending).rejects.toEqual(expect.objectContaining({ code: 'ABORTED', message: expect.stringMatching(/changed my mind/) }));
    const d = new AbortController();
    await expect(runInWorker('sequentialPatterns', [dense.slice(0, 50).map((b) => b.map((i) => [i])), { minSupport: 0.3 }], { signal: d.signal, onProgress: () => d.abort(), workerUrl })).rejects.toEqual(ABORTED);
  });
});

describe('runInWorker errors', () => {
  it('come back as the library errors, with their details', async () => {
    await expect(runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxMemoryMB: 1 }], { workerUrl })).rejects.toEqual(expect.objectContaining({ name: 'LimitError', code: 'LIMIT', details: expect.objectContaining({ maxMemoryMB: 1 }) }));
    await expect(runInWorker('rfm', [log, { bins: 12 }], { workerUrl })).rejects.toEqual(expect.objectContaining({ name: 'OptionError', code: 'OPTION' }));
    await expect(runInWorker('rfm', [[{ customer: 'a', recency: 1, frequency: 'two', monetary: 3 }] as never, {}], { workerUrl }))
      .rejects.toEqual(expect.objectContaining({ name: 'DataError', code: 'DATA', row: 1, field: 'frequency' }));
  });

  it('refuses unknown tasks, arguments a worker cannot receive, and bad options before starting one', async () => {
    await expect(runInWorker('fitBgNbd' as never, [] as never, { workerUrl })).rejects.toThrow(/task must be one of/);
    await expect(runInWorker('rfm', [log, { scoring: (() => 1) as never }], { workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/cannot be sent to a worker/) }));
    await expect(runInWorker('rfm', [log], { workerUrl, timeout: 5 } as never)).rejects.toThrow(/unknown option 'timeout'/);
  });

  it('from the sources, without a workerUrl, says where the script should be', async () => {
    await expect(runInWorker('rfm', [log])).rejects.toEqual(expect.objectContaining({ code: 'DEPENDENCY', message: expect.stringMatching(/worker script/) }));
  });
});

describe('runInWorker with workers > 1 splits FP-Growth and Eclat by first item (issue 22)', () => {
  /** Random baskets over `nItems` items, each present with probability `p`. */
  const randomBaskets = (seed: number, n: number, nItems: number, p: number): string[][] => {
    const r = createRng(seed);
    return Array.from({ length: n }, () => Array.from({ length: nItems }, (_, i) => `item${i}`).filter(() => r.next() < p));
  };

  it('gives exactly the one-thread table and itemsets, for both algorithms, dense and sparse, with maxLength', async () => {
    const cases = [
      [randomBaskets(1, 400, 30, 0.5), { minSupport: 0.2 }],
      [randomBaskets(2, 3000, 200, 0.03), { minCount: 3 }],
      [randomBaskets(3, 500, 25, 0.6), { minSupport: 0.3, maxLength: 3 }],
    ] as const;
    for (const [baskets, base] of cases) {
      for (const algorithm of ['fpgrowth', 'eclat'] as const) {
        const options = { ...base, algorithm, maxPatterns: Infinity };
        const table = itemsetTable(baskets, options);
        expect(table.size).toBeGreaterThan(100);
        for (const workers of [2, 3]) expect(await runInWorker('itemsetTable', [baskets, options], { workers, workerUrl })).toEqual(table);
        expect(await runInWorker('frequentItemsets', [baskets, options], { workers: 2, workerUrl })).toEqual(frequentItemsets(baskets, options));
      }
    }
  });

  it('takes a log or basket columns; Apriori and closed sets run whole in one worker with the same result', async () => {
    expect(await runInWorker('itemsetTable', [log, { minSupport: 0.01 }], { workers: 2, workerUrl })).toEqual(itemsetTable(log, { minSupport: 0.01 }));
    const columns = parseFimiColumns(dense.map((b) => b.join(' ')).join('\n'));
    expect(await runInWorker('itemsetTable', [columns, { minSupport: 0.45, algorithm: 'eclat' }], { workers: 2, workerUrl })).toEqual(itemsetTable(dense, { minSupport: 0.45, algorithm: 'eclat' }));
    for (const options of [{ minSupport: 0.55, algorithm: 'apriori' }, { minSupport: 0.5, kind: 'closed' }] as const) {
      expect(await runInWorker('frequentItemsets', [dense, options], { workers: 2, workerUrl })).toEqual(frequentItemsets(dense, options));
    }
  });

  it('reports the limit, progress through the branches, and stops every worker on a timer within 100 ms', async () => {
    const limited = { minSupport: 0.4, maxPatterns: 1000 };
    const message = (() => { try { itemsetTable(dense, limited); } catch (e) { return (e as Error).message; } return 'no limit'; })();
    expect(message).toMatch(/more than 1,000 itemsets/);
    for (const task of ['itemsetTable', 'frequentItemsets'] as const) {
      await expect(runInWorker(task, [dense, limited], { workers: 2, workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'LIMIT', message }));
    }
    const mined: number[] = [];
    await runInWorker('itemsetTable', [dense, { minSupport: 0.45 }], { workers: 2, workerUrl, onProgress: (p) => { if (p.phase === 'mine') mined.push(p.done); } });
    expect(mined.length).toBeGreaterThan(1);
    expect(mined).toEqual([...mined].sort((a, b) => a - b));
    const signal = AbortSignal.timeout(300);
    let firedAt = 0;
    signal.addEventListener('abort', () => { firedAt = performance.now(); });
    const outcome = await runInWorker('itemsetTable', [dense, { minSupport: 0.3, maxPatterns: Infinity }], { workers: 2, signal, workerUrl }).catch((e: unknown) => e);
    expect(outcome).toEqual(ABORTED);
    expect(performance.now() - firedAt).toBeLessThan(100);
  });

  it('never blocks the event loop for 100 ms, merge included, on a large split result', async () => {
    const options = { minSupport: 0.38, maxPatterns: Infinity };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const got = await runInWorker('itemsetTable', [dense, options], { workers: 2, workerUrl });
    delay.disable();
    expect(got.size).toBeGreaterThan(50_000);
    expect(got).toEqual(itemsetTable(dense, options));
    expect(delay.max / 1e6).toBeLessThan(100);
  });

  it('refuses a workers count that is not a positive integer', async () => {
    for (const workers of [0, 1.5, -2]) await expect(runInWorker('itemsetTable', [dense, {}], { workers, workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/workers must be an integer >= 1/) }));
  });
});

describe('runInWorker with workers > 1 splits PrefixSpan and SPADE by root item (issue 22)', () => {
  const r = createRng(33);
  // 600 customers, 3-9 itemsets each over 40 items, with a few common ones so that patterns run long.
  const sequences = Array.from({ length: 600 }, () => Array.from({ length: 3 + Math.floor(r.next() * 7) }, () =>
    [...new Set(Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => `p${Math.floor(r.next() ** 2 * 40)}`))]));
  // 300 customers, 25 itemsets each over 10 items: long patterns, a search of seconds at low support.
  const long = Array.from({ length: 300 }, () => Array.from({ length: 25 }, () => [...new Set(Array.from({ length: 1 + Math.floor(r.next() * 2) }, () => `q${Math.floor(r.next() * 10)}`))]));

  it('gives exactly the one-thread patterns: both algorithms, gaps, maxLength, closed and maximal sets', async () => {
    const cases = [
      { minSupport: 0.05 },
      { minSupport: 0.05, algorithm: 'spade' },
      { minSupport: 0.03, maxGap: 2, maxLength: 4 },
      { minSupport: 0.04, algorithm: 'spade', minGap: 2, maxGap: 3 },
      { minSupport: 0.05, kind: 'closed' },
      { minSupport: 0.05, kind: 'maximal', algorithm: 'spade' },
    ] as const;
    for (const options of cases) {
      const local = sequentialPatterns(sequences, options);
      expect(local.length).toBeGreaterThan(50);
      expect(await runInWorker('sequentialPatterns', [sequences, options], { workers: 2, workerUrl })).toEqual(local);
    }
    const local = sequentialPatterns(long, { minSupport: 0.4 });
    expect(local.length).toBeGreaterThan(10_000);
    expect(await runInWorker('sequentialPatterns', [long, { minSupport: 0.4 }], { workers: 3, workerUrl })).toEqual(local);
  });

  it('takes a log (gaps and a window in days) or sequence columns; GSP and topK run whole in one worker with the same result', async () => {
    for (const options of [{ minSupport: 0.05 }, { minSupport: 0.08, windowDays: 60, algorithm: 'spade' }, { minSupport: 0.02, maxGapDays: 30 }] as const) {
      expect(await runInWorker('sequentialPatterns', [log, options], { workers: 2, workerUrl })).toEqual(sequentialPatterns(log, options));
    }
    const columns = parseSpmfColumns(sequences.map((seq) => `${seq.map((set) => `${set.join(' ')} -1`).join(' ')} -2`).join('\n'));
    expect(await runInWorker('sequentialPatterns', [columns, { minSupport: 0.05 }], { workers: 2, workerUrl })).toEqual(sequentialPatterns(sequences, { minSupport: 0.05 }));
    for (const options of [{ minSupport: 0.08, algorithm: 'gsp' }, { topK: 20 }] as const) {
      expect(await runInWorker('sequentialPatterns', [sequences, options], { workers: 2, workerUrl })).toEqual(sequentialPatterns(sequences, options));
    }
  });

  it('reports the limit, progress through the roots, and stops every worker on a timer within 100 ms', async () => {
    for (const options of [{ minSupport: 0.03, maxPatterns: 300 }, { minSupport: 0.03, maxPatterns: 300, kind: 'closed' }] as const) {
      const message = (() => { try { sequentialPatterns(sequences, options); } catch (e) { return (e as Error).message; } return 'no limit'; })();
      expect(message).toMatch(/more than 300 sequential patterns/);
      await expect(runInWorker('sequentialPatterns', [sequences, options], { workers: 2, workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'LIMIT', message, details: { maxPatterns: 300 } }));
    }
    const mined: number[] = [];
    await runInWorker('sequentialPatterns', [long, { minSupport: 0.3, maxPatterns: Infinity }], { workers: 2, workerUrl, onProgress: (p) => { if (p.phase === 'mine') mined.push(p.done); } });
    expect(mined.length).toBeGreaterThan(1);
    expect(mined).toEqual([...mined].sort((a, b) => a - b));
    const signal = AbortSignal.timeout(300);
    let firedAt = 0;
    signal.addEventListener('abort', () => { firedAt = performance.now(); });
    const outcome = await runInWorker('sequentialPatterns', [long, { minSupport: 0.05, maxPatterns: Infinity, maxMemoryMB: 4096 }], { workers: 2, signal, workerUrl }).catch((e: unknown) => e);
    expect(outcome).toEqual(ABORTED);
    expect(performance.now() - firedAt).toBeLessThan(100);
  });
});

describe('runInWorker with workers > 1 splits k-means by start and a forest by tree (issue 22)', () => {
  const r = createRng(21);
  const blobs = Array.from({ length: 1500 }, (_, i) => [(i % 5) * 4 + r.next(), ((i * 3) % 5) * 4 + r.next(), r.next()]);
  // Four tight, far apart groups: every start finds them, with the clusters numbered differently, and the same inertia.
  const tied = Array.from({ length: 400 }, (_, i) => [(i % 4) * 100 + (i % 3) * 0.25, Math.floor((i % 4) / 2) * 100 + (i % 5) * 0.25]);

  it('k-means gives the one-thread result: the lowest inertia, the earliest start among equal ones', async () => {
    for (const [X, k, options] of [[blobs, 5, { seed: 3, nInit: 6 }], [blobs, 7, { seed: 5, nInit: 5, init: 'random' }], [tied, 4, { seed: 2, nInit: 8 }]] as const) {
      const local = kmeans(X, k, options);
      for (const workers of [2, 3]) expect(await runInWorker('kmeans', [X, k, options], { workers, workerUrl })).toEqual(local);
    }
    // The tied case is a real test of the tie rule: another start numbers the clusters differently.
    const starts = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => kmeans(tied, 4, { seed, nInit: 1 }));
    expect(new Set(starts.map((s) => s.inertia)).size).toBe(1);
    expect(new Set(starts.map((s) => s.labels.slice(0, 4).join())).size).toBeGreaterThan(1);
  });

  it('a forest grown by tree over workers is the one-thread forest, tree for tree', async () => {
    const X = Array.from({ length: 400 }, (_, i) => [i % 13, (i * 7) % 11, (i * 3) % 5, r.next()]);
    const y = X.map((row) => ((row[0] as number) + (row[1] as number) > 11 ? 'yes' : 'no'));
    const local = new RandomForest({ nEstimators: 13, seed: 4, maxDepth: 5 }).fit(X, y);
    for (const workers of [2, 3]) {
      const model = await runInWorker('fitClassifier', ['forest', { nEstimators: 13, seed: 4, maxDepth: 5 }, X, y], { workers, workerUrl });
      expect(model.toJSON()).toEqual(local.toJSON());
      expect(model.predictProba(X)).toEqual(local.predictProba(X));
    }
  });

  it('cross-validation by fold gives the one-thread scores and mean, for every kind', async () => {
    const X = Array.from({ length: 300 }, (_, i) => [i % 13, (i * 7) % 11, (i * 3) % 5, r.next()]);
    const y = X.map((row, i) => ((row[0] as number) + (row[1] as number) + (i % 4) > 13 ? 'yes' : 'no'));
    const cases = [
      ['forest', { nEstimators: 9, seed: 2, maxDepth: 4 }, new RandomForest({ nEstimators: 9, seed: 2, maxDepth: 4 }), { folds: 5, metric: 'auc' }],
      ['tree', { maxDepth: 3 }, new DecisionTree({ maxDepth: 3 }), { folds: 4, seed: 3 }],
      ['logistic', {}, new LogisticRegression(), { folds: 3, metric: 'auc', positive: 'no' }],
      ['naiveBayes', {}, new NaiveBayes(), { folds: 6 }],
    ] as const;
    for (const [kind, options, estimator, cv] of cases) {
      const local = crossValidate(estimator, X, y, cv);
      expect(local.scores.length).toBe(cv.folds);
      for (const workers of [1, 2, 3]) expect(await runInWorker('crossValidate', [kind, options, X, y, cv], { workers, workerUrl })).toEqual(local);
    }
    const seen: number[] = [];
    await runInWorker('crossValidate', ['forest', { nEstimators: 9 }, X, y, { folds: 5 }], { workers: 2, workerUrl, onProgress: (p) => { if (p.phase === 'fold') seen.push(p.done); } });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(5);
    await expect(runInWorker('crossValidate', ['tree', {}, X, y, { folds: 1 }], { workers: 2, workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/folds must be an integer from 2/) }));
  });

  it('a matrix travels as one array of numbers: 200k × 20 never blocks the event loop for 100 ms; other arrays travel as they are', async () => {
    const X = Array.from({ length: 200_000 }, (_, i) => Array.from({ length: 20 }, (_, j) => ((i * 31 + j * 7) % 97) / 97));
    const y = X.map((row) => ((row[0] as number) + (row[1] as number) > 1 ? 'a' : 'b'));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    await new Promise((resolve) => setTimeout(resolve, 30)); // the monitor is running before the call
    const model = await runInWorker('fitClassifier', ['naiveBayes', {}, X, y], { workerUrl });
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(100);
    const sample = X.slice(0, 500);
    expect(model.predictProba(sample)).toEqual(new NaiveBayes().fit(X, y).predictProba(sample));
    // Not matrices: the task sees the rows as given and names the bad one, as in the thread.
    const ragged = [[1, 2], [3], [4, 5]];
    await expect(runInWorker('kmeans', [ragged, 2], { workerUrl })).rejects.toEqual(expect.objectContaining({ code: 'DATA' }));
    expect(() => kmeans(ragged, 2)).toThrow(expect.objectContaining({ code: 'DATA' }));
    const withText = [[1, 2], [3, '4'], [5, 6]] as unknown as number[][];
    const [local, remote] = [(() => { try { kmeans(withText, 2); } catch (e) { return e as Error; } return null; })(), await runInWorker('kmeans', [withText, 2], { workerUrl }).catch((e: unknown) => e as Error)];
    expect(local).not.toBeNull();
    expect(remote).toEqual(expect.objectContaining({ code: (local as { code?: string }).code, message: (local as Error).message }));
  });

  it('progress counts starts and trees forward, and a timer stops every worker', async () => {
    const seen: number[] = [];
    await runInWorker('kmeans', [blobs, 5, { seed: 3, nInit: 6 }], { workers: 2, workerUrl, onProgress: (p) => { if (p.phase === 'kmeans') seen.push(p.done); } });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const big = Array.from({ length: 20_000 }, () => [r.next(), r.next(), r.next(), r.next()]);
    const labels = big.map((row) => ((row[0] as number) > 0.5 ? 1 : 0));
    const signal = AbortSignal.timeout(600);
    let firedAt = 0;
    signal.addEventListener('abort', () => { firedAt = performance.now(); });
    const outcome = await runInWorker('fitClassifier', ['forest', { nEstimators: 500 }, big, labels], { workers: 2, workerUrl, signal }).catch((e: unknown) => e);
    expect(outcome).toEqual(ABORTED);
    expect(performance.now() - firedAt).toBeLessThan(100);
  });
});
