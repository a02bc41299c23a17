import { throwIfAborted } from '../core/run';
import type { ItemsetCollector } from './collector';
import { FpTree } from './fpTree';
import type { RankedBaskets } from './prepare';
import type { ResolvedItemsetOptions } from './options';

/**
 * FP-Growth (Han, Pei & Yin 2000) over typed-array FP-trees: conditional trees on compacted
 * local item indexes, the single-path shortcut, and perfect-extension pruning (items present in
 * every basket of a conditional base are set aside and combined at output, Borgelt 2005).
 */
export function mineFpGrowth(data: RankedBaskets, o: ResolvedItemsetOptions, out: ItemsetCollector): void {
  const nRanks = data.rankToItem.length;
  if (nRanks === 0) return;
  const tree = new FpTree(nRanks, data.ranks.length);
  for (let t = 0; t + 1 < data.offsets.length; t++) tree.insert(data.ranks, data.offsets[t] as number, data.offsets[t + 1] as number, 1);
  const miner = new Miner(o, out, nRanks);
  miner.mine(tree, Int32Array.from({ length: nRanks }, (_, i) => i), 0, 0, true);
}

class Miner {
  private readonly prefix: Int32Array;
  private readonly perfect: Int32Array;
  private pathBuf = new Int32Array(1024);

  constructor(private readonly o: ResolvedItemsetOptions, private readonly out: ItemsetCollector, nRanks: number) {
    this.prefix = new Int32Array(nRanks + 1);
    this.perfect = new Int32Array(nRanks + 1);
  }

  /**
   * Mines `tree` whose local item k is global rank `globalOf[k]`; the current prefix is
   * `prefix[0..depth)` and the perfect extensions gathered so far `perfect[0..plen)`.
   */
  mine(tree: FpTree, globalOf: Int32Array, depth: number, plen: number, top: boolean): void {
    const { minCount, maxLength, signal } = this.o;
    if (!top && tree.isSinglePath()) {
      this.singlePath(tree, globalOf, depth, plen);
      return;
    }
    for (let k = tree.nItems - 1; k >= 0; k--) {
      const support = tree.total[k] as number;
      if (support < minCount) continue;
      if (top) {
        throwIfAborted(signal);
        this.o.onProgress?.({ phase: 'mine', done: tree.nItems - k, total: tree.nItems });
      }
      this.prefix[depth] = globalOf[k] as number;
      if (depth + 1 >= maxLength) {
        this.out.add(this.prefix, depth + 1, support);
        continue;
      }
      // Conditional pattern base: the path above each node of item k, with that node's count.
      let used = 0;
      const starts: number[] = [];
      const counts: number[] = [];
      const local = new Int32Array(k);
      for (let v = tree.head[k] as number; v >= 0; v = tree.next[v] as number) {
        const c = tree.count[v] as number;
        starts.push(used);
        counts.push(c);
        for (let u = tree.parent[v] as number; u > 0; u = tree.parent[u] as number) {
          const it = tree.item[u] as number;
          if (used >= this.pathBuf.length) this.growPath();
          this.pathBuf[used++] = it;
          local[it] = (local[it] as number) + c;
        }
      }
      starts.push(used);
      // Perfect extensions join the pool; other frequent items get compact local indexes.
      let newPlen = plen;
      const newIndex = new Int32Array(k).fill(-1);
      let nLocal = 0;
      for (let it = 0; it < k; it++) {
        const c = local[it] as number;
        if (c === support) this.perfect[newPlen++] = globalOf[it] as number;
        else if (c >= minCount) newIndex[it] = nLocal++;
      }
      this.out.addWithPerfect(this.prefix, depth + 1, this.perfect, newPlen, support);
      if (nLocal > 0 && depth + 2 <= maxLength) {
        let kept = 0;
        for (let i = 0; i < used; i++) if ((newIndex[this.pathBuf[i] as number] as number) >= 0) kept++;
        const cond = new FpTree(nLocal, Math.min(kept, 256 + (kept >>> 3)));
        const globalOfCond = new Int32Array(nLocal);
        for (let it = 0; it < k; it++) if ((newIndex[it] as number) >= 0) globalOfCond[newIndex[it] as number] = globalOf[it] as number;
        const path = new Int32Array(k);
        for (let p = 0; p < counts.length; p++) {
          // Stored bottom-up (descending items): reverse into ascending order.
          let len = 0;
          for (let i = (starts[p + 1] as number) - 1; i >= (starts[p] as number); i--) {
            const ni = newIndex[this.pathBuf[i] as number] as number;
            if (ni >= 0) path[len++] = ni;
          }
          if (len > 0) cond.insert(path, 0, len, counts[p] as number);
        }
        this.mine(cond, globalOfCond, depth + 1, newPlen, false);
      }
    }
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
