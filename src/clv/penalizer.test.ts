/**
 * The L2 penalizer of every BTYD fit (lifetimes' `penalizer_coef`: −LL / customers + c · Σ θ²).
 * Oracles: the penalized objective, written here from each model's log-likelihood, has a zero
 * gradient at the fit (central differences on the log scale, independent of the optimizer);
 * penalty 0 is the plain fit; a penalty shrinks Σ θ² and costs log-likelihood, as lifetimes'
 * test_penalizer_term_will_shrink_coefs_to_0 checks.
 */
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, fitBgNbd, fitMbgNbd, groupRows } from './bgnbd';
import { fitGammaGamma, gammaGammaLogLikelihood } from './gammaGamma';
import { fitParetoNbd, paretoNbdLogLikelihood } from './paretoNbd';
import { bgbbLogLikelihood, fitBgBb } from './bgbb';
import { fitSbg, sbgLogLikelihood } from './sbg';
import { loadCdnowSummary, loadDonations } from './lifetimesData.fixture';

const cdnow = loadCdnowSummary();
const donations = loadDonations();
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const groups = groupRows(cdnow);
const repeat = cdnow.filter((c) => c.frequency > 0);

interface Case {
  name: string;
  fit: (penalizer?: number) => { params: object; logLikelihood: number; status: string; uncertainty: unknown };
  ll: (values: number[]) => number;
  customers: number;
}
const asValues = (params: object) => Object.values(params) as number[];
const CASES: Case[] = [
  { name: 'BG/NBD', fit: (c) => fitBgNbd(cdnow, { penalizer: c }), ll: ([r, alpha, a, b]) => bgnbdLogLikelihood({ r: r!, alpha: alpha!, a: a!, b: b! }, groups), customers: cdnow.length },
  { name: 'MBG/NBD', fit: (c) => fitMbgNbd(cdnow, { penalizer: c }), ll: ([r, alpha, a, b]) => bgnbdLogLikelihood({ r: r!, alpha: alpha!, a: a!, b: b! }, groups, true), customers: cdnow.length },
  { name: 'Pareto/NBD', fit: (c) => fitParetoNbd(cdnow, { penalizer: c }), ll: ([r, alpha, s, beta]) => paretoNbdLogLikelihood({ r: r!, alpha: alpha!, s: s!, beta: beta! }, groups), customers: cdnow.length },
  { name: 'Gamma-Gamma', fit: (c) => fitGammaGamma(cdnow, { penalizer: c }), ll: ([p, q, gamma]) => gammaGammaLogLikelihood({ p: p!, q: q!, gamma: gamma! }, repeat), customers: repeat.length },
  { name: 'BG/BB', fit: (c) => fitBgBb(donations, { penalizer: c }), ll: ([alpha, beta, gamma, delta]) => bgbbLogLikelihood({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, donations), customers: 11_104 },
  { name: 'sBG', fit: (c) => fitSbg(REGULAR, { penalizer: c }), ll: ([alpha, beta]) => sbgLogLikelihood({ alpha: alpha!, beta: beta! }, REGULAR), customers: 1000 },
];

describe.each(CASES)('$name penalizer', ({ fit, ll, customers }) => {
  const PENALTY = 0.01;
  const plain = fit();
  const penalized = fit(PENALTY);
  const objective = (theta: number[]) => {
    const values = theta.map(Math.exp);
    return -ll(values) / customers + PENALTY * values.reduce((s, v) => s + v * v, 0);
  };

  it('0 is the plain fit', () => {
    const zero = fit(0);
    expect(zero.params).toEqual(plain.params);
    expect(zero.logLikelihood).toBe(plain.logLikelihood);
  });

  it('ends where the penalized objective is flat (its gradient, by central differences here, vanishes)', () => {
    const theta = asValues(penalized.params).map(Math.log);
    const h = 1e-5;
    for (let i = 0; i < theta.length; i++) {
      const up = theta.map((t, k) => (k === i ? t + h : t));
      const down = theta.map((t, k) => (k === i ? t - h : t));
      expect(Math.abs((objective(up) - objective(down)) / (2 * h)), `∂/∂θ${i}`).toBeLessThan(1e-4);
    }
  });

  it('shrinks Σ θ², costs log-likelihood, and reports the plain log-likelihood at its optimum', () => {
    const sumSq = (p: object) => asValues(p).reduce((s, v) => s + v * v, 0);
    expect(sumSq(penalized.params)).toBeLessThan(sumSq(plain.params));
    expect(penalized.logLikelihood).toBeLessThan(plain.logLikelihood);
    expect(penalized.logLikelihood).toBeCloseTo(ll(asValues(penalized.params)), 9);
    if (penalized.status === 'ok') expect(penalized.uncertainty).not.toBeNull();
  });
});

describe('penalizer option', () => {
  it.each([-1, Number.NaN, Infinity, '0.1'])('rejects %s with an OptionError naming it', (bad) => {
    expect(() => fitBgNbd(cdnow, { penalizer: bad as number })).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringContaining('penalizer') }));
    expect(() => fitSbg(REGULAR, { penalizer: bad as number })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});
