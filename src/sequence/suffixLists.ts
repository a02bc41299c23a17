/**
 * The candidate sequence-extensions of a projected database, per (local) sequence: entries
 * `[item, last position, run start, run end]` (4 ints each) ordered by last position, latest
 * first, where the run is the item's ascending positions in the occurrence index. Only items
 * that can still extend the prefix are listed, so a scan stops at the prefix's first end.
 */
export interface SuffixLists {
  /** Global sequence of local sequence k. */
  seqOf: Int32Array;
  /** Local sequence k owns entries start[k] .. start[k+1]. */
  start: Int32Array;
  entries: Int32Array;
}

/** Entry fields, as offsets from 4 × entry index. */
export const ITEM = 0;
export const LAST = 1;
export const RUN_START = 2;
export const RUN_END = 3;

/** Reusable buffers per depth: the suffix lists a node builds for its children, and its children's projections. */
export class LevelBuffers {
  private readonly lists: SuffixLists[] = [];
  private readonly loc: Int32Array[] = [];
  private readonly first: Int32Array[] = [];

  /** Lists for `seqs` local sequences with room for `entries` entries, at `depth` (overwrites the previous ones there). */
  suffixLists(depth: number, seqs: number, entries: number): SuffixLists {
    let l = this.lists[depth];
    if (l === undefined || l.seqOf.length < seqs || l.entries.length < 4 * entries) {
      const s = Math.max(seqs, 2 * (l?.seqOf.length ?? 0));
      const e = Math.max(4 * entries, 2 * (l?.entries.length ?? 0));
      l = { seqOf: new Int32Array(s), start: new Int32Array(s + 1), entries: new Int32Array(e) };
      this.lists[depth] = l;
    }
    return l;
  }

  /** Room for `size` (local sequence, first end) pairs at `depth`: the children of one node, side by side. */
  projections(depth: number, size: number): { loc: Int32Array; first: Int32Array } {
    let loc = this.loc[depth];
    let first = this.first[depth];
    if (loc === undefined || first === undefined || loc.length < size) {
      const n = Math.max(size, 2 * (loc?.length ?? 0));
      loc = new Int32Array(n);
      first = new Int32Array(n);
      this.loc[depth] = loc;
      this.first[depth] = first;
    }
    return { loc, first };
  }
}
