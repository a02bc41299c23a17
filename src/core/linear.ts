/**
 * Solves the square linear system A x = b by Gaussian elimination with partial pivoting (for the
 * small dense systems of the migration model; k states, O(k³)).
 * @param A - k rows of k numbers (not modified).
 * @param b - k numbers.
 * @returns x, or null when A is singular (a pivot below 1e-12 times the largest entry).
 * @example
 * solveLinear([[2, 0], [0, 4]], [2, 2]) //=> [1, 0.5]
 */
export function solveLinear(A: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const k = b.length;
  const m = A.map((row, i) => [...row, b[i] as number]);
  const scale = Math.max(1e-300, ...A.flat().map(Math.abs));
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    if (Math.abs((m[pivot] as number[])[col] as number) < 1e-12 * scale) return null;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const top = m[col] as number[];
    for (let r = col + 1; r < k; r++) {
      const row = m[r] as number[];
      const f = (row[col] as number) / (top[col] as number);
      if (f !== 0) for (let c = col; c <= k; c++) row[c] = (row[c] as number) - f * (top[c] as number);
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[k] as number;
    for (let c = r + 1; c < k; c++) s -= (row[c] as number) * (x[c] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}
