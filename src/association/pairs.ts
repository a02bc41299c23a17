import { rankOccurrences, type RankedBaskets, type RankOccurrences } from './prepare';

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

  /** Where rank r's partners above r begin in its row (those below come first). */
  firstAbove(r: number): number {
    let lo = this.start[r] as number;
    let hi = this.start[r + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.partner[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Up to this many ranks, pairs are counted in a full triangular matrix (at most 8 MB). */
export const DENSE_PAIR_RANKS = 2048;

/**
 * Counts every pair of ranks that occur together and keeps those reaching `minCount`. Few ranks
 * (dense data): one pass into a triangular matrix. Many ranks (sparse data, where that matrix
 * would be mostly zeros and its fresh memory costly): one rank at a time, the items after rank
 * i in each basket that holds it going to a scratch row of n counters that stays in cache.
 * (Each phase is its own function, so that the JIT compiles each once instead of recompiling one
 * long function phase after phase.)
 * @param n - The number of ranks (`data.rankToItem.length`).
 * @param denseUpTo - The largest n counted in a matrix (tests set it to check both ways agree).
 */
export function pairCounts(data: RankedBaskets, n: number, minCount: number, denseUpTo = DENSE_PAIR_RANKS): PairCounts {
  const pairs = new FrequentPairs(n);
  if (n <= denseUpTo) frequentFromMatrix(countMatrix(data, n), n, minCount, pairs);
  else {
    const occ = rankOccurrences(data);
    const scratch = { row: new Int32Array(n), touched: new Int32Array(n) };
    for (let i = 0; i < n; i++) countRow(i, data, occ, scratch, minCount, pairs);
  }
  return pairs.rows();
}

/** Frequent pairs (i < j) as they are found, row by row, and how many each rank is in. */
class FrequentPairs {
  private readonly i: number[] = [];
  private readonly j: number[] = [];
  private readonly count: number[] = [];
  private readonly degree: Int32Array;

  constructor(private readonly n: number) {
    this.degree = new Int32Array(n + 1);
  }

  add(i: number, j: number, count: number): void {
    this.i.push(i);
    this.j.push(j);
    this.count.push(count);
    this.degree[i + 1] = (this.degree[i + 1] as number) + 1;
    this.degree[j + 1] = (this.degree[j + 1] as number) + 1;
  }

  /** The rows on both sides: row r lists its partners below r (ascending) and then those above it (pairs added in (i, j) order). */
  rows(): PairCounts {
    const { n, degree } = this;
    for (let r = 0; r < n; r++) degree[r + 1] = (degree[r + 1] as number) + (degree[r] as number);
    const partner = new Int32Array(degree[n] as number);
    const count = new Int32Array(partner.length);
    const next = degree.slice(0, n);
    for (let side = 0; side < 2; side++) {
      // First every pair in the row of its upper rank, then in the row of its lower rank.
      const owner = side === 0 ? this.j : this.i;
      const other = side === 0 ? this.i : this.j;
      for (let p = 0; p < owner.length; p++) {
        const r = owner[p] as number;
        const q = next[r] as number;
        partner[q] = other[p] as number;
        count[q] = this.count[p] as number;
        next[r] = q + 1;
      }
    }
    return new PairCounts(degree, partner, count);
  }
}

/** Pair (i < j) counted at i·(2n − i − 1)/2 + (j − i − 1) of a triangular matrix. */
function countMatrix(data: RankedBaskets, n: number): Int32Array {
  const { offsets, ranks } = data;
  const c = new Int32Array((n * (n - 1)) / 2);
  for (let t = 0; t + 1 < offsets.length; t++) {
    const e = offsets[t + 1] as number;
    for (let x = offsets[t] as number; x < e; x++) {
      const i = ranks[x] as number;
      const base = (i * (2 * n - i - 1)) / 2 - i - 1;
      for (let y = x + 1; y < e; y++) {
        const k = base + (ranks[y] as number);
        c[k] = (c[k] as number) + 1;
      }
    }
  }
  return c;
}

/** The matrix's pairs reaching minCount, row by row. */
function frequentFromMatrix(c: Int32Array, n: number, minCount: number, pairs: FrequentPairs): void {
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) if ((c[k] as number) >= minCount) pairs.add(i, j, c[k] as number);
  }
}

/** Rank i's frequent partners above it (ascending), counted from the items after i in each of its baskets. */
function countRow(i: number, data: RankedBaskets, occ: RankOccurrences, scratch: { row: Int32Array; touched: Int32Array }, minCount: number, pairs: FrequentPairs): void {
  const { row, touched } = scratch;
  const { offsets, ranks } = data;
  let nTouched = 0;
  for (let q = occ.start[i] as number; q < (occ.start[i + 1] as number); q++) {
    const e = offsets[(occ.basket[q] as number) + 1] as number;
    for (let y = (occ.at[q] as number) + 1; y < e; y++) {
      const j = ranks[y] as number;
      if (row[j] === 0) touched[nTouched++] = j;
      row[j] = (row[j] as number) + 1;
    }
  }
  if (nTouched > 1) touched.subarray(0, nTouched).sort();
  for (let t = 0; t < nTouched; t++) {
    const j = touched[t] as number;
    const c = row[j] as number;
    row[j] = 0;
    if (c >= minCount) pairs.add(i, j, c);
  }
}
