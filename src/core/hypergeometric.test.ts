import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hyp2f1 } from './hypergeometric';

/** Oracle: the plain power series in long arithmetic-free form, summed to convergence. */
function direct(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 200_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

describe('hyp2f1', () => {
  it('has the closed forms −ln(1 − z)/z and (1 − z)^(−a)', () => {
    for (const z of [0.1, 0.5, 0.9]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
      expect(hyp2f1(0.7, 3, 3, z)).toBeCloseTo(Math.pow(1 - z, -0.7), 12);
    }
  });

  it('agrees with the direct series, including where it uses Euler’s transformation', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.05, max: 30, noNaN: true }), fc.double({ min: 0.05, max: 30, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0, max: 0.8, noNaN: true }),
      (a, b, c, z) => {
        const expected = direct(a, b, c, z);
        expect(Math.abs(hyp2f1(a, b, c, z) - expected) / Math.abs(expected)).toBeLessThan(1e-9);
      },
    ));
  });
});
