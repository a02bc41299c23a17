import type { EncodedBaskets } from './encode';

/**
 * Baskets reduced to their frequent items, recoded to ranks: rank 0 is the most frequent item
 * (ties by item id). Each transaction lists its ranks ascending; empty ones are dropped.
 */
export interface RankedBaskets {
  /** Number of baskets in the input (including those left empty). */
  readonly n: number;
  /** Item id of each rank. */
  readonly rankToItem: Int32Array;
  /** Support count of each rank. */
  readonly rankCount: Int32Array;
  readonly offsets: Int32Array;
  readonly ranks: Int32Array;
}

/** Counts items, keeps those with count >= minCount (and, with `keep`, a 1 there) and recodes transactions to ranks. */
export function rankBaskets(data: EncodedBaskets, minCount: number, keep?: Uint8Array): RankedBaskets {
  const nItems = data.itemNames.length;
  const counts = new Int32Array(nItems);
  for (let i = 0; i < data.items.length; i++) {
    const id = data.items[i] as number;
    counts[id] = (counts[id] as number) + 1;
  }
  const frequent: number[] = [];
  for (let id = 0; id < nItems; id++) if ((counts[id] as number) >= minCount && (keep === undefined || keep[id] === 1)) frequent.push(id);
  frequent.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const rankOf = new Int32Array(nItems).fill(-1);
  frequent.forEach((id, r) => { rankOf[id] = r; });
  const offsets: number[] = [0];
  const ranks = new Int32Array(data.items.length);
  let w = 0;
  for (let b = 0; b < data.n; b++) {
    const start = w;
    for (let i = data.offsets[b] as number; i < (data.offsets[b + 1] as number); i++) {
      const r = rankOf[data.items[i] as number] as number;
      if (r >= 0) ranks[w++] = r;
    }
    if (w > start) {
      ranks.subarray(start, w).sort();
      offsets.push(w);
    }
  }
  return {
    n: data.n,
    rankToItem: Int32Array.from(frequent),
    rankCount: Int32Array.from(frequent, (id) => counts[id] as number),
    offsets: Int32Array.from(offsets),
    ranks: ranks.slice(0, w),
  };
}

/**
 * Where each rank occurs, grouped by rank: rank r's occurrences are `start[r] .. start[r+1]`;
 * occurrence q stands at `ranks[at[q]]` in basket `basket[q]` (baskets in order).
 */
export interface RankOccurrences { start: Int32Array; at: Int32Array; basket: Int32Array }

/** {@link RankOccurrences} of ranked baskets, by one counting sort on the rank. */
export function rankOccurrences(data: RankedBaskets): RankOccurrences {
  const n = data.rankToItem.length;
  const { offsets, ranks } = data;
  const start = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) start[r + 1] = (start[r] as number) + (data.rankCount[r] as number);
  const at = new Int32Array(start[n] as number);
  const basket = new Int32Array(at.length);
  const fill = start.slice(0, n);
  for (let t = 0; t + 1 < offsets.length; t++) {
    for (let x = offsets[t] as number; x < (offsets[t + 1] as number); x++) {
      const r = ranks[x] as number;
      const q = fill[r] as number;
      at[q] = x;
      basket[q] = t;
      fill[r] = q + 1;
    }
  }
  return { start, at, basket };
}
