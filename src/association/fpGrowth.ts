import type { ItemsetCollector } from './collector';
import { FpTree } from './fpTree';
import { rankOccurrences, type RankedBaskets } from './prepare';
import type { ResolvedItemsetOptions } from './options';
import { TopBranches } from './topBranches';

/**
 * FP-Growth (Han, Pei & Yin 2000) over typed-array FP-trees: conditional trees on compacted
 * local item indexes, the single-path shortcut, and perfect-extension pruning (items present in
 * every basket of a conditional base are set aside and combined at output, Borgelt 2005). The
 * first level projects the baskets directly instead of building the full FP-tree. Its branches
 * (one per first item) can be split over workers ({@link TopBranches}).
 */
export function mineFpGrowth(data: RankedBaskets, o: ResolvedItemsetOptions, out: ItemsetCollector, branches = new TopBranches()): void {
  const nRanks = data.rankToItem.length;
  if (nRanks === 0) return;
  new Miner(o, out, nRanks).mineTop(data, branches);
}

/** A conditional pattern base: paths in `pathBuf[starts[p] .. starts[p+1]]`, each with a count. */
interface Base { used: number; starts: number[]; counts: number[] }

/**
 * Arrays one level of the search reuses from one item to the next (its children use the next
 * level's): item counts in the base, the conditional tree's local indexes, one path, and the
 * conditional tree itself. Allocating them per item touched fresh memory each time (on retail,
 * 3 arrays of up to 2,000 ranks for each of 2,000 first items).
 */
interface LevelScratch { local: Int32Array; index: Int32Array; path: Int32Array; tree: FpTree | null }

class Miner {
  private readonly prefix: Int32Array;
  private readonly perfect: Int32Array;
  private pathBuf = new Int32Array(1024);
  private readonly levels: LevelScratch[] = [];

  constructor(private readonly o: ResolvedItemsetOptions, private readonly out: ItemsetCollector, private readonly nRanks: number) {
    this.prefix = new Int32Array(nRanks + 1);
    this.perfect = new Int32Array(nRanks + 1);
  }

  /** Level `depth`'s scratch arrays (room for every rank). */
  private level(depth: number): LevelScratch {
    let l = this.levels[depth];
    if (l === undefined) {
      l = { local: new Int32Array(this.nRanks), index: new Int32Array(this.nRanks), path: new Int32Array(this.nRanks), tree: null };
      this.levels[depth] = l;
    }
    return l;
  }

  /**
   * The first level, straight from the baskets: the conditional pattern base of rank k is the
   * part of each basket before k (baskets list ranks ascending). Reading it from the baskets in
   * order is much faster than walking parent pointers of a full FP-tree, which is never built.
   */
  mineTop(data: RankedBaskets, branches: TopBranches): void {
    const nRanks = data.rankToItem.length;
    const { ranks, offsets } = data;
    const occ = rankOccurrences(data);
    const identity = Int32Array.from({ length: nRanks }, (_, i) => i);
    const { guard } = this.o;
    const occBytes = 8 * occ.at.length;
    guard.hold(occBytes, 'the item occurrence index');
    guard.phase('mine', nRanks);
    // Branch p has first item k = nRanks - 1 - p: the least frequent first.
    for (let p = branches.next(); p < nRanks; p = branches.next()) {
      guard.step(p);
      const start = this.out.size;
      const k = nRanks - 1 - p;
      const support = data.rankCount[k] as number;
      this.prefix[0] = k;
      if (1 >= this.o.maxLength) this.out.add(this.prefix, 1, support);
      else {
        const local = this.level(0).local.fill(0, 0, k);
        const base: Base = { used: 0, starts: [], counts: [] };
        for (let q = occ.start[k] as number; q < (occ.start[k + 1] as number); q++) {
          base.starts.push(base.used);
          base.counts.push(1);
          const from = offsets[occ.basket[q] as number] as number;
          const end = occ.at[q] as number;
          guard.tick(end - from + 1);
          for (let i = from; i < end; i++) {
            const it = ranks[i] as number;
            this.push(base, it);
            local[it] = (local[it] as number) + 1;
          }
        }
        base.starts.push(base.used);
        this.project(k, support, local, base, identity, 0, 0, true);
      }
      branches.record(p, start, this.out.size);
    }
    guard.step(nRanks);
    guard.release(occBytes);
  }

  /**
   * Mines conditional tree `tree` whose local item k is global rank `globalOf[k]`; the current
   * prefix is `prefix[0..depth)` and the perfect extensions gathered so far `perfect[0..plen)`.
   */
  mine(tree: FpTree, globalOf: Int32Array, depth: number, plen: number): void {
    if (tree.isSinglePath()) {
      this.singlePath(tree, globalOf, depth, plen);
      return;
    }
    for (let k = tree.nItems - 1; k >= 0; k--) {
      const support = tree.total[k] as number;
      if (support < this.o.minCount) continue;
      this.prefix[depth] = globalOf[k] as number;
      if (depth + 1 >= this.o.maxLength) {
        this.out.add(this.prefix, depth + 1, support);
        continue;
      }
      // Conditional pattern base: the path above each node of item k, with that node's count.
      const local = this.level(depth).local.fill(0, 0, k);
      const base: Base = { used: 0, starts: [], counts: [] };
      for (let v = tree.head[k] as number; v >= 0; v = tree.next[v] as number) {
        this.o.guard.tick(8);
        const c = tree.count[v] as number;
        base.starts.push(base.used);
        base.counts.push(c);
        for (let u = tree.parent[v] as number; u > 0; u = tree.parent[u] as number) {
          const it = tree.item[u] as number;
          this.push(base, it);
          local[it] = (local[it] as number) + c;
        }
      }
      base.starts.push(base.used);
      this.project(k, support, local, base, globalOf, depth, plen, false);
    }
  }

  /**
   * Emits prefix + item k (with the perfect extensions: items whose count in the base equals
   * the support) and mines the conditional tree built from the rest of the base. Paths are in
   * `pathBuf`, ascending (from the baskets) or descending (walked up a tree).
   */
  private project(k: number, support: number, local: Int32Array, base: Base, globalOf: Int32Array, depth: number, plen: number, ascending: boolean): void {
    const { minCount, maxLength } = this.o;
    let newPlen = plen;
    const scratch = this.level(depth);
    const newIndex = scratch.index.fill(-1, 0, k);
    let nLocal = 0;
    for (let it = 0; it < k; it++) {
      const c = local[it] as number;
      if (c === support) this.perfect[newPlen++] = globalOf[it] as number;
      else if (c >= minCount) newIndex[it] = nLocal++;
    }
    this.out.addWithPerfect(this.prefix, depth + 1, this.perfect, newPlen, support);
    if (nLocal === 0 || depth + 2 > maxLength) return;
    let kept = 0;
    for (let i = 0; i < base.used; i++) if ((newIndex[this.pathBuf[i] as number] as number) >= 0) kept++;
    // The level's conditional tree, emptied: it is done with once the search below it returns.
    const capacity = Math.min(kept, 256 + (kept >>> 3));
    const cond = scratch.tree === null ? (scratch.tree = new FpTree(nLocal, capacity)) : scratch.tree.reset(nLocal, capacity);
    const globalOfCond = new Int32Array(nLocal);
    for (let it = 0; it < k; it++) if ((newIndex[it] as number) >= 0) globalOfCond[newIndex[it] as number] = globalOf[it] as number;
    const { path } = scratch;
    const { guard } = this.o;
    const baseBytes = 4 * base.used + 16 * base.counts.length;
    const treeBytes = cond.bytes();
    guard.hold(baseBytes + treeBytes, 'conditional FP-trees');
    for (let p = 0; p < base.counts.length; p++) {
      let len = 0;
      const from = base.starts[p] as number;
      const to = base.starts[p + 1] as number;
      if (ascending) {
        for (let i = from; i < to; i++) {
          const ni = newIndex[this.pathBuf[i] as number] as number;
          if (ni >= 0) path[len++] = ni;
        }
      } else {
        for (let i = to - 1; i >= from; i--) {
          const ni = newIndex[this.pathBuf[i] as number] as number;
          if (ni >= 0) path[len++] = ni;
        }
      }
      guard.tick(to - from + 1);
      if (len > 0) cond.insert(path, 0, len, base.counts[p] as number);
    }
    const grown = cond.bytes() - treeBytes;
    guard.hold(grown, 'conditional FP-trees');
    this.mine(cond, globalOfCond, depth + 1, newPlen);
    guard.release(baseBytes + treeBytes + grown);
  }

  private push(base: Base, it: number): void {
    if (base.used >= this.pathBuf.length) this.growPath();
    this.pathBuf[base.used++] = it;
  }

  /** Every combination of a single path's nodes; its count is that of the deepest node chosen. */
  private singlePath(tree: FpTree, globalOf: Int32Array, depth: number, plen: number): void {
    const items: number[] = [];
    const counts: number[] = [];
    for (let v = tree.firstChild[0] as number; v >= 0; v = tree.firstChild[v] as number) {
      if ((tree.count[v] as number) < this.o.minCount) break;
      items.push(globalOf[tree.item[v] as number] as number);
      counts.push(tree.count[v] as number);
    }
    const walk = (from: number, d: number): void => {
      for (let i = from; i < items.length; i++) {
        this.prefix[d] = items[i] as number;
        this.out.addWithPerfect(this.prefix, d + 1, this.perfect, plen, counts[i] as number);
        if (d + 1 < this.o.maxLength) walk(i + 1, d + 1);
      }
    };
    walk(0, depth);
  }

  private growPath(): void {
    const bigger = new Int32Array(this.pathBuf.length * 2);
    bigger.set(this.pathBuf);
    this.pathBuf = bigger;
  }
}
