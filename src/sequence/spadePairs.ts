import type { EncodedSequences } from './encode';

/** Counts of the 2-patterns among frequent items, read horizontally in one pass (as cSPADE does for F2). */
export interface PairCounts {
  /** Slot of each item in the matrices, -1 for an infrequent one. */
  slot: Int32Array;
  size: number;
  /** Sequences holding ⟨x, y⟩ (y at least minGap after x), at slot(x) × size + slot(y); null when not counted (a maxGap, or too costly). */
  sequence: Int32Array | null;
  /** Sequences holding ⟨(x y)⟩, at slot(x) × size + slot(y) for x < y. */
  itemset: Int32Array;
}

/** Work bound for the horizontal count (distinct items squared, summed over sequences). */
const MAX_WORK = 50_000_000;

/**
 * Counts every 2-pattern of frequent items: ⟨(x y)⟩ is in a sequence when some itemset holds
 * both; with `withSequences` (only right without maxGap), ⟨x, y⟩ when y's last position is at
 * least minGap after x's first one.
 * Joining only the pairs counted frequent spares SPADE its quadratic number of item-list joins.
 */
export function countPairs(data: EncodedSequences, frequent: readonly number[], minGap: number, withSequences: boolean): PairCounts | null {
  const nItems = data.itemNames.length;
  const size = frequent.length;
  if (size * size > 16_000_000) return null;
  const slot = new Int32Array(nItems).fill(-1);
  frequent.forEach((v, b) => { slot[v] = b; });
  const { seqStart, setStart, items } = data;
  let work = 0;
  for (let s = 0; withSequences && s < data.n && work <= MAX_WORK; s++) {
    const distinct = (setStart[seqStart[s + 1] as number] as number) - (setStart[seqStart[s] as number] as number);
    work += distinct * distinct;
  }
  const sequence = withSequences && work <= MAX_WORK ? new Int32Array(size * size) : null;
  const itemset = new Int32Array(size * size);
  const seen = new Int32Array(size * size).fill(-1);
  const first = new Int32Array(size).fill(-1);
  const last = new Int32Array(size);
  const present: number[] = [];
  for (let s = 0; s < data.n; s++) {
    present.length = 0;
    for (let e = seqStart[s] as number; e < (seqStart[s + 1] as number); e++) {
      const from = setStart[e] as number;
      const to = setStart[e + 1] as number;
      for (let i = from; i < to; i++) {
        const x = slot[items[i] as number] as number;
        if (x < 0) continue;
        if ((first[x] as number) < 0) { first[x] = e; present.push(x); }
        last[x] = e;
        // Items ascend within an itemset, so later ones have higher slots too.
        for (let j = i + 1; j < to; j++) {
          const y = slot[items[j] as number] as number;
          if (y < 0 || seen[x * size + y] === s) continue;
          seen[x * size + y] = s;
          itemset[x * size + y] = (itemset[x * size + y] as number) + 1;
        }
      }
    }
    if (sequence !== null) {
      for (const x of present) {
        for (const y of present) if ((last[y] as number) - (first[x] as number) >= minGap) sequence[x * size + y] = (sequence[x * size + y] as number) + 1;
      }
    }
    for (const x of present) first[x] = -1;
  }
  return { slot, size, sequence, itemset };
}
