import type { ItemsetTable } from './frequentItemsets';

/**
 * The count of any itemset of a table by its sorted item ids, without building a string key.
 * @example
 * const count = itemsetIndex(table); count([3, 17]) //=> 42, or -1 when the set is not in the table
 */
export function itemsetIndex(t: ItemsetTable): (ids: ArrayLike<number>) => number {
  const find = sequenceIndex(t.offsets, t.items, t.size);
  return (ids) => {
    const k = find(ids);
    return k < 0 ? -1 : (t.counts[k] as number);
  };
}

/**
 * The position of any of `size` id sequences (sequence k is `items[offsets[k] .. offsets[k+1])`)
 * by its ids: open addressing over a hash of the ids, each slot holding a position, so no
 * string key is built for the sequences or for a lookup.
 * @example
 * const find = sequenceIndex(Int32Array.of(0, 2, 4), Int32Array.of(1, 2, 1, 3), 2); find([1, 3]) //=> 1
 */
export function sequenceIndex(offsets: Int32Array, items: Int32Array, size: number): (ids: ArrayLike<number>) => number {
  let capacity = 16;
  while (capacity < size * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  for (let k = 0; k < size; k++) {
    let h = hashIds(items, offsets[k] as number, offsets[k + 1] as number) & mask;
    while (slots[h] !== -1) h = (h + 1) & mask;
    slots[h] = k;
  }
  return (ids) => {
    let h = hashIds(ids, 0, ids.length) & mask;
    for (;;) {
      const k = slots[h] as number;
      if (k === -1) return -1;
      const from = offsets[k] as number;
      if ((offsets[k + 1] as number) - from === ids.length) {
        let same = true;
        for (let i = 0; i < ids.length; i++) if (items[from + i] !== ids[i]) { same = false; break; }
        if (same) return k;
      }
      h = (h + 1) & mask;
    }
  };
}

// FNV-1a over the ids, with a final avalanche so nearby sets spread over the table.
function hashIds(ids: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (ids[i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}
