import { CrmMiningError } from '../core/errors';
import { SavedModel } from '../classify/savedModel';
import { CHURN_FEATURES, type ChurnFeature } from './features';
import { assembleChurnModel } from './assemble';
import type { ChurnModel, ChurnModelJSON, ChurnModelKind } from './model';

const KINDS: readonly ChurnModelKind[] = ['tree', 'forest', 'logistic', 'neural', 'bgnbd', 'rules'];
const CLASSIFIER: Record<ChurnModelKind, string | null> = { logistic: 'logistic-regression', tree: 'cart-classifier', forest: 'random-forest', neural: 'neural-network', bgnbd: null, rules: 'rule-list' };

/**
 * Reloads a churn model saved with `JSON.stringify(model)` (its `toJSON`). The reloaded model
 * predicts, evaluates and ranks customers exactly as the trained one. A neural model needs
 * brain.js loaded first (`await loadNeuralRuntime()`), as for training.
 * @throws {CrmMiningError} code `'MODEL'` naming what is wrong for anything that is not a saved
 *   churn model of version 1 (another kind, a damaged part, a classifier of the wrong kind).
 * @example
 * writeFileSync('churn.json', JSON.stringify(trainChurnModel(log, { asOf: '2024-06-30', horizonDays: 90 })));
 * const model = churnModelFromJSON(JSON.parse(readFileSync('churn.json', 'utf8')));
 * model.atRisk(log, { asOf: '2024-12-31', topN: 50 });
 */
export function churnModelFromJSON(json: unknown): ChurnModel {
  const j = json as Partial<Record<keyof ChurnModelJSON, unknown>> | null;
  if (typeof j !== 'object' || j === null || j.kind !== 'churn-model' || j.version !== 1) {
    throw new CrmMiningError('MODEL', `expected a saved churn model ({ kind: 'churn-model', version: 1, … }), got ${typeof j === 'object' && j !== null ? `kind ${JSON.stringify(j.kind)}, version ${JSON.stringify(j.version)}` : String(json)}`);
  }
  const saved = new SavedModel('churn model');
  const model = j.model as ChurnModelKind;
  if (!KINDS.includes(model)) throw saved.damaged('model', KINDS.map((k) => `'${k}'`).join(', '));
  if (!(typeof j.asOf === 'string' && !Number.isNaN(Date.parse(j.asOf)))) throw saved.damaged('asOf', 'an ISO 8601 date');
  if (!(typeof j.horizonDays === 'number' && j.horizonDays > 0 && Number.isFinite(j.horizonDays))) throw saved.damaged('horizonDays', 'a positive number of days');
  const isFeature = (f: unknown): f is ChurnFeature => typeof f === 'string' && (CHURN_FEATURES as readonly string[]).includes(f);
  if (!(Array.isArray(j.featureNames) && j.featureNames.length > 0 && j.featureNames.every(isFeature))) throw saved.damaged('featureNames', `names from ${CHURN_FEATURES.join(', ')}`);
  const names = j.featureNames as ChurnFeature[];
  if (!(j.features === null || (Array.isArray(j.features) && j.features.every(isFeature)))) throw saved.damaged('features', 'null or feature names');
  const medians = saved.numbers(j.medians, 'medians', names.length);
  const importance = j.importance === null ? null : saved.numbers(j.importance, 'importance', names.length, (x) => x >= 0, 'numbers >= 0');
  const bgnbd = j.bgnbd === null ? null : bgnbdParams(saved, j.bgnbd);
  if (model === 'bgnbd' && bgnbd === null) throw saved.damaged('bgnbd', "BG/NBD parameters (the 'bgnbd' model scores with them)");
  let standardize: ChurnModelJSON['standardize'] = null;
  if (j.standardize !== null && j.standardize !== undefined) {
    const s = j.standardize as { means?: unknown; sds?: unknown };
    standardize = { means: saved.numbers(s.means, 'standardize.means', names.length), sds: saved.numbers(s.sds, 'standardize.sds', names.length, (x) => x > 0, 'positive numbers') };
  }
  const expected = CLASSIFIER[model];
  const classifier = j.classifier as ChurnModelJSON['classifier'];
  if (expected === null ? classifier !== null : (classifier as { kind?: unknown } | null)?.kind !== expected) throw saved.damaged('classifier', expected === null ? 'null' : `a saved ${expected}`);
  if (classifier !== null && 'features' in classifier && classifier.features !== names.length) throw saved.damaged('classifier.features', `${names.length} (the feature names)`);
  return assembleChurnModel({
    kind: 'churn-model', version: 1, model, asOf: j.asOf, horizonDays: j.horizonDays, featureNames: [...names],
    features: j.features === null ? null : [...(j.features as ChurnFeature[])], bgnbd, medians, importance, standardize, classifier,
  });
}

function bgnbdParams(saved: SavedModel, value: unknown): ChurnModelJSON['bgnbd'] {
  const p = value as Partial<Record<'r' | 'alpha' | 'a' | 'b', unknown>> | null;
  const ok = typeof p === 'object' && p !== null && (['r', 'alpha', 'a', 'b'] as const).every((k) => typeof p[k] === 'number' && (p[k] as number) > 0 && Number.isFinite(p[k]));
  if (!ok) throw saved.damaged('bgnbd', 'null or { r, alpha, a, b } positive numbers');
  return { r: p.r as number, alpha: p.alpha as number, a: p.a as number, b: p.b as number };
}
