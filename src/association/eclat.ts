import { bitCounts16 } from '../core/bits';
import type { ItemsetCollector } from './collector';
import type { RankedBaskets } from './prepare';
import type { ResolvedItemsetOptions } from './options';
import { MAX_PAIR_MATRIX_ITEMS, pairCounts, type PairCounts } from './pairs';
import { TopBranches } from './topBranches';

/**
 * Eclat (Zaki 2000): depth-first search over vertical transaction-id sets, intersecting the
 * prefix's set with each later item's. Sparse data uses sorted tid lists; dense data (items in
 * more than ~1/32 of the baskets on average) uses bitsets counted by a 16-bit table. Perfect extensions
 * (intersections that keep the prefix's whole support) are set aside and combined at output.
 */
export function mineEclat(data: RankedBaskets, o: ResolvedItemsetOptions, out: ItemsetCollector, branches = new TopBranches()): void {
  const nRanks = data.rankToItem.length;
  if (nRanks === 0) return;
  const nt = data.offsets.length - 1;
  let occurrences = 0;
  for (let r = 0; r < nRanks; r++) occurrences += data.rankCount[r] as number;
  const dense = o.layout === 'dense' || (o.layout === undefined && occurrences / (nRanks * Math.max(nt, 1)) > 1 / 32);
  const ops: TidOps = dense ? new BitsetOps(nt) : new ListOps();
  const sets: TidSet[] = [];
  for (let r = 0; r < nRanks; r++) sets.push(ops.empty(data.rankCount[r] as number));
  const fill = new Int32Array(nRanks);
  for (let t = 0; t < nt; t++) {
    for (let i = data.offsets[t] as number; i < (data.offsets[t + 1] as number); i++) {
      const r = data.ranks[i] as number;
      ops.add(sets[r] as TidSet, fill[r] as number, t);
      fill[r] = (fill[r] as number) + 1;
    }
  }
  o.guard.hold(dense ? nRanks * 4 * ((nt + 31) >>> 5) : 4 * occurrences, 'the transaction lists of the items');
  const search = new Search(o, out, ops, nRanks);
  // Least frequent first: their tid sets are shortest, so intersections shrink fast.
  const order = Array.from({ length: nRanks }, (_, i) => nRanks - 1 - i);
  const cands = order.map((r) => ({ rank: r, set: sets[r] as TidSet, support: data.rankCount[r] as number }));
  const pairs = nRanks <= MAX_PAIR_MATRIX_ITEMS && o.layout !== 'sparse' ? pairCounts(data, nRanks, o.minCount) : null;
  // Each first item is a branch; they can be split over workers (TopBranches).
  o.guard.phase('mine', cands.length);
  for (let i = branches.next(); i < cands.length; i = branches.next()) {
    o.guard.step(i);
    const start = out.size;
    search.branch(cands, i, 0, 0, pairs);
    branches.record(i, start, out.size);
  }
  o.guard.step(cands.length);
}

/** A sorted tid list, or a bitset at `words[at .. at + nWords)`. */
interface TidSet { list: Int32Array; words: Uint32Array; at: number }
interface Candidate { rank: number; set: TidSet; support: number }

interface TidOps {
  empty(size: number): TidSet;
  /** A search node at `depth` starts extending: the sets its extensions get at that depth are free again. */
  begin(depth: number): void;
  add(set: TidSet, position: number, tid: number): void;
  /** Intersects a and b into a new set (kept until the next `begin(depth)`) and returns it with its size, or null when below minCount. */
  intersect(a: TidSet, b: TidSet, sizeA: number, sizeB: number, minCount: number, depth: number): { set: TidSet; support: number } | null;
  /** Work units of an intersection, for progress. */
  cost(sizeA: number, sizeB: number): number;
  /** Bytes a set holds. */
  bytes(set: TidSet): number;
}

const NO_WORDS = new Uint32Array(0);
const NO_LIST = new Int32Array(0);

/**
 * Intersections are written into one scratch buffer and copied out only when frequent: most
 * candidates on sparse data are not, and allocating an output per candidate touched fresh
 * memory each time (and kept the unused tail of each frequent one alive).
 */
class ListOps implements TidOps {
  private scratch = new Int32Array(1024);
  empty(size: number): TidSet { return { list: new Int32Array(size), words: NO_WORDS, at: 0 }; }
  begin(): void {}
  cost(sizeA: number, sizeB: number): number { return Math.min(sizeA + sizeB, 16 * Math.min(sizeA, sizeB)); }
  bytes(set: TidSet): number { return set.list.buffer.byteLength + 64; }
  add(set: TidSet, position: number, tid: number): void { set.list[position] = tid; }
  intersect(a: TidSet, b: TidSet, sizeA: number, sizeB: number, minCount: number): { set: TidSet; support: number } | null {
    if (sizeB > 16 * sizeA) return this.gallop(a.list, sizeA, b.list, sizeB, minCount);
    if (sizeA > 16 * sizeB) return this.gallop(b.list, sizeB, a.list, sizeA, minCount);
    const x = a.list, y = b.list;
    const out = this.room(Math.min(sizeA, sizeB));
    let i = 0, j = 0, k = 0;
    // Give up early once the remaining elements cannot reach minCount.
    while (i < sizeA && j < sizeB) {
      const u = x[i] as number, v = y[j] as number;
      if (u === v) { out[k++] = u; i++; j++; }
      else if (u < v) { i++; if (k + sizeA - i < minCount) return null; }
      else { j++; if (k + sizeB - j < minCount) return null; }
    }
    return k < minCount ? null : { set: { list: out.slice(0, k), words: NO_WORDS, at: 0 }, support: k };
  }

  /** The scratch buffer, with room for n tids. */
  private room(n: number): Int32Array {
    if (this.scratch.length < n) this.scratch = new Int32Array(Math.max(n, 2 * this.scratch.length));
    return this.scratch;
  }

  /** Short list against a much longer one: binary-search each element (O(short · log long)). */
  private gallop(short: Int32Array, ns: number, long: Int32Array, nl: number, minCount: number): { set: TidSet; support: number } | null {
    const out = this.room(ns);
    let k = 0;
    let lo = 0;
    for (let i = 0; i < ns; i++) {
      const v = short[i] as number;
      let hi = nl;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((long[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo < nl && long[lo] === v) out[k++] = v;
      if (k + ns - i - 1 < minCount) return null;
    }
    return k < minCount ? null : { set: { list: out.slice(0, k), words: NO_WORDS, at: 0 }, support: k };
  }
}

/**
 * Bitsets of the baskets. The extensions of a search node live in one slab per depth, reused by
 * the next node at that depth: a fresh array per frequent intersection (1.3M of them on
 * chess @ 0.5) cost more than the intersections.
 */
class BitsetOps implements TidOps {
  private readonly nWords: number;
  private readonly bits = bitCounts16();
  /** Per depth: the slab, and how many sets of it are in use. */
  private readonly slabs: Uint32Array[] = [];
  private readonly used: number[] = [];
  constructor(nt: number) {
    this.nWords = (nt + 31) >>> 5;
  }
  empty(): TidSet { return { list: NO_LIST, words: new Uint32Array(this.nWords), at: 0 }; }
  begin(depth: number): void { this.used[depth] = 0; }
  cost(): number { return this.nWords; }
  bytes(): number { return 4 * this.nWords + 64; }
  add(set: TidSet, _position: number, tid: number): void { set.words[tid >>> 5] = (set.words[tid >>> 5] as number) | (1 << (tid & 31)); }
  intersect(a: TidSet, b: TidSet, _sa: number, _sb: number, minCount: number, depth: number): { set: TidSet; support: number } | null {
    const { nWords, bits } = this;
    const x = a.words, y = b.words, xa = a.at, ya = b.at;
    const out = this.room(depth);
    const at = (this.used[depth] as number) * nWords;
    let count = 0;
    for (let w = 0; w < nWords; w++) {
      const v = (x[xa + w] as number) & (y[ya + w] as number);
      out[at + w] = v;
      count += (bits[v & 0xffff] as number) + (bits[v >>> 16] as number);
      // Give up once the words left cannot bring the count to minCount.
      if ((w & 15) === 15 && count + 32 * (nWords - w - 1) < minCount) return null;
    }
    if (count < minCount) return null;
    this.used[depth] = (this.used[depth] as number) + 1;
    return { set: { list: NO_LIST, words: out, at }, support: count };
  }

  /** The slab of `depth`, with room for one more set (a bigger one replaces it; sets already in the old one keep it). */
  private room(depth: number): Uint32Array {
    const used = this.used[depth] ?? 0;
    let slab = this.slabs[depth];
    if (slab === undefined || (used + 1) * this.nWords > slab.length) {
      slab = new Uint32Array(Math.max(8, 2 * (used + 1)) * this.nWords);
      this.slabs[depth] = slab;
      this.used[depth] = 0;
    }
    return slab;
  }
}

class Search {
  private readonly prefix: Int32Array;
  private readonly perfect: Int32Array;
  constructor(private readonly o: ResolvedItemsetOptions, private readonly out: ItemsetCollector, private readonly ops: TidOps, nRanks: number) {
    this.prefix = new Int32Array(nRanks + 1);
    this.perfect = new Int32Array(nRanks + 1);
  }

  /** Every branch of `cands` below the prefix `prefix[0..depth)`. */
  run(cands: Candidate[], depth: number, plen: number): void {
    for (let i = 0; i < cands.length; i++) this.branch(cands, i, depth, plen, null);
  }

  /** The branch of candidate `i`: it, and its extensions by the later candidates (with the pair counts at the top). */
  branch(cands: Candidate[], i: number, depth: number, plen: number, pairs: PairCounts | null): void {
    const { maxLength, guard } = this.o;
    const c = cands[i] as Candidate;
    this.prefix[depth] = c.rank;
    let newPlen = plen;
    let held = 0;
    const next: Candidate[] = [];
    this.ops.begin(depth);
    if (depth + 1 < maxLength) {
      if (pairs === null) {
        for (let j = i + 1; j < cands.length; j++) {
          const got = this.extension(c, cands[j] as Candidate, next, depth);
          if (got < 0) this.perfect[newPlen++] = (cands[j] as Candidate).rank;
          else held += got;
        }
      } else {
        // Top level (candidate j has rank nRanks - 1 - j): only the frequent pairs, whose
        // supports are known, in the same order (partners below c's rank, descending).
        const nRanks = cands.length;
        const first = pairs.start[c.rank] as number;
        for (let q = pairs.firstAbove(c.rank) - 1; q >= first; q--) {
          const d = cands[nRanks - 1 - (pairs.partner[q] as number)] as Candidate;
          const got = pairs.count[q] === c.support ? -1 : this.extension(c, d, next, depth);
          if (got < 0) this.perfect[newPlen++] = d.rank;
          else held += got;
        }
      }
    }
    this.out.addWithPerfect(this.prefix, depth + 1, this.perfect, newPlen, c.support);
    if (next.length > 0) this.run(next, depth + 1, newPlen);
    guard.release(held);
  }

  /**
   * Extends c by d: -1 when d is in every basket of c (a perfect extension), else the bytes the
   * new candidate holds (pushed to `next`), or 0 when c ∪ d is not frequent.
   */
  private extension(c: Candidate, d: Candidate, next: Candidate[], depth: number): number {
    const { guard, minCount } = this.o;
    guard.tick(this.ops.cost(c.support, d.support));
    const r = this.ops.intersect(c.set, d.set, c.support, d.support, minCount, depth);
    if (r === null) return 0;
    if (r.support === c.support) return -1;
    next.push({ rank: d.rank, set: r.set, support: r.support });
    const bytes = this.ops.bytes(r.set);
    guard.hold(bytes, 'transaction lists of extensions');
    return bytes;
  }
}
