import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matrix, solve } from 'ml-matrix';
import { solveLinear } from './linear';

describe('solveLinear', () => {
  it('solves small systems exactly', () => {
    expect(solveLinear([[2, 0], [0, 4]], [2, 2])).toEqual([1, 0.5]);
    expect(solveLinear([[0, 1], [1, 0]], [3, 5])).toEqual([5, 3]); // needs a row swap
  });

  it('says singular instead of dividing by zero', () => {
    expect(solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });

  it('agrees with ml-matrix (LU) on random well-conditioned systems', () => {
    const system = fc.integer({ min: 1, max: 8 }).chain((k) => fc.tuple(
      fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: k, maxLength: k }),
    ));
    fc.assert(fc.property(system, ([raw, b]) => {
      // Diagonally dominant, so the oracle and ours are both well away from singular.
      const A = raw.map((row, i) => row.map((v, j) => (i === j ? 100 + Math.abs(v) * row.length : v)));
      const ours = solveLinear(A, b) as number[];
      const theirs = solve(new Matrix(A), Matrix.columnVector(b)).getColumn(0);
      ours.forEach((x, i) => expect(x).toBeCloseTo(theirs[i] as number, 9));
    }), { seed: 7, numRuns: 200 });
  });
});
