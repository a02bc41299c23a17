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
  private readonly claim: () => number;

  /** @param claim - The next branch to mine (any number past the last branch ends the run); by default 0, 1, 2, … */
  constructor(claim?: () => number) {
    let taken = 0;
    this.claim = claim ?? (() => taken++);
  }

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

/** Branches claimed from a counter in shared memory (`Int32Array` over a `SharedArrayBuffer`), one at a time. */
export const sharedClaim = (counter: Int32Array) => (): number => Atomics.add(counter, 0, 1);

/**
 * One table from the parts of a search split by branch: every branch's block, in branch order.
 * @param parts - Each run's table and its (branch, start, end) triples.
 */
export function mergeBranches(parts: ReadonlyArray<{ table: ItemsetTable; blocks: Int32Array }>): ItemsetTable {
  const first = parts[0];
  if (first === undefined) throw new Error('mergeBranches needs at least one part');
  const order: Array<[branch: number, part: number, start: number, end: number]> = [];
  let size = 0;
  let length = 0;
  parts.forEach(({ table, blocks }, p) => {
    for (let i = 0; i < blocks.length; i += 3) {
      const start = blocks[i + 1] as number, end = blocks[i + 2] as number;
      order.push([blocks[i] as number, p, start, end]);
      size += end - start;
      length += (table.offsets[end] as number) - (table.offsets[start] as number);
    }
  });
  order.sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(size + 1);
  const items = new Int32Array(length);
  const counts = new Int32Array(size);
  let k = 0;
  for (const [, p, start, end] of order) {
    const t = (parts[p] as { table: ItemsetTable }).table;
    const base = offsets[k] as number;
    const from = t.offsets[start] as number;
    items.set(t.items.subarray(from, t.offsets[end] as number), base);
    counts.set(t.counts.subarray(start, end), k);
    for (let e = start; e < end; e++) offsets[++k] = base + (t.offsets[e + 1] as number) - from;
  }
  return { ...first.table, size, offsets, items, counts };
}
