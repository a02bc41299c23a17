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

/**
 * (1 − z)^k · ₂F₁(a, b; c; z), without the overflow of its two factors: BG/NBD's expected
 * purchases multiply a power that underflows by a ₂F₁ that overflows (many repeat purchases, a
 * long horizon). With Euler's transformation the power becomes (1 − z)^(k + c − a − b); the
 * series is summed with a running scale, and the product is formed in logs.
 * @example
 * powTimesHyp2f1(2, 1, 1, 2, 0.5) //=> 0.25 · 1.386… = 0.3466
 */
export function powTimesHyp2f1(k: number, a: number, b: number, c: number, z: number): number {
  const euler = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
  const power = euler ? k + c - a - b : k;
  const { sum, logScale } = euler ? scaledSeries(c - a, c - b, c, z) : scaledSeries(a, b, c, z);
  if (sum === 0) return 0;
  const log1mz = Math.log1p(-z);
  const exponent = power === 0 ? 0 : power * log1mz; // 0 · −∞ at z = 1 would be NaN
  return Math.sign(sum) * Math.exp(exponent + logScale + Math.log(Math.abs(sum)));
}

/** The power series, rescaled whenever it grows past 1e280 so it never overflows. */
function scaledSeries(a: number, b: number, c: number, z: number): { sum: number; logScale: number } {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(sum) > 1e280 || Math.abs(term) > 1e280) {
      sum /= 1e280;
      term /= 1e280;
      logScale += Math.log(1e280);
    }
    if (Math.abs(term) < 1e-15 * Math.abs(sum) || term === 0) break;
  }
  return { sum, logScale };
}

/**
 * ln ₂F₁(a, b; c; z) for 0 ≤ z < 1 where the function is positive, without overflow: Euler's
 * power (1 − z)^(c−a−b) is taken in logs and the series is summed with a running scale
 * (Pareto/NBD at a large frequency with α ≪ β needs (1 − z)^(−500)).
 * @example
 * logHyp2f1(1, 1, 2, 0.5) //=> ln 1.3862943611198906 = 0.3266…
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  const euler = Math.abs((c - a) * (c - b)) < Math.abs(a * b);
  const { sum, logScale } = euler ? scaledSeries(c - a, c - b, c, z) : scaledSeries(a, b, c, z);
  const power = euler ? (c - a - b) * Math.log1p(-z) : 0;
  return power + logScale + Math.log(sum);
}
