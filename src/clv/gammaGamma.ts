import { DataError } from '../core/errors';
import { logGamma } from '../core/math';
import { nelderMead } from '../core/optimize';
import type { CustomerSummaryRow } from './summary';

/** Gamma-Gamma parameters: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams { p: number; q: number; gamma: number }

/** A fitted Gamma-Gamma spend model. */
export interface FittedGammaGamma {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Expected mean spend per transaction of a customer: p(γ + x·m̄) / (p·x + q − 1); the population mean for x = 0. */
  expectedSpend(customer: Pick<CustomerSummaryRow, 'frequency' | 'monetary'>): number;
}

/**
 * Fits the Gamma-Gamma model of spend per transaction by maximum likelihood on the customers
 * with repeat purchases (frequency > 0), from their number of repeat purchases and mean spend.
 * @throws {DataError} code `'DATA'` when no customer has a repeat purchase, or a mean spend is not positive.
 * @see Fader, Hardie & Lee (2005), RFM and CLV: using iso-value curves for customer base analysis, JMR 42(4);
 *   Fader & Hardie (2013), The Gamma-Gamma model of monetary value.
 * @example
 * fitGammaGamma(summary).params //=> { p: 6.25, q: 3.74, gamma: 15.44 } on CDNOW's 946 repeat buyers
 */
export function fitGammaGamma(summary: readonly Pick<CustomerSummaryRow, 'frequency' | 'monetary'>[]): FittedGammaGamma {
  const rows = summary.filter((c) => c.frequency > 0);
  if (rows.length === 0) throw new DataError('no customer has a repeat purchase: Gamma-Gamma needs frequency > 0');
  rows.forEach((c, i) => {
    if (!(c.monetary > 0 && Number.isFinite(c.monetary))) throw new DataError('mean spend of a repeat buyer must be a positive number', { row: i + 1, field: 'monetary', value: c.monetary });
  });
  const negLL = (v: number[]): number => {
    const [p, q, gamma] = v.map(Math.exp) as [number, number, number];
    return -gammaGammaLogLikelihood({ p, q, gamma }, rows);
  };
  let best = nelderMead(negLL, [0, 0, 0], { maxIterations: 20_000, tolerance: 1e-12 });
  best = nelderMead(negLL, best.x, { maxIterations: 20_000, tolerance: 1e-14, step: 0.05 });
  const [p, q, gamma] = best.x.map(Math.exp) as [number, number, number];
  return gammaGammaModel({ p, q, gamma }, -best.value);
}

/** The Gamma-Gamma predictions for given parameters. */
export function gammaGammaModel(params: GammaGammaParams, logLikelihood = NaN): FittedGammaGamma {
  const { p, q, gamma } = params;
  return {
    params: { ...params },
    logLikelihood,
    expectedSpend: ({ frequency: x, monetary: m }) => (x > 0 ? (p * (gamma + x * m)) / (p * x + q - 1) : (p * gamma) / (q - 1)),
  };
}

/** Σ log-likelihood over repeat buyers (mean of x transactions m̄ ~ Gamma(px, νx), ν ~ Gamma(q, γ)). */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, rows: readonly Pick<CustomerSummaryRow, 'frequency' | 'monetary'>[]): number {
  let ll = 0;
  const base = -logGamma(q) + q * Math.log(gamma);
  for (const { frequency: x, monetary: m } of rows) {
    ll += logGamma(p * x + q) - logGamma(p * x) + base + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x);
  }
  return ll;
}
