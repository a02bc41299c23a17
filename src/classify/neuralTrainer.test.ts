/**
 * The browser worker's trainer (neuralTrainerSource.ts) against brain.js itself: from the same
 * initial network and data, the trained JSON must be identical, weight for weight.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as brain from 'brain.js';
import { createRng } from '../core/random';
import { TRAINER_SOURCE } from './neuralTrainerSource';

type Trainer = (initial: unknown, data: unknown, options: object, onProgress: (iterations: number, error: number) => void) => unknown;
const trainFeedForward = new Function(`${TRAINER_SOURCE}\nreturn trainFeedForward;`)() as Trainer;

const problem = fc.record({
  inputs: fc.integer({ min: 1, max: 4 }),
  hidden: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
  outputs: fc.integer({ min: 1, max: 3 }),
  rows: fc.integer({ min: 1, max: 12 }),
  activation: fc.constantFrom('sigmoid', 'relu', 'leaky-relu', 'tanh'),
  iterations: fc.integer({ min: 1, max: 40 }),
  learningRate: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  momentum: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
  errorThresh: fc.constantFrom(0.005, 0.05, 0.2),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

describe('the browser worker trainer', () => {
  it('trains exactly as brain.js does (same weights, biases and JSON)', () => {
    fc.assert(fc.property(problem, (p) => {
      const rng = createRng(p.seed);
      const data = Array.from({ length: p.rows }, () => ({
        input: Array.from({ length: p.inputs }, () => rng.next() * 4 - 2),
        output: Array.from({ length: p.outputs }, () => (rng.next() < 0.5 ? 0 : 1)),
      }));
      const netOptions = { inputSize: p.inputs, outputSize: p.outputs, hiddenLayers: p.hidden, activation: p.activation };
      const start = new brain.NeuralNetwork(netOptions);
      const original = Math.random;
      Math.random = rng.next; // brain.js draws its initial weights from Math.random
      try {
        start.initialize();
      } finally {
        Math.random = original;
      }
      const initial = start.toJSON();
      const trainOptions = { activation: p.activation, iterations: p.iterations, learningRate: p.learningRate, momentum: p.momentum, errorThresh: p.errorThresh, log: false, callbackPeriod: 10 };
      const reference = new brain.NeuralNetwork();
      reference.fromJSON(initial);
      const progress: number[] = [];
      reference.train(data, { ...trainOptions, callback: (s: { iterations: number }) => progress.push(s.iterations) });
      const ours: number[] = [];
      const json = trainFeedForward(JSON.parse(JSON.stringify(initial)), data, trainOptions, (i) => ours.push(i));
      expect(json).toEqual(reference.toJSON());
      expect(ours).toEqual(progress);
    }), { seed: 11, numRuns: 300 });
  });
});
