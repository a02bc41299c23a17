import type { SearchGuard } from '../core/guard';

/**
 * The candidate sequence-extensions of a projected database, per (local) sequence: entries
 * ordered by last position, latest first, each `[item, last position]` in `keys` and `[run
 * start, run end]` in `runs`, the run being the item's ascending positions in the occurrence
 * index (scans read only the keys). Only items that can still extend the prefix are listed, and
 * a scan stops at the prefix's first end.
 */
export interface SuffixLists {
  /** Global sequence of local sequence k. */
  seqOf: Int32Array;
  /** Local sequence k owns entries start[k] .. start[k+1]. */
  start: Int32Array;
  keys: Int32Array;
  runs: Int32Array;
}

/**
 * Projection with one number per sequence, at k = from .. to - 1: where the prefix first ends
 * there (`end[k]`, the occurrence of its last item there in the occurrence index), and the
 * sequence's index in the suffix lists (`loc[k]`).
 */
export interface Projected { loc: Int32Array; end: Int32Array; from: number; to: number }

/** A depth's projection buffers: the children of one node side by side. */
export interface Room { loc: Int32Array; end: Int32Array }

/** Reusable buffers per depth: the suffix lists a node builds for its children, and its children's projections. */
export class LevelBuffers {
  private readonly lists: SuffixLists[] = [];
  private readonly loc: Int32Array[] = [];
  private readonly end: Int32Array[] = [];
  /** Counts the buffers against the search's memory budget (they are kept for the whole search). */
  constructor(private readonly guard: SearchGuard) {}

  /** Lists for `seqs` local sequences with room for `entries` entries, at `depth` (overwrites the previous ones there). */
  suffixLists(depth: number, seqs: number, entries: number): SuffixLists {
    let l = this.lists[depth];
    if (l === undefined || l.seqOf.length < seqs || l.keys.length < 2 * entries) {
      const s = Math.max(seqs, 2 * (l?.seqOf.length ?? 0));
      const e = Math.max(2 * entries, 2 * (l?.keys.length ?? 0));
      this.guard.hold(4 * (2 * s + 2 * e - (l === undefined ? 0 : 2 * l.seqOf.length + 2 * l.keys.length)), 'the suffix lists of projections');
      l = { seqOf: new Int32Array(s), start: new Int32Array(s + 1), keys: new Int32Array(e), runs: new Int32Array(e) };
      this.lists[depth] = l;
    }
    return l;
  }

  /** Room for `size` (local sequence, first end) pairs at `depth`: the children of one node, side by side. */
  projections(depth: number, size: number): Room {
    let loc = this.loc[depth];
    let end = this.end[depth];
    if (loc === undefined || end === undefined || loc.length < size) {
      const n = Math.max(size, 2 * (loc?.length ?? 0));
      this.guard.hold(8 * (n - (loc?.length ?? 0)), 'projected databases');
      loc = new Int32Array(n);
      end = new Int32Array(n);
      this.loc[depth] = loc;
      this.end[depth] = end;
    }
    return { loc, end };
  }
}
