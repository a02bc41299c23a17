/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for |z| < 1 by its power series, summed until
 * terms fall below 1e-15 of the sum (at most 10^6 terms). When Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) has smaller numerator parameters
 * (as for BG/NBD with many repeat purchases), the transformed series is summed: it needs far
 * fewer terms.
 * @example
 * hyp2f1(1, 1, 2, 0.5) //=> 1.3862943611198906 (= −ln(1 − z)/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (Math.abs((c - a) * (c - b)) < Math.abs(a * b)) return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
  return series(a, b, c, z);
}

function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) break;
  }
  return sum;
}
