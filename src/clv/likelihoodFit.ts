import { OptionError } from '../core/errors';
import { runGuard, type SearchGuard } from '../core/guard';
import { nelderMead } from '../core/optimize';
import type { RunOptions } from '../core/run';
import { parameterUncertainty, type ParameterUncertainty } from './uncertainty';

/** Options of every BTYD fit: `signal` and `onProgress` (phase `'fit'`), and an L2 penalizer. */
export interface BtydFitOptions extends RunOptions {
  /**
   * L2 penalty on the parameters, as lifetimes' `penalizer_coef`: the fit minimizes
   * −LL / customers + penalizer · Σ θ², which pulls the parameters toward 0 on short or sparse
   * data where the plain maximum runs off to the edge. `logLikelihood` stays the plain LL at
   * the penalized optimum; `uncertainty` comes from the Hessian of the penalized objective.
   * @default 0
   */
  penalizer?: number;
}

/** The penalizer of a fit's options, checked: a finite number ≥ 0. */
export function penalizerOf(options: BtydFitOptions): number {
  const c = options.penalizer ?? 0;
  if (!(typeof c === 'number' && c >= 0 && Number.isFinite(c))) throw new OptionError(`penalizer must be a finite number >= 0, got ${String(c)}`, { option: 'penalizer' });
  return c;
}

/** N · c · Σ θ²: lifetimes' per-customer penalty, scaled to the summed log-likelihood. */
export function l2Penalty(values: readonly number[], penalizer: number, customers: number): number {
  if (penalizer === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v * v;
  return penalizer * customers * sum;
}

/** What {@link maximizePositive} needs: parameter names, the log-likelihood, the starts. */
export interface PositiveFitProblem<P extends string> {
  names: readonly P[];
  logLikelihood: (params: Record<P, number>) => number;
  /** Starts on the log scale; the best optimum wins. @default [[0, …, 0]] */
  starts?: readonly (readonly number[])[];
  /** Customers (or cohort size): the penalty's scale. */
  customers: number;
  penalizer: number;
  /** Simplex tolerance of the first and the polishing pass. @default [1e-12, 1e-14] */
  tolerance?: readonly [number, number];
}

/** The penalized optimum: the parameters, the plain log-likelihood there, and the uncertainty function. */
export interface PositiveFit<P extends string> {
  params: Record<P, number>;
  logLikelihood: number;
  /** Standard errors from the Hessian of the (penalized) negative log-likelihood at the optimum. */
  uncertainty(): ParameterUncertainty<P> | null;
}

/**
 * Maximum (penalized) likelihood of positive parameters: Nelder–Mead on their logs from each
 * start, polished by a second pass with a small simplex; progress by iteration on the guard.
 * @example
 * const fit = maximizePositive({ names: ['p'], logLikelihood: ({ p }) => 10 * Math.log(p) - 5 * p, customers: 10, penalizer: 0 });
 * fit.params.p //=> 2
 */
export function maximizePositive<P extends string>(problem: PositiveFitProblem<P>, guard: SearchGuard = runGuard({})): PositiveFit<P> {
  const { names, logLikelihood, customers, penalizer } = problem;
  const [coarse, fine] = problem.tolerance ?? [1e-12, 1e-14];
  const toParams = (values: readonly number[]): Record<P, number> => Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<P, number>;
  const objective = (values: number[]): number => -logLikelihood(toParams(values)) + l2Penalty(values, penalizer, customers);
  let iterations = 0;
  guard.phase('fit');
  const onIteration = (): void => guard.step(++iterations);
  const negative = (theta: number[]): number => objective(theta.map(Math.exp));
  let best = { x: names.map(() => 0), value: Infinity };
  for (const start of problem.starts ?? [names.map(() => 0)]) {
    let fit = nelderMead(negative, start, { maxIterations: 20_000, tolerance: coarse, onIteration });
    fit = nelderMead(negative, fit.x, { maxIterations: 20_000, tolerance: fine, step: 0.05, onIteration });
    if (fit.value < best.value) best = fit;
  }
  const values = best.x.map(Math.exp);
  const params = toParams(values);
  return { params, logLikelihood: logLikelihood(params), uncertainty: () => parameterUncertainty(params, objective) };
}
