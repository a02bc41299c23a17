import { OptionError } from '../core/errors';
import { sqlLayer, type SqlDialect } from '../core/sqlDialect';
import type { BgNbdParams } from './bgnbd';

/** Columns (or SQL expressions) of a customer summary in the engine. */
export interface BtydSqlColumns {
  /** @default 'frequency' */
  frequency?: string;
  /** @default 'recency' */
  recency?: string;
  /** @default the quoted "T" */
  T?: string;
}

/** Options of a BG/NBD model's `toSql`. */
export interface BgNbdSqlOptions {
  columns?: BtydSqlColumns;
  /** Horizon (in the unit of the fit) of `probability_active`; without it only `probability_alive` is written. */
  t?: number;
}

/**
 * SQL expressions for the closed-form BG/NBD (or MBG/NBD) scores, the same formulas as the
 * model's methods: P(alive) = 1 / (1 + odds) with the odds in logs (so no overflow at large
 * frequencies), and P(active within t) = P(alive) · (1 − ((α + T)/(α + T + t))^(r + x)).
 * Returns a select list: `… AS probability_alive[, … AS probability_active]`.
 * @throws {OptionError} code `'OPTION'` for a negative or non-finite horizon.
 * @example
 * bgnbdSql(fit.params, false, 'postgres', { t: 13 })
 */
export function bgnbdSql(params: BgNbdParams, modified: boolean, dialect: SqlDialect, options: BgNbdSqlOptions = {}): string {
  const e = bgnbdSqlExpressions(params, modified, dialect, options);
  return [`${e.probabilityAlive} AS probability_alive`, ...(e.probabilityActive === null ? [] : [`${e.probabilityActive} AS probability_active`])].join(',\n  ');
}

/**
 * The two closed-form BG/NBD scores as bare SQL expressions (see {@link bgnbdSql}).
 * @example
 * bgnbdSqlExpressions(params, false, 'duckdb', { t: 13 }).probabilityActive
 */
export function bgnbdSqlExpressions(params: BgNbdParams, modified: boolean, dialect: SqlDialect, options: BgNbdSqlOptions = {}): { probabilityAlive: string; probabilityActive: string | null } {
  const sql = sqlLayer(dialect);
  const x = options.columns?.frequency ?? 'frequency';
  const tx = options.columns?.recency ?? 'recency';
  const T = options.columns?.T ?? sql.id('T');
  const { r, alpha, a, b } = params;
  const shift = modified ? 1 : 0;
  const n = sql.num;
  const logOdds = `(LN(${n(a)}) - LN(GREATEST(${n(b)} + ${x} - ${1 - shift}, ${n(1e-300)})) + (${n(r)} + ${x}) * (LN(${n(alpha)} + ${T}) - LN(${n(alpha)} + ${tx})))`;
  const aliveCore = `CASE WHEN ${logOdds} > 700 THEN 0 ELSE 1 / (1 + EXP(LEAST(${logOdds}, 700))) END`;
  const alive = modified ? `(${aliveCore})` : `(CASE WHEN ${x} = 0 THEN 1 ELSE ${aliveCore} END)`;
  const t = options.t;
  if (t === undefined) return { probabilityAlive: alive, probabilityActive: null };
  if (!(t >= 0 && Number.isFinite(t))) throw new OptionError(`t must be a finite time >= 0, got ${t}`);
  return { probabilityAlive: alive, probabilityActive: `(${alive} * (1 - EXP((${n(r)} + ${x}) * LN(1 - ${n(t)} / (${n(alpha)} + ${T} + ${n(t)})))))` };
}
