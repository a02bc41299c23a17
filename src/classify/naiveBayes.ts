import { CrmMiningError, DataError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { encodeLabels, type Label } from './metrics';
import { mostProbable, softmax } from './probabilities';
import { checkOptions, type OptionKind } from '../core/options';
import { SavedModel } from './savedModel';
import { throwIfAborted, type RunOptions } from '../core/run';

/** Hyperparameters of {@link NaiveBayes}. */
export interface NaiveBayesOptions {
  /**
   * `'gaussian'`: each feature normal within a class; `'categorical'`: features are category
   * codes (0, 1, 2, …) with Laplace-smoothed frequencies. @default 'gaussian'
   */
  kind?: 'gaussian' | 'categorical';
  /** Gaussian: added to every variance, as a share of the largest feature variance. @default 1e-9 */
  varianceSmoothing?: number;
  /** Categorical: pseudo-count per category. @default 1 */
  alpha?: number;
}

/** Serialized form of a fitted model. */
export interface NaiveBayesJSON {
  kind: 'naive-bayes';
  version: 1;
  variant: 'gaussian' | 'categorical';
  classes: Label[];
  logPriors: number[];
  /** Gaussian: [mean, variance] per class and feature; categorical: log-probabilities per class, feature and category. */
  parameters: number[][][];
}

/**
 * Naive Bayes: class priors times per-feature likelihoods assumed independent given the class;
 * Gaussian for numeric features, categorical (Laplace-smoothed) for category codes.
 * @example
 * new NaiveBayes().fit([[1], [1.2], [5], [5.3]], ['a', 'a', 'b', 'b']).predict([[1.1], [5.1]]) //=> ['a', 'b']
 */
export class NaiveBayes {
  private readonly kind: 'gaussian' | 'categorical';
  private readonly varianceSmoothing: number;
  private readonly alpha: number;

  constructor(options: NaiveBayesOptions = {}) {
    checkOptions('NaiveBayes', options, { kind: 'string', varianceSmoothing: 'number', alpha: 'number' } satisfies Record<keyof NaiveBayesOptions, OptionKind>);
    this.kind = options.kind ?? 'gaussian';
    this.varianceSmoothing = options.varianceSmoothing ?? 1e-9;
    this.alpha = options.alpha ?? 1;
    if (this.kind !== 'gaussian' && this.kind !== 'categorical') throw new OptionError(`kind must be 'gaussian' or 'categorical', got ${String(options.kind)}`);
    if (!(this.varianceSmoothing >= 0)) throw new OptionError(`varianceSmoothing must be >= 0, got ${String(options.varianceSmoothing)}`);
    if (!(this.alpha > 0)) throw new OptionError(`alpha must be > 0, got ${String(options.alpha)}`);
  }

  /**
   * Fits the model.
   * @param run - `signal`: one already aborted stops it before any work (an `AbortError`).
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} for
   *   mismatched labels, or (categorical) a value that is not a non-negative integer code.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedNaiveBayes {
    throwIfAborted(run.signal);
    checkMatrix(X);
    const { classes } = encodeLabels(y, X.length);
    const d = (X[0] as readonly number[]).length;
    const members = classes.map((c) => X.filter((_, i) => y[i] === c));
    const logPriors = members.map((rows) => Math.log(rows.length / X.length));
    if (this.kind === 'gaussian') {
      let maxVar = 0;
      for (let j = 0; j < d; j++) maxVar = Math.max(maxVar, variance(X.map((r) => r[j] as number)));
      const eps = this.varianceSmoothing * (maxVar || 1);
      const parameters = members.map((rows) => Array.from({ length: d }, (_, j) => {
        const v = rows.map((r) => r[j] as number);
        const moments = [v.reduce((s, x) => s + x, 0) / v.length, variance(v) + eps];
        if (!moments.every(Number.isFinite)) throw new DataError(`feature ${j + 1} has values too large to model (their variance overflows): rescale it, e.g. to thousands or a logarithm`, { field: `feature ${j + 1}` });
        return moments;
      }));
      return new FittedNaiveBayes('gaussian', classes, logPriors, parameters);
    }
    const levels = Array.from({ length: d }, (_, j) => {
      let max = 0;
      X.forEach((r, i) => {
        const v = r[j] as number;
        if (!(Number.isInteger(v) && v >= 0)) throw new OptionError(`categorical naive Bayes needs integer category codes >= 0; row ${i + 1}, feature ${j + 1} is ${v}`);
        max = Math.max(max, v);
      });
      return max + 1;
    });
    const parameters = members.map((rows) => levels.map((k, j) => {
      const counts = new Array<number>(k).fill(0);
      for (const r of rows) counts[r[j] as number] = (counts[r[j] as number] as number) + 1;
      return counts.map((c) => Math.log((c + this.alpha) / (rows.length + this.alpha * k)));
    }));
    return new FittedNaiveBayes('categorical', classes, logPriors, parameters);
  }
}

function variance(v: number[]): number {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length;
}

/** A fitted {@link NaiveBayes}. */
export class FittedNaiveBayes {
  constructor(readonly variant: 'gaussian' | 'categorical', readonly classes: Label[], readonly logPriors: number[], readonly parameters: number[][][]) {}

  /** Class probabilities (posterior), one row per sample, columns in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    checkMatrix(X);
    return X.map((x) => {
      const logp = this.classes.map((_, c) => {
        let s = this.logPriors[c] as number;
        (this.parameters[c] as number[][]).forEach((param, j) => {
          const v = x[j] as number;
          if (this.variant === 'gaussian') {
            const [mean, varj] = param as [number, number];
            s += -0.5 * Math.log(2 * Math.PI * varj) - ((v - mean) ** 2) / (2 * varj);
          } else {
            // A category never seen in training gets the smoothed zero-count probability of the
            // smallest level count: treat it as the least likely level.
            s += param[v] ?? Math.min(...param);
          }
        });
        return s;
      });
      return softmax(logp);
    });
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  toJSON(): NaiveBayesJSON {
    return { kind: 'naive-bayes', version: 1, variant: this.variant, classes: [...this.classes], logPriors: [...this.logPriors], parameters: this.parameters };
  }

  /**
   * Restores a model saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` for anything else.
   */
  static fromJSON(json: unknown): FittedNaiveBayes {
    const j = json as Partial<NaiveBayesJSON>;
    if (typeof json !== 'object' || json === null || j.kind !== 'naive-bayes' || j.version !== 1 || (j.variant !== 'gaussian' && j.variant !== 'categorical') || !Array.isArray(j.classes) || !Array.isArray(j.logPriors) || !Array.isArray(j.parameters)) {
      throw new CrmMiningError('MODEL', "expected a saved naive Bayes model ({ kind: 'naive-bayes', version: 1, … })");
    }
    const saved = new SavedModel('naive Bayes model');
    const classes = saved.classes(j.classes);
    const logPriors = saved.numbers(j.logPriors, 'logPriors', classes.length, (x) => x <= 0, 'log-probabilities (≤ 0)');
    const parameters = j.parameters;
    if (parameters.length !== classes.length || !parameters.every((p) => Array.isArray(p) && p.length === (parameters[0] as unknown[]).length && p.length > 0)) {
      throw saved.damaged('parameters', `one array per class (${classes.length}), each with one entry per feature`);
    }
    parameters.forEach((perClass, c) => (perClass as unknown[]).forEach((param, f) => {
      if (j.variant === 'gaussian') saved.numbers(param, `parameters[${c}][${f}]`, 2);
      else saved.numbers(param, `parameters[${c}][${f}]`, undefined, (x) => x <= 0, 'log-probabilities (≤ 0)');
      if (j.variant === 'gaussian' && !(((param as number[])[1] as number) > 0)) throw saved.damaged(`parameters[${c}][${f}][1]`, 'a positive variance');
    }));
    return new FittedNaiveBayes(j.variant, classes, logPriors, parameters);
  }
}
