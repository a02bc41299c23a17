import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../core/random';
import { elbow, kmeans } from './kmeans';
import { segmentCustomers } from './segmentCustomers';
import { sampleRows, silhouette } from './silhouette';

/** Oracle: the silhouette straight from its definition, pair by pair. */
function silhouetteBrute(X: number[][], labels: number[]): number {
  const dist = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, t) => s + (v - (b[t] as number)) ** 2, 0));
  const clusters = [...new Set(labels)];
  let total = 0;
  X.forEach((x, i) => {
    const own = X.filter((_, j) => j !== i && labels[j] === labels[i]);
    if (own.length === 0) return;
    const a = own.reduce((s, y) => s + dist(x, y), 0) / own.length;
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map((c) => {
      const members = X.filter((_, j) => labels[j] === c);
      return members.reduce((s, y) => s + dist(x, y), 0) / members.length;
    }));
    // Rousseeuw's s is 0/0 when a = b = 0; scikit-learn (and the library) count it as 0.
    total += Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  });
  return total / X.length;
}

describe('silhouette', () => {
  it('equals the definition computed pair by pair', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), fc.integer({ min: 0, max: 2 })), { minLength: 3, maxLength: 25 }),
      (rows) => {
        const X = rows.map(([p]) => [p[0], p[1]]);
        const labels = rows.map(([, l]) => l);
        if (new Set(labels).size < 2) return;
        expect(silhouette(X, labels)).toBeCloseTo(silhouetteBrute(X, labels), 12);
      },
    ));
  });

  it('is 0, not NaN, for a row whose copies are in its own cluster and in another (fast-check found it)', () => {
    const value = silhouette([[-2, 4], [-2, 4], [0, 0], [-2, 4]], [0, 0, 1, 2]);
    expect(Number.isNaN(value)).toBe(false);
    expect(value).toBeCloseTo(silhouetteBrute([[-2, 4], [-2, 4], [0, 0], [-2, 4]], [0, 0, 1, 2]), 12);
  });

  it('hand case and errors', () => {
    // a = 1 for every point; b = 10.5 for the outer points, 9.5 for the inner ones
    expect(silhouette([[0], [1], [10], [11]], [0, 0, 1, 1])).toBeCloseTo((2 * (1 - 1 / 10.5) + 2 * (1 - 1 / 9.5)) / 4, 12);
    expect(() => silhouette([[0], [1]], [0, 0])).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => silhouette([[0], [NaN]], [0, 1])).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => silhouette([[0], [1]], [0, 1], { sampleSize: 1.5 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });

  describe('on a sample', () => {
    const rng = createRng(11);
    const X = Array.from({ length: 1500 }, (_, i) => [(i % 3) * 4 + rng.normal(), rng.normal()]);
    const labels = X.map((_, i) => i % 3);

    it('is the exact silhouette of the sampled rows, reproducible from the seed', () => {
      fc.assert(fc.property(fc.integer({ min: 2, max: 60 }), fc.integer(), (size, seed) => {
        const rows = sampleRows(X.length, size, seed) as Int32Array;
        expect(new Set(rows).size).toBe(size);
        const subLabels = Array.from(rows, (i) => labels[i] as number);
        if (new Set(subLabels).size < 2) return;
        const got = silhouette(X, labels, { sampleSize: size, seed });
        expect(got).toBeCloseTo(silhouetteBrute(Array.from(rows, (i) => X[i] as number[]), subLabels), 12);
      }), { numRuns: 40 });
    });

    it('is all rows when the sample would hold them, and close to the exact value otherwise', () => {
      const exact = silhouette(X, labels);
      expect(silhouette(X, labels, { sampleSize: X.length })).toBe(exact);
      expect(Math.abs(silhouette(X, labels, { sampleSize: 400, seed: 3 }) - exact)).toBeLessThan(0.05);
    });

    it('reports progress by rows and stops when aborted', () => {
      const seen: number[] = [];
      silhouette(X, labels, { onProgress: (p) => { expect(p).toMatchObject({ phase: 'silhouette', total: X.length }); seen.push(p.done); } });
      expect(seen.length).toBeGreaterThanOrEqual(2); // a tick per ~1M distances: 1500² / 2 ≈ 1.1M
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      const c = new AbortController();
      c.abort();
      expect(() => silhouette(X, labels, { signal: c.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
      expect(() => silhouette(X, labels, { signal: c.signal, sampleSize: 100 })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    });
  });
});

describe('kmeans', () => {
  const rng = createRng(4);
  const centers = [[0, 0], [8, 8], [0, 10]];
  const X = Array.from({ length: 300 }, (_, i) => (centers[i % 3] as number[]).map((c) => c + rng.normal() * 0.7));

  it('recovers well-separated clusters, reproducibly from its seed', () => {
    const r = kmeans(X, 3, { seed: 7 });
    // Every true group maps to exactly one cluster.
    for (let g = 0; g < 3; g++) expect(new Set(r.labels.filter((_, i) => i % 3 === g)).size).toBe(1);
    expect(new Set(r.labels).size).toBe(3);
    expect(kmeans(X, 3, { seed: 7 })).toEqual(r);
    // Inertia is the sum of squared distances to the assigned centroids.
    const inertia = X.reduce((s, x, i) => s + x.reduce((t, v, j) => t + (v - (r.centroids[r.labels[i] as number]?.[j] as number)) ** 2, 0), 0);
    expect(r.inertia).toBeCloseTo(inertia, 9);
    expect(silhouette(X, r.labels)).toBeGreaterThan(0.7);
  });

  it('ends at a fixed point of Lloyd: every row at its nearest centroid, every centroid its rows\' mean', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 3, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom('kmeans++' as const, 'random' as const), (pts, k, seed, init) => {
        const r = kmeans(pts, k, { seed, nInit: 2, init, tolerance: 0 });
        if (!r.converged) return;
        const d2 = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, j) => s + (v - (b[j] as number)) ** 2, 0);
        pts.forEach((p, i) => {
          const own = d2(p, r.centroids[r.labels[i] as number] as number[]);
          for (const c of r.centroids) expect(own).toBeLessThanOrEqual(d2(p, c) + 1e-9);
        });
        r.centroids.forEach((c, ci) => {
          const members = pts.filter((_, i) => r.labels[i] === ci);
          if (members.length === 0) return;
          c.forEach((v, j) => expect(v).toBeCloseTo(members.reduce((s, m) => s + (m[j] as number), 0) / members.length, 9));
        });
      }),
      { numRuns: 200 },
    );
  });

  // The optimal 2-partition by enumerating every labeling (k-means' objective, brute force).
  const optimum2 = (pts: number[][]): number => {
    let best = Infinity;
    for (let mask = 1; mask < 2 ** pts.length - 1; mask++) {
      let cost = 0;
      for (const side of [0, 1]) {
        const m = pts.filter((_, i) => ((mask >> i) & 1) === side);
        const mean = [0, 1].map((j) => m.reduce((s, p) => s + (p[j] as number), 0) / m.length);
        cost += m.reduce((s, p) => s + ((p[0] as number) - (mean[0] as number)) ** 2 + ((p[1] as number) - (mean[1] as number)) ** 2, 0);
      }
      best = Math.min(best, cost);
    }
    return best;
  };
  const point = (lo: number) => fc.tuple(fc.integer({ min: lo, max: lo + 30 }), fc.integer({ min: lo, max: lo + 30 }));

  it('never reports less than the optimal inertia, and reaches it on separated groups (brute force), like ml-kmeans', () => {
    fc.assert(
      fc.property(fc.array(point(0), { minLength: 1, maxLength: 4 }), fc.array(point(200), { minLength: 1, maxLength: 4 }), fc.array(point(0), { minLength: 4, maxLength: 8 }), (a, b, any) => {
        // Lloyd's iterations end in a local optimum: on arbitrary points at or above the global one.
        if (new Set(any.map((p) => p.join())).size >= 2) expect(kmeans(any, 2, { seed: 3, nInit: 5 }).inertia).toBeGreaterThanOrEqual(optimum2(any) - 1e-9);
        const separated = [...a, ...b];
        const optimum = optimum2(separated);
        expect(kmeans(separated, 2, { seed: 3, nInit: 5 }).inertia).toBeCloseTo(optimum, 6);
        expect(kmeans(separated, 2, { seed: 3, nInit: 5, engine: 'ml-kmeans' }).inertia).toBeCloseTo(optimum, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('elbow: inertia falls as k grows, sharply up to the true k', () => {
    const curve = elbow(X, [1, 2, 3, 4, 5], { seed: 1 });
    for (let i = 1; i < curve.length; i++) expect(curve[i]?.inertia).toBeLessThanOrEqual(curve[i - 1]?.inertia as number);
    expect((curve[2]?.inertia as number) / (curve[1]?.inertia as number)).toBeLessThan(0.3);
    expect((curve[3]?.inertia as number) / (curve[2]?.inertia as number)).toBeGreaterThan(0.7);
  });

  it('rejects bad input', () => {
    expect(() => kmeans([[1, 2], [3]], 1)).toThrow(expect.objectContaining({ code: 'DATA', row: 2 }));
    expect(() => kmeans([[1]], 2)).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => kmeans([[1], [2]], 1, { engine: 'scikit' as 'native' })).toThrow(/engine/);
    const c = new AbortController();
    c.abort();
    expect(() => kmeans(X, 3, { signal: c.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    const starts: number[] = [];
    const iterations: number[] = [];
    kmeans(X, 3, { nInit: 4, onProgress: (p) => (p.phase === 'kmeans' ? starts : iterations).push(p.done) });
    expect(starts).toEqual([1, 2, 3, 4]);
    // Within each start, every Lloyd iteration reports (from 0), so long runs show progress.
    expect(iterations.filter((i) => i === 0)).toHaveLength(4);
    // An abort from an iteration's progress stops the run there.
    const stop = new AbortController();
    expect(() => kmeans(X, 3, { nInit: 4, signal: stop.signal, onProgress: (p) => p.phase === 'kmeans iteration' && p.done === 1 && stop.abort(new Error('enough')) })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});

describe('segmentCustomers', () => {
  it('finds planted customer groups, numbered by spend, with exact profiles', () => {
    const r = createRng(11);
    const groups = [{ recency: 10, frequency: 40, monetary: 2000 }, { recency: 300, frequency: 2, monetary: 40 }, { recency: 30, frequency: 5, monetary: 200 }];
    const rows = Array.from({ length: 300 }, (_, i) => {
      const g = groups[i % 3] as (typeof groups)[number];
      return { customer: `c${i}`, recency: g.recency * Math.exp(0.1 * r.normal()), frequency: Math.round(g.frequency * Math.exp(0.1 * r.normal())), monetary: g.monetary * Math.exp(0.1 * r.normal()) };
    });
    const { labels, profiles } = segmentCustomers(rows, { k: 3, seed: 2 });
    // Each planted group is one cluster; cluster 0 is the big spenders.
    for (let g = 0; g < 3; g++) expect(new Set(labels.filter((_, i) => i % 3 === g)).size).toBe(1);
    expect(labels[0]).toBe(0);
    expect(profiles.map((p) => p.customers)).toEqual([100, 100, 100]);
    const members = rows.filter((_, i) => labels[i] === 0);
    expect(profiles[0]?.monetary).toBeCloseTo(members.reduce((s, m) => s + m.monetary, 0) / members.length, 9);
    // In words: the big spenders are recent, frequent, high spend; the 300-day group lapsed, rare, low spend.
    expect(profiles[0]?.description).toMatch(/^recent \(\d+ days since the last purchase, all: \d+\), frequent \([\d.]+ baskets, all: [\d.]+\), high spend \(/);
    expect(profiles[2]?.description).toMatch(/^lapsed .*, rare .*, low spend /);
    expect(profiles[1]?.description).toMatch(/^recent .*, rare .*, low spend /); // 5 baskets and 200 against means of 15.7 and 747
    expect(() => segmentCustomers(rows, { k: 0 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
  });
});
