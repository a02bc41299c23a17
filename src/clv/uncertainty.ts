import { inversePositiveDefinite, numericHessian } from '../core/hessian';

/** Standard errors and 95% intervals of a fit's parameters, from the observed information. */
export interface ParameterUncertainty<P extends string> {
  /** √ of the diagonal of the inverse Hessian of −LL at the optimum. */
  standardErrors: Record<P, number>;
  /** 95% Wald interval on the log scale, exp(ln θ ± 1.96 · se/θ): always positive, like the parameters. */
  lower95: Record<P, number>;
  upper95: Record<P, number>;
}

/**
 * The uncertainty of positive parameters at the maximum of a log-likelihood: the inverse of the
 * observed information (the Hessian of −LL in the parameters themselves), or null when it is not
 * positive definite (the optimum is flat in some direction, so the data do not pin it down).
 * @example
 * parameterUncertainty({ p: 2 }, ([p]) => -(10 * Math.log(p) - 5 * p))?.standardErrors.p //=> √(p²/10) = 0.632…
 */
export function parameterUncertainty<P extends string>(params: Readonly<Record<P, number>>, negLogLikelihood: (values: number[]) => number): ParameterUncertainty<P> | null {
  const names = Object.keys(params) as P[];
  const values = names.map((k) => params[k]);
  const H = numericHessian(negLogLikelihood, values);
  const cov = inversePositiveDefinite(H);
  if (cov === null) return null;
  const standardErrors = {} as Record<P, number>;
  const lower95 = {} as Record<P, number>;
  const upper95 = {} as Record<P, number>;
  for (const [i, name] of names.entries()) {
    const variance = (cov[i] as number[])[i] as number;
    if (!(variance > 0 && Number.isFinite(variance))) return null;
    const se = Math.sqrt(variance);
    const value = values[i] as number;
    standardErrors[name] = se;
    lower95[name] = value * Math.exp(-1.96 * (se / value));
    upper95[name] = value * Math.exp(1.96 * (se / value));
  }
  return { standardErrors, lower95, upper95 };
}
