import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { columnMoments, median } from '../core/stats';
import type { TransactionLog } from '../core/TransactionLog';
import { scoreBgNbd, type BgNbdParams } from '../clv/index';
import { DecisionTree, LogisticRegression, NeuralNetwork, RandomForest, confusionMatrix, gainsCurve, liftAt, precisionRecall, rocAuc, type ConfusionMatrix } from '../classify/index';
import { checkLabelWindow, churnDataset } from './dataset';
import { churnFeatures, type ChurnFeature } from './features';
import { riskReasons, type RiskReason } from './reasons';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runOnly, throwIfAborted, type RunOptions } from '../core/run';

/** The model behind {@link trainChurnModel}. */
export type ChurnModelKind = 'tree' | 'forest' | 'logistic' | 'neural' | 'bgnbd';

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
}

/** Turns feature rows into churn probabilities. */
type Scorer = (rows: number[][]) => number[];

/**
 * Trains a churn model at `asOf`: features known then, label = no purchase within
 * `horizonDays` after it. The model scores any later date (features recomputed from the log at
 * that date, BG/NBD parameters kept from training), so a model trained at t0 can be checked
 * out of time at t1 = t0 + horizon.
 * Models: 'logistic' (standardized features, L2; the default), 'forest' (100 trees, depth 10,
 * minSamplesLeaf 50), 'tree' (depth 6, minSamplesLeaf 20), 'neural' (one hidden layer of 8), 'bgnbd' (no
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
  if (!['tree', 'forest', 'logistic', 'neural', 'bgnbd'].includes(kind)) throw new OptionError(`model must be 'tree', 'forest', 'logistic', 'neural' or 'bgnbd', got ${String(kind)}`);
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
  const column = (name: ChurnFeature) => names.indexOf(name);
  const X = data.features;
  let score: Scorer;
  let importance: number[] | null = null;
  if (kind === 'bgnbd') {
    if (bgnbd === null) throw new OptionError('the BG/NBD model could not be fitted at asOf (too few repeat purchases); choose another model');
    score = bgnbdScorer(bgnbd, horizonDays, [column('frequency'), column('recencyDays'), column('tenureDays')]);
  } else if (kind === 'logistic') {
    const { means, sds } = columnMoments(X);
    const z = (rows: number[][]) => rows.map((r) => r.map((v, j) => (v - (means[j] as number)) / (sds[j] as number)));
    const fitted = new LogisticRegression({ l2: 1e-3 }).fit(z(X), data.labels, run);
    score = (rows) => fitted.predictProba(z(rows)).map((p) => p[1] as number);
    const w = fitted.toJSON().weights[fitted.classes.length === 2 ? 1 : 0] as number[];
    importance = normalise(w.slice(1).map(Math.abs));
  } else {
    const estimator = kind === 'tree' ? new DecisionTree({ maxDepth: 6, minSamplesLeaf: 20 })
      : kind === 'forest' ? new RandomForest({ nEstimators: 100, maxDepth: 10, minSamplesLeaf: 50, seed })
        : new NeuralNetwork({ hiddenLayers: [8], iterations: 200, seed });
    const fitted = estimator.fit(X, data.labels, run);
    const positive = fitted.classes.indexOf(1);
    score = (rows) => fitted.predictProba(rows).map((p) => p[positive] as number);
    if ('featureImportance' in fitted) importance = fitted.featureImportance();
  }
  const medians = X[0]?.map((_, j) => median(X.map((r) => r[j] as number))) ?? [];
  const keep = options.features;
  const featuresAt = (target: TransactionLog, asOf: number) => {
    const f = churnFeatures(target, { asOf, horizonDays, bgnbd });
    const idx = keep === undefined ? null : names.map((n) => f.featureNames.indexOf(n as ChurnFeature));
    return { customers: f.customers, rows: idx === null ? f.features : f.features.map((r) => idx.map((j) => r[j] as number)) };
  };
  const model: ChurnModel = {
    kind,
    asOf: new Date(resolveAsOf(log, options.asOf)),
    horizonDays,
    featureNames: [...names],
    predict(target, options) {
      checkOptions('predict', options, { asOf: 'time' });
      const { asOf } = options;
      const { customers, rows } = featuresAt(target, resolveAsOf(target, asOf));
      const p = score(rows);
      return customers.map((customer, i) => ({ customer, probability: p[i] as number }));
    },
    evaluate(target, options) {
      checkOptions('evaluate', options, { asOf: 'time', threshold: 'number' });
      const { asOf, threshold = 0.5 } = options;
      if (!(threshold >= 0 && threshold <= 1)) throw new OptionError(`threshold must be in [0, 1], got ${String(threshold)}`);
      const at = checkLabelWindow(target, asOf, horizonDays);
      const truth = churnDataset(target, { asOf: at, horizonDays, bgnbd, ...(keep === undefined ? {} : { features: keep }) });
      const p = score(truth.features);
      const flagged = p.map((v) => (v >= threshold ? 1 : 0));
      const churned = truth.labels.filter((l) => l === 1).length;
      if (churned === 0 || churned === truth.labels.length) throw new OptionError(`${churned === 0 ? 'no customer' : 'every customer'} churned after ${new Date(at).toISOString().slice(0, 10)}: AUC is undefined`);
      const pr = precisionRecall(truth.labels, flagged).perClass.find((c) => c.label === 1);
      return {
        customers: truth.labels.length,
        churnRate: churned / truth.labels.length,
        auc: rocAuc(truth.labels, p),
        precision: pr?.precision ?? 0,
        recall: pr?.recall ?? 0,
        liftAt10: liftAt(truth.labels, p, 0.1),
        confusion: confusionMatrix(truth.labels, flagged, [0, 1]),
        threshold,
        gains: gainsCurve(truth.labels, p),
      };
    },
    atRisk(target, options) {
      checkOptions('atRisk', options, { asOf: 'time', topN: 'number', value: 'object' });
      const { asOf, topN = 20, value } = options;
      if (!(Number.isInteger(topN) && topN >= 1)) throw new OptionError(`topN must be a positive integer, got ${String(topN)}`);
      const { customers, rows } = featuresAt(target, resolveAsOf(target, asOf));
      const p = score(rows);
      const key = value === undefined ? p : p.map((v, i) => v * (value.get(customers[i] as string) ?? 0));
      const order = p.map((_, i) => i).sort((a, b) => (key[b] as number) - (key[a] as number) || ((customers[a] as string) < (customers[b] as string) ? -1 : 1)).slice(0, topN);
      return order.map((i) => ({ customer: customers[i] as string, probability: p[i] as number, reasons: riskReasons(rows[i] as number[], p[i] as number, medians, names, score) }));
    },
  };
  if (importance !== null) {
    const imp = importance;
    model.featureImportance = () => names.map((feature, j) => ({ feature, importance: imp[j] as number })).sort((a, b) => b.importance - a.importance);
  }
  return model;
}

/** 1 − P(a purchase within the horizon) under BG/NBD, from frequency, recency and tenure in days. */
function bgnbdScorer(params: BgNbdParams, horizonDays: number, [f, r, t]: number[]): Scorer {
  return (rows) => {
    const frequency = Float64Array.from(rows, (x) => Math.max(0, (x[f as number] as number) - 1));
    const T = Float64Array.from(rows, (x) => (x[t as number] as number) / 7);
    const recency = Float64Array.from(rows, (x, i) => (frequency[i] === 0 ? 0 : Math.max(0, ((x[t as number] as number) - (x[r as number] as number)) / 7)));
    return Array.from(scoreBgNbd(params, { frequency, recency, T }, horizonDays / 7).probabilityActive, (a) => 1 - a);
  };
}

function normalise(v: number[]): number[] {
  const total = v.reduce((s, x) => s + x, 0);
  return total === 0 ? v : v.map((x) => x / total);
}
