/**
 * BG/BB against Fader, Hardie & Shang (2010), Marketing Science 29(6): the 1995 cohort of
 * 11,104 donors over 6 opportunities (examples/data/lifetimes/donations.csv, from the lifetimes
 * package, MIT) gives α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.58. Oracles for
 * the predictions: expectations summed opportunity by opportunity.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgbbModel, fitBgBb } from './bgbb';
import { loadDonations } from './lifetimesData.fixture';

const donations = loadDonations();
const logBeta = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
// Lanczos log-gamma, written here so the oracle shares no code with the model.
function lgamma(z: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lgamma(1 - z);
  const x = z - 1;
  let a = c[0] as number;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (c[i] as number) / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

describe('BG/BB', () => {
  it('reproduces the published fit on the donations data', () => {
    expect(donations.reduce((s, r) => s + r.weight, 0)).toBe(11_104);
    const fit = fitBgBb(donations);
    expect(fit.status).toBe('ok');
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 2);
    expect(fit.logLikelihood).toBeCloseTo(-33_225.58, 1);
    expect(fit.uncertainty?.standardErrors.alpha).toBeGreaterThan(0);
  });

  it('expectations equal the opportunity-by-opportunity sums, new or with a history', () => {
    const positive = fc.double({ min: 0.2, max: 5, noNaN: true });
    fc.assert(fc.property(positive, positive, positive, positive, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (alpha, beta, gamma, delta, n, m, a, b) => {
      const model = bgbbModel({ alpha, beta, gamma, delta });
      let fresh = 0;
      for (let k = 1; k <= m; k++) fresh += (alpha / (alpha + beta)) * Math.exp(logBeta(gamma, delta + k) - logBeta(gamma, delta));
      expect(Math.abs(model.expectedTransactions(m) - fresh)).toBeLessThan(1e-8 * Math.max(1, fresh));
      const tx = Math.min(n, a);
      const x = tx === 0 ? 0 : Math.min(tx, b + 1);
      const c = { frequency: x, recency: tx, periods: n };
      // L by its definition, then P(alive and transacting at k | history) summed over k.
      let L = Math.exp(logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n) - logBeta(gamma, delta));
      for (let i = 0; i <= n - tx - 1; i++) L += Math.exp(logBeta(alpha + x, beta + tx - x + i) - logBeta(alpha, beta) + logBeta(gamma + 1, delta + tx + i) - logBeta(gamma, delta));
      let given = 0;
      for (let k = n + 1; k <= n + m; k++) given += Math.exp(logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + k) - logBeta(gamma, delta)) / L;
      expect(Math.abs(model.expectedTransactions(m, c) - given)).toBeLessThan(1e-7 * Math.max(1, given));
      const alive = model.probabilityAlive(c);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }), { numRuns: 200, seed: 13 });
  });

  it('handles γ = 1 (a removable singularity of the closed form)', () => {
    const near = bgbbModel({ alpha: 1, beta: 1, gamma: 1 + 1e-6, delta: 2 }).expectedTransactions(6);
    expect(bgbbModel({ alpha: 1, beta: 1, gamma: 1, delta: 2 }).expectedTransactions(6)).toBeCloseTo(near, 5);
  });

  it('names the row of an impossible pattern', () => {
    expect(() => fitBgBb([{ frequency: 3, recency: 2, periods: 6 }])).toThrow(expect.objectContaining({ code: 'DATA', row: 1 }));
  });
});
