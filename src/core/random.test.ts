import { describe, expect, it } from 'vitest';
import { createRng } from './random';

const draws = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => { const m = mean(xs); return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1); };

describe('createRng', () => {
  it('repeats the same stream for the same seed, numeric or string', () => {
    expect(draws(5, createRng(42).next)).toEqual(draws(5, createRng(42).next));
    expect(draws(5, createRng('abc').next)).toEqual(draws(5, createRng('abc').next));
    expect(draws(5, createRng(42).next)).not.toEqual(draws(5, createRng(43).next));
  });

  it('rejects seeds that are not numbers or strings', () => {
    expect(() => createRng(NaN)).toThrow(/seed/);
    expect(() => createRng({} as unknown as number)).toThrow(/seed/);
  });

  it('draws uniform integers (chi-square over 10 bins, 99.9% critical value 27.9)', () => {
    const rng = createRng(7);
    const counts = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('stays in [0, 1)', () => {
    const rng = createRng(1);
    for (let i = 0; i < 10_000; i++) { const u = rng.next(); expect(u >= 0 && u < 1).toBe(true); }
  });

  // Moments against their closed forms; tolerances are ~5 standard errors at n = 100k.
  it.each([
    ['normal', (r: ReturnType<typeof createRng>) => r.normal(), 0, 1],
    ['exponential(2)', (r: ReturnType<typeof createRng>) => r.exponential(2), 0.5, 0.25],
    ['gamma(0.5, 2)', (r: ReturnType<typeof createRng>) => r.gamma(0.5, 2), 1, 2],
    ['gamma(3, 0.5)', (r: ReturnType<typeof createRng>) => r.gamma(3, 0.5), 1.5, 0.75],
    ['beta(2, 5)', (r: ReturnType<typeof createRng>) => r.beta(2, 5), 2 / 7, 10 / (49 * 8)],
    ['poisson(3.5)', (r: ReturnType<typeof createRng>) => r.poisson(3.5), 3.5, 3.5],
    ['poisson(40)', (r: ReturnType<typeof createRng>) => r.poisson(40), 40, 40],
  ] as const)('%s has the right mean and variance', (_name, draw, m, v) => {
    const rng = createRng(11);
    const xs = draws(100_000, () => draw(rng));
    expect(Math.abs(mean(xs) - m)).toBeLessThan(5 * Math.sqrt(v / xs.length));
    expect(Math.abs(variance(xs) - v) / v).toBeLessThan(0.05);
  });

  it('gives Poisson(40) the right probability of its mode (pmf oracle)', () => {
    const rng = createRng(3);
    const xs = draws(200_000, () => rng.poisson(40));
    const p40 = Math.exp(-40 + 40 * Math.log(40) - 110.3206397147574); // ln(40!) = 110.3206…
    expect(xs.filter((x) => x === 40).length / xs.length).toBeCloseTo(p40, 2);
  });

  it('shuffles into a permutation, and forks independent reproducible streams', () => {
    const xs = createRng(5).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const a = createRng(9);
    const b = createRng(9);
    expect(draws(3, a.fork().next)).toEqual(draws(3, b.fork().next));
  });
});
