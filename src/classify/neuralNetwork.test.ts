import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { rocAuc } from './metrics';
import { FittedNeuralNetwork, NeuralNetwork } from './neuralNetwork';

const rng = createRng(21);
// Two classes separated by a circle (not linearly separable), features on very different scales.
const make = (n: number) => Array.from({ length: n }, () => [rng.next() * 2 - 1, (rng.next() * 2 - 1) * 1000]);
const X = make(400);
const label = ([a, b]: number[]) => ((a as number) ** 2 + ((b as number) / 1000) ** 2 < 0.5 ? 'in' : 'out');
const y = X.map(label);

describe('NeuralNetwork', () => {
  const options = { hiddenLayers: [8], iterations: 300, learningRate: 0.3, seed: 4 };
  const model = new NeuralNetwork(options).fit(X, y);

  it('learns a non-linear boundary on inputs of mixed scales (standardized inputs)', () => {
    const test = make(300);
    const truth = test.map((x) => (label(x) === 'in' ? 1 : 0));
    const proba = model.predictProba(test);
    proba.forEach((p) => expect(p[0]! + p[1]!).toBeCloseTo(1, 12));
    expect(rocAuc(truth, proba.map((p) => p[0] as number))).toBeGreaterThan(0.95);
    expect(model.classes).toEqual(['in', 'out']);
  });

  it('same seed, same network, in this thread or in a worker', async () => {
    expect(new NeuralNetwork(options).fit(X, y).toJSON()).toEqual(model.toJSON());
    expect(new NeuralNetwork({ ...options, seed: 5 }).fit(X, y).toJSON()).not.toEqual(model.toJSON());
    const seen: number[] = [];
    const viaWorker = await new NeuralNetwork(options).fitAsync(X, y, { onProgress: (p) => seen.push(p.done) });
    expect(viaWorker.toJSON()).toEqual(model.toJSON());
    expect(seen.slice(0, 3)).toEqual([10, 20, 30]);
  });

  it('an abort stops worker training at once and rejects with AbortError', async () => {
    const big = new NeuralNetwork({ hiddenLayers: [32, 32], iterations: 100000, errorThresh: 1e-9, seed: 1 });
    const c = new AbortController();
    const pending = big.fitAsync(X, y, { signal: c.signal, onProgress: (p) => p.done >= 20 && c.abort(new Error('user cancelled')) });
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', message: expect.stringMatching(/user cancelled/) });
    // The sync path stops when the signal fires from the progress callback.
    const d = new AbortController();
    expect(() => big.fit(X, y, { signal: d.signal, onProgress: () => d.abort() })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });

  it('round-trips JSON, checks inputs and options', () => {
    const restored = FittedNeuralNetwork.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.predictProba(X.slice(0, 20))).toEqual(model.predictProba(X.slice(0, 20)));
    expect(() => FittedNeuralNetwork.fromJSON({ kind: 'random-forest', version: 1 })).toThrow(expect.objectContaining({ code: 'MODEL' }));
    expect(() => model.predict([[1]])).toThrow(/features/);
    expect(() => new NeuralNetwork({ learningRate: 2 })).toThrow(/learningRate/);
    expect(() => new NeuralNetwork({ hiddenLayers: [0] })).toThrow(/hiddenLayers/);
    expect(() => new NeuralNetwork().fit([[1], [2]], ['a', 'a'])).toThrow(/two classes/);
  });
});
