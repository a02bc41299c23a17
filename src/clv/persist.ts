import { CrmMiningError } from '../core/errors';
import { bgnbdModel, type FittedBgNbd } from './bgnbd';
import { bgbbModel, type FittedBgBb } from './bgbb';
import { refusal } from './fitCheck';
import { gammaGammaModel, type FittedGammaGamma } from './gammaGamma';
import { paretoNbdModel, type FittedParetoNbd } from './paretoNbd';
import { sbgModel, type FittedSbg } from './sbg';
import type { BtydJSON, BtydKind } from './savedJson';

/** Any fitted customer-value model. */
export type FittedBtyd = FittedBgNbd | FittedParetoNbd | FittedGammaGamma | FittedSbg | FittedBgBb;


const PARAMS: Record<BtydKind, readonly string[]> = {
  'bg-nbd': ['r', 'alpha', 'a', 'b'],
  'mbg-nbd': ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
  'gamma-gamma': ['p', 'q', 'gamma'],
  sbg: ['alpha', 'beta'],
  'bg-bb': ['alpha', 'beta', 'gamma', 'delta'],
};

/**
 * Rebuilds a fitted BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, sBG or BG/BB model from its JSON
 * (`JSON.stringify(fit)` writes it). The reloaded model predicts exactly as the fitted one; a
 * declined one still refuses, with its reason.
 * @throws {CrmMiningError} code `'MODEL'` for anything that is not a saved model of a known kind and version 1.
 * @example
 * const again = btydModelFromJSON(JSON.parse(JSON.stringify(fitBgNbd(summary)))) as FittedBgNbd;
 */
export function btydModelFromJSON(json: unknown): FittedBtyd {
  const j = json as Partial<BtydJSON> | null;
  const kind = j?.kind;
  if (typeof j !== 'object' || j === null || kind === undefined || !(kind in PARAMS) || j.version !== 1) {
    throw new CrmMiningError('MODEL', `expected a saved customer-value model ({ kind: ${Object.keys(PARAMS).map((k) => `'${k}'`).join(' | ')}, version: 1, … }), got ${describe(json)}`);
  }
  if (j.status !== 'ok' && j.status !== 'declined') throw new CrmMiningError('MODEL', `saved ${kind} model: status must be 'ok' or 'declined'`);
  const names = PARAMS[kind];
  const params: Record<string, number> = {};
  for (const name of names) {
    const value = j.params?.[name];
    // A declined fit may have no parameters (JSON writes NaN as null); a usable one must.
    if (typeof value === 'number' && Number.isFinite(value)) params[name] = value;
    else if (j.status === 'declined' && (value === null || value === undefined)) params[name] = NaN;
    else throw new CrmMiningError('MODEL', `saved ${kind} model: parameter ${name} must be a finite number, got ${String(value)}`);
  }
  const ll = typeof j.logLikelihood === 'number' ? j.logLikelihood : NaN;
  const p = (name: string) => params[name] as number;
  let model: FittedBtyd;
  if (kind === 'bg-nbd' || kind === 'mbg-nbd') model = bgnbdModel({ r: p('r'), alpha: p('alpha'), a: p('a'), b: p('b') }, ll, kind === 'mbg-nbd');
  else if (kind === 'pareto-nbd') model = paretoNbdModel({ r: p('r'), alpha: p('alpha'), s: p('s'), beta: p('beta') }, ll);
  else if (kind === 'gamma-gamma') model = gammaGammaModel({ p: p('p'), q: p('q'), gamma: p('gamma') }, ll);
  else if (kind === 'sbg') model = sbgModel({ alpha: p('alpha'), beta: p('beta') }, ll);
  else model = bgbbModel({ alpha: p('alpha'), beta: p('beta'), gamma: p('gamma'), delta: p('delta') }, ll);
  const restored = { ...model, data: { ...model.data, ...(j.data ?? {}) }, uncertainty: j.uncertainty ?? null } as FittedBtyd;
  if (j.status === 'ok') return restored;
  const reason = typeof j.reason === 'string' ? j.reason : `the saved ${kind} fit was declined`;
  const refuse = refusal(reason);
  const declined: Record<string, unknown> = { ...restored, status: 'declined', reason };
  for (const [key, value] of Object.entries(restored)) if (typeof value === 'function' && key !== 'toJSON') declined[key] = refuse;
  return declined as unknown as FittedBtyd;
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? `an object with kind ${JSON.stringify((v as { kind?: unknown }).kind)}` : typeof v);
