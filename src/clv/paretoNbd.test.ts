/**
 * Pareto/NBD against its own identities (oracles that do not share the code under test):
 * P(X(t) = n) sums to 1 over n and its mean is E[X(t)]; the conditional expectation's slope
 * at 0 is P(alive) × the posterior mean rate; every output stays finite and in range at large
 * frequencies and when α ≫ β or α ≪ β (as lifetimes' numerically hard cases).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitParetoNbd, paretoNbdModel } from './paretoNbd';

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
  s: fc.double({ min: 0.05, max: 5, noNaN: true }),
  beta: fc.double({ min: 0.1, max: 100, noNaN: true }),
});

describe('Pareto/NBD', () => {
  it('P(X(t) = n) is a distribution whose mean is E[X(t)], whether α ≥ β or α < β', () => {
    // Rates ~ Gamma(r, α) with r ≥ 0.3 and α ≥ 1 keep the mass past 400 purchases below 1e-6.
    const light = fc.record({ r: fc.double({ min: 0.3, max: 5, noNaN: true }), alpha: fc.double({ min: 1, max: 100, noNaN: true }), s: fc.double({ min: 0.05, max: 5, noNaN: true }), beta: fc.double({ min: 0.1, max: 100, noNaN: true }) });
    fc.assert(fc.property(light, fc.double({ min: 0.5, max: 60, noNaN: true }), (p, t) => {
      const m = paretoNbdModel(p);
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const q = m.probabilityOfPurchases(n, t);
        expect(q).toBeGreaterThanOrEqual(0);
        total += q;
        mean += n * q;
      }
      const expected = m.expectedPurchases(t);
      // The tail past 400 purchases is negligible only when the mean is small against it.
      if (expected < 10) {
        expect(total).toBeCloseTo(1, 5);
        expect(Math.abs(mean - expected)).toBeLessThanOrEqual(1e-3 * Math.max(1, expected));
      }
    }), { numRuns: 60, seed: 7 });
  });

  it("a customer's expected purchases start at P(alive) × the posterior mean rate", () => {
    fc.assert(fc.property(params, fc.integer({ min: 0, max: 30 }), fc.double({ min: 1, max: 80, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, x, T, share) => {
      const m = paretoNbdModel(p);
      const c = { frequency: x, recency: x === 0 ? 0 : share * T, T };
      const h = 1e-6;
      const slope = m.expectedPurchases(h, c) / h;
      const rate = m.probabilityAlive(c) * (p.r + x) / (p.alpha + T);
      expect(Math.abs(slope - rate)).toBeLessThanOrEqual(1e-4 * Math.max(1, rate));
      // P(at least one purchase) ≤ E[purchases], and both grow with t.
      expect(m.probabilityActive(c, 10)).toBeLessThanOrEqual(m.expectedPurchases(10, c) + 1e-9);
      expect(m.expectedPurchases(20, c)).toBeGreaterThanOrEqual(m.expectedPurchases(10, c));
    }), { numRuns: 100, seed: 8 });
  });

  it('stays finite and in range at large frequencies and extreme α/β ratios', () => {
    for (const p of [
      { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
      { r: 0.55, alpha: 1e4, s: 0.61, beta: 0.01 },
      { r: 0.55, alpha: 0.01, s: 0.61, beta: 1e4 },
      { r: 20, alpha: 1, s: 0.1, beta: 1e3 },
    ]) {
      const m = paretoNbdModel(p);
      for (const c of [{ frequency: 0, recency: 0, T: 40 }, { frequency: 500, recency: 39, T: 40 }, { frequency: 2000, recency: 10, T: 200 }, { frequency: 3, recency: 40, T: 40 }]) {
        const alive = m.probabilityAlive(c);
        const e = m.expectedPurchases(52, c);
        const active = m.probabilityActive(c, 52);
        for (const v of [alive, e, active]) expect(Number.isFinite(v)).toBe(true);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(active).toBeGreaterThanOrEqual(0);
        expect(active).toBeLessThanOrEqual(1);
        expect(e).toBeGreaterThanOrEqual(0);
      }
      expect(Number.isFinite(m.expectedPurchases(52))).toBe(true);
    }
  });

  it('declines a fit on data without repeat buyers, and its predictions say why', () => {
    const fit = fitParetoNbd(Array.from({ length: 50 }, () => ({ frequency: 0, recency: 0, T: 2 })));
    expect(fit.status).toBe('declined');
    expect(fit.reason).toMatch(/only 0 of 50 customers bought more than once/);
    expect(() => fit.expectedPurchases(10)).toThrow(/not computed/);
  });
});
