/**
 * Classification and clustering: k-means on 100k × 8 points (k = 8) against ml-kmeans and
 * skmeans, the exact silhouette of 10k points, decision tree and random forest training on 50k
 * rows (the plain ml-cart / ml-random-forest peers only at 5k rows: their training is quadratic
 * in the rows), and neural network training against plain brain.js with the same settings.
 * Run: npm run bench -- ml [--quick]
 */
import { fileURLToPath } from 'node:url';
import { kmeans as mlKmeans } from 'ml-kmeans';
import skmeans from 'skmeans';
import { DecisionTreeClassifier } from 'ml-cart';
import { RandomForestClassifier } from 'ml-random-forest';
import { lib } from './lib';
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const { DecisionTree, NeuralNetwork, RandomForest, createRng, kmeans, silhouette } = lib;
const SCRIPT = fileURLToPath(import.meta.url);

/** Gaussian blobs around k random centres in d dimensions. */
function blobs(n: number, d: number, k: number, seed: number): { X: number[][]; truth: number[] } {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.next() * 20));
  const truth = Array.from({ length: n }, (_, i) => i % k);
  return { X: truth.map((c) => (centres[c] as number[]).map((v) => v + rng.normal())), truth };
}

/** A churn-like table: 20 features (some informative, some noise, some binary), label by a noisy rule. */
function table(n: number, seed: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: 20 }, (_, j) => (j % 4 === 3 ? (rng.next() < 0.3 ? 1 : 0) : Math.round(rng.normal() * 100) / 10)));
  const y = X.map((x) => ((x[0] as number) + 0.5 * (x[1] as number) - (x[3] as number) * 2 + (x[2] as number) * (x[5] as number) * 0.3 + rng.normal() > 0.5 ? 1 : 0));
  return { X, y };
}

async function child(kind: string, impl: string, size: number): Promise<CaseResult> {
  let count = 0;
  let fn: () => void;
  let dataset: string;
  let iterations = 5;
  if (kind === 'kmeans') {
    const { X } = blobs(size, 8, 8, 1);
    dataset = 'blobs 8-d, k = 8';
    // One start each (nInit 1) so every implementation does the same work; count = inertia.
    if (impl === 'crm-mining') fn = () => { count = Math.round(kmeans(X, 8, { nInit: 1, seed: 1 }).inertia); };
    else if (impl === 'ml-kmeans') fn = () => { const r = mlKmeans(X, 8, { initialization: 'kmeans++', seed: 1 }); count = Math.round(inertia(X, r.clusters, r.centroids)); };
    else fn = () => { const r = skmeans(X, 8, 'kmpp', 300); count = Math.round(inertia(X, r.idxs, r.centroids)); };
  } else if (kind === 'silhouette') {
    const { X, truth } = blobs(size, 8, 8, 2);
    dataset = 'blobs 8-d, k = 8 (silhouette)';
    iterations = 3;
    fn = () => { count = Math.round(silhouette(X, truth) * 1000); };
  } else if (kind === 'tree' || kind === 'forest') {
    const { X, y } = table(size, 3);
    dataset = `churn-like table × 20 (${kind})`;
    // The peers take seconds to minutes per fit: one measured run after the warm-up.
    iterations = impl !== 'crm-mining' ? 1 : kind === 'forest' ? 3 : 5;
    const test = table(2000, 4);
    const score = (pred: number[]) => { count = pred.filter((p, i) => p === test.y[i]).length; };
    if (kind === 'tree') {
      if (impl === 'crm-mining') fn = () => score(new DecisionTree({ maxDepth: 8 }).fit(X, y).predict(test.X) as number[]);
      else fn = () => { const t = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth: 8, minNumSamples: 2, gainThreshold: 0 }); t.train(X, y); score(t.predict(test.X)); };
    } else if (impl === 'crm-mining') fn = () => score(new RandomForest({ nEstimators: 20, maxDepth: 8, maxFeatures: 'sqrt', seed: 1 }).fit(X, y).predict(test.X) as number[]);
    else fn = () => { const f = new RandomForestClassifier({ nEstimators: 20, maxFeatures: 4 / 20, replacement: true, seed: 1, useSampleBagging: true, noOOB: true, treeOptions: { maxDepth: 8 } } as never); f.train(X, y); score(f.predict(test.X)); };
  } else {
    const { X, y } = table(size, 5);
    dataset = 'churn-like table × 20 (neural network, 20 epochs)';
    iterations = 3;
    if (impl === 'crm-mining') fn = () => { count = new NeuralNetwork({ hiddenLayers: [10], iterations: 20, errorThresh: 1e-6, seed: 1 }).fit(X, y).predict(X.slice(0, 1000)).length; };
    else {
      const brain = await import('brain.js');
      const data = X.map((x, i) => ({ input: x, output: [y[i] === 0 ? 1 : 0, y[i] === 1 ? 1 : 0] }));
      fn = () => { const net = new brain.NeuralNetwork({ hiddenLayers: [10] }); net.train(data, { iterations: 20, errorThresh: 1e-6, learningRate: 0.1, momentum: 0.1 }); count = X.slice(0, 1000).map((x) => net.run(x)).length; };
    }
  }
  const timing = await measure(fn, iterations);
  return { bench: 'ml', impl, dataset, size, ...timing, unitsPerSec: (size / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

function inertia(X: number[][], labels: number[], centroids: number[][]): number {
  return X.reduce((s, x, i) => s + x.reduce((t, v, j) => t + (v - ((centroids[labels[i] as number] as number[])[j] as number)) ** 2, 0), 0);
}

export async function run(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const km = QUICK ? 1e4 : 1e5;
  for (const impl of ['crm-mining', 'ml-kmeans', 'skmeans']) results.push(...runChild(SCRIPT, ['kmeans', impl, String(km)]));
  results.push(...runChild(SCRIPT, ['silhouette', 'crm-mining', String(QUICK ? 2e3 : 1e4)]));
  for (const kind of ['tree', 'forest']) {
    for (const size of QUICK ? [1e3] : [5e3, 5e4]) results.push(...runChild(SCRIPT, [kind, 'crm-mining', String(size)]));
    results.push(...runChild(SCRIPT, [kind, kind === 'tree' ? 'ml-cart' : 'ml-random-forest', String(QUICK ? 500 : 5e3)]));
  }
  for (const impl of ['crm-mining', 'brain.js']) results.push(...runChild(SCRIPT, ['neural', impl, String(QUICK ? 2e3 : 1e4)]));
  report('ml', results);
  return results;
}

await suiteEntry(SCRIPT, ([kind, impl, size]) => child(kind as string, impl as string, Number(size)), run);
