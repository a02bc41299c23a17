import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { columnMoments, median } from '../core/stats';
import type { TransactionLog } from '../core/TransactionLog';
import type { BgNbdParams } from '../clv/index';
import { DecisionTree, LogisticRegression, NeuralNetwork, RandomForest, RuleList, type ConfusionMatrix, type DecisionTreeJSON, type LogisticRegressionJSON, type NeuralNetworkJSON, type RandomForestJSON, type RuleListJSON } from '../classify/index';
import { churnDataset } from './dataset';
import type { ChurnFeature } from './features';
import type { RiskReason } from './reasons';
import { assembleChurnModel, standardized } from './assemble';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runOnly, throwIfAborted, type RunOptions } from '../core/run';

/** The model behind {@link trainChurnModel}. */
export type ChurnModelKind = 'tree' | 'forest' | 'logistic' | 'neural' | 'bgnbd' | 'rules';

/** Options of {@link trainChurnModel}; `signal` and `onProgress` follow its stages: the dataset (phase `'churn dataset'`), then the learner's own (a forest tree by tree, a network by epochs). */
export interface TrainChurnOptions extends RunOptions {
  /** Training date: features from what is known then, labels from the horizon after it. */
  asOf: Date | string | number;
  /** Churn = no purchase within this many days. */
  horizonDays: number;
  /** @default 'logistic' (the best on CDNOW and the fastest; see docs/churn.md) */
  model?: ChurnModelKind;
  /** @default 1 */
  seed?: number;
  /** Features to use. @default all of CHURN_FEATURES */
  features?: readonly ChurnFeature[];
}

/** A customer's churn probability. */
export interface ChurnPrediction { customer: string; probability: number }

/** How well churn probabilities at a date matched what happened after it. */
export interface ChurnEvaluation {
  customers: number;
  /** Share of customers who did churn. */
  churnRate: number;
  auc: number;
  /** Of the customers flagged (probability ≥ threshold), the share who churned. */
  precision: number;
  /** Of the churners, the share flagged. */
  recall: number;
  /** Churn rate among the riskiest 10% over the overall churn rate. */
  liftAt10: number;
  /** Rows: actual (0 stayed, 1 churned); columns: flagged. */
  confusion: ConfusionMatrix;
  threshold: number;
  /** Share of churners reached against the share of customers contacted, riskiest first. */
  gains: Array<{ share: number; gain: number; lift: number }>;
}

/** A customer at risk with the features that push the probability up most. */
export interface AtRiskCustomer { customer: string; probability: number; reasons: RiskReason[] }

/** A trained churn model; see {@link trainChurnModel}. */
export interface ChurnModel {
  kind: ChurnModelKind;
  /** The training date (UTC). */
  asOf: Date;
  horizonDays: number;
  featureNames: string[];
  /** Churn probability of every customer with a purchase on or before `asOf`. */
  predict(log: TransactionLog, options: { asOf: Date | string | number }): ChurnPrediction[];
  /** Scores at `asOf` and compares with the horizon after it (which the log must cover). */
  evaluate(log: TransactionLog, options: { asOf: Date | string | number; threshold?: number }): ChurnEvaluation;
  /**
   * The `topN` riskiest customers at `asOf`, riskiest first, with reasons. With `value` (e.g.
   * CLV per customer), ranked by probability × value instead: the revenue at risk.
   */
  atRisk(log: TransactionLog, options: { asOf: Date | string | number; topN?: number; value?: ReadonlyMap<string, number> }): AtRiskCustomer[];
  /** Feature importance (tree, forest, logistic: |standardized coefficient|), largest first. */
  featureImportance?(): Array<{ feature: string; importance: number }>;
  /** The model as JSON ({@link churnModelFromJSON} reloads it); `JSON.stringify(model)` calls it. */
  toJSON(): ChurnModelJSON;
}

/** A saved churn model: everything it needs to score a log again, and nothing of the log. */
export interface ChurnModelJSON {
  kind: 'churn-model';
  version: 1;
  model: ChurnModelKind;
  /** Training date, ISO 8601. */
  asOf: string;
  horizonDays: number;
  featureNames: string[];
  /** The feature subset asked for at training; null for all. */
  features: ChurnFeature[] | null;
  /** BG/NBD parameters of the `bgnbdActive` feature (and of the 'bgnbd' model); null when the fit failed. */
  bgnbd: BgNbdParams | null;
  /** Training medians per feature: the reference of the risk reasons. */
  medians: number[];
  importance: number[] | null;
  /** The logistic model's feature standardization. */
  standardize: { means: number[]; sds: number[] } | null;
  /** The fitted classifier; null for 'bgnbd'. */
  classifier: LogisticRegressionJSON | DecisionTreeJSON | RandomForestJSON | NeuralNetworkJSON | RuleListJSON | null;
}

/**
 * Trains a churn model at `asOf`: features known then, label = no purchase within
 * `horizonDays` after it. The model scores any later date (features recomputed from the log at
 * that date, BG/NBD parameters kept from training), so a model trained at t0 can be checked
 * out of time at t1 = t0 + horizon.
 * Models: 'logistic' (standardized features, L2; the default), 'forest' (100 trees, depth 10,
 * minSamplesLeaf 50), 'tree' (depth 6, minSamplesLeaf 20), 'rules' (a CN2 rule list, readable as IF … THEN), 'neural' (one hidden layer of 8), 'bgnbd' (no
 * supervised fit: 1 − the BG/NBD probability of a purchase within the horizon).
 * @throws {OptionError} for an asOf outside the log, a horizon past its end, or a log with no
 *   churners or no active customers at asOf.
 * @example
 * const model = trainChurnModel(log, { asOf: '2024-03-31', horizonDays: 90, model: 'forest', seed: 1 });
 * model.evaluate(log, { asOf: '2024-06-29' }).auc //=> 0.81
 * model.atRisk(log, { asOf: '2024-09-30', topN: 10 })[0] //=> { customer: 'C0412', probability: 0.93, reasons: [...] }
 */
export function trainChurnModel(log: TransactionLog, options: TrainChurnOptions): ChurnModel {
  checkOptions('trainChurnModel', options, { ...RUN_OPTIONS, asOf: 'time', horizonDays: 'number', model: 'string', seed: 'number', features: 'array' } satisfies Record<keyof TrainChurnOptions, OptionKind>);
  throwIfAborted(options.signal);
  const run = runOnly(options);
  options.onProgress?.({ phase: 'churn dataset', done: 0, total: 1 });
  const kind = options.model ?? 'logistic';
  if (!['tree', 'forest', 'logistic', 'neural', 'bgnbd', 'rules'].includes(kind)) throw new OptionError(`model must be 'tree', 'forest', 'logistic', 'neural', 'bgnbd' or 'rules', got ${String(kind)}`);
  const seed = options.seed ?? 1;
  const { horizonDays } = options;
  const data = churnDataset(log, { asOf: options.asOf, horizonDays, ...run, ...(options.features === undefined ? {} : { features: options.features }) });
  throwIfAborted(options.signal);
  options.onProgress?.({ phase: 'churn dataset', done: 1, total: 1 });
  const churners = data.labels.filter((l) => l === 1).length;
  if (churners === 0) throw new OptionError(`no customer churned within ${horizonDays} days after asOf: nothing to learn; try a later asOf or a longer horizon`);
  if (churners === data.labels.length) throw new OptionError(`every customer churned within ${horizonDays} days after asOf: nothing to learn; try an earlier asOf or a longer horizon`);
  const bgnbd = data.bgnbd;
  const names = data.featureNames;
  const X = data.features;
  let classifier: ChurnModelJSON['classifier'] = null;
  let standardize: ChurnModelJSON['standardize'] = null;
  let importance: number[] | null = null;
  if (kind === 'bgnbd') {
    if (bgnbd === null) throw new OptionError('the BG/NBD model could not be fitted at asOf (too few repeat purchases); choose another model');
  } else if (kind === 'logistic') {
    const { means, sds } = columnMoments(X);
    standardize = { means, sds };
    const fitted = new LogisticRegression({ l2: 1e-3 }).fit(standardized(X, standardize), data.labels, run);
    classifier = fitted.toJSON();
    const w = classifier.weights[fitted.classes.length === 2 ? 1 : 0] as number[];
    importance = normalise(w.slice(1).map(Math.abs));
  } else {
    const estimator = kind === 'tree' ? new DecisionTree({ maxDepth: 6, minSamplesLeaf: 20 })
      : kind === 'forest' ? new RandomForest({ nEstimators: 100, maxDepth: 10, minSamplesLeaf: 50, seed })
        : kind === 'rules' ? new RuleList()
          : new NeuralNetwork({ hiddenLayers: [8], iterations: 200, seed });
    const fitted = estimator.fit(X, data.labels, run);
    classifier = fitted.toJSON();
    if ('featureImportance' in fitted) importance = fitted.featureImportance();
  }
  // What a saved model holds; the reloaded one scores through the same code (churnModelFromJSON).
  return assembleChurnModel({
    kind: 'churn-model',
    version: 1,
    model: kind,
    asOf: new Date(resolveAsOf(log, options.asOf)).toISOString(),
    horizonDays,
    featureNames: [...names],
    features: options.features === undefined ? null : [...options.features],
    bgnbd,
    medians: X[0]?.map((_, j) => median(X.map((r) => r[j] as number))) ?? [],
    importance,
    standardize,
    classifier,
  });
}

function normalise(v: number[]): number[] {
  const total = v.reduce((s, x) => s + x, 0);
  return total === 0 ? v : v.map((x) => x / total);
}
