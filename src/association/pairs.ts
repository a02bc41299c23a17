import type { RankedBaskets } from './prepare';

/** Up to this many frequent items, pair supports come from one counting pass (a triangular matrix). */
export const MAX_PAIR_MATRIX_ITEMS = 8192;

/** Supports of all rank pairs (i < j) at index i·(2N − i − 1)/2 + (j − i − 1). */
export class PairCounts {
  readonly counts: Int32Array;
  constructor(readonly n: number) {
    this.counts = new Int32Array((n * (n - 1)) / 2);
  }
  at(a: number, b: number): number {
    const i = a < b ? a : b;
    const j = a < b ? b : a;
    return this.counts[(i * (2 * this.n - i - 1)) / 2 + (j - i - 1)] as number;
  }
}

export function pairCounts(data: RankedBaskets, n: number): PairCounts {
  const pc = new PairCounts(n);
  const c = pc.counts;
  for (let t = 0; t + 1 < data.offsets.length; t++) {
    const s = data.offsets[t] as number;
    const e = data.offsets[t + 1] as number;
    for (let x = s; x < e; x++) {
      const i = data.ranks[x] as number;
      const base = (i * (2 * n - i - 1)) / 2 - i - 1;
      for (let y = x + 1; y < e; y++) {
        const k = base + (data.ranks[y] as number);
        c[k] = (c[k] as number) + 1;
      }
    }
  }
  return pc;
}
