import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import type { TransactionLog } from '../core/TransactionLog';
import { scoreBgNbd, type BgNbdParams } from '../clv/index';
import { FittedDecisionTree, FittedLogisticRegression, FittedNeuralNetwork, FittedRandomForest, FittedRuleList, confusionMatrix, gainsCurve, liftAt, precisionRecall, rocAuc } from '../classify/index';
import { checkOptions } from '../core/options';
import { checkLabelWindow, churnDataset } from './dataset';
import { churnFeatures, type ChurnFeature } from './features';
import { riskReasons } from './reasons';
import type { ChurnModel, ChurnModelJSON } from './model';

/** Turns feature rows into churn probabilities. */
type Scorer = (rows: number[][]) => number[];

/**
 * The churn model for a trained (or reloaded) state: one code path scores both, so a model
 * reloaded from its JSON predicts exactly as the one trained.
 * @example
 * const model = assembleChurnModel(saved); model.predict(log, { asOf: '2024-09-30' })
 */
export function assembleChurnModel(state: ChurnModelJSON): ChurnModel {
  const { horizonDays, bgnbd, medians, featureNames: names } = state;
  const score = scorerOf(state);
  const keep = state.features ?? undefined;
  const featuresAt = (target: TransactionLog, asOf: number) => {
    const f = churnFeatures(target, { asOf, horizonDays, bgnbd });
    const idx = keep === undefined ? null : names.map((n) => f.featureNames.indexOf(n as ChurnFeature));
    return { customers: f.customers, rows: idx === null ? f.features : f.features.map((r) => idx.map((j) => r[j] as number)) };
  };
  const model: ChurnModel = {
    kind: state.model,
    asOf: new Date(state.asOf),
    horizonDays,
    featureNames: [...names],
    predict(target, options) {
      checkOptions('predict', options, { asOf: 'time' });
      const { customers, rows } = featuresAt(target, resolveAsOf(target, options.asOf));
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
    toJSON: () => structuredClone(state),
  };
  const importance = state.importance;
  if (importance !== null) {
    model.featureImportance = () => names.map((feature, j) => ({ feature, importance: importance[j] as number })).sort((a, b) => b.importance - a.importance);
  }
  return model;
}

/** (x − mean) / sd per column, as the logistic model was trained. */
export function standardized(rows: readonly number[][], { means, sds }: { means: readonly number[]; sds: readonly number[] }): number[][] {
  return rows.map((r) => r.map((v, j) => (v - (means[j] as number)) / (sds[j] as number)));
}

function scorerOf(state: ChurnModelJSON): Scorer {
  const { classifier, standardize } = state;
  if (state.model === 'bgnbd') {
    const column = (name: ChurnFeature) => state.featureNames.indexOf(name);
    return bgnbdScorer(state.bgnbd as BgNbdParams, state.horizonDays, [column('frequency'), column('recencyDays'), column('tenureDays')]);
  }
  const fitted = classifier?.kind === 'logistic-regression' ? FittedLogisticRegression.fromJSON(classifier)
    : classifier?.kind === 'cart-classifier' ? FittedDecisionTree.fromJSON(classifier)
      : classifier?.kind === 'random-forest' ? FittedRandomForest.fromJSON(classifier)
        : classifier?.kind === 'rule-list' ? FittedRuleList.fromJSON(classifier)
          : FittedNeuralNetwork.fromJSON(classifier);
  const positive = fitted.classes.indexOf(1);
  return (rows) => fitted.predictProba(standardize === null ? rows : standardized(rows, standardize)).map((p) => p[positive] as number);
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
