import type { RankedBaskets } from './prepare';

/** Up to this many frequent items, pair supports come from one counting pass before the search. */
export const MAX_PAIR_MATRIX_ITEMS = 8192;

/**
 * The frequent pairs of ranks and their supports, as rows: rank r's partners (on both sides,
 * ascending) are `partner[start[r] .. start[r+1])`, with the supports in `count`. Only frequent
 * pairs are kept, so the memory follows what is frequent, not the square of the item count
 * (retail at 0.02% has 6,686 items: 89 MB as a full matrix, which also costs its page faults).
 */
export class PairCounts {
  constructor(readonly start: Int32Array, readonly partner: Int32Array, readonly count: Int32Array) {}

  /** The support of {a, b} when it is frequent, else 0. */
  at(a: number, b: number): number {
    let lo = this.start[a] as number;
    let hi = this.start[a + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.partner[mid] as number;
      if (p === b) return this.count[mid] as number;
      if (p < b) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }
}

/**
 * Counts every pair of ranks that occur together, one rank at a time: the items after rank i in
 * each basket that holds it go to a scratch row of n counters (small enough to stay in cache),
 * and only the pairs reaching `minCount` are kept.
 */
export function pairCounts(data: RankedBaskets, n: number, minCount: number): PairCounts {
  const { offsets, ranks } = data;
  // Where each rank occurs: its position, and the end of that basket.
  const occStart = new Int32Array(n + 1);
  for (let i = 0; i < ranks.length; i++) occStart[(ranks[i] as number) + 1] = (occStart[(ranks[i] as number) + 1] as number) + 1;
  for (let r = 0; r < n; r++) occStart[r + 1] = (occStart[r + 1] as number) + (occStart[r] as number);
  const occAt = new Int32Array(ranks.length);
  const occEnd = new Int32Array(ranks.length);
  const fill = occStart.slice(0, n);
  for (let t = 0; t + 1 < offsets.length; t++) {
    const e = offsets[t + 1] as number;
    for (let x = offsets[t] as number; x < e; x++) {
      const r = ranks[x] as number;
      const at = fill[r] as number;
      occAt[at] = x;
      occEnd[at] = e;
      fill[r] = at + 1;
    }
  }
  // Upper rows (partners above i), frequent pairs only.
  const row = new Int32Array(n);
  const touched = new Int32Array(n);
  const upI: number[] = [];
  const upJ: number[] = [];
  const upC: number[] = [];
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    for (let q = occStart[i] as number; q < (occStart[i + 1] as number); q++) {
      const e = occEnd[q] as number;
      for (let y = (occAt[q] as number) + 1; y < e; y++) {
        const j = ranks[y] as number;
        if (row[j] === 0) touched[nTouched++] = j;
        row[j] = (row[j] as number) + 1;
      }
    }
    touched.subarray(0, nTouched).sort();
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t] as number;
      const c = row[j] as number;
      row[j] = 0;
      if (c < minCount) continue;
      upI.push(i);
      upJ.push(j);
      upC.push(c);
      degree[i + 1] = (degree[i + 1] as number) + 1;
      degree[j + 1] = (degree[j + 1] as number) + 1;
    }
  }
  // Both sides: row r lists its partners below r (in i order) and then above r (ascending).
  for (let r = 0; r < n; r++) degree[r + 1] = (degree[r + 1] as number) + (degree[r] as number);
  const partner = new Int32Array(degree[n] as number);
  const count = new Int32Array(partner.length);
  const next = degree.slice(0, n);
  for (let p = 0; p < upI.length; p++) {
    const j = upJ[p] as number;
    const at = next[j] as number;
    partner[at] = upI[p] as number;
    count[at] = upC[p] as number;
    next[j] = at + 1;
  }
  for (let p = 0; p < upI.length; p++) {
    const i = upI[p] as number;
    const at = next[i] as number;
    partner[at] = upJ[p] as number;
    count[at] = upC[p] as number;
    next[i] = at + 1;
  }
  return new PairCounts(degree, partner, count);
}
