import { CrmMiningError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { createRng } from '../core/random';
import { columnMoments } from '../core/stats';
import { throwIfAborted, type RunOptions } from '../core/run';
import { brainSync, type Brain } from './brainRuntime';
import { encodeLabels, type Label } from './metrics';
import { mostProbable } from './probabilities';
import { trainInWorker } from './neuralWorker';
import { checkOptions, type OptionKind } from '../core/options';
import { SavedModel } from './savedModel';

/** Hyperparameters of {@link NeuralNetwork}. */
export interface NeuralNetworkOptions {
  /** Sizes of the hidden layers. @default [10] */
  hiddenLayers?: number[];
  /** @default 'sigmoid' */
  activation?: 'sigmoid' | 'relu' | 'leaky-relu' | 'tanh';
  /** Training epochs (full passes of per-sample gradient steps). @default 200 */
  iterations?: number;
  /** In (0, 1). @default 0.1 */
  learningRate?: number;
  /** In [0, 1). @default 0.1 */
  momentum?: number;
  /** Training stops once the mean squared error falls below this. @default 0.005 */
  errorThresh?: number;
  /** Seeds the initial weights: same seed, same network. @default 1 */
  seed?: number;
}

const NN_DEFAULTS = { hiddenLayers: [10], activation: 'sigmoid', iterations: 200, learningRate: 0.1, momentum: 0.1, errorThresh: 0.005, seed: 1 } as const satisfies Required<NeuralNetworkOptions>;

/** Serialized form of a fitted network (brain.js's JSON plus our input scaling and classes). */
export interface NeuralNetworkJSON { kind: 'neural-network'; version: 1; classes: Label[]; means: number[]; scales: number[]; brain: unknown }

/** What training in a worker reports, through `onProgress` with phase `'train'`. */
export interface TrainingStatus { iterations: number; error: number }

/**
 * A feed-forward neural network classifier (brain.js underneath): inputs standardized, one
 * output per class, probabilities the outputs normalised to sum 1. `fit` trains in this thread;
 * `fitAsync` trains in a worker (a worker thread on Node, a Web Worker in browsers) that an
 * AbortSignal stops at once. brain.js is an optional peer dependency (`npm install
 * brain.js@2.0.0-beta.24 gpu.js@2`), loaded on first use; in browsers pass it once with
 * `await loadNeuralRuntime(brain)`. Without it, fitting throws a `DEPENDENCY` error.
 * @example
 * const model = new NeuralNetwork({ hiddenLayers: [8], iterations: 300, seed: 1 }).fit(X, y);
 * model.predictProba([[30, 2, 120]]) //=> [[0.81, 0.19]]
 */
export class NeuralNetwork {
  private readonly o: Required<NeuralNetworkOptions>;

  constructor(options: NeuralNetworkOptions = {}) {
    checkOptions('NeuralNetwork', options, { hiddenLayers: 'array', activation: 'string', iterations: 'number', learningRate: 'number', momentum: 'number', errorThresh: 'number', seed: 'number' } satisfies Record<keyof NeuralNetworkOptions, OptionKind>);
    const o = { ...NN_DEFAULTS, ...options, hiddenLayers: [...(options.hiddenLayers ?? NN_DEFAULTS.hiddenLayers)] };
    if (!o.hiddenLayers.every((h) => Number.isInteger(h) && h >= 1)) throw new OptionError(`hiddenLayers must be positive integers, got ${JSON.stringify(options.hiddenLayers)}`);
    if (!['sigmoid', 'relu', 'leaky-relu', 'tanh'].includes(o.activation)) throw new OptionError(`activation must be 'sigmoid', 'relu', 'leaky-relu' or 'tanh', got ${String(o.activation)}`);
    if (!(Number.isInteger(o.iterations) && o.iterations >= 1)) throw new OptionError(`iterations must be a positive integer, got ${String(o.iterations)}`);
    if (!(o.learningRate > 0 && o.learningRate < 1)) throw new OptionError(`learningRate must be in (0, 1), got ${String(o.learningRate)}`);
    if (!(o.momentum >= 0 && o.momentum < 1)) throw new OptionError(`momentum must be in [0, 1), got ${String(o.momentum)}`);
    if (!(o.errorThresh > 0 && o.errorThresh < 1)) throw new OptionError(`errorThresh must be in (0, 1), got ${String(o.errorThresh)}`);
    if (!Number.isFinite(o.seed)) throw new OptionError(`seed must be a finite number, got ${String(o.seed)}`);
    this.o = o;
  }

  /**
   * Trains in this thread. The signal is checked every 10 epochs, so it only stops training
   * when it fires from within `onProgress`; use {@link fitAsync} to stop it from outside.
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} for
   *   label count mismatch or a single class; {@link AbortError}.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedNeuralNetwork {
    const setup = this.prepare(X, y, run);
    const net = new setup.brain.NeuralNetwork(setup.netOptions);
    net.fromJSON(setup.initial as Parameters<typeof net.fromJSON>[0]);
    net.train(setup.data, {
      ...setup.trainOptions,
      callbackPeriod: 10,
      callback: (s: TrainingStatus) => {
        throwIfAborted(run.signal);
        run.onProgress?.({ phase: 'train', done: s.iterations, total: this.o.iterations });
      },
    });
    return new FittedNeuralNetwork(setup.classes, setup.means, setup.scales, net.toJSON());
  }

  /**
   * Trains in a worker (a worker thread on Node, a Web Worker in browsers): an AbortSignal
   * terminates it at once, so a long training can be cancelled safely; progress arrives every 10
   * epochs. Same seed, same network as `fit`.
   * @example
   * const model = await new NeuralNetwork().fitAsync(X, y, { signal: AbortSignal.timeout(60_000) });
   */
  async fitAsync(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): Promise<FittedNeuralNetwork> {
    const setup = this.prepare(X, y, run);
    const json = await trainInWorker({ netOptions: setup.netOptions, initial: setup.initial, data: setup.data, trainOptions: setup.trainOptions, total: this.o.iterations }, run);
    return new FittedNeuralNetwork(setup.classes, setup.means, setup.scales, json);
  }

  private prepare(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions) {
    throwIfAborted(run.signal);
    checkMatrix(X);
    const { classes, target } = encodeLabels(y, X.length);
    if (classes.length < 2) throw new OptionError('a neural network needs at least two classes');
    const { means, sds: scales } = columnMoments(X);
    const k = classes.length;
    const data = X.map((x, i) => ({ input: scale(x, means, scales), output: Array.from({ length: k }, (_, c) => (c === target[i] ? 1 : 0)) }));
    const brain = brainSync();
    const { hiddenLayers, activation, iterations, learningRate, momentum, errorThresh, seed } = this.o;
    const netOptions = { inputSize: means.length, outputSize: k, hiddenLayers, activation };
    const initial = seededInitialWeights(brain, netOptions, seed);
    const trainOptions = { activation, iterations, learningRate, momentum, errorThresh, log: false };
    return { classes, means, scales, data, brain, netOptions, initial, trainOptions };
  }
}

function scale(x: readonly number[], means: readonly number[], scales: readonly number[]): number[] {
  return x.map((v, j) => (v - (means[j] as number)) / (scales[j] as number));
}

/** brain.js draws its initial weights from Math.random; a seeded stream makes them repeatable. */
function seededInitialWeights(brain: Brain, netOptions: object, seed: number): unknown {
  const net = new brain.NeuralNetwork(netOptions);
  const rng = createRng(seed);
  const original = Math.random;
  Math.random = rng.next;
  try {
    net.initialize();
  } finally {
    Math.random = original;
  }
  return net.toJSON();
}

/** A fitted {@link NeuralNetwork}. */
export class FittedNeuralNetwork {
  readonly features: number;
  private readonly net: InstanceType<Brain['NeuralNetwork']>;

  constructor(readonly classes: Label[], private readonly means: number[], private readonly scales: number[], private readonly brainJson: unknown) {
    this.features = means.length;
    const brain = brainSync();
    this.net = new brain.NeuralNetwork();
    this.net.fromJSON(brainJson as Parameters<typeof this.net.fromJSON>[0]);
  }

  /** The outputs normalised to sum 1, columns in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    checkMatrix(X);
    return X.map((x, i) => {
      if (x.length !== this.features) throw new OptionError(`row ${i + 1} has ${x.length} features, the network ${this.features}`);
      const out = Array.from(this.net.run(scale(x, this.means, this.scales)) as ArrayLike<number>, (v) => Math.max(v, 0));
      const sum = out.reduce((s, v) => s + v, 0);
      return sum > 0 ? out.map((v) => v / sum) : out.map(() => 1 / out.length);
    });
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  toJSON(): NeuralNetworkJSON {
    return { kind: 'neural-network', version: 1, classes: [...this.classes], means: [...this.means], scales: [...this.scales], brain: this.brainJson };
  }

  /**
   * Restores a network saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` for anything else.
   */
  static fromJSON(json: unknown): FittedNeuralNetwork {
    const j = json as Partial<NeuralNetworkJSON>;
    if (typeof json !== 'object' || json === null || j.kind !== 'neural-network' || j.version !== 1 || !Array.isArray(j.classes) || !Array.isArray(j.means) || !Array.isArray(j.scales) || typeof j.brain !== 'object') {
      throw new CrmMiningError('MODEL', "expected a saved neural network ({ kind: 'neural-network', version: 1, … })");
    }
    const saved = new SavedModel('neural network');
    const classes = saved.classes(j.classes);
    const means = saved.numbers(j.means, 'means');
    const scales = saved.numbers(j.scales, 'scales', means.length, (x) => x > 0, 'positive numbers');
    const sizes = (j.brain as { sizes?: unknown } | null)?.sizes;
    if (!(Array.isArray(sizes) && sizes[0] === means.length && sizes[sizes.length - 1] === classes.length)) {
      throw saved.damaged('brain.sizes', `layer sizes from ${means.length} inputs to ${classes.length} outputs`);
    }
    return new FittedNeuralNetwork(classes, means, scales, j.brain);
  }
}
