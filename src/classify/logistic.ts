import { logisticSql, type ClassifierSqlOptions } from './sqlScore';
import type { SqlDialect } from '../core/sqlDialect';
import { bfgs } from '../core/bfgs';
import { CrmMiningError, DataError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { encodeLabels, type Label } from './metrics';
import { mostProbable, softmax } from './probabilities';
import { checkOptions, type OptionKind } from '../core/options';
import { SavedModel } from './savedModel';
import { throwIfAborted, type RunOptions } from '../core/run';
import { runGuard } from '../core/guard';

/** Hyperparameters of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** L2 penalty strength λ on the coefficients (not the intercepts), per sample. @default 1e-4 */
  l2?: number;
  /** @default 500 */
  maxIterations?: number;
}

/** Serialized form of a fitted model. */
export interface LogisticRegressionJSON {
  kind: 'logistic-regression';
  version: 1;
  classes: Label[];
  /** One row per class: intercept followed by one coefficient per feature. */
  weights: number[][];
}

/**
 * Multinomial (softmax) logistic regression with an L2 penalty, fitted by BFGS on the exact
 * penalized log-loss and its gradient. Labels may be numbers or strings; `fit` returns a fitted
 * model, so a model cannot predict before it is fitted.
 * @example
 * const model = new LogisticRegression({ l2: 0.01 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * model.predict([[0.2], [2.8]]) //=> [0, 1]
 */
export class LogisticRegression {
  private readonly l2: number;
  private readonly maxIterations: number;

  constructor(options: LogisticRegressionOptions = {}) {
    checkOptions('LogisticRegression', options, { l2: 'number', maxIterations: 'number' } satisfies Record<keyof LogisticRegressionOptions, OptionKind>);
    this.l2 = options.l2 ?? 1e-4;
    this.maxIterations = options.maxIterations ?? 500;
    if (!(this.l2 >= 0 && Number.isFinite(this.l2))) throw new OptionError(`l2 must be a finite number >= 0, got ${String(options.l2)}`);
    if (!(Number.isInteger(this.maxIterations) && this.maxIterations >= 1)) throw new OptionError(`maxIterations must be a positive integer, got ${String(options.maxIterations)}`);
  }

  /**
   * Fits the model.
   * @param run - `signal` (checked before any work and every optimizer iteration) and `onProgress` (phase `'fit'`).
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} when
   *   labels and rows differ in number or there are fewer than two classes.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedLogisticRegression {
    throwIfAborted(run.signal);
    checkMatrix(X);
    const { classes, target } = encodeLabels(y, X.length);
    if (classes.length < 2) throw new OptionError('logistic regression needs at least two classes');
    const k = classes.length;
    const d = (X[0] as readonly number[]).length;
    const n = X.length;
    for (let j = 0; j < d; j++) {
      // Beyond this the loss and its gradient overflow (x·w and x² terms): the weights would be NaN.
      const largest = X.reduce((m, r) => Math.max(m, Math.abs(r[j] as number)), 0);
      if (largest > 1e100) throw new DataError(`feature ${j + 1} has values too large to model (|x| up to ${largest.toExponential(1)}): rescale it, e.g. to thousands or a logarithm`, { field: `feature ${j + 1}` });
    }
    const l2 = this.l2;
    const objective = (w: number[]) => penalizedLoss(w, X, target, k, d, n, l2);
    const guard = runGuard(run);
    guard.phase('fit', this.maxIterations);
    const result = bfgs(objective, new Array(k * (d + 1)).fill(0), { maxIterations: this.maxIterations, gradientTolerance: 1e-9, onIteration: (i) => guard.step(i) });
    const weights = Array.from({ length: k }, (_, c) => result.x.slice(c * (d + 1), (c + 1) * (d + 1)));
    return new FittedLogisticRegression(classes, weights);
  }
}

/** The mean log-loss plus (λ/2)·Σ coefficients², and its gradient; weights laid out per class. */
export function penalizedLoss(w: number[], X: readonly (readonly number[])[], target: ArrayLike<number>, k: number, d: number, n: number, l2: number): { value: number; gradient: number[] } {
  const gradient = new Array<number>(w.length).fill(0);
  let loss = 0;
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const x = X[i] as readonly number[];
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = w[c * (d + 1)] as number;
      for (let j = 0; j < d; j++) s += (w[c * (d + 1) + 1 + j] as number) * (x[j] as number);
      z[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp((z[c] as number) - max);
    const logSum = max + Math.log(sum);
    loss -= (z[target[i] as number] as number) - logSum;
    for (let c = 0; c < k; c++) {
      const g = Math.exp((z[c] as number) - logSum) - (c === target[i] ? 1 : 0);
      gradient[c * (d + 1)] = (gradient[c * (d + 1)] as number) + g / n;
      for (let j = 0; j < d; j++) gradient[c * (d + 1) + 1 + j] = (gradient[c * (d + 1) + 1 + j] as number) + (g * (x[j] as number)) / n;
    }
  }
  let penalty = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const v = w[c * (d + 1) + 1 + j] as number;
      penalty += v * v;
      gradient[c * (d + 1) + 1 + j] = (gradient[c * (d + 1) + 1 + j] as number) + l2 * v;
    }
  }
  return { value: loss / n + (l2 / 2) * penalty, gradient };
}

/** A fitted {@link LogisticRegression}. */
export class FittedLogisticRegression {
  constructor(readonly classes: Label[], readonly weights: number[][]) {}

  /**
   * Class probabilities, one row per sample, columns in the order of `classes`.
   * @example
   * model.predictProba([[1.5]]) //=> [[0.5, 0.5]]
   */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    checkMatrix(X);
    const d = (this.weights[0] as number[]).length - 1;
    return X.map((x, i) => {
      if (x.length !== d) throw new OptionError(`row ${i + 1} has ${x.length} features, the model ${d}`);
      return softmax(this.weights.map((w) => w.reduce((s, v, j) => s + (j === 0 ? v : v * (x[j - 1] as number)), 0)));
    });
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  /**
   * The model as SQL, to score where the data lives: a select list with one probability column
   * per class (`p_<class>`), equal to `predictProba` on every row.
   * @example
   * `SELECT customer, ${model.toSql('postgres', { columns: ['recency', 'frequency'] })} FROM features`
   */
  toSql(dialect: SqlDialect, options: ClassifierSqlOptions): string {
    return logisticSql(this.weights, this.classes, dialect, options);
  }

  toJSON(): LogisticRegressionJSON {
    return { kind: 'logistic-regression', version: 1, classes: [...this.classes], weights: this.weights.map((w) => [...w]) };
  }

  /**
   * Restores a model saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` for anything else.
   */
  static fromJSON(json: unknown): FittedLogisticRegression {
    const j = json as Partial<LogisticRegressionJSON>;
    if (typeof json !== 'object' || json === null || j.kind !== 'logistic-regression' || j.version !== 1 || !Array.isArray(j.classes) || !Array.isArray(j.weights)) {
      throw new CrmMiningError('MODEL', "expected a saved logistic regression ({ kind: 'logistic-regression', version: 1, … })");
    }
    const saved = new SavedModel('logistic regression');
    const classes = saved.classes(j.classes);
    const width = Array.isArray(j.weights[0]) ? (j.weights[0] as unknown[]).length : 0;
    if (j.weights.length !== classes.length || width < 2) throw saved.damaged('weights', `one row of an intercept and coefficients per class (${classes.length} rows)`);
    return new FittedLogisticRegression(classes, j.weights.map((w, c) => saved.numbers(w, `weights[${c}]`, width)));
  }
}
