import { throwIfAborted } from '../core/run';
import type { IdPattern, PatternCollector } from './collector';
import type { EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';
import { countPairs } from './spadePairs';

/** A vertical id-list: (sequence, itemset position) pairs, sorted; for a pattern, where it ends. */
interface IdList { sid: Int32Array; eid: Int32Array; support: number }

/**
 * SPADE (Zaki 2001) over vertical id-lists: each pattern carries the (sequence, position) pairs
 * where it can end; extensions are temporal joins: an equality join on (sequence, position) for
 * itemset-extensions, a gap-window join for sequence-extensions.
 * Candidates come from the parent's frequent extensions (siblings) and are joined with the
 * siblings' own id-lists, which are shorter than the items'; with a finite maxGap, dropping a
 * middle itemset can break the gap, so sequence-extensions then join with every frequent item's list.
 */
export function mineSpade(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): void {
  const nItems = data.itemNames.length;
  const atoms = itemIdLists(data, nItems);
  const frequent: number[] = [];
  for (let v = 0; v < nItems; v++) if ((atoms[v] as IdList).support >= o.minCount) frequent.push(v);
  const search = new Search(o, out, atoms, frequent);
  const roots = frequent.map((v) => ({ v, list: atoms[v] as IdList }));
  const pairs = o.maxLength > 1 ? countPairs(data, frequent, o.minGap) : null;
  // A root joins only with the items it forms a frequent 2-pattern with (all of them with a maxGap).
  const frequentPair = (counts: Int32Array | null, x: number, y: number): boolean =>
    pairs === null || counts === null || (counts[(pairs.slot[x] as number) * pairs.size + (pairs.slot[y] as number)] as number) >= o.minCount;
  const sCounts = o.maxGap === Infinity ? pairs?.sequence ?? null : null;
  roots.forEach(({ v, list }, k) => {
    throwIfAborted(o.signal);
    o.onProgress?.({ phase: 'mine', done: k + 1, total: roots.length });
    const iSiblings = roots.slice(k + 1).filter((r) => frequentPair(pairs?.itemset ?? null, v, r.v));
    const sSiblings = roots.filter((r) => frequentPair(sCounts, v, r.v));
    search.visit([[v]], 1, list, iSiblings, sSiblings);
  });
}

function itemIdLists(data: EncodedSequences, nItems: number): IdList[] {
  const sids: number[][] = Array.from({ length: nItems }, () => []);
  const eids: number[][] = Array.from({ length: nItems }, () => []);
  for (let s = 0; s < data.n; s++) {
    for (let e = data.seqStart[s] as number; e < (data.seqStart[s + 1] as number); e++) {
      for (let i = data.setStart[e] as number; i < (data.setStart[e + 1] as number); i++) {
        const v = data.items[i] as number;
        (sids[v] as number[]).push(s);
        (eids[v] as number[]).push(e);
      }
    }
  }
  return sids.map((s, v) => ({ sid: Int32Array.from(s), eid: Int32Array.from(eids[v] as number[]), support: distinct(s) }));
}

function distinct(sorted: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

interface Atom { v: number; list: IdList }

class Search {
  private readonly scratch = new Scratch();
  constructor(private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, private readonly atoms: IdList[], private readonly frequent: number[]) {}

  /** The frequent items as atoms: the sequence-extension candidates when maxGap is finite. */
  private allAtoms(): Atom[] {
    return this.frequent.map((v) => ({ v, list: this.atoms[v] as IdList }));
  }

  /**
   * Emits the pattern, then joins it with its candidates: `iSiblings` (lists of the parent's
   * itemset-extensions, or of its sequence-extensions when the pattern just opened an itemset)
   * by equality, `sSiblings` (the parent's sequence-extension lists; with a finite maxGap the
   * items' own lists) by the gap window.
   */
  visit(pattern: IdPattern, length: number, list: IdList, iSiblings: Atom[], sSiblings: Atom[]): void {
    this.out.add(pattern, list.support);
    if (length >= this.o.maxLength) return;
    const { minCount, minGap, maxGap } = this.o;
    const iNext: Atom[] = [];
    for (const { v, list: other } of iSiblings) {
      const joined = equalityJoin(list, other, minCount, this.scratch);
      if (joined !== null) iNext.push({ v, list: joined });
    }
    const sNext: Atom[] = [];
    for (const { v, list: other } of sSiblings) {
      const joined = temporalJoin(list, other, minGap, maxGap, minCount, this.scratch);
      if (joined !== null) sNext.push({ v, list: joined });
    }
    // Without maxGap a child's sequence-extension by v ends where this pattern's does: sibling
    // lists suffice. With maxGap a later item may be out of reach of this prefix but within
    // reach of the child, so children join with the items' own lists.
    const childS = this.o.maxGap === Infinity ? sNext : this.allAtoms();
    const last = pattern[pattern.length - 1] as number[];
    for (const [k, { v, list: l }] of iNext.entries()) {
      const extended = pattern.slice(0, -1);
      extended.push([...last, v]);
      this.visit(extended, length + 1, l, iNext.slice(k + 1), childS);
    }
    for (const [k, { v, list: l }] of sNext.entries()) {
      this.visit([...pattern, [v]], length + 1, l, sNext.slice(k + 1), childS);
    }
  }
}

/** Where joins write before their result is known to be frequent (and worth copying). */
class Scratch {
  sid = new Int32Array(1024);
  eid = new Int32Array(1024);
  ensure(size: number): void {
    if (this.sid.length < size) {
      this.sid = new Int32Array(size * 2);
      this.eid = new Int32Array(size * 2);
    }
  }
  /** The first n pairs as an id-list. */
  take(n: number, support: number): IdList {
    return { sid: this.sid.slice(0, n), eid: this.eid.slice(0, n), support };
  }
}

/** End of the run of equal sequence ids starting at i. */
function groupEnd(sid: Int32Array, i: number): number {
  const s = sid[i];
  let e = i + 1;
  while (e < sid.length && sid[e] === s) e++;
  return e;
}

/**
 * (sid, eid) pairs present in both lists: the pattern's last itemset also holds the item. Null
 * when the result is infrequent, decided as soon as the sequences left cannot make up minCount.
 */
function equalityJoin(a: IdList, b: IdList, minCount: number, out: Scratch): IdList | null {
  out.ensure(Math.min(a.sid.length, b.sid.length));
  let i = 0, j = 0, n = 0, support = 0;
  let aLeft = a.support, bLeft = b.support;
  while (i < a.sid.length && j < b.sid.length) {
    if (support + Math.min(aLeft, bLeft) < minCount) return null;
    const s = a.sid[i] as number;
    const t = b.sid[j] as number;
    const iEnd = s <= t ? groupEnd(a.sid, i) : i;
    const jEnd = t <= s ? groupEnd(b.sid, j) : j;
    if (s === t) {
      const before = n;
      for (let x = i, y = j; x < iEnd && y < jEnd; ) {
        const d = (a.eid[x] as number) - (b.eid[y] as number);
        if (d === 0) { out.sid[n] = s; out.eid[n++] = a.eid[x] as number; x++; y++; }
        else if (d < 0) x++;
        else y++;
      }
      if (n > before) support++;
    }
    if (iEnd > i) { i = iEnd; aLeft--; }
    if (jEnd > j) { j = jEnd; bLeft--; }
  }
  return support >= minCount ? out.take(n, support) : null;
}

/**
 * Positions of the item within [minGap, maxGap] after some end of the pattern, per sequence.
 * Null when infrequent, decided as soon as the sequences left cannot make up minCount.
 */
function temporalJoin(a: IdList, b: IdList, minGap: number, maxGap: number, minCount: number, out: Scratch): IdList | null {
  out.ensure(b.sid.length);
  let i = 0, j = 0, n = 0, support = 0;
  let aLeft = a.support, bLeft = b.support;
  while (i < a.sid.length && j < b.sid.length) {
    if (support + Math.min(aLeft, bLeft) < minCount) return null;
    const s = a.sid[i] as number;
    const t = b.sid[j] as number;
    const iEnd = s <= t ? groupEnd(a.sid, i) : i;
    const jEnd = t <= s ? groupEnd(b.sid, j) : j;
    if (s === t) {
      // a's ends [i, iEnd), b's positions [j, jEnd), both ascending.
      const before = n;
      let k = i;
      for (let q = j; q < jEnd; q++) {
        const pos = b.eid[q] as number;
        while (k < iEnd && pos - (a.eid[k] as number) > maxGap) k++;
        if (k < iEnd && pos - (a.eid[k] as number) >= minGap) { out.sid[n] = s; out.eid[n++] = pos; }
      }
      if (n > before) support++;
    }
    if (iEnd > i) { i = iEnd; aLeft--; }
    if (jEnd > j) { j = jEnd; bLeft--; }
  }
  return support >= minCount ? out.take(n, support) : null;
}
