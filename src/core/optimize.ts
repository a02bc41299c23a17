/** Outcome of {@link nelderMead}. */
export type MinimizeResult =
  | { status: 'converged'; x: number[]; value: number; iterations: number }
  | { status: 'maxIterations'; x: number[]; value: number; iterations: number };

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** @default 5000 */
  maxIterations?: number;
  /** Stop when the simplex's values differ by less than this. @default 1e-10 */
  tolerance?: number;
  /** Initial step per coordinate. @default 0.5 */
  step?: number;
  /** Called after every iteration (progress, and a place for the caller's abort check). */
  onIteration?: (iteration: number) => void;
}

/**
 * Minimizes `f` with the Nelder–Mead simplex method (derivative-free; standard coefficients
 * 1, 2, 0.5, 0.5). Non-finite values count as +Infinity, so infeasible regions are avoided.
 * @example
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x //=> ≈ [1, -2]
 */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): MinimizeResult {
  const { maxIterations = 5000, tolerance = 1e-10, step = 0.5, onIteration } = options;
  const n = start.length;
  const value = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex: Array<{ x: number[]; v: number }> = [{ x: [...start], v: value([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, v: value(x) });
  }
  const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * ((b[i] as number) - ai));
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    onIteration?.(iteration);
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    if (Math.abs(worst.v - best.v) <= tolerance * (1 + Math.abs(best.v))) {
      return { status: 'converged', x: best.x, value: best.v, iterations: iteration };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((simplex[i] as { x: number[] }).x[j] as number) / n;
    const reflected = combine(centroid, worst.x, -1);
    const rv = value(reflected);
    const second = simplex[n - 1] as { v: number };
    if (rv < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ev = value(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < second.v) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const contracted = rv < worst.v ? combine(centroid, reflected, 0.5) : combine(centroid, worst.x, 0.5);
      const cv = value(contracted);
      if (cv < Math.min(rv, worst.v)) simplex[n] = { x: contracted, v: cv };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: combine(best.x, p.x, 0.5), v: value(combine(best.x, p.x, 0.5)) }));
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  const best = simplex[0] as { x: number[]; v: number };
  return { status: 'maxIterations', x: best.x, value: best.v, iterations: maxIterations };
}
