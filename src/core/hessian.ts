import { solveLinear } from './linear';

/**
 * The Hessian of `f` at `x` by central differences, with a step proportional to each
 * coordinate (1e-4 of it, at least 1e-6): the observed information of a likelihood when `f` is
 * the negative log-likelihood.
 * @example
 * numericHessian(([a, b]) => a * a + 3 * a * b, [1, 2]) //=> ≈ [[2, 3], [3, 0]]
 */
export function numericHessian(f: (x: number[]) => number, x: readonly number[]): number[][] {
  const n = x.length;
  const h = x.map((v) => Math.max(1e-6, 1e-4 * Math.abs(v)));
  const at = (di: number, si: number, dj = -1, sj = 0): number => {
    const y = [...x];
    y[di] = (y[di] as number) + si * (h[di] as number);
    if (dj >= 0) y[dj] = (y[dj] as number) + sj * (h[dj] as number);
    return f(y);
  };
  const f0 = f([...x]);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    (H[i] as number[])[i] = (at(i, 1) - 2 * f0 + at(i, -1)) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j] as number;
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * hi * hj);
      (H[i] as number[])[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

/**
 * The inverse of a symmetric positive definite matrix, or null when it is not positive definite
 * (a likelihood that is flat or not at a maximum in some direction has no standard errors).
 * @example
 * inversePositiveDefinite([[4, 0], [0, 2]]) //=> [[0.25, 0], [0, 0.5]]
 */
export function inversePositiveDefinite(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  // Positive definite: every leading principal minor's Cholesky pivot is > 0.
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (A[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        (L[i] as number[])[i] = Math.sqrt(sum);
      } else (L[i] as number[])[j] = sum / ((L[j] as number[])[j] as number);
    }
  }
  const columns: number[][] = [];
  for (let c = 0; c < n; c++) {
    const e = Array.from({ length: n }, (_, i) => (i === c ? 1 : 0));
    const col = solveLinear(A, e);
    if (col === null) return null;
    columns.push(col);
  }
  return Array.from({ length: n }, (_, i) => columns.map((col) => col[i] as number));
}
