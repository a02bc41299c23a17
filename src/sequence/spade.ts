import { throwIfAborted } from '../core/run';
import type { IdPattern, PatternCollector } from './collector';
import type { EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';

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
  roots.forEach(({ v, list }, k) => {
    throwIfAborted(o.signal);
    o.onProgress?.({ phase: 'mine', done: k + 1, total: roots.length });
    search.visit([[v]], 1, list, roots.slice(k + 1), roots);
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
    const iNext: Atom[] = [];
    for (const { v, list: other } of iSiblings) {
      const joined = equalityJoin(list, other);
      if (joined.support >= this.o.minCount) iNext.push({ v, list: joined });
    }
    const sNext: Atom[] = [];
    for (const { v, list: other } of sSiblings) {
      const joined = temporalJoin(list, other, this.o.minGap, this.o.maxGap);
      if (joined.support >= this.o.minCount) sNext.push({ v, list: joined });
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

/** (sid, eid) pairs present in both lists: the pattern's last itemset also holds the item. */
function equalityJoin(a: IdList, b: IdList): IdList {
  const sid: number[] = [];
  const eid: number[] = [];
  let i = 0, j = 0;
  while (i < a.sid.length && j < b.sid.length) {
    const d = (a.sid[i] as number) - (b.sid[j] as number) || (a.eid[i] as number) - (b.eid[j] as number);
    if (d === 0) { sid.push(a.sid[i] as number); eid.push(a.eid[i] as number); i++; j++; }
    else if (d < 0) i++;
    else j++;
  }
  return { sid: Int32Array.from(sid), eid: Int32Array.from(eid), support: distinct(sid) };
}

/** Positions of the item within [minGap, maxGap] after some end of the pattern, per sequence. */
function temporalJoin(a: IdList, b: IdList, minGap: number, maxGap: number): IdList {
  const sid: number[] = [];
  const eid: number[] = [];
  let i = 0, j = 0;
  while (i < a.sid.length && j < b.sid.length) {
    const s = a.sid[i] as number;
    const t = b.sid[j] as number;
    if (s < t) { i++; continue; }
    if (t < s) { j++; continue; }
    // Same sequence: a's ends [i, iEnd), b's positions [j, jEnd), both ascending.
    let iEnd = i;
    while (iEnd < a.sid.length && a.sid[iEnd] === s) iEnd++;
    let jEnd = j;
    while (jEnd < b.sid.length && b.sid[jEnd] === s) jEnd++;
    let k = i;
    for (let q = j; q < jEnd; q++) {
      const pos = b.eid[q] as number;
      while (k < iEnd && pos - (a.eid[k] as number) > maxGap) k++;
      if (k < iEnd && pos - (a.eid[k] as number) >= minGap) { sid.push(s); eid.push(pos); }
    }
    i = iEnd;
    j = jEnd;
  }
  return { sid: Int32Array.from(sid), eid: Int32Array.from(eid), support: distinct(sid) };
}
