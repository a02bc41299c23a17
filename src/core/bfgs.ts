import type { MinimizeResult } from './optimize';

/** Options of {@link bfgs}. */
export interface BfgsOptions {
  /** @default 200 */
  maxIterations?: number;
  /** Stop when the largest gradient component is below this. @default 1e-8 */
  gradientTolerance?: number;
  /** Largest change of any coordinate in one step (a trust bound against wild first steps). @default Infinity */
  maxStep?: number;
  /** Called after every iteration (progress, and a place for the caller's abort check). */
  onIteration?: (iteration: number) => void;
}

/**
 * Minimizes a smooth function with BFGS (inverse-Hessian updates) and a backtracking Armijo
 * line search. `f` returns the value and the gradient; non-finite values make the line search
 * step back, so infeasible regions are avoided.
 * @example
 * bfgs(([x, y]) => ({ value: (x - 1) ** 2 + 10 * (y + 2) ** 2, gradient: [2 * (x - 1), 20 * (y + 2)] }), [0, 0]).x //=> ≈ [1, -2]
 */
export function bfgs(f: (x: number[]) => { value: number; gradient: number[] }, start: readonly number[], options: BfgsOptions = {}): MinimizeResult {
  const { maxIterations = 200, gradientTolerance = 1e-8, maxStep = Infinity, onIteration } = options;
  const n = start.length;
  let x = [...start];
  let { value, gradient: g } = f(x);
  if (!Number.isFinite(value)) return { status: 'maxIterations', x, value: Infinity, iterations: 0 };
  let H = identity(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    onIteration?.(iteration);
    if (Math.max(...g.map(Math.abs)) < gradientTolerance * Math.max(1, Math.abs(value))) return { status: 'converged', x, value, iterations: iteration };
    let direction = H.map((row) => -row.reduce((s, h, j) => s + h * (g[j] as number), 0));
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      H = identity(n); // not a descent direction: restart from steepest descent
      direction = g.map((v) => -v);
      slope = -dot(g, g);
    }
    const longest = Math.max(...direction.map(Math.abs));
    let step = longest > maxStep ? maxStep / longest : 1;
    let next: { value: number; gradient: number[] } | null = null;
    let xNext = x;
    for (let k = 0; k < 60; k++) {
      xNext = x.map((xi, i) => xi + step * (direction[i] as number));
      const candidate = f(xNext);
      if (Number.isFinite(candidate.value) && candidate.value <= value + 1e-4 * step * slope && candidate.gradient.every(Number.isFinite)) {
        next = candidate;
        break;
      }
      step /= 2;
    }
    if (next === null) return { status: 'maxIterations', x, value, iterations: iteration };
    const s = xNext.map((v, i) => v - (x[i] as number));
    const y = next.gradient.map((v, i) => v - (g[i] as number));
    const sy = dot(s, y);
    if (sy > 1e-12) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) => row.map((h, j) => h - rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) + (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number)));
    }
    const improvement = value - next.value;
    x = xNext;
    value = next.value;
    g = next.gradient;
    if (improvement >= 0 && improvement < 1e-14 * Math.max(1, Math.abs(value))) return { status: 'converged', x, value, iterations: iteration };
  }
  return { status: 'maxIterations', x, value, iterations: maxIterations };
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
