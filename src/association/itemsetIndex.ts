import type { ItemsetTable } from './frequentItemsets';

/**
 * The count of any itemset of a table by its sorted item ids, without building a string key:
 * open addressing over a hash of the ids, each slot holding an itemset's index in the table.
 * @example
 * const count = itemsetIndex(table); count([3, 17]) //=> 42, or -1 when the set is not in the table
 */
export function itemsetIndex(t: ItemsetTable): (ids: readonly number[]) => number {
  let capacity = 16;
  while (capacity < t.size * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  for (let k = 0; k < t.size; k++) {
    let h = hashRange(t.items, t.offsets[k] as number, t.offsets[k + 1] as number) & mask;
    while (slots[h] !== -1) h = (h + 1) & mask;
    slots[h] = k;
  }
  return (ids) => {
    let h = hashList(ids) & mask;
    for (;;) {
      const k = slots[h] as number;
      if (k === -1) return -1;
      const from = t.offsets[k] as number;
      if ((t.offsets[k + 1] as number) - from === ids.length) {
        let same = true;
        for (let i = 0; i < ids.length; i++) if (t.items[from + i] !== ids[i]) { same = false; break; }
        if (same) return t.counts[k] as number;
      }
      h = (h + 1) & mask;
    }
  };
}

// FNV-1a over the ids, with a final avalanche so nearby sets spread over the table.
function hashRange(items: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (items[i] as number), 0x01000193);
  return finish(h);
}
function hashList(ids: readonly number[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ids.length; i++) h = Math.imul(h ^ (ids[i] as number), 0x01000193);
  return finish(h);
}
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}
