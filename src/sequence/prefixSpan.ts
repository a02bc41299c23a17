import { inTurn, type Claim } from '../core/claim';
import { Growable } from '../core/growable';
import type { IdPattern, PatternCollector } from './collector';
import { itemSupports, largestFirst, type EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';
import { minePrefixSpanFirstEnd } from './prefixSpanFirstEnd';
import { breaksLimits, gapRanges, type GapRanges } from './gaps';
import { windowTimes } from './timeWindow';
import { MS_PER_DAY } from '../core/time';

/**
 * A pseudo-projected database, flat: projected sequence k is `seqs[k]`, and the itemset
 * positions where the prefix can end there are `ends[offsets[k] .. offsets[k+1]]` (ascending).
 * Under a time window, `starts[x]` is the latest time an occurrence ending at `ends[x]` can start.
 */
interface Projected { seqs: Int32Array; offsets: Int32Array; ends: Int32Array; starts: Float64Array | null }

/**
 * PrefixSpan (Pei et al. 2001) with pseudo-projection: a projected database holds, per
 * sequence, the positions where the current prefix can end, never a copy of the data. With a
 * maxGap, keeping every end position (not only the first) makes the gap constraints exact: an
 * itemset-extension must hold at an end position, a sequence-extension at a position within
 * [minGap, maxGap] of one. One counting scan per node finds the frequent extensions; one
 * delivery scan builds all child projections at once, in flat typed arrays. Without a maxGap
 * the first end per sequence suffices (minePrefixSpanFirstEnd).
 *
 * A time window (`windowDays`) is applied as it mines: each end carries the latest time an
 * occurrence ending there can start. Those times never decrease along a sequence's ends (by
 * induction: an item's own times do, and a sequence-extension at q takes the latest end whose
 * gap window reaches q), so the latest end reaching q is the one to check. A pattern rarer
 * than minCount within the window has no frequent extension, so the search prunes there.
 */
export function minePrefixSpan(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector, next: Claim = inTurn()): void {
  if (o.maxGap === Infinity && o.gaps === null && o.windowDays === Infinity) {
    minePrefixSpanFirstEnd(data, o, out, next);
    return;
  }
  const nItems = data.itemNames.length;
  const times = o.windowDays === Infinity ? null : windowTimes(data);
  const m = new Miner(data, o, out, nItems);
  // Root: every item's positions, one delivery pass over the data.
  const support = itemSupports(data);
  const frequent: number[] = [];
  for (let v = 0; v < nItems; v++) if ((support[v] as number) >= o.minCount) frequent.push(v);
  const index = new Int32Array(nItems).fill(-1);
  frequent.forEach((v, b) => { index[v] = b; });
  const buckets = frequent.map(() => new Bucket(times !== null));
  for (let s = 0; s < data.n; s++) {
    for (let e = data.seqStart[s] as number; e < (data.seqStart[s + 1] as number); e++) {
      for (let i = data.setStart[e] as number; i < (data.setStart[e + 1] as number); i++) {
        const b = index[data.items[i] as number] as number;
        if (b >= 0) (buckets[b] as Bucket).deliver(s, e, times === null ? 0 : (times[e] as number));
      }
    }
  }
  const rootBytes = buckets.reduce((sum, b) => sum + b.bytes(), 0);
  o.guard.hold(rootBytes, 'the projections of the items');
  o.guard.phase('mine', frequent.length);
  const order = largestFirst(frequent, support);
  for (let c = next(); c < frequent.length; c = next()) {
    o.guard.step(c);
    const b = order[c] as number;
    m.grow([[frequent[b] as number]], 1, (buckets[b] as Bucket).finish());
  }
  o.guard.step(frequent.length);
  o.guard.release(rootBytes);
}

/** Builds one child's projection in growable typed arrays. */
class Bucket {
  private readonly seqs = new Growable(Int32Array, 16);
  private readonly offsets = new Growable(Int32Array, 16);
  private readonly ends = new Growable(Int32Array, 16);
  private readonly starts: Growable<Float64Array> | null;
  private lastSeq = -1;

  /** @param windowed - Whether the ends carry their latest start times (a time window). */
  constructor(windowed: boolean) {
    this.starts = windowed ? new Growable(Float64Array, 16) : null;
  }

  /** An end at `position` of sequence `seq` (ascending within a sequence), whose occurrences can start as late as `start`. */
  deliver(seq: number, position: number, start: number): void {
    if (seq !== this.lastSeq) {
      this.lastSeq = seq;
      this.seqs.push(seq);
      this.offsets.push(this.ends.length);
    } else if (this.ends.get(this.ends.length - 1) === position) return; // kept once
    this.ends.push(position);
    this.starts?.push(start);
  }

  /** Bytes held by the projection being built. */
  bytes(): number {
    return 4 * (this.seqs.capacity + this.offsets.capacity + this.ends.capacity) + 8 * (this.starts?.capacity ?? 0) + 150;
  }

  finish(): Projected {
    this.offsets.push(this.ends.length);
    return { seqs: this.seqs.toArray(), offsets: this.offsets.toArray(), ends: this.ends.toArray(), starts: this.starts?.toArray() ?? null };
  }
}

class Miner {
  private readonly iCount: Int32Array;
  private readonly sCount: Int32Array;
  private readonly iStamp: Int32Array;
  private readonly sStamp: Int32Array;
  private readonly iIndex: Int32Array;
  private readonly sIndex: Int32Array;
  private stamp = 0;
  /** Per itemset, the window of itemsets a sequence-extension may use (position and time gaps). */
  private readonly gaps: GapRanges;
  /** The itemsets' times under a time window (else null), and the window in ms. */
  private readonly times: Float64Array | null;
  private readonly windowMs: number;
  /** The latest end reaching the position {@link nextReached} last returned. */
  private readonly at = new Int32Array(1);

  constructor(private readonly data: EncodedSequences, private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, nItems: number) {
    this.gaps = o.gaps ?? gapRanges(data, o);
    this.times = o.windowDays === Infinity ? null : windowTimes(data);
    this.windowMs = o.windowDays * MS_PER_DAY;
    this.iCount = new Int32Array(nItems);
    this.sCount = new Int32Array(nItems);
    this.iStamp = new Int32Array(nItems);
    this.sStamp = new Int32Array(nItems);
    this.iIndex = new Int32Array(nItems).fill(-1);
    this.sIndex = new Int32Array(nItems).fill(-1);
  }

  grow(prefix: IdPattern, length: number, db: Projected): void {
    if (breaksLimits(prefix, this.o)) return;
    this.out.add(prefix, db.seqs.length);
    if (length >= this.o.maxLength) return;
    const last = prefix[prefix.length - 1] as number[];
    const lastItem = last[last.length - 1] as number;
    const { minCount } = this.o;
    const { lo } = this.gaps;
    const at = this.at;
    // Locals, not `this.` lookups, in the hottest loops of the miner.
    const { setStart, items, seqStart } = this.data;
    const { iStamp, sStamp, iCount, sCount, iIndex, sIndex } = this;
    const { seqs, offsets, ends, starts } = db;
    const { times, windowMs } = this;
    // Scan 1: count, once per sequence, the items that extend the prefix either way.
    const iItems: number[] = [];
    const sItems: number[] = [];
    const { guard } = this.o;
    for (let k = 0; k < seqs.length; k++) {
      const st = ++this.stamp;
      const from = offsets[k] as number;
      const to = offsets[k + 1] as number;
      guard.tick(8 * (to - from) + 8);
      for (let x = from; x < to; x++) {
        const p = ends[x] as number;
        for (let i = setStart[p] as number, e = setStart[p + 1] as number; i < e; i++) {
          const v = items[i] as number;
          if (v <= lastItem || iStamp[v] === st) continue;
          iStamp[v] = st;
          if (iCount[v] === 0) iItems.push(v);
          iCount[v] = (iCount[v] as number) + 1;
        }
      }
      const seq = seqs[k] as number;
      const stop = seqStart[seq + 1] as number;
      // Every position some end's gap window reaches, once.
      at[0] = from;
      for (let q = nextReached(lo[ends[from] as number] as number, stop, at, ends, to, this.gaps, starts, times, windowMs); q < stop; q = nextReached(q + 1, stop, at, ends, to, this.gaps, starts, times, windowMs)) {
        for (let i = setStart[q] as number, e = setStart[q + 1] as number; i < e; i++) {
          const v = items[i] as number;
          if (sStamp[v] === st) continue;
          sStamp[v] = st;
          if (sCount[v] === 0) sItems.push(v);
          sCount[v] = (sCount[v] as number) + 1;
        }
      }
    }
    const iFrequent = iItems.filter((v) => (iCount[v] as number) >= minCount).sort((a, b) => a - b);
    const sFrequent = sItems.filter((v) => (sCount[v] as number) >= minCount).sort((a, b) => a - b);
    for (const v of iItems) iCount[v] = 0;
    for (const v of sItems) sCount[v] = 0;
    if (iFrequent.length === 0 && sFrequent.length === 0) return;
    // Scan 2: deliver every occurrence of a frequent extension to its child's projection.
    const iBuckets = iFrequent.map((v, b) => { iIndex[v] = b; return new Bucket(times !== null); });
    const sBuckets = sFrequent.map((v, b) => { sIndex[v] = b; return new Bucket(times !== null); });
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k] as number;
      const from = offsets[k] as number;
      const to = offsets[k + 1] as number;
      guard.tick(8 * (to - from) + 8);
      if (iBuckets.length > 0) {
        for (let x = from; x < to; x++) {
          const p = ends[x] as number;
          for (let i = setStart[p] as number, e = setStart[p + 1] as number; i < e; i++) {
            const v = items[i] as number;
            const b = v > lastItem ? (iIndex[v] as number) : -1;
            if (b >= 0) (iBuckets[b] as Bucket).deliver(seq, p, starts === null ? 0 : (starts[x] as number));
          }
        }
      }
      if (sBuckets.length > 0) {
        const stop = seqStart[seq + 1] as number;
        // As in scan 1, each with the start of the latest end reaching it.
        at[0] = from;
        for (let q = nextReached(lo[ends[from] as number] as number, stop, at, ends, to, this.gaps, starts, times, windowMs); q < stop; q = nextReached(q + 1, stop, at, ends, to, this.gaps, starts, times, windowMs)) {
          const start = starts === null ? 0 : (starts[at[0] as number] as number);
          for (let i = setStart[q] as number, e = setStart[q + 1] as number; i < e; i++) {
            const b = sIndex[items[i] as number] as number;
            if (b >= 0) (sBuckets[b] as Bucket).deliver(seq, q, start);
          }
        }
      }
    }
    for (const v of iFrequent) iIndex[v] = -1;
    for (const v of sFrequent) sIndex[v] = -1;
    let held = 0;
    for (const b of iBuckets) held += b.bytes();
    for (const b of sBuckets) held += b.bytes();
    guard.hold(held, 'projected databases');
    iFrequent.forEach((v, b) => {
      const extended = prefix.slice(0, -1);
      extended.push([...last, v]);
      this.grow(extended, length + 1, (iBuckets[b] as Bucket).finish());
    });
    sFrequent.forEach((v, b) => this.grow([...prefix, [v]], length + 1, (sBuckets[b] as Bucket).finish()));
    guard.release(held);
  }
}

/**
 * The first position from q on (below `stop`) that some end in `ends[at[0] .. to)` reaches
 * through its gap window, or a position >= stop when none does; `at[0]` is left at the latest
 * end reaching it, whose start is the latest (starts never decrease along the ends). Under a time
 * window, positions too far from that start are passed over.
 */
function nextReached(q: number, stop: number, at: Int32Array, ends: Int32Array, to: number, gaps: GapRanges, starts: Float64Array | null, times: Float64Array | null, windowMs: number): number {
  const { lo, hi } = gaps;
  let x = at[0] as number;
  for (; q < stop; q++) {
    while (x + 1 < to && (lo[ends[x + 1] as number] as number) <= q) x++;
    if (q > (hi[ends[x] as number] as number)) {
      // No end reaches q: on to the next end's window, if any.
      if (x + 1 >= to) {
        q = stop;
        break;
      }
      q = (lo[ends[x + 1] as number] as number) - 1;
      continue;
    }
    if (times === null || (times[q] as number) - ((starts as Float64Array)[x] as number) <= windowMs) break;
  }
  at[0] = x;
  return q;
}
