import { DataError } from '../core/errors';
import { logGamma } from '../core/math';
import { runGuard } from '../core/guard';
import type { CustomerSummaryRow } from './summary';
import { declineReason, refusal, rowWeight, type FitStatus } from './fitCheck';
import type { ParameterUncertainty } from './uncertainty';
import { maximizePositive, penalizerOf, type BtydFitOptions } from './likelihoodFit';
import { btydJSON, type BtydJSON } from './savedJson';
import { sqlLayer, type SqlDialect } from '../core/sqlDialect';

/** Gamma-Gamma parameters: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams { p: number; q: number; gamma: number }

/** A fitted Gamma-Gamma spend model. */
export interface FittedGammaGamma {
  params: GammaGammaParams;
  logLikelihood: number;
  /** `'declined'` when the data cannot support the model (then `expectedSpend` throws a `MODEL` error with the reason). */
  status: FitStatus;
  /** Why it was declined, with the numbers; null when usable. */
  reason: string | null;
  /** Customers fitted on (repeat buyers with a positive mean spend), and those left out and why. */
  data: { customers: number; oneTimeBuyers: number; nonPositiveSpend: number };
  /** Standard errors and 95% intervals of the parameters; null for a declined fit, given parameters, or a flat optimum. */
  uncertainty: ParameterUncertainty<keyof GammaGammaParams> | null;
  /** Expected mean spend per transaction of a customer: p(γ + x·m̄) / (p·x + q − 1); the population mean pγ/(q − 1) for x = 0 or m̄ ≤ 0. */
  expectedSpend(customer: Pick<CustomerSummaryRow, 'frequency' | 'monetary'>): number;
  /** The fit as JSON ({@link btydModelFromJSON} rebuilds it); `JSON.stringify(fit)` calls it. */
  toJSON(): BtydJSON;
  /**
   * `expectedSpend` as an SQL expression over summary columns (frequency, monetary), to score
   * where the data lives.
   * @example
   * `SELECT customer, ${spend.toSql('duckdb')} AS expected_spend FROM summary`
   */
  toSql(dialect: SqlDialect, options?: { columns?: { frequency?: string; monetary?: string } }): string;
}

/** A row Gamma-Gamma reads; a `weight` stands for that many customers with the same frequency and mean spend. */
export type SpendRow = Pick<CustomerSummaryRow, 'frequency' | 'monetary'> & { customer?: string; weight?: number };

/**
 * Fits the Gamma-Gamma model of spend per transaction by maximum likelihood on the customers
 * with repeat purchases, from their number of repeat purchases and mean spend. It takes the
 * summary as {@link customerSummary} gives it (or grouped rows with a `weight`): one-time buyers and repeat buyers whose mean spend
 * is not positive (their returns cancelled their purchases) are left out and counted in `data`.
 * @returns The fit, with `status: 'declined'` and a `reason` when fewer than 10 customers are
 *   left, the log-likelihood is not finite, a parameter ends at the edge of its range, or q ≤ 1
 *   (the mean spend per purchase does not exist under such a fit).
 * @throws {DataError} code `'DATA'` naming the customer for a mean spend that is not a finite number.
 * @throws {AbortError} code `'ABORTED'` when `options.signal` fires (checked before any work and every optimizer iteration).
 * @see Fader, Hardie & Lee (2005), RFM and CLV: using iso-value curves for customer base analysis, JMR 42(4);
 *   Fader & Hardie (2013), The Gamma-Gamma model of monetary value.
 * @example
 * fitGammaGamma(summary).params //=> { p: 6.25, q: 3.74, gamma: 15.44 } on CDNOW's 946 repeat buyers
 */
export function fitGammaGamma(summary: readonly SpendRow[], options: BtydFitOptions = {}): FittedGammaGamma {
  const guard = runGuard(options);
  const penalizer = penalizerOf(options);
  const rows: SpendRow[] = [];
  let oneTimeBuyers = 0;
  let nonPositiveSpend = 0;
  let customers = 0;
  summary.forEach((c, i) => {
    if (!Number.isFinite(c.monetary)) {
      throw new DataError(`mean spend must be a finite number${c.customer === undefined ? '' : ` (customer ${JSON.stringify(c.customer)})`}`, { row: i + 1, field: 'monetary', value: c.monetary });
    }
    const weight = rowWeight(c.weight, i);
    if (!(c.frequency > 0)) oneTimeBuyers += weight;
    else if (!(c.monetary > 0)) nonPositiveSpend += weight;
    else {
      rows.push(c);
      customers += weight;
    }
  });
  const data = { customers, oneTimeBuyers, nonPositiveSpend };
  if (rows.length === 0) return declined(data, `Gamma-Gamma declined: no customer has a repeat purchase with a positive mean spend (${oneTimeBuyers} one-time buyers, ${nonPositiveSpend} repeat buyers whose returns cancel their spend)`);
  const fit = maximizePositive({ names: ['p', 'q', 'gamma'], logLikelihood: (v) => gammaGammaLogLikelihood(v, rows), customers, penalizer }, guard);
  const { params, logLikelihood } = fit;
  const { q } = params;
  const reason = declineReason('Gamma-Gamma', params, logLikelihood, { repeatBuyers: customers, customers: customers + oneTimeBuyers + nonPositiveSpend })
    ?? (q <= 1 ? `Gamma-Gamma declined: q = ${q.toFixed(3)} ≤ 1, so the mean spend per purchase does not exist under this fit (spend too dispersed across ${customers} repeat buyers)` : null);
  if (reason !== null) return declined(data, reason, params, logLikelihood);
  return { ...gammaGammaModel(params, logLikelihood), data, uncertainty: fit.uncertainty() };
}

function declined(data: FittedGammaGamma['data'], reason: string, params: GammaGammaParams = { p: NaN, q: NaN, gamma: NaN }, logLikelihood = NaN): FittedGammaGamma {
  return { ...gammaGammaModel(params, logLikelihood), status: 'declined', reason, data, uncertainty: null, expectedSpend: refusal(reason), toSql: refusal(reason) };
}

/** The Gamma-Gamma predictions for given parameters. */
export function gammaGammaModel(params: GammaGammaParams, logLikelihood = NaN): FittedGammaGamma {
  const { p, q, gamma } = params;
  return {
    params: { ...params },
    logLikelihood,
    status: 'ok',
    reason: null,
    data: { customers: 0, oneTimeBuyers: 0, nonPositiveSpend: 0 },
    uncertainty: null,
    toJSON(this: FittedGammaGamma): BtydJSON {
      return btydJSON('gamma-gamma', this);
    },
    // A customer with no repeat purchase, or whose returns cancel their spend, gets the population mean.
    expectedSpend: ({ frequency: x, monetary: m }) => (x > 0 && m > 0 ? (p * (gamma + x * m)) / (p * x + q - 1) : (p * gamma) / (q - 1)),
    toSql(dialect: SqlDialect, options: { columns?: { frequency?: string; monetary?: string } } = {}): string {
      const { num } = sqlLayer(dialect);
      const x = options.columns?.frequency ?? 'frequency';
      const m = options.columns?.monetary ?? 'monetary';
      return `CASE WHEN ${x} > 0 AND ${m} > 0 THEN (${num(p)} * (${num(gamma)} + ${x} * ${m})) / (${num(p)} * ${x} + ${num(q)} - 1) ELSE ${num((p * gamma) / (q - 1))} END`;
    },
  };
}

/** Σ log-likelihood over repeat buyers (mean of x transactions m̄ ~ Gamma(px, νx), ν ~ Gamma(q, γ)). */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, rows: readonly SpendRow[]): number {
  let ll = 0;
  const base = -logGamma(q) + q * Math.log(gamma);
  for (const { frequency: x, monetary: m, weight = 1 } of rows) {
    ll += weight * (logGamma(p * x + q) - logGamma(p * x) + base + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x));
  }
  return ll;
}
