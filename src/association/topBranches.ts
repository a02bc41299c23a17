import type { Claim } from '../core/claim';
import { inTurn } from '../core/claim';
import { Growable } from '../core/growable';
import type { ItemsetTable } from './frequentItemsets';

/**
 * The top-level branches of a depth-first itemset search (one per first item) that a run
 * mines, and where each branch's itemsets start and end in its collector. Alone, a run takes
 * every branch in order. Split over workers, each takes the next unclaimed branch from a shared
 * counter, and {@link mergeBranches} puts the blocks back in branch order: the table is then the
 * one-thread table exactly.
 */
export class TopBranches {
  private readonly blocks = new Growable(Int32Array, 256);
  /** @param claim - The next branch to mine (any number past the last branch ends the run); by default 0, 1, 2, … */
  constructor(private readonly claim: Claim = inTurn()) {}

  /** The next branch this run mines. */
  next(): number {
    return this.claim();
  }

  /** Branch `branch` wrote the collector's itemsets `start .. end`. */
  record(branch: number, start: number, end: number): void {
    this.blocks.push(branch);
    this.blocks.push(start);
    this.blocks.push(end);
  }

  /** (branch, start, end) triples in the order mined. */
  toArray(): Int32Array {
    return this.blocks.toArray();
  }
}

/**
 * One table from the parts of a search split by branch: every branch's block, in branch order.
 * @param parts - Each run's table and its (branch, start, end) triples.
 */
export function mergeBranches(parts: ReadonlyArray<{ table: ItemsetTable; blocks: Int32Array }>): ItemsetTable {
  const first = parts[0];
  if (first === undefined) throw new Error('mergeBranches needs at least one part');
  // Every block as (branch, part, start, end), in branch order.
  const blocks: number[][] = [];
  let size = 0;
  let length = 0;
  for (let p = 0; p < parts.length; p++) {
    const { table, blocks: own } = parts[p] as { table: ItemsetTable; blocks: Int32Array };
    for (let i = 0; i < own.length; i += 3) {
      const start = own[i + 1] as number, end = own[i + 2] as number;
      blocks.push([own[i] as number, p, start, end]);
      size += end - start;
      length += (table.offsets[end] as number) - (table.offsets[start] as number);
    }
  }
  blocks.sort((a, b) => (a[0] as number) - (b[0] as number));
  const offsets = new Int32Array(size + 1);
  const items = new Int32Array(length);
  const counts = new Int32Array(size);
  let k = 0;
  for (const block of blocks) {
    const t = (parts[block[1] as number] as { table: ItemsetTable }).table;
    const start = block[2] as number, end = block[3] as number;
    k = copyBlock(t, start, end, offsets, items, counts, k);
  }
  return { ...first.table, size, offsets, items, counts };
}

/** Appends itemsets `start .. end` of `t` at entry `k` of the merged arrays; returns the next entry. */
function copyBlock(t: ItemsetTable, start: number, end: number, offsets: Int32Array, items: Int32Array, counts: Int32Array, k: number): number {
  const base = offsets[k] as number;
  const from = t.offsets[start] as number;
  const src = t.offsets;
  items.set(t.items.subarray(from, src[end] as number), base);
  counts.set(t.counts.subarray(start, end), k);
  const shift = base - from;
  for (let e = start + 1; e <= end; e++) offsets[++k] = (src[e] as number) + shift;
  return k;
}
