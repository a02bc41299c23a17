/** The fields of a fitted model that its JSON keeps. */
interface SavedFields {
  params: object;
  logLikelihood: number;
  status: 'ok' | 'declined';
  reason: string | null;
  data: object;
  uncertainty: object | null;
}

/** Which model a saved fit is. */
export type BtydKind = 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd' | 'gamma-gamma' | 'sbg' | 'bg-bb';

/** A fitted customer-value model as plain JSON: what `toJSON()` gives and {@link btydModelFromJSON} reads. */
export interface BtydJSON {
  kind: BtydKind;
  version: 1;
  params: Record<string, number>;
  /** null when not finite (JSON has no NaN). */
  logLikelihood: number | null;
  status: 'ok' | 'declined';
  reason: string | null;
  data: Record<string, number>;
  uncertainty: { standardErrors: Record<string, number>; lower95: Record<string, number>; upper95: Record<string, number> } | null;
}

/** The JSON of a fitted model (each model's `toJSON` calls this with its kind). */
export function btydJSON(kind: BtydKind, model: SavedFields): BtydJSON {
  return {
    kind,
    version: 1,
    params: { ...model.params } as Record<string, number>,
    logLikelihood: Number.isFinite(model.logLikelihood) ? model.logLikelihood : null,
    status: model.status,
    reason: model.reason,
    data: { ...model.data } as Record<string, number>,
    uncertainty: model.uncertainty === null ? null : JSON.parse(JSON.stringify(model.uncertainty)) as BtydJSON['uncertainty'],
  };
}

