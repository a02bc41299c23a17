/**
 * Standard errors from the observed information. Oracles: a likelihood with a closed-form
 * answer, and, for every BTYD fit on CDNOW, a Hessian computed here (second differences with a
 * different step) and inverted by ml-matrix.
 */
import { describe, expect, it } from 'vitest';
import { Matrix, inverse } from 'ml-matrix';
import { bgnbdLogLikelihood, fitBgNbd, fitMbgNbd, groupRows } from './bgnbd';
import { fitGammaGamma, gammaGammaLogLikelihood } from './gammaGamma';
import { fitParetoNbd, paretoNbdLogLikelihood } from './paretoNbd';
import { bgbbLogLikelihood, fitBgBb } from './bgbb';
import { fitSbg, sbgLogLikelihood } from './sbg';
import { parameterUncertainty } from './uncertainty';
import { loadCdnowSummary, loadDonations } from './lifetimesData.fixture';

const rows = loadCdnowSummary();

/** Standard errors by a Hessian of −LL with steps of 1e-3 of each value, inverted by ml-matrix. */
function oracle(values: number[], negLL: (v: number[]) => number): number[] {
  const n = values.length;
  const h = values.map((v) => 1e-3 * v);
  const shifted = (moves: Array<[number, number]>) => negLL(values.map((v, k) => v + moves.filter(([i]) => i === k).reduce((s, [, d]) => s + d * (h[k] as number), 0)));
  const H = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const hi = h[i] as number, hj = h[j] as number;
      H.set(i, j, (shifted([[i, 1], [j, 1]]) - shifted([[i, 1], [j, -1]]) - shifted([[i, -1], [j, 1]]) + shifted([[i, -1], [j, -1]])) / (4 * hi * hj));
    }
  }
  const cov = inverse(H);
  return values.map((_, i) => Math.sqrt(cov.get(i, i)));
}

function expectClose(got: Record<string, number>, want: number[], names: string[]): void {
  names.forEach((name, i) => expect(Math.abs((got[name] as number) - (want[i] as number)) / (want[i] as number), name).toBeLessThan(0.01));
}

describe('parameter uncertainty', () => {
  it('matches a closed form: LL = 10 ln p − 5p peaks at p = 2 with se = p/√10', () => {
    const u = parameterUncertainty({ p: 2 }, ([p]) => -(10 * Math.log(p as number) - 5 * (p as number)));
    expect(u?.standardErrors.p).toBeCloseTo(2 / Math.sqrt(10), 5);
    expect(u?.lower95.p).toBeLessThan(2);
    expect(u?.upper95.p).toBeGreaterThan(2);
  });

  it('is null at a flat optimum', () => {
    expect(parameterUncertainty({ a: 1, b: 1 }, ([a, b]) => ((a as number) + (b as number) - 2) ** 2)).toBeNull();
  });

  it('BG/NBD and MBG/NBD on CDNOW match the oracle Hessian', () => {
    const groups = groupRows(rows);
    for (const modified of [false, true]) {
      const fit = modified ? fitMbgNbd(rows) : fitBgNbd(rows);
      const { r, alpha, a, b } = fit.params;
      const want = oracle([r, alpha, a, b], ([r2, al, a2, b2]) => -bgnbdLogLikelihood({ r: r2 as number, alpha: al as number, a: a2 as number, b: b2 as number }, groups, modified));
      expectClose(fit.uncertainty?.standardErrors ?? {}, want, ['r', 'alpha', 'a', 'b']);
      for (const k of ['r', 'alpha', 'a', 'b'] as const) {
        expect(fit.uncertainty?.lower95[k]).toBeLessThan(fit.params[k]);
        expect(fit.uncertainty?.upper95[k]).toBeGreaterThan(fit.params[k]);
      }
    }
  });

  it('Pareto/NBD and Gamma-Gamma on CDNOW match the oracle Hessian', () => {
    const groups = groupRows(rows);
    const pareto = fitParetoNbd(rows);
    const { r, alpha, s, beta } = pareto.params;
    const wantP = oracle([r, alpha, s, beta], ([r2, al, s2, be]) => -paretoNbdLogLikelihood({ r: r2 as number, alpha: al as number, s: s2 as number, beta: be as number }, groups));
    expectClose(pareto.uncertainty?.standardErrors ?? {}, wantP, ['r', 'alpha', 's', 'beta']);
    const repeat = rows.filter((x) => x.frequency > 0);
    const gg = fitGammaGamma(rows);
    const { p, q, gamma } = gg.params;
    const wantG = oracle([p, q, gamma], ([p2, q2, g2]) => -gammaGammaLogLikelihood({ p: p2 as number, q: q2 as number, gamma: g2 as number }, repeat));
    expectClose(gg.uncertainty?.standardErrors ?? {}, wantG, ['p', 'q', 'gamma']);
  });

  it('BG/BB on the donations and sBG on the regular cohort match the oracle Hessian', () => {
    const donors = loadDonations();
    const bgbb = fitBgBb(donors);
    const { alpha, beta, gamma, delta } = bgbb.params;
    const wantB = oracle([alpha, beta, gamma, delta], ([a, b, g, d]) => -bgbbLogLikelihood({ alpha: a as number, beta: b as number, gamma: g as number, delta: d as number }, donors));
    expectClose(bgbb.uncertainty?.standardErrors ?? {}, wantB, ['alpha', 'beta', 'gamma', 'delta']);
    const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
    const sbg = fitSbg(survivors);
    const wantS = oracle([sbg.params.alpha, sbg.params.beta], ([a, b]) => -sbgLogLikelihood({ alpha: a as number, beta: b as number }, survivors));
    expectClose(sbg.uncertainty?.standardErrors ?? {}, wantS, ['alpha', 'beta']);
  });
});
