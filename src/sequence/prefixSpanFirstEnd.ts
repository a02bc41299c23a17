import { throwIfAborted } from '../core/run';
import type { IdPattern, PatternCollector } from './collector';
import { itemSupports, type EncodedSequences } from './encode';
import { buildIndex, type OccurrenceIndex } from './occurrenceIndex';
import type { ResolvedSequenceOptions } from './options';

/** Projection with one number per sequence: where the prefix first ends there. */
interface Projected { seqs: Int32Array; first: Int32Array }

/**
 * PrefixSpan when there is no maxGap. Then a prefix's valid end positions in a sequence are
 * exactly the positions from its earliest end on that hold its last itemset (any later end is
 * still at least minGap after the earlier itemsets' earliest match), so a projection needs one
 * number per sequence, and:
 * - sequence-extensions by v: v occurs at or after first + minGap (read off the items sorted by
 *   last position), the child's first end is v's first such occurrence (binary search in v's run);
 * - itemset-extensions by v: v sits with the last itemset at one of those positions.
 * Same results as the general PrefixSpan; the gap-bounded case needs every end and uses it.
 */
export function minePrefixSpanFirstEnd(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): void {
  const nItems = data.itemNames.length;
  // Items below minCount can be in no pattern: the index leaves them out (positions stay as they are).
  const support = itemSupports(data);
  const index = buildIndex(data, (v) => (support[v] as number) >= o.minCount);
  const miner = new FirstEndMiner(data, index, o, out, nItems);
  const { occStart, occItem, occPos } = index;
  const frequent: number[] = [];
  for (let v = 0; v < nItems; v++) if ((support[v] as number) >= o.minCount) frequent.push(v);
  const children = frequent.map((v) => child(support[v] as number));
  const slot = new Int32Array(nItems).fill(-1);
  frequent.forEach((v, b) => { slot[v] = b; });
  const fill = new Int32Array(frequent.length);
  for (let s = 0; s < data.n; s++) {
    for (let x = occStart[s] as number, e = occStart[s + 1] as number; x < e; x++) {
      const v = occItem[x] as number;
      const b = slot[v] as number;
      if (b < 0 || (x > (occStart[s] as number) && occItem[x - 1] === v)) continue;
      const child = children[b] as Projected;
      const at = fill[b] as number;
      child.seqs[at] = s;
      child.first[at] = occPos[x] as number;
      fill[b] = at + 1;
    }
  }
  frequent.forEach((v, b) => {
    throwIfAborted(o.signal);
    o.onProgress?.({ phase: 'mine', done: b + 1, total: frequent.length });
    miner.grow([[v]], 1, children[b] as Projected);
  });
}

class FirstEndMiner {
  private readonly iCount: Int32Array;
  private readonly sCount: Int32Array;
  private readonly stampOf: Int32Array;
  private readonly iSlot: Int32Array;
  private readonly sSlot: Int32Array;
  private stamp = 0;

  constructor(private readonly data: EncodedSequences, private readonly ix: OccurrenceIndex, private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, nItems: number) {
    this.iCount = new Int32Array(nItems);
    this.sCount = new Int32Array(nItems);
    this.stampOf = new Int32Array(nItems);
    this.iSlot = new Int32Array(nItems).fill(-1);
    this.sSlot = new Int32Array(nItems).fill(-1);
  }

  grow(prefix: IdPattern, length: number, db: Projected): void {
    this.out.add(prefix, db.seqs.length);
    if (length >= this.o.maxLength) return;
    const lastSet = prefix[prefix.length - 1] as number[];
    const { minCount } = this.o;
    const { iCount, sCount, iSlot, sSlot } = this;
    // Scan 1: count the extensions, once per sequence.
    const iItems = this.countItemsetExtensions(db, lastSet);
    const sItems = this.countSequenceExtensions(db);
    const iFrequent = iItems.filter((v) => (iCount[v] as number) >= minCount).sort((a, b) => a - b);
    const sFrequent = sItems.filter((v) => (sCount[v] as number) >= minCount).sort((a, b) => a - b);
    const iChildren = iFrequent.map((v, b) => { iSlot[v] = b; return child(iCount[v] as number); });
    const sChildren = sFrequent.map((v, b) => { sSlot[v] = b; return child(sCount[v] as number); });
    for (const v of iItems) iCount[v] = 0;
    for (const v of sItems) sCount[v] = 0;
    // Scan 2: each child's first end in every sequence that supports it.
    if (iChildren.length > 0) this.deliverItemsetExtensions(db, lastSet, iChildren);
    if (sChildren.length > 0) this.deliverSequenceExtensions(db, sChildren);
    for (const v of iFrequent) iSlot[v] = -1;
    for (const v of sFrequent) sSlot[v] = -1;
    iFrequent.forEach((v, b) => {
      const extended = prefix.slice(0, -1);
      extended.push([...lastSet, v]);
      this.grow(extended, length + 1, iChildren[b] as Projected);
    });
    sFrequent.forEach((v, b) => this.grow([...prefix, [v]], length + 1, sChildren[b] as Projected));
  }

  /** Items v with ⟨P, v⟩ in a sequence: last position at or after first + minGap. Counts in sCount. */
  private countSequenceExtensions(db: Projected): number[] {
    const { lastStart, lastItem, lastPos } = this.ix;
    const { sCount } = this;
    const { minGap } = this.o;
    const { seqs, first } = db;
    const found: number[] = [];
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k] as number;
      const threshold = (first[k] as number) + minGap;
      for (let x = lastStart[seq] as number, e = lastStart[seq + 1] as number; x < e && (lastPos[x] as number) >= threshold; x++) {
        const v = lastItem[x] as number;
        const c = sCount[v] as number;
        if (c === 0) found.push(v);
        sCount[v] = c + 1;
      }
    }
    return found;
  }

  /** Delivers each frequent sequence-extension's first occurrence at or after first + minGap. */
  private deliverSequenceExtensions(db: Projected, children: Child[]): void {
    const { lastStart, lastItem, lastPos, lastRun, lastRunEnd, occPos } = this.ix;
    const { sSlot } = this;
    const { minGap } = this.o;
    const { seqs, first } = db;
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k] as number;
      const threshold = (first[k] as number) + minGap;
      for (let x = lastStart[seq] as number, e = lastStart[seq + 1] as number; x < e && (lastPos[x] as number) >= threshold; x++) {
        const b = sSlot[lastItem[x] as number] as number;
        if (b < 0) continue;
        // Binary search in the item's run of positions (it ends at lastPos).
        let lo = lastRun[x] as number;
        let hi = lastRunEnd[x] as number;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((occPos[mid] as number) < threshold) lo = mid + 1;
          else hi = mid;
        }
        const c = children[b] as Child;
        c.seqs[c.n] = seq;
        c.first[c.n++] = occPos[lo] as number;
      }
    }
  }

  /** Items v > the last item, in the same itemset as the last itemset at one of its ends. Counts in iCount. */
  private countItemsetExtensions(db: Projected, lastSet: readonly number[]): number[] {
    const found: number[] = [];
    const { items } = this.data;
    const { iCount, stampOf } = this;
    const { seqs, first } = db;
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k] as number;
      if (this.ix.multi[seq] !== 1) continue;
      const st = ++this.stamp;
      for (let x = this.endsFrom(seq, first[k] as number, lastSet); x >= 0; x = this.nextEnd(seq, x, lastSet)) {
        for (let i = this.candidatesFrom, to = this.candidatesTo; i < to; i++) {
          const v = items[i] as number;
          if (stampOf[v] === st) continue;
          stampOf[v] = st;
          if (iCount[v] === 0) found.push(v);
          iCount[v] = (iCount[v] as number) + 1;
        }
      }
    }
    return found;
  }

  /** Delivers each frequent itemset-extension's first end. */
  private deliverItemsetExtensions(db: Projected, lastSet: readonly number[], children: Child[]): void {
    const { items } = this.data;
    const { iSlot, stampOf } = this;
    const { occPos } = this.ix;
    const { seqs, first } = db;
    for (let k = 0; k < seqs.length; k++) {
      const seq = seqs[k] as number;
      if (this.ix.multi[seq] !== 1) continue;
      const st = ++this.stamp;
      for (let x = this.endsFrom(seq, first[k] as number, lastSet); x >= 0; x = this.nextEnd(seq, x, lastSet)) {
        for (let i = this.candidatesFrom, to = this.candidatesTo; i < to; i++) {
          const v = items[i] as number;
          const b = iSlot[v] as number;
          if (b < 0 || stampOf[v] === st) continue;
          stampOf[v] = st;
          const c = children[b] as Child;
          c.seqs[c.n] = seq;
          c.first[c.n++] = occPos[x] as number;
        }
      }
    }
  }

  /** Item range of the itemset-extension candidates at the end found last by endsFrom/nextEnd. */
  private candidatesFrom = 0;
  private candidatesTo = 0;

  /** Index (in the occurrence arrays) of the first end at or after f whose itemset holds lastSet, or -1. */
  private endsFrom(seq: number, f: number, lastSet: readonly number[]): number {
    const { occStart, occItem, occPos } = this.ix;
    const lastItem = lastSet[lastSet.length - 1] as number;
    let lo = occStart[seq] as number;
    let hi = occStart[seq + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occItem[mid] as number) < lastItem || ((occItem[mid] as number) === lastItem && (occPos[mid] as number) < f)) lo = mid + 1;
      else hi = mid;
    }
    return this.settle(seq, lo, lastSet);
  }

  private nextEnd(seq: number, x: number, lastSet: readonly number[]): number {
    return this.settle(seq, x + 1, lastSet);
  }

  /** From occurrence index x on (within lastSet's last item's run): the first end holding lastSet, with its candidates. */
  private settle(seq: number, x: number, lastSet: readonly number[]): number {
    const { occStart, occItem, occPos } = this.ix;
    const { setStart, items } = this.data;
    const lastItem = lastSet[lastSet.length - 1] as number;
    for (const e = occStart[seq + 1] as number; x < e && occItem[x] === lastItem; x++) {
      const p = occPos[x] as number;
      const from = setStart[p] as number;
      const to = setStart[p + 1] as number;
      // Items ascend: the candidates follow lastItem; lastSet's other items come before it.
      let at = from;
      while ((items[at] as number) !== lastItem) at++;
      if (at + 1 >= to || (lastSet.length > 1 && !containsAll(items, from, at, lastSet))) continue;
      this.candidatesFrom = at + 1;
      this.candidatesTo = to;
      return x;
    }
    return -1;
  }
}

/** A child projection being filled. */
interface Child extends Projected { n: number }
const child = (size: number): Child => ({ seqs: new Int32Array(size), first: new Int32Array(size), n: 0 });

/** Whether the ascending items[from..to) hold every element of `set` but its last. */
function containsAll(items: Int32Array, from: number, to: number, set: readonly number[]): boolean {
  let i = from;
  for (let j = 0; j < set.length - 1; j++) {
    const want = set[j] as number;
    while (i < to && (items[i] as number) < want) i++;
    if (i >= to || items[i] !== want) return false;
  }
  return true;
}
