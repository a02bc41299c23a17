/**
 * The bounded (Hamerly) assignment step gives exactly what plain Lloyd gives: the same labels,
 * bit-identical centres, inertia and iteration counts, from the same start, on random data with
 * clusters, ties, duplicate points and emptied clusters (fast-check). The oracle is plain Lloyd,
 * written here as the textbook loop.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lloyd, seedDraws, seedPlusPlus, seedRandom } from './lloyd';
import { createRng } from '../core/random';

function plainLloyd(data: Float64Array, n: number, d: number, k: number, start: Float64Array, maxIterations: number, tolerance: number) {
  const centroids = Float64Array.from(start);
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const sq = (i: number, c: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = (data[i * d + j] as number) - (centroids[c * d + j] as number);
      s += diff * diff;
    }
    return s;
  };
  const nearest = (i: number) => {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sq(i, c);
      if (s < bestD) { bestD = s; best = c; }
    }
    return [best, bestD] as const;
  };
  let iterations = 0;
  let stable = false;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const [best, bestD] = nearest(i);
      if (labels[i] !== best) changed++;
      labels[i] = best;
      dist[i] = bestD;
    }
    if (changed === 0) { stable = true; converged = true; break; }
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (data[i * d + j] as number);
    }
    let maxShift = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        let far = 0;
        for (let i = 1; i < n; i++) if ((dist[i] as number) > (dist[far] as number)) far = i;
        dist[far] = 0;
        sums.set(data.subarray(far * d, far * d + d), c * d);
        counts[c] = 1;
      }
      let shift = 0;
      for (let j = 0; j < d; j++) {
        const v = (sums[c * d + j] as number) / (counts[c] as number);
        shift += (v - (centroids[c * d + j] as number)) ** 2;
        centroids[c * d + j] = v;
      }
      maxShift = Math.max(maxShift, shift);
    }
    if (maxShift <= tolerance * tolerance) { converged = true; break; }
  }
  if (!stable) for (let i = 0; i < n; i++) labels[i] = nearest(i)[0];
  return { labels, centroids, iterations, converged };
}

describe('lloyd with Hamerly bounds', () => {
  it('equals plain Lloyd exactly (labels, centres, iterations) on random clustered data', () => {
    const dataArb = fc.record({
      d: fc.integer({ min: 1, max: 5 }),
      k: fc.integer({ min: 1, max: 9 }),
      centres: fc.integer({ min: 1, max: 6 }),
      n: fc.integer({ min: 10, max: 400 }),
      seed: fc.integer({ min: 1, max: 1e6 }),
      grid: fc.boolean(), // integer coordinates: many exact ties and duplicate points
      maxIterations: fc.integer({ min: 1, max: 60 }),
      tolerance: fc.constantFrom(0, 1e-4, 0.5),
    });
    fc.assert(fc.property(dataArb, ({ d, k, centres, n, seed, grid, maxIterations, tolerance }) => {
      let s = seed;
      const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
      const middles = Array.from({ length: centres * d }, () => rand() * 20);
      const data = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        const m = i % centres;
        for (let j = 0; j < d; j++) {
          const v = (middles[m * d + j] as number) + (rand() - 0.5) * 4;
          data[i * d + j] = grid ? Math.round(v) : v;
        }
      }
      // Starts from rows (some repeated, so clusters can empty) or from far-away points.
      const start = new Float64Array(k * d);
      for (let c = 0; c < k; c++) {
        const row = Math.floor(rand() * n);
        for (let j = 0; j < d; j++) start[c * d + j] = c % 4 === 3 ? 1000 + c : (data[row * d + j] as number);
      }
      const want = plainLloyd(data, n, d, k, start, maxIterations, tolerance);
      const got = lloyd(data, n, d, k, Float64Array.from(start), maxIterations, tolerance);
      expect(got.iterations).toBe(want.iterations);
      expect(got.converged).toBe(want.converged);
      expect(got.labels).toEqual(want.labels);
      expect(got.centroids).toEqual(want.centroids);
    }), { numRuns: 300, seed: 5 });
  });
});

describe('seedDraws', () => {
  it('is how many numbers each seeding draws, whatever the data (fast-check: sizes, k, ties, all-equal rows)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.nat(), (n, d, kWanted, grid, seed) => {
      const k = Math.min(kWanted, n);
      const data = Float64Array.from({ length: n * d }, (_, i) => (grid === 0 ? 1 : Math.floor((((i * 7919) % 13) / 13) * grid)));
      for (const init of ['kmeans++', 'random'] as const) {
        const used = createRng(seed);
        if (init === 'kmeans++') seedPlusPlus(data, n, d, k, used);
        else seedRandom(data, n, d, k, used);
        const skipped = createRng(seed);
        for (let i = 0; i < seedDraws(init, k); i++) skipped.next();
        expect(used.next()).toBe(skipped.next());
      }
    }));
  });
});
