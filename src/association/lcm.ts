import { bitCounts16 } from '../core/bits';
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
    const lcm = new DenseLcm(data, o, out, maximal, nRanks);
    lcm.visit(Int32Array.from(root), allBits(nt), 0, data.n, -1, true, lcm.allItems());
  } else {
    new Lcm(data, o, out, maximal, nRanks).root(Int32Array.from(root));
  }
}

/**
 * `arrays[depth]`, made of `n` zeros on first use: one array per depth of the search, reused by
 * every node at that depth (a node's children use the next depth's).
 */
function atDepth(arrays: Int32Array[], depth: number, n: number): Int32Array {
  let a = arrays[depth];
  if (a === undefined) {
    a = new Int32Array(n);
    arrays[depth] = a;
  }
  return a;
}

function allBits(nt: number): Uint32Array {
  const words = new Uint32Array((nt + 31) >>> 5).fill(0xffffffff);
  if ((nt & 31) !== 0) words[words.length - 1] = (1 << (nt & 31)) - 1;
  return words;
}

/**
 * LCM on dense data: tid sets as bitsets; the closure of x ∪ {e} is tested item by item as
 * "are all of its baskets inside T(i)?", which usually fails on the first word. Each node
 * passes its children the items still frequent in its baskets: no other item can be frequent,
 * or in a closure, below it (on chess @ 0.5 every node looked at all 75 items before: 4.6 s; now 1.3 s).
 */
class DenseLcm {
  private readonly columns: Uint32Array[];
  private readonly inX: Uint8Array;
  private readonly nWords: number;
  private readonly bits = bitCounts16();
  private readonly exts: Int32Array[] = [];
  private readonly slabs: Uint32Array[] = [];
  /** Where a child's closure is put together. */
  private readonly closure: Int32Array;

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
    this.closure = new Int32Array(nRanks + 1);
  }

  /** Every rank, the items a root visit looks at. */
  allItems(): number[] {
    return Array.from({ length: this.nRanks }, (_, i) => i);
  }

  /**
   * `x` is closed with support `support`, held by baskets `tids`; extends with items > core.
   * `live` (ascending) holds the items outside x that may still be frequent with it: those up
   * to `core` only matter to the prefix-preserving test, so their supports are not counted.
   */
  visit(x: Int32Array, tids: Uint32Array, tidsAt: number, support: number, core: number, top: boolean, live: readonly number[], depth = 0): void {
    const { minCount, guard } = this.o;
    for (const r of x) this.inX[r] = 1;
    // Supports of x ∪ {e} for the live items e after core; those that stay frequent, with the
    // items up to core, are the children's live items.
    const ext = atDepth(this.exts, depth, this.nRanks);
    const low: number[] = [];
    const frequent: number[] = [];
    guard.tick(live.length * this.nWords);
    for (const e of live) {
      if (this.inX[e] === 1) continue;
      if (e <= core) {
        low.push(e);
        continue;
      }
      const c = this.support(tids, tidsAt, this.columns[e] as Uint32Array, minCount);
      ext[e] = c;
      if (c >= minCount) frequent.push(e);
    }
    if (x.length > 0 && (!this.maximal || (frequent.length === 0 && !this.anyFrequent(tids, tidsAt, low)))) this.out.add(x, x.length, support);
    const nextLive = low.concat(frequent);
    const children: Array<{ y: Int32Array; tids: Uint32Array; at: number; support: number; e: number }> = [];
    const slab = this.slab(depth, frequent.length);
    let used = 0;
    const y = this.closure;
    let held = 0;
    for (const e of frequent) {
      if (top) guard.step(e);
      const s = ext[e] as number;
      guard.tick((low.length + frequent.length) * 2);
      const col = this.columns[e] as Uint32Array;
      // Prefix-preserving: no item before e (outside x) may hold all the baskets of x ∪ {e},
      // or that closure is reached from another prefix. Most candidates fail here, so this test
      // reads tids and col without making their intersection, and mostly stops at a first word.
      if (!this.prefixPreserving(tids, tidsAt, col, low, frequent, ext, e, s)) continue;
      const at = used;
      used += this.nWords;
      for (let w = 0; w < this.nWords; w++) slab[at + w] = (tids[tidsAt + w] as number) & (col[w] as number);
      // The closure: x, e, and every later frequent item whose baskets hold all of sub's.
      y.set(x);
      let n = x.length;
      y[n++] = e;
      for (const i of frequent) {
        if (i <= e || (ext[i] as number) < s) continue;
        guard.tick(this.nWords);
        if (this.covers(this.columns[i] as Uint32Array, slab, at)) y[n++] = i;
      }
      children.push({ y: y.slice(0, n), tids: slab, at, support: s, e });
      const bytes = 4 * (this.nWords + n) + 160;
      held += bytes;
      guard.hold(bytes, 'the extensions of closed itemsets');
    }
    for (const r of x) this.inX[r] = 0;
    for (const c of children) this.visit(c.y, c.tids, c.at, c.support, c.e, false, nextLive, depth + 1);
    guard.release(held);
    if (top) guard.step(this.nRanks);
  }

  /** Whether no item before e outside x holds all of tids ∩ T(e) (the `low` ones, and the frequent ones before e with support at least s). */
  private prefixPreserving(tids: Uint32Array, tidsAt: number, col: Uint32Array, low: number[], frequent: number[], ext: Int32Array, e: number, s: number): boolean {
    const { guard } = this.o;
    for (const i of low) if (this.coversBoth(this.columns[i] as Uint32Array, tids, tidsAt, col)) return false;
    for (const i of frequent) {
      if (i >= e) break;
      if ((ext[i] as number) < s) continue;
      guard.tick(this.nWords);
      if (this.coversBoth(this.columns[i] as Uint32Array, tids, tidsAt, col)) return false;
    }
    return true;
  }

  /** Whether some item of `items` is frequent with tids (the maximality test, for items whose supports were not counted). */
  private anyFrequent(tids: Uint32Array, tidsAt: number, items: number[]): boolean {
    const { minCount } = this.o;
    this.o.guard.tick(items.length * this.nWords);
    for (const i of items) if (this.support(tids, tidsAt, this.columns[i] as Uint32Array, minCount) >= minCount) return true;
    return false;
  }

  /** True when every basket of `tids ∩ other` contains the item of `col`. */
  private coversBoth(col: Uint32Array, tids: Uint32Array, tidsAt: number, other: Uint32Array): boolean {
    for (let w = 0; w < this.nWords; w++) if (((tids[tidsAt + w] as number) & (other[w] as number) & ~(col[w] as number)) !== 0) return false;
    return true;
  }

  /**
   * The bitsets of `depth`'s children, room for `n`: one slab per depth, reused by every node
   * at that depth once the one before is done (a fresh array per child cost more than its words).
   */
  private slab(depth: number, n: number): Uint32Array {
    let slab = this.slabs[depth];
    if (slab === undefined || slab.length < n * this.nWords) {
      slab = new Uint32Array(Math.max(n, 2 * ((slab?.length ?? 0) / this.nWords)) * this.nWords);
      this.slabs[depth] = slab;
    }
    return slab;
  }

  /** |tids ∩ col|, or some number below minCount once the words left cannot reach it. */
  private support(tids: Uint32Array, tidsAt: number, col: Uint32Array, minCount: number): number {
    const { nWords, bits } = this;
    let c = 0;
    for (let w = 0; w < nWords; w++) {
      const v = (tids[tidsAt + w] as number) & (col[w] as number);
      c += (bits[v & 0xffff] as number) + (bits[v >>> 16] as number);
      if ((w & 15) === 15 && c + 32 * (nWords - w - 1) < minCount) return c;
    }
    return c;
  }

  /** True when every basket of `sub[at ..]` contains the item of `col`. */
  private covers(col: Uint32Array, sub: Uint32Array, at: number): boolean {
    for (let w = 0; w < this.nWords; w++) if (((sub[at + w] as number) & ~(col[w] as number)) !== 0) return false;
    return true;
  }
}

/**
 * LCM on sparse data, by occurrence delivery: a node's baskets deliver their items to count
 * supports, and once more into one bucket per frequent item after the core, which holds a
 * child's baskets. A candidate's count (its closure test) is its child's support count, so a
 * child that passes is visited at once with those counts instead of counting them again.
 * Counts are reset through the list of items touched, never over all ranks (retail has
 * 2,000–7,000 frequent ranks and most nodes touch a few hundred).
 */
class Lcm {
  private readonly inX: Uint8Array;
  /** Per depth: supports in the baskets of that depth's node; zero between uses. */
  private readonly counts: Int32Array[] = [];
  /** Each candidate's bucket, by rank (-1: not a candidate); -1 between uses. */
  private readonly slot: Int32Array;
  constructor(
    private readonly data: RankedBaskets,
    private readonly o: ResolvedItemsetOptions,
    private readonly out: ItemsetCollector,
    private readonly maximal: boolean,
    private readonly nRanks: number,
  ) {
    this.inX = new Uint8Array(nRanks);
    this.slot = new Int32Array(nRanks).fill(-1);
  }

  /** The root: the closure of the empty set, held by every basket. */
  root(x: Int32Array): void {
    const nt = this.data.offsets.length - 1;
    const tids = Int32Array.from({ length: nt }, (_, t) => t);
    const touched = this.deliver(tids, atDepth(this.counts, 0, this.nRanks));
    this.visit(x, tids, this.data.n, -1, true, 0, touched);
  }

  /**
   * `x` is closed with support `support`, held by baskets `tids`, whose item counts are in
   * `counts[depth]` (the items with a count listed in `touched`); extends with items > core.
   * Leaves those counts at zero.
   */
  private visit(x: Int32Array, tids: Int32Array, support: number, core: number, top: boolean, depth: number, touched: number[]): void {
    const { offsets, ranks } = this.data;
    const { minCount, guard } = this.o;
    const { slot, inX } = this;
    const occ = atDepth(this.counts, depth, this.nRanks);
    for (const r of x) inX[r] = 1;
    // The candidates: frequent items after the core, outside x, ascending.
    const cands: number[] = [];
    let extendable = false;
    for (const e of touched) {
      if (inX[e] === 1 || (occ[e] as number) < minCount) continue;
      extendable = true;
      if (e > core) cands.push(e);
    }
    if (x.length > 0 && (!this.maximal || !extendable)) this.out.add(x, x.length, support);
    cands.sort((a, b) => a - b);
    // Buckets: candidate j's baskets in bucket[start[j] .. start[j + 1]).
    const start = new Int32Array(cands.length + 1);
    for (let j = 0; j < cands.length; j++) {
      const e = cands[j] as number;
      slot[e] = j;
      start[j + 1] = (start[j] as number) + (occ[e] as number);
    }
    for (const e of touched) occ[e] = 0;
    const bucket = new Int32Array(start[cands.length] as number);
    const fill = start.slice(0, cands.length);
    for (let k = 0; k < tids.length; k++) {
      const t = tids[k] as number;
      guard.tick((offsets[t + 1] as number) - (offsets[t] as number) + 1);
      for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
        const j = slot[ranks[i] as number] as number;
        if (j < 0) continue;
        bucket[fill[j] as number] = t;
        fill[j] = (fill[j] as number) + 1;
      }
    }
    for (const e of cands) slot[e] = -1;
    const bytes = 4 * bucket.length + 8 * cands.length + 64;
    guard.hold(bytes, 'the occurrence lists of closed itemsets');
    const below = atDepth(this.counts, depth + 1, this.nRanks);
    for (let j = 0; j < cands.length; j++) {
      const e = cands[j] as number;
      if (top) guard.step(e);
      const sub = bucket.subarray(start[j], start[j + 1]);
      // The closure of x ∪ {e}: the items in every basket of sub. One before e outside x
      // means x ∪ {e} is reached from another prefix (not prefix-preserving).
      const subTouched = this.deliver(sub, below);
      const s = sub.length;
      const y: number[] = [];
      let ppc = true;
      for (const i of subTouched) {
        if (below[i] !== s) continue;
        if (i < e && inX[i] === 0) { ppc = false; break; }
        y.push(i);
      }
      if (ppc) {
        this.visit(Int32Array.from(y), sub, s, e, false, depth + 1, subTouched);
        for (const r of x) inX[r] = 1;
      } else {
        for (const i of subTouched) below[i] = 0;
      }
    }
    for (const r of x) inX[r] = 0;
    guard.release(bytes);
    if (top) guard.step(this.nRanks);
  }

  /** Counts the items of baskets `tids` into `count` (zero before); returns the items counted. */
  private deliver(tids: Int32Array, count: Int32Array): number[] {
    const { offsets, ranks } = this.data;
    const { guard } = this.o;
    const touched: number[] = [];
    for (let k = 0; k < tids.length; k++) {
      const t = tids[k] as number;
      guard.tick((offsets[t + 1] as number) - (offsets[t] as number) + 1);
      for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
        const e = ranks[i] as number;
        if (count[e] === 0) touched.push(e);
        count[e] = (count[e] as number) + 1;
      }
    }
    return touched;
  }
}
