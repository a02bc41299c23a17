import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { bgnbdLogLikelihood, bgnbdLogLikelihoodWithGradient, bgnbdModel, fitBgNbd, fitMbgNbd, groupRows } from './bgnbd';
import { fitGammaGamma, gammaGammaModel } from './gammaGamma';

const PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Simulates the BG/NBD process: repeat purchases in (0, T] and purchases in (T, T + t]. */
function simulate(n: number, T: number, t: number, seed: number, modified = false) {
  const rng = createRng(seed);
  const out: Array<{ frequency: number; recency: number; T: number; aliveAtT: boolean; future: number }> = [];
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(PARAMS.r, 1 / PARAMS.alpha);
    const p = rng.beta(PARAMS.a, PARAMS.b);
    let time = 0;
    let x = 0;
    let tx = 0;
    let future = 0;
    let alive = true;
    let aliveAtT = true;
    if (modified && rng.next() < p) { alive = false; aliveAtT = false; } // MBG/NBD: may drop out at the first purchase
    while (alive) {
      time += rng.exponential(lambda);
      if (time > T + t) break;
      if (time <= T) { x++; tx = time; } else { if (aliveAtT) future++; }
      if (rng.next() < p) { alive = false; if (time <= T) aliveAtT = false; }
    }
    out.push({ frequency: x, recency: tx, T, aliveAtT, future });
  }
  return out;
}

/** Σ_n P(X(t) = n) = 1 and Σ_n n·P(X(t) = n) = E[X(t)]: two of the model's formulas must agree. */
function checkDistribution(model: ReturnType<typeof bgnbdModel>, times: number[]): void {
  for (const t of times) {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = model.probabilityOfPurchases(n, t);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 6);
    expect(mean).toBeCloseTo(model.expectedPurchases(t), 4);
  }
}

describe('BG/NBD formulas', () => {
  const model = bgnbdModel(PARAMS);

  it('P(X(t) = n) sums to 1 and its mean equals E[X(t)] (two formulas of the paper agree)', () => {
    checkDistribution(model, [1, 10, 39, 78]);
  });

  it('agrees with a simulation of the buy-till-you-die process', () => {
    const T = 39;
    const t = 39;
    const sim = simulate(40_000, T, t, 7);
    const mean = (f: (c: (typeof sim)[number]) => number) => sim.reduce((s, c) => s + f(c), 0) / sim.length;
    // Unconditional: mean repeat purchases in (0, T] and the distribution of counts.
    expect(mean((c) => c.frequency)).toBeCloseTo(model.expectedPurchases(T), 1);
    expect(mean((c) => (c.frequency === 0 ? 1 : 0))).toBeCloseTo(model.probabilityOfPurchases(0, T), 2);
    expect(mean((c) => (c.frequency === 2 ? 1 : 0))).toBeCloseTo(model.probabilityOfPurchases(2, T), 2);
    // Conditional on each customer's history: averages of posterior quantities equal population rates.
    expect(mean((c) => model.probabilityAlive(c))).toBeCloseTo(mean((c) => (c.aliveAtT ? 1 : 0)), 2);
    expect(mean((c) => model.expectedPurchases(t, c))).toBeCloseTo(mean((c) => c.future), 1);
    expect(mean((c) => model.probabilityActive(c, t))).toBeCloseTo(mean((c) => (c.future > 0 ? 1 : 0)), 2);
  });

  it('recovers the parameters it simulated from (maximum likelihood)', () => {
    const fit = fitBgNbd(simulate(20_000, 52, 0, 11));
    expect(fit.params.r).toBeCloseTo(PARAMS.r, 1);
    expect(Math.abs(fit.params.alpha - PARAMS.alpha) / PARAMS.alpha).toBeLessThan(0.15);
    expect(Math.abs(fit.params.a - PARAMS.a) / PARAMS.a).toBeLessThan(0.2);
    expect(Math.abs(fit.params.b - PARAMS.b) / PARAMS.b).toBeLessThan(0.25);
  });

  it('gives one-time buyers P(alive) = 1 but a falling probability of being active', () => {
    const oneTime = { frequency: 0, recency: 0, T: 30 };
    expect(model.probabilityAlive(oneTime)).toBe(1);
    expect(model.probabilityActive(oneTime, 10)).toBeLessThan(model.probabilityActive({ ...oneTime, T: 1 }, 10));
  });

  it('rejects inconsistent summary rows, naming the row', () => {
    expect(() => fitBgNbd([{ frequency: 1, recency: 5, T: 3 }])).toThrow(expect.objectContaining({ code: 'DATA', row: 1 }));
    expect(() => fitBgNbd([{ frequency: 0, recency: 0, T: 3 }, { frequency: 0, recency: 2, T: 3 }])).toThrow(expect.objectContaining({ row: 2 }));
    expect(() => fitBgNbd([])).toThrow(/empty/);
    expect(() => model.expectedPurchases(-1)).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});

describe('Gamma-Gamma', () => {
  it('recovers simulated spend parameters and shrinks a customer’s mean toward the population', () => {
    const rng = createRng(3);
    const truth = { p: 6, q: 4, gamma: 15 };
    const rows = Array.from({ length: 20_000 }, () => {
      const nu = rng.gamma(truth.q, 1 / truth.gamma);
      const x = 1 + rng.int(8);
      let sum = 0;
      for (let i = 0; i < x; i++) sum += rng.gamma(truth.p, 1 / nu);
      return { frequency: x, monetary: sum / x };
    });
    const fit = fitGammaGamma(rows);
    expect(Math.abs(fit.params.p - truth.p) / truth.p).toBeLessThan(0.1);
    expect(Math.abs(fit.params.q - truth.q) / truth.q).toBeLessThan(0.15);
    const model = gammaGammaModel(truth);
    const population = model.expectedSpend({ frequency: 0, monetary: 0 });
    expect(population).toBeCloseTo((6 * 15) / 3, 10);
    const heavy = model.expectedSpend({ frequency: 20, monetary: 100 });
    expect(heavy).toBeGreaterThan(population);
    expect(heavy).toBeLessThan(100);
  });

  it('declines without repeat buyers with positive spend, counting whom it left out, and names the customer of a non-finite spend', () => {
    const none = fitGammaGamma([{ frequency: 0, monetary: 0 }, { frequency: 2, monetary: -1 }]);
    expect(none).toMatchObject({ status: 'declined', data: { customers: 0, oneTimeBuyers: 1, nonPositiveSpend: 1 } });
    expect(none.reason).toMatch(/no customer has a repeat purchase with a positive mean spend \(1 one-time buyers, 1 repeat buyers/);
    expect(() => none.expectedSpend({ frequency: 1, monetary: 5 })).toThrow(expect.objectContaining({ code: 'MODEL', message: expect.stringMatching(/^not computed: Gamma-Gamma declined/) }));
    expect(() => fitGammaGamma([{ customer: 'C7', frequency: 2, monetary: NaN }])).toThrow(expect.objectContaining({ code: 'DATA', message: expect.stringMatching(/customer "C7"/) }));
  });
});

describe('BG/NBD likelihood gradient', () => {
  it.each([false, true])('matches central finite differences (modified: %s)', (modified) => {
    const groups = groupRows(simulate(300, 30, 0, 5, modified));
    for (const p of [PARAMS, { r: 1.3, alpha: 0.7, a: 2.1, b: 0.9 }]) {
      const { gradient } = bgnbdLogLikelihoodWithGradient(p, groups, modified);
      (['r', 'alpha', 'a', 'b'] as const).forEach((k, i) => {
        const h = 1e-6 * p[k];
        const up = bgnbdLogLikelihood({ ...p, [k]: p[k] + h }, groups, modified);
        const down = bgnbdLogLikelihood({ ...p, [k]: p[k] - h }, groups, modified);
        expect(gradient[i]).toBeCloseTo((up - down) / (2 * h), 3);
      });
    }
  });
});

describe('MBG/NBD', () => {
  const model = bgnbdModel(PARAMS, NaN, true);

  it('P(X(t) = n) sums to 1 and its mean equals E[X(t)]', () => {
    checkDistribution(model, [5, 39, 78]);
  });

  it('agrees with a simulation where customers may also drop out at the first purchase', () => {
    const T = 39;
    const t = 39;
    const sim = simulate(40_000, T, t, 9, true);
    const mean = (f: (c: (typeof sim)[number]) => number) => sim.reduce((s, c) => s + f(c), 0) / sim.length;
    expect(mean((c) => c.frequency)).toBeCloseTo(model.expectedPurchases(T), 1);
    expect(mean((c) => (c.frequency === 0 ? 1 : 0))).toBeCloseTo(model.probabilityOfPurchases(0, T), 2);
    expect(mean((c) => model.probabilityAlive(c))).toBeCloseTo(mean((c) => (c.aliveAtT ? 1 : 0)), 2);
    expect(mean((c) => model.expectedPurchases(t, c))).toBeCloseTo(mean((c) => c.future), 1);
    expect(mean((c) => model.probabilityActive(c, t))).toBeCloseTo(mean((c) => (c.future > 0 ? 1 : 0)), 2);
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 30 })).toBeLessThan(1);
  });

  it('recovers simulated parameters', () => {
    const fit = fitMbgNbd(simulate(20_000, 52, 0, 13, true));
    expect(fit.params.r).toBeCloseTo(PARAMS.r, 1);
    expect(Math.abs(fit.params.a - PARAMS.a) / PARAMS.a).toBeLessThan(0.25);
    expect(Math.abs(fit.params.b - PARAMS.b) / PARAMS.b).toBeLessThan(0.3);
  });
});

describe('extreme customers', () => {
  it('fit and predict without NaN for very heavy, very old and brand-new customers', () => {
    const rows = [
      ...simulate(2000, 52, 0, 21),
      { frequency: 900, recency: 51.9, T: 52 },
      { frequency: 300, recency: 0.5, T: 52 },
      { frequency: 0, recency: 0, T: 5000 },
      { frequency: 0, recency: 0, T: 0 },
    ];
    for (const fit of [fitBgNbd(rows), fitMbgNbd(rows)]) {
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      for (const c of rows.slice(-4)) {
        for (const v of [fit.probabilityAlive(c), fit.expectedPurchases(52, c), fit.probabilityActive(c, 13)]) expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});
