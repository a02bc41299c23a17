import { popcount } from '../core/bits';
import type { ItemsetCollector } from './collector';
import type { RankedBaskets } from './prepare';
import type { ResolvedItemsetOptions } from './options';

/**
 * Closed (or maximal) frequent itemsets by LCM (Uno, Kiyomi & Arimura 2004): depth-first
 * prefix-preserving closure extension, so each closed itemset is produced exactly once without
 * enumerating the non-closed ones. Supports come from occurrence delivery over the baskets that
 * contain the current itemset. A closed itemset is maximal when no single item extends it to a
 * frequent itemset.
 */
export function mineClosed(data: RankedBaskets, o: ResolvedItemsetOptions, out: ItemsetCollector, maximal: boolean): void {
  const nRanks = data.rankToItem.length;
  if (nRanks === 0) return;
  const nt = data.offsets.length - 1;
  // The closure of the empty set: items in every one of the n baskets (empty ones included).
  const root: number[] = [];
  for (let r = 0; r < nRanks; r++) if (data.rankCount[r] === data.n) root.push(r);
  let occurrences = 0;
  for (let r = 0; r < nRanks; r++) occurrences += data.rankCount[r] as number;
  o.guard.phase('mine', nRanks);
  if (o.layout === 'dense' || (o.layout === undefined && occurrences / (nRanks * Math.max(nt, 1)) > 1 / 32)) {
    new DenseLcm(data, o, out, maximal, nRanks).visit(Int32Array.from(root), allBits(nt), data.n, -1, true);
  } else {
    new Lcm(data, o, out, maximal, nRanks).visit(Int32Array.from(root), Int32Array.from({ length: nt }, (_, t) => t), data.n, -1, true);
  }
}

function allBits(nt: number): Uint32Array {
  const words = new Uint32Array((nt + 31) >>> 5).fill(0xffffffff);
  if ((nt & 31) !== 0) words[words.length - 1] = (1 << (nt & 31)) - 1;
  return words;
}


/**
 * LCM on dense data: tid sets as bitsets; the closure of x ∪ {e} is tested item by item as
 * "are all of its baskets inside T(i)?", which usually fails on the first word.
 */
class DenseLcm {
  private readonly columns: Uint32Array[];
  private readonly inX: Uint8Array;
  private readonly nWords: number;

  constructor(data: RankedBaskets, private readonly o: ResolvedItemsetOptions, private readonly out: ItemsetCollector, private readonly maximal: boolean, private readonly nRanks: number) {
    const nt = data.offsets.length - 1;
    this.nWords = (nt + 31) >>> 5;
    this.columns = Array.from({ length: nRanks }, () => new Uint32Array(this.nWords));
    for (let t = 0; t < nt; t++) {
      for (let i = data.offsets[t] as number; i < (data.offsets[t + 1] as number); i++) {
        const col = this.columns[data.ranks[i] as number] as Uint32Array;
        col[t >>> 5] = (col[t >>> 5] as number) | (1 << (t & 31));
      }
    }
    this.inX = new Uint8Array(nRanks);
  }

  visit(x: Int32Array, tids: Uint32Array, support: number, core: number, top: boolean): void {
    const { minCount } = this.o;
    for (const r of x) this.inX[r] = 1;
    // Supports of x ∪ {e} for every e outside x (also needed for the maximality test).
    const ext = new Int32Array(this.nRanks);
    let extendable = false;
    const { guard } = this.o;
    guard.tick(this.nRanks * this.nWords);
    for (let e = 0; e < this.nRanks; e++) {
      if (this.inX[e] === 1) continue;
      const col = this.columns[e] as Uint32Array;
      let c = 0;
      for (let w = 0; w < this.nWords; w++) c += popcount(((tids[w] as number) & (col[w] as number)) >>> 0);
      ext[e] = c;
      if (c >= minCount) extendable = true;
    }
    if (x.length > 0 && (!this.maximal || !extendable)) this.out.add(x, x.length, support);
    const children: Array<{ y: Int32Array; tids: Uint32Array; support: number; e: number }> = [];
    let held = 0;
    for (let e = core + 1; e < this.nRanks; e++) {
      if (top) guard.step(e);
      const s = ext[e] as number;
      if (this.inX[e] === 1 || s < minCount) continue;
      guard.tick(this.nRanks * 2);
      const col = this.columns[e] as Uint32Array;
      const sub = new Uint32Array(this.nWords);
      for (let w = 0; w < this.nWords; w++) sub[w] = ((tids[w] as number) & (col[w] as number)) >>> 0;
      const y: number[] = [];
      let ppc = true;
      for (let i = 0; i < this.nRanks; i++) {
        if (this.inX[i] === 1 || i === e) {
          y.push(i);
          continue;
        }
        if ((ext[i] as number) < s) continue;
        guard.tick(this.nWords);
        if (!this.covers(this.columns[i] as Uint32Array, sub)) continue;
        if (i < e) { ppc = false; break; }
        y.push(i);
      }
      if (ppc) {
        children.push({ y: Int32Array.from(y), tids: sub, support: s, e });
        const bytes = 4 * (this.nWords + y.length) + 160;
        held += bytes;
        guard.hold(bytes, 'the extensions of closed itemsets');
      }
    }
    for (const r of x) this.inX[r] = 0;
    for (const c of children) this.visit(c.y, c.tids, c.support, c.e, false);
    guard.release(held);
    if (top) guard.step(this.nRanks);
  }

  /** True when every basket of `sub` contains the item of `col`. */
  private covers(col: Uint32Array, sub: Uint32Array): boolean {
    for (let w = 0; w < this.nWords; w++) if ((((sub[w] as number) & ~(col[w] as number)) >>> 0) !== 0) return false;
    return true;
  }
}

class Lcm {
  private readonly inX: Uint8Array;
  constructor(
    private readonly data: RankedBaskets,
    private readonly o: ResolvedItemsetOptions,
    private readonly out: ItemsetCollector,
    private readonly maximal: boolean,
    private readonly nRanks: number,
  ) {
    this.inX = new Uint8Array(nRanks);
  }

  /** `x` is closed with support `support`, held by baskets `tids`; extends with items > core. */
  visit(x: Int32Array, tids: Int32Array, support: number, core: number, top: boolean): void {
    const { offsets, ranks } = this.data;
    const { minCount } = this.o;
    // Occurrence delivery: for each item, the baskets (of tids) that contain it.
    const { guard } = this.o;
    const occ = new Int32Array(this.nRanks);
    for (let k = 0; k < tids.length; k++) {
      const t = tids[k] as number;
      guard.tick(2 * ((offsets[t + 1] as number) - (offsets[t] as number)) + 2);
      for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
        const e = ranks[i] as number;
        occ[e] = (occ[e] as number) + 1;
      }
    }
    for (const r of x) this.inX[r] = 1;
    if (x.length > 0) {
      let emit = !this.maximal;
      if (this.maximal) {
        emit = true;
        for (let e = 0; e < this.nRanks; e++) if (this.inX[e] === 0 && (occ[e] as number) >= minCount) { emit = false; break; }
      }
      if (emit) this.out.add(x, x.length, support);
    }
    const start = new Int32Array(this.nRanks + 1);
    for (let e = 0; e < this.nRanks; e++) start[e + 1] = (start[e] as number) + (occ[e] as number);
    const bucket = new Int32Array(start[this.nRanks] as number);
    const fill = start.slice(0, this.nRanks);
    for (let k = 0; k < tids.length; k++) {
      const t = tids[k] as number;
      for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
        const e = ranks[i] as number;
        bucket[fill[e] as number] = t;
        fill[e] = (fill[e] as number) + 1;
      }
    }
    const children: Array<{ y: Int32Array; tids: Int32Array; support: number; e: number }> = [];
    const count = new Int32Array(this.nRanks);
    const bucketBytes = 4 * bucket.length + 12 * this.nRanks;
    guard.hold(bucketBytes, 'the occurrence lists of closed itemsets');
    let held = bucketBytes;
    for (let e = core + 1; e < this.nRanks; e++) {
      if (top) guard.step(e);
      const s = occ[e] as number;
      if (this.inX[e] === 1 || s < minCount) continue;
      guard.tick(this.nRanks);
      const sub = bucket.subarray(start[e], start[e + 1]);
      // Closure of x ∪ {e}: the items present in every basket of sub.
      count.fill(0);
      for (let k = 0; k < sub.length; k++) {
        const t = sub[k] as number;
        guard.tick((offsets[t + 1] as number) - (offsets[t] as number) + 1);
        for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
          const e2 = ranks[i] as number;
          count[e2] = (count[e2] as number) + 1;
        }
      }
      let ppc = true;
      const y: number[] = [];
      for (let i = 0; i < this.nRanks; i++) {
        if (count[i] !== s) continue;
        if (i < e && this.inX[i] === 0) { ppc = false; break; }
        y.push(i);
      }
      if (ppc) {
        children.push({ y: Int32Array.from(y), tids: sub.slice(), support: s, e });
        const bytes = 4 * (sub.length + y.length) + 160;
        held += bytes;
        guard.hold(bytes, 'the extensions of closed itemsets');
      }
    }
    for (const r of x) this.inX[r] = 0;
    for (const c of children) this.visit(c.y, c.tids, c.support, c.e, false);
    guard.release(held);
    if (top) guard.step(this.nRanks);
  }
}
