/**
 * Saved churn models: every kind, reloaded from its JSON text, predicts, evaluates and ranks
 * exactly as the model trained (the oracle is the trained model itself); a damaged file is a
 * MODEL error naming the part.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticLog } from '../core/synthetic';
import { loadNeuralRuntime } from '../classify/index';
import { churnModelFromJSON, trainChurnModel, type ChurnModelKind } from './index';

const { log } = syntheticLog({ customers: 800, seed: 17 });
const TRAIN = '2024-03-31';
const LATER = '2024-06-29';

describe('churn model persistence', () => {
  beforeAll(async () => {
    await loadNeuralRuntime();
  });

  it.each<ChurnModelKind>(['logistic', 'tree', 'forest', 'neural', 'bgnbd', 'rules'])('%s: the reloaded model predicts, evaluates and ranks identically', (kind) => {
    const trained = trainChurnModel(log, { asOf: TRAIN, horizonDays: 90, model: kind, seed: 3 });
    const text = JSON.stringify(trained);
    const reloaded = churnModelFromJSON(JSON.parse(text));
    expect(reloaded.kind).toBe(kind);
    expect(reloaded.asOf).toEqual(trained.asOf);
    expect(reloaded.featureNames).toEqual(trained.featureNames);
    expect(reloaded.predict(log, { asOf: LATER })).toEqual(trained.predict(log, { asOf: LATER }));
    expect(reloaded.evaluate(log, { asOf: LATER })).toEqual(trained.evaluate(log, { asOf: LATER }));
    expect(reloaded.atRisk(log, { asOf: LATER, topN: 10 })).toEqual(trained.atRisk(log, { asOf: LATER, topN: 10 }));
    expect(reloaded.featureImportance?.()).toEqual(trained.featureImportance?.());
    expect(JSON.stringify(reloaded)).toBe(text);
  });

  it('keeps a feature subset and the BG/NBD parameters of training', () => {
    const trained = trainChurnModel(log, { asOf: TRAIN, horizonDays: 90, model: 'tree', features: ['recencyDays', 'frequency', 'bgnbdActive'] });
    const saved = trained.toJSON();
    expect(saved.features).toEqual(['recencyDays', 'frequency', 'bgnbdActive']);
    expect(saved.bgnbd).not.toBeNull();
    expect(churnModelFromJSON(JSON.parse(JSON.stringify(saved))).predict(log, { asOf: LATER })).toEqual(trained.predict(log, { asOf: LATER }));
  });

  it('names what is wrong in a damaged or foreign file', () => {
    const saved = trainChurnModel(log, { asOf: TRAIN, horizonDays: 90, model: 'logistic' }).toJSON();
    const broken = (change: object) => () => churnModelFromJSON({ ...structuredClone(saved), ...change });
    expect(() => churnModelFromJSON({ kind: 'random-forest', version: 1 })).toThrow(/expected a saved churn model.*kind "random-forest"/);
    expect(() => churnModelFromJSON(null)).toThrow(expect.objectContaining({ code: 'MODEL' }));
    expect(broken({ version: 2 })).toThrow(/version: 1/);
    expect(broken({ model: 'svm' })).toThrow(/model must be 'tree', 'forest'/);
    expect(broken({ asOf: 'yesterday' })).toThrow(/asOf must be an ISO 8601 date/);
    expect(broken({ horizonDays: -5 })).toThrow(/horizonDays must be a positive number/);
    expect(broken({ featureNames: ['recencyDays', 'shoeSize'] })).toThrow(/featureNames must be names from/);
    expect(broken({ medians: saved.medians.slice(1) })).toThrow(/medians must be 15 of finite numbers/);
    expect(broken({ standardize: { means: saved.standardize?.means, sds: saved.standardize?.sds.map(() => 0) } })).toThrow(/standardize.sds must be 15 of positive numbers/);
    expect(broken({ classifier: null })).toThrow(/classifier must be a saved logistic-regression/);
    expect(broken({ model: 'bgnbd' })).toThrow(/classifier must be null/);
    expect(broken({ bgnbd: { r: 1, alpha: 2, a: -1, b: 3 } })).toThrow(/bgnbd must be null or \{ r, alpha, a, b \}/);
    expect(broken({ classifier: { ...saved.classifier, weights: [[1, 2]] } })).toThrow(expect.objectContaining({ code: 'MODEL' }));
  });
});
