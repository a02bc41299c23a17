import type { EncodedSequences } from './encode';
import type { GapRanges } from './gaps';

/**
 * A vertical id-list, grouped by sequence: sequence `sid[g]` holds the pattern ending at the
 * itemset positions `eid[start[g] .. start[g+1]]` (ascending). Its support is `sid.length`.
 * Under a time window, `ts[x]` is the latest time an occurrence ending at `eid[x]` can start
 * (these never decrease along a group); else null.
 */
export interface IdList { sid: Int32Array; start: Int32Array; eid: Int32Array; ts: Float64Array | null }

/** A time window: the itemsets' times, and the most time (ms) from an occurrence's first to its last itemset. */
export interface TimeWindow { times: Float64Array; ms: number }

/** Each item's id-list, in one pass over the data; under a time window each end starts at its own time. */
export function itemIdLists(data: EncodedSequences, window: TimeWindow | null = null): IdList[] {
  const nItems = data.itemNames.length;
  const groups = new Int32Array(nItems);
  const occurrences = new Int32Array(nItems);
  const lastSeq = new Int32Array(nItems).fill(-1);
  const visit = (fn: (v: number, s: number, e: number) => void): void => {
    for (let s = 0; s < data.n; s++) {
      for (let e = data.seqStart[s] as number; e < (data.seqStart[s + 1] as number); e++) {
        for (let i = data.setStart[e] as number; i < (data.setStart[e + 1] as number); i++) fn(data.items[i] as number, s, e);
      }
    }
  };
  visit((v, s) => {
    occurrences[v] = (occurrences[v] as number) + 1;
    if (lastSeq[v] !== s) { lastSeq[v] = s; groups[v] = (groups[v] as number) + 1; }
  });
  const lists: IdList[] = [];
  for (let v = 0; v < nItems; v++) lists.push({ sid: new Int32Array(groups[v] as number), start: new Int32Array((groups[v] as number) + 1), eid: new Int32Array(occurrences[v] as number), ts: null });
  groups.fill(0);
  occurrences.fill(0);
  lastSeq.fill(-1);
  visit((v, s, e) => {
    const list = lists[v] as IdList;
    if (lastSeq[v] !== s) {
      lastSeq[v] = s;
      list.sid[groups[v] as number] = s;
      groups[v] = (groups[v] as number) + 1;
    }
    list.eid[occurrences[v] as number] = e;
    occurrences[v] = (occurrences[v] as number) + 1;
    list.start[groups[v] as number] = occurrences[v] as number;
  });
  if (window !== null) for (const list of lists) list.ts = Float64Array.from(list.eid, (e) => window.times[e] as number);
  return lists;
}

/** Where joins write before their result is known to be frequent (and worth copying). */
export class Scratch {
  sid = new Int32Array(1024);
  start = new Int32Array(1025);
  eid = new Int32Array(1024);
  /** Start times, used only under a time window (sized with `eid` then). */
  ts = new Float64Array(0);

  ensure(groups: number, positions: number, windowed: boolean): void {
    if (this.sid.length < groups) {
      this.sid = new Int32Array(groups * 2);
      this.start = new Int32Array(groups * 2 + 1);
    }
    if (this.eid.length < positions) this.eid = new Int32Array(positions * 2);
    if (windowed && this.ts.length < this.eid.length) this.ts = new Float64Array(this.eid.length);
  }

  /** The first `groups` groups as an id-list (with their start times under a window). */
  take(groups: number, windowed: boolean): IdList {
    const end = this.start[groups] as number;
    return { sid: this.sid.slice(0, groups), start: this.start.slice(0, groups + 1), eid: this.eid.slice(0, end), ts: windowed ? this.ts.slice(0, end) : null };
  }
}

/**
 * The pattern's ends whose itemset also holds the item: (sequence, position) pairs in both lists.
 * Null when the result is infrequent, decided as soon as the sequences left cannot make up minCount.
 */
export function equalityJoin(a: IdList, b: IdList, minCount: number, out: Scratch, window: TimeWindow | null = null): IdList | null {
  out.ensure(Math.min(a.sid.length, b.sid.length), Math.min(a.eid.length, b.eid.length), a.ts !== null);
  return mergeJoin(a, b, EQUAL, 0, 0, minCount, out, null, window);
}

/**
 * The item's positions within [minGap, maxGap] after some end of the pattern, per sequence;
 * under a time window, only those within it of the latest start of the latest end reaching them.
 * Null when infrequent, decided as soon as the sequences left cannot make up minCount.
 */
export function temporalJoin(a: IdList, b: IdList, minGap: number, maxGap: number, minCount: number, out: Scratch, gaps: GapRanges | null = null, window: TimeWindow | null = null): IdList | null {
  out.ensure(Math.min(a.sid.length, b.sid.length), b.eid.length, a.ts !== null);
  const mode = window !== null ? WINDOWED : gaps !== null ? RANGES : maxGap === Infinity ? AFTER : WINDOW;
  return mergeJoin(a, b, mode, minGap, maxGap, minCount, out, gaps, window);
}

/** How a sequence present in both lists contributes positions. */
const EQUAL = 0;
const AFTER = 1;
const WINDOW = 2;
const RANGES = 3;
const WINDOWED = 4;

/** Merges the two lists' sequences; each common one adds the positions `mode` selects (a group when any). */
function mergeJoin(a: IdList, b: IdList, mode: number, minGap: number, maxGap: number, minCount: number, out: Scratch, gaps: GapRanges | null, window: TimeWindow | null): IdList | null {
  const na = a.sid.length;
  const nb = b.sid.length;
  let i = 0, j = 0, g = 0, n = 0;
  while (i < na && j < nb) {
    if (g + Math.min(na - i, nb - j) < minCount) return null;
    const s = a.sid[i] as number;
    const t = b.sid[j] as number;
    if (s < t) { i++; continue; }
    if (t < s) { j++; continue; }
    const before = n;
    const ye = b.start[j + 1] as number;
    if (mode === EQUAL) {
      // Positions in both groups.
      for (let x = a.start[i] as number, y = b.start[j] as number, xe = a.start[i + 1] as number; x < xe && y < ye; ) {
        const d = (a.eid[x] as number) - (b.eid[y] as number);
        if (d === 0) {
          if (a.ts !== null) out.ts[n] = a.ts[x] as number;
          out.eid[n++] = a.eid[x] as number;
          x++;
          y++;
        }
        else if (d < 0) x++;
        else y++;
      }
    } else if (mode === AFTER) {
      // Every position from minGap after the earliest end on: a tail of b's group.
      const threshold = (a.eid[a.start[i] as number] as number) + minGap;
      let y = ye;
      while (y > (b.start[j] as number) && (b.eid[y - 1] as number) >= threshold) y--;
      for (; y < ye; y++) out.eid[n++] = b.eid[y] as number;
    } else if (mode === WINDOWED && window !== null && a.ts !== null) {
      // The latest end whose gap window starts at or before pos: its start is the latest (starts
      // never decrease along the ends), and if it does not reach pos, no end does.
      let k = a.start[i] as number;
      const ke = a.start[i + 1] as number;
      for (let y = b.start[j] as number; y < ye; y++) {
        const pos = b.eid[y] as number;
        while (k + 1 < ke && reachFrom(a.eid[k + 1] as number, minGap, gaps) <= pos) k++;
        const p = a.eid[k] as number;
        const start = a.ts[k] as number;
        if (reachFrom(p, minGap, gaps) <= pos && pos <= reachTo(p, maxGap, gaps) && (window.times[pos] as number) - start <= window.ms) {
          out.ts[n] = start;
          out.eid[n++] = pos;
        }
      }
    } else if (mode === RANGES && gaps !== null) {
      // Positions within the gap window of some end; windows only move right as ends do.
      let k = a.start[i] as number;
      const ke = a.start[i + 1] as number;
      for (let y = b.start[j] as number; y < ye; y++) {
        const pos = b.eid[y] as number;
        while (k < ke && (gaps.hi[a.eid[k] as number] as number) < pos) k++;
        if (k < ke && pos >= (gaps.lo[a.eid[k] as number] as number)) out.eid[n++] = pos;
      }
    } else {
      // Positions within [minGap, maxGap] of some end.
      let k = a.start[i] as number;
      const ke = a.start[i + 1] as number;
      for (let y = b.start[j] as number; y < ye; y++) {
        const pos = b.eid[y] as number;
        while (k < ke && pos - (a.eid[k] as number) > maxGap) k++;
        if (k < ke && pos - (a.eid[k] as number) >= minGap) out.eid[n++] = pos;
      }
    }
    if (n > before) { out.sid[g++] = s; out.start[g] = n; }
    i++;
    j++;
  }
  return g >= minCount ? out.take(g, a.ts !== null) : null;
}

/** The first position a sequence-extension may use after end p. */
const reachFrom = (p: number, minGap: number, gaps: GapRanges | null): number => (gaps === null ? p + minGap : (gaps.lo[p] as number));
/** The last position a sequence-extension may use after end p (Infinity without maxGap). */
const reachTo = (p: number, maxGap: number, gaps: GapRanges | null): number => (gaps === null ? p + maxGap : (gaps.hi[p] as number));
