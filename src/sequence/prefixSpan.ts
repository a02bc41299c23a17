import { throwIfAborted } from '../core/run';
import type { IdPattern, PatternCollector } from './collector';
import { itemsetHas, type EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';

/** A sequence in a projected database: every itemset position where the prefix can end. */
interface Projection { seq: number; ends: Int32Array }

/**
 * PrefixSpan (Pei et al. 2001) with pseudo-projection: a projected database is, per sequence,
 * the positions where the current prefix can end, never a copy of the data. Keeping every end
 * position (not only the first) makes the gap constraints exact: an itemset-extension must
 * hold at an end position, a sequence-extension at a position within [minGap, maxGap] of one.
 */
export function minePrefixSpan(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): void {
  const nItems = data.itemNames.length;
  const m = new Miner(data, o, out, nItems);
  // Root: each item's positions in each sequence.
  const positions: number[][][] = Array.from({ length: nItems }, () => []);
  const seqOf: number[][] = Array.from({ length: nItems }, () => []);
  for (let s = 0; s < data.n; s++) {
    for (let e = data.seqStart[s] as number; e < (data.seqStart[s + 1] as number); e++) {
      for (let i = data.setStart[e] as number; i < (data.setStart[e + 1] as number); i++) {
        const v = data.items[i] as number;
        const seqs = seqOf[v] as number[];
        const lists = positions[v] as number[][];
        if (seqs[seqs.length - 1] !== s) { seqs.push(s); lists.push([]); }
        (lists[lists.length - 1] as number[]).push(e);
      }
    }
  }
  for (let v = 0; v < nItems; v++) {
    throwIfAborted(o.signal);
    o.onProgress?.({ phase: 'mine', done: v + 1, total: nItems });
    const seqs = seqOf[v] as number[];
    if (seqs.length < o.minCount) continue;
    const projected = seqs.map((seq, k) => ({ seq, ends: Int32Array.from(positions[v]?.[k] as number[]) }));
    m.grow([[v]], 1, projected);
  }
}

class Miner {
  private readonly iCount: Int32Array;
  private readonly sCount: Int32Array;
  private readonly iStamp: Int32Array;
  private readonly sStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly data: EncodedSequences, private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, nItems: number) {
    this.iCount = new Int32Array(nItems);
    this.sCount = new Int32Array(nItems);
    this.iStamp = new Int32Array(nItems);
    this.sStamp = new Int32Array(nItems);
  }

  grow(prefix: IdPattern, length: number, projected: Projection[]): void {
    this.out.add(prefix, projected.length);
    if (length >= this.o.maxLength) return;
    const { data } = this;
    const last = prefix[prefix.length - 1] as number[];
    const lastItem = last[last.length - 1] as number;
    // Count, once per sequence, the items that extend the prefix either way.
    const iItems: number[] = [];
    const sItems: number[] = [];
    for (const { seq, ends } of projected) {
      const st = ++this.stamp;
      for (const p of ends) {
        for (let i = data.setStart[p] as number; i < (data.setStart[p + 1] as number); i++) {
          const v = data.items[i] as number;
          if (v <= lastItem || this.iStamp[v] === st) continue;
          this.iStamp[v] = st;
          if (this.iCount[v] === 0) iItems.push(v);
          this.iCount[v] = (this.iCount[v] as number) + 1;
        }
      }
      this.forEachSuccessor(seq, ends, (q) => {
        for (let i = data.setStart[q] as number; i < (data.setStart[q + 1] as number); i++) {
          const v = data.items[i] as number;
          if (this.sStamp[v] === st) continue;
          this.sStamp[v] = st;
          if (this.sCount[v] === 0) sItems.push(v);
          this.sCount[v] = (this.sCount[v] as number) + 1;
        }
      });
    }
    const iFrequent = iItems.filter((v) => (this.iCount[v] as number) >= this.o.minCount).sort((a, b) => a - b);
    const sFrequent = sItems.filter((v) => (this.sCount[v] as number) >= this.o.minCount).sort((a, b) => a - b);
    for (const v of iItems) this.iCount[v] = 0;
    for (const v of sItems) this.sCount[v] = 0;
    for (const v of iFrequent) {
      const next: Projection[] = [];
      for (const { seq, ends } of projected) {
        const kept = ends.filter((p) => itemsetHas(data, p, v));
        if (kept.length > 0) next.push({ seq, ends: kept });
      }
      const extended = prefix.slice(0, -1);
      extended.push([...last, v]);
      this.grow(extended, length + 1, next);
    }
    for (const v of sFrequent) {
      const next: Projection[] = [];
      for (const { seq, ends } of projected) {
        const kept: number[] = [];
        this.forEachSuccessor(seq, ends, (q) => { if (itemsetHas(data, q, v)) kept.push(q); });
        if (kept.length > 0) next.push({ seq, ends: Int32Array.from(kept) });
      }
      this.grow([...prefix, [v]], length + 1, next);
    }
  }

  /** Calls visit(q) once for each position q within [minGap, maxGap] after some end, ascending. */
  private forEachSuccessor(seq: number, ends: Int32Array, visit: (q: number) => void): void {
    const stop = this.data.seqStart[seq + 1] as number;
    const { minGap, maxGap } = this.o;
    let q = (ends[0] as number) + minGap;
    for (let k = 0; k < ends.length && q < stop; k++) {
      const p = ends[k] as number;
      if (q < p + minGap) q = p + minGap;
      const hi = Math.min(stop - 1, p + maxGap);
      for (; q <= hi; q++) visit(q);
    }
  }
}
