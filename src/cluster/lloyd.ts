import type { Rng } from '../core/random';

/** One k-means run on a row-major Float64Array (n × d): seeding, then Lloyd's iterations. */
export interface LloydResult { labels: Int32Array; centroids: Float64Array; inertia: number; iterations: number; converged: boolean }

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii; greedy as in scikit-learn): each next
 * centre is the best, by the resulting potential, of 2 + ⌊ln k⌋ candidates drawn ∝ D².
 */
export function seedPlusPlus(data: Float64Array, n: number, d: number, k: number, rng: Rng, check: () => void = () => {}): Float64Array {
  const centroids = new Float64Array(k * d);
  const dist = new Float64Array(n);
  const trial = new Float64Array(n);
  const bestTrial = new Float64Array(n);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  centroids.set(data.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    dist[i] = squared(data, i, data, first, d);
    potential += dist[i] as number;
  }
  for (let c = 1; c < k; c++) {
    check(); // once per centre: each costs (2 + ln k) passes over the rows
    let bestPick = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const pick = drawByWeight(dist, potential, rng);
      let p = 0;
      for (let i = 0; i < n; i++) {
        const v = Math.min(dist[i] as number, squared(data, i, data, pick, d));
        trial[i] = v;
        p += v;
      }
      if (p < bestPotential) {
        bestPotential = p;
        bestPick = pick;
        bestTrial.set(trial);
      }
    }
    centroids.set(data.subarray(bestPick * d, bestPick * d + d), c * d);
    dist.set(bestTrial);
    potential = bestPotential;
  }
  return centroids;
}

/** A row drawn with probability ∝ its weight (uniformly when every weight is 0). */
function drawByWeight(weights: Float64Array, total: number, rng: Rng): number {
  if (!(total > 0)) return rng.int(weights.length);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0 && (weights[i] as number) > 0) return i;
  }
  // Rounding ran past the end: the last row with weight.
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
  return rng.int(weights.length);
}

function squared(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = (a[i * d + t] as number) - (b[j * d + t] as number);
    s += diff * diff;
  }
  return s;
}

/**
 * How many numbers a seeding draws from the generator: always the same for a given k, whatever
 * the data (k-means++: the first centre, then 2 + ⌊ln k⌋ candidates per further centre; random:
 * one per centre). A worker that leaves a start to another skips its seeding by drawing this
 * many numbers, and seeds the next start from the same state as one thread would.
 */
export function seedDraws(init: 'kmeans++' | 'random', k: number): number {
  return init === 'random' ? k : 1 + (k - 1) * (2 + Math.floor(Math.log(k)));
}

/** k distinct rows drawn uniformly. */
export function seedRandom(data: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const centroids = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const j = c + rng.int(n - c);
    const t = rows[c] as number;
    rows[c] = rows[j] as number;
    rows[j] = t;
    centroids.set(data.subarray((rows[c] as number) * d, (rows[c] as number) * d + d), c * d);
  }
  return centroids;
}

/**
 * Lloyd's iterations until no label changes or every centre moves less than `tolerance`.
 * An emptied cluster takes the point farthest from its centre.
 *
 * The assignment step skips the points whose centre cannot have changed, by Hamerly's bounds
 * (Hamerly 2010, "Making k-means even faster"): an upper bound on the distance to the own
 * centre and a lower bound on the distance to any other, moved by how far the centres moved. A
 * point is skipped only when its own centre is strictly, and by a margin far above rounding,
 * the nearest, so every label, centre and iteration count is the one plain Lloyd gives (a test
 * compares them on every iteration count).
 */
export function lloyd(data: Float64Array, n: number, d: number, k: number, centroids: Float64Array, maxIterations: number, tolerance: number, check: () => void = () => {}): LloydResult {
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const upper = new Float64Array(n); // ≥ distance to the own centre
  const lower = new Float64Array(n); // ≤ distance to every other centre (0: unknown)
  const half = new Float64Array(k); // half the distance from each centre to its nearest other
  const moved = new Float64Array(k);
  const previous = new Float64Array(k * d);
  let iterations = 0;
  let converged = false;
  let stable = false;
  while (iterations < maxIterations) {
    check();
    iterations++;
    let changed = 0;
    centreGaps(centroids, k, d, half);
    for (let i = 0; i < n; i++) {
      const own = labels[i] as number;
      if (own >= 0) {
        const bound = Math.max(half[own] as number, lower[i] as number) * (1 - 1e-9);
        if ((upper[i] as number) < bound) continue;
        const exact = Math.sqrt(squared(data, i, centroids, own, d));
        upper[i] = exact;
        if (exact < bound) continue;
      }
      // Every centre, in order, as plain Lloyd: the first smallest squared distance wins.
      let best = 0;
      let bestD = Infinity;
      let second = Infinity;
      const o = i * d;
      for (let c = 0; c < k; c++) {
        let sq = 0;
        const co = c * d;
        for (let j = 0; j < d; j++) {
          const diff = (data[o + j] as number) - (centroids[co + j] as number);
          sq += diff * diff;
        }
        if (sq < bestD) {
          second = bestD;
          bestD = sq;
          best = c;
        } else if (sq < second) second = sq;
      }
      if (own !== best) changed++;
      labels[i] = best;
      upper[i] = Math.sqrt(bestD);
      lower[i] = Math.sqrt(second);
    }
    if (changed === 0) {
      converged = true;
      stable = true;
      break;
    }
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (data[i * d + j] as number);
    }
    if (counts.includes(0)) {
      // Plain Lloyd's distances to the centres just assigned, for the farthest-point rule.
      for (let i = 0; i < n; i++) dist[i] = squared(data, i, centroids, labels[i] as number, d);
    }
    previous.set(centroids);
    let maxShift = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        let far = 0;
        for (let i = 1; i < n; i++) if ((dist[i] as number) > (dist[far] as number)) far = i;
        dist[far] = 0;
        sums.set(data.subarray(far * d, far * d + d), c * d);
        counts[c] = 1;
        lower.fill(0); // a centre jumped: every bound starts over
      }
      let shift = 0;
      for (let j = 0; j < d; j++) {
        const v = (sums[c * d + j] as number) / (counts[c] as number);
        shift += (v - (centroids[c * d + j] as number)) ** 2;
        centroids[c * d + j] = v;
      }
      maxShift = Math.max(maxShift, shift);
    }
    if (maxShift <= tolerance * tolerance) {
      converged = true;
      break;
    }
    // Move the bounds by how far the centres moved (with a margin for rounding).
    let most = 0;
    for (let c = 0; c < k; c++) {
      moved[c] = Math.sqrt(squared(centroids, c, previous, c, d)) * (1 + 1e-9);
      most = Math.max(most, moved[c] as number);
    }
    for (let i = 0; i < n; i++) {
      upper[i] = (upper[i] as number) + (moved[labels[i] as number] as number);
      lower[i] = Math.max(0, (lower[i] as number) - most);
    }
  }
  // Labels for the final centres, unless they are already.
  if (!stable) for (let i = 0; i < n; i++) labels[i] = nearest(data, i, d, k, centroids);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i] as number;
    for (let j = 0; j < d; j++) inertia += ((data[i * d + j] as number) - (centroids[c * d + j] as number)) ** 2;
  }
  return { labels, centroids, inertia, iterations, converged };
}

/** Half the distance from each centre to its nearest other centre. */
function centreGaps(centroids: Float64Array, k: number, d: number, half: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let min = Infinity;
    for (let e = 0; e < k; e++) if (e !== c) min = Math.min(min, squared(centroids, c, centroids, e, d));
    half[c] = Math.sqrt(min) / 2;
  }
}

function nearest(data: Float64Array, i: number, d: number, k: number, centroids: Float64Array): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const s = squared(data, i, centroids, c, d);
    if (s < bestD) {
      bestD = s;
      best = c;
    }
  }
  return best;
}
