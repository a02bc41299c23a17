/**
 * No NaN, no ±Infinity, no probability outside [0, 1] (issue 16): BG/NBD and MBG/NBD predictions
 * and scoreBgNbd over extreme customers (frequency up to 1e5, T from 1e-9 to 1e9), with
 * parameters from CDNOW's fit and from the corners of the accepted range; and fits on
 * degenerate summaries decline instead of returning garbage.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgnbdModel, fitBgNbd, fitMbgNbd } from './bgnbd';
import { fitGammaGamma } from './gammaGamma';
import { scoreBgNbd } from './score';
import { createRng } from '../core/random';

const PARAMS = [
  { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, // CDNOW (Fader, Hardie & Lee 2005)
  { r: 1e-3, alpha: 1e4, a: 1e-3, b: 1e4 },
  { r: 1e4, alpha: 1e-3, a: 1e4, b: 1e-3 },
  { r: 2, alpha: 0.5, a: 1.5, b: 40 },
];

const customer = fc.record({
  T: fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  frequency: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100_000 })),
}).map(({ T, share, frequency }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

const probability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

describe('BG/NBD predictions at the extremes', () => {
  it.each(PARAMS.flatMap((p) => [[p, false], [p, true]] as const))('stay finite and probabilities in [0, 1] (%o, modified %s)', (params, modified) => {
    const model = bgnbdModel(params, NaN, modified);
    fc.assert(fc.property(customer, fc.double({ min: 0, max: 1e6, noNaN: true }), (c, t) => {
      const alive = model.probabilityAlive(c);
      const active = model.probabilityActive(c, t);
      const expected = model.expectedPurchases(t, c);
      expect(probability(alive), `alive ${alive}`).toBe(true);
      expect(probability(active), `active ${active}`).toBe(true);
      expect(Number.isFinite(expected) && expected >= 0, `expected ${expected}`).toBe(true);
      const scores = scoreBgNbd(params, [c], t, { modified });
      expect(scores.probabilityAlive[0]).toBeCloseTo(alive, 12);
      expect(scores.probabilityActive[0]).toBeCloseTo(active, 12);
      const relative = Math.abs((scores.expectedPurchases[0] as number) - expected) / Math.max(1, expected);
      expect(relative).toBeLessThan(1e-9);
    }), { numRuns: 300, seed: 5 });
  });

  it.each(PARAMS)('P(X(t) = n) is a probability for every n and t (%o)', (params) => {
    for (const modified of [false, true]) {
      const model = bgnbdModel(params, NaN, modified);
      fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.double({ min: 1e-9, max: 1e9, noNaN: true }), (n, t) => {
        expect(probability(model.probabilityOfPurchases(n, t))).toBe(true);
      }), { numRuns: 200, seed: 9 });
    }
  });
});

describe('fits on degenerate summaries decline, with a reason', () => {
  it('every customer bought once', () => {
    const once = Array.from({ length: 500 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + (i % 40) }));
    for (const fit of [fitBgNbd(once), fitMbgNbd(once)]) {
      expect(fit.status).toBe('declined');
      expect(fit.reason).toMatch(/only 0 of 500 customers bought more than once/);
      expect(() => fit.probabilityAlive(once[0] as (typeof once)[number])).toThrow(expect.objectContaining({ code: 'MODEL' }));
    }
  });

  it('T = 0 for everyone', () => {
    const fit = fitBgNbd(Array.from({ length: 100 }, () => ({ frequency: 0, recency: 0, T: 0 })));
    expect(fit.status).toBe('declined');
  });

  it('Gamma-Gamma with q <= 1 (spend too heavy-tailed for a mean) declines and says why', () => {
    // Simulated from the model itself with q = 0.6: spend rates ν ~ Gamma(0.6, 1/20), so the
    // population mean spend p·γ/(q − 1) does not exist.
    const rng = createRng(3);
    const rows = Array.from({ length: 3000 }, () => {
      const nu = rng.gamma(0.6, 1 / 20);
      const x = 1 + Math.floor(rng.next() * 6);
      let total = 0;
      for (let k = 0; k < x; k++) total += rng.gamma(4, 1 / nu);
      return { frequency: x, monetary: total / x };
    });
    const fit = fitGammaGamma(rows);
    expect(fit.params.q).toBeLessThan(1);
    expect(fit.status).toBe('declined');
    expect(fit.reason).toMatch(/q = 0\.\d+ ≤ 1, so the mean spend per purchase does not exist/);
    expect(() => fit.expectedSpend({ frequency: 2, monetary: 10 })).toThrow(expect.objectContaining({ code: 'MODEL' }));
  });
});
