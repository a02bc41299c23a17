/**
 * Fits on grouped rows with a `weight` (what an SQL engine returns: distinct (frequency,
 * recency, T) with their counts) equal the fits on the expanded rows, to 1e-9 in the parameters
 * and the log-likelihood: BG/NBD, MBG/NBD and Gamma-Gamma on CDNOW (lifetimes' summary), and on
 * random data with fast-check.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitBgNbd, fitGammaGamma, fitMbgNbd } from './index';
import { loadCdnowSummary } from './lifetimesData.fixture';

type Row = { frequency: number; recency: number; T: number; monetary: number };

/** Groups rows by all their fields, with counts, in a shuffled order. */
function grouped(rows: readonly Row[], seed = 1): (Row & { weight: number })[] {
  const map = new Map<string, Row & { weight: number }>();
  for (const r of rows) {
    const key = `${r.frequency}|${r.recency}|${r.T}|${r.monetary}`;
    const g = map.get(key);
    if (g === undefined) map.set(key, { ...r, weight: 1 });
    else g.weight++;
  }
  const out = [...map.values()];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as Row & { weight: number }, out[i] as Row & { weight: number }];
  }
  return out;
}

const same = (a: Record<string, number>, b: Record<string, number>) => {
  for (const k of Object.keys(b)) expect(Math.abs((a[k] as number) - (b[k] as number)), k).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b[k] as number)));
};

describe('weighted fits equal fits on the expanded rows', () => {
  const cdnow = loadCdnowSummary().map(({ frequency, recency, T, monetary }) => ({ frequency, recency, T, monetary }));
  const groups = grouped(cdnow);

  it('CDNOW: 2,357 customers in far fewer weighted rows', () => {
    expect(groups.length).toBeLessThan(cdnow.length);
    expect(groups.reduce((s, g) => s + g.weight, 0)).toBe(cdnow.length);
    for (const fit of [fitBgNbd, fitMbgNbd]) {
      const expanded = fit(cdnow);
      const weighted = fit(groups);
      same(weighted.params as unknown as Record<string, number>, expanded.params as unknown as Record<string, number>);
      same({ ll: weighted.logLikelihood }, { ll: expanded.logLikelihood });
      expect(weighted.data).toEqual(expanded.data);
    }
    const spendExpanded = fitGammaGamma(cdnow);
    const spendWeighted = fitGammaGamma(groups);
    same(spendWeighted.params as unknown as Record<string, number>, spendExpanded.params as unknown as Record<string, number>);
    same({ ll: spendWeighted.logLikelihood }, { ll: spendExpanded.logLikelihood });
    expect(spendWeighted.data).toEqual(spendExpanded.data);
  });

  it('random summaries (fast-check): the weighted fit equals the expanded one', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ x: fc.integer({ min: 0, max: 6 }), gap: fc.integer({ min: 0, max: 20 }), age: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 50 }) }), { minLength: 40, maxLength: 120 }),
      (raw) => {
        const rows = raw.map(({ x, gap, age, m }) => ({ frequency: x, recency: x === 0 ? 0 : gap, T: (x === 0 ? 0 : gap) + age, monetary: x === 0 ? 0 : m }));
        if (rows.filter((r) => r.frequency > 0).length < 12) return;
        const a = fitBgNbd(rows);
        const b = fitBgNbd(grouped(rows, 7));
        expect(b.status).toBe(a.status);
        if (a.status === 'ok') {
          same(b.params as unknown as Record<string, number>, a.params as unknown as Record<string, number>);
          same({ ll: b.logLikelihood }, { ll: a.logLikelihood });
        }
      },
    ), { numRuns: 6, seed: 11 });
  });

  it('refuses a weight that is not a positive number, naming the row', () => {
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: 2, weight: 0 }])).toThrow(/weight must be a positive number/);
    expect(() => fitGammaGamma([{ frequency: 1, monetary: 3, weight: Number.NaN }])).toThrow(/weight must be a positive number/);
  });
});
