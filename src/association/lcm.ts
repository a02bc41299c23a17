import { throwIfAborted } from '../core/run';
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
  const lcm = new Lcm(data, o, out, maximal, nRanks);
  const all = Int32Array.from({ length: nt }, (_, t) => t);
  // The closure of the empty set: items in every one of the n baskets (empty ones included).
  const root: number[] = [];
  for (let r = 0; r < nRanks; r++) if (data.rankCount[r] === data.n) root.push(r);
  lcm.visit(Int32Array.from(root), all, data.n, -1, true);
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
    const occ = new Int32Array(this.nRanks);
    for (let k = 0; k < tids.length; k++) {
      const t = tids[k] as number;
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
    for (let e = core + 1; e < this.nRanks; e++) {
      if (top) {
        throwIfAborted(this.o.signal);
        this.o.onProgress?.({ phase: 'mine', done: e + 1, total: this.nRanks });
      }
      const s = occ[e] as number;
      if (this.inX[e] === 1 || s < minCount) continue;
      const sub = bucket.subarray(start[e], start[e + 1]);
      // Closure of x ∪ {e}: the items present in every basket of sub.
      count.fill(0);
      for (let k = 0; k < sub.length; k++) {
        const t = sub[k] as number;
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
      if (ppc) children.push({ y: Int32Array.from(y), tids: sub.slice(), support: s, e });
    }
    for (const r of x) this.inX[r] = 0;
    for (const c of children) this.visit(c.y, c.tids, c.support, c.e, false);
  }
}
