import { inTurn, type Claim } from '../core/claim';
import type { IdPattern, PatternCollector } from './collector';
import { itemSupports, largestFirst, type EncodedSequences } from './encode';
import { buildIndex, type OccurrenceIndex } from './occurrenceIndex';
import type { ResolvedSequenceOptions } from './options';
import { breaksLimits } from './gaps';
import { ItemsetExtensions } from './itemsetExtensions';
import { LevelBuffers, type Projected, type Room, type SuffixLists } from './suffixLists';

/**
 * PrefixSpan when there is no maxGap. Then a prefix's valid end positions in a sequence are
 * exactly the positions from its earliest end on that hold its last itemset (any later end is
 * still at least minGap after the earlier itemsets' earliest match), so a projection needs one
 * number per sequence, and:
 * - sequence-extensions by v: v occurs at or after first + minGap (read off the suffix lists,
 *   latest last position first); the child's first end is v's first such occurrence (binary
 *   search in v's run of positions);
 * - itemset-extensions by v: v sits with the last itemset at one of those positions.
 * A child's sequence-extensions are among its parent's frequent ones (if ⟨Q, w⟩ is frequent, so
 * is ⟨P, w⟩ for Q's parent P), so each node hands its children suffix lists cut down to those
 * items, as SPAM prunes candidates. Same results as the general PrefixSpan.
 */
export function minePrefixSpanFirstEnd(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector, next: Claim = inTurn()): void {
  const nItems = data.itemNames.length;
  // Items below minCount can be in no pattern: the index leaves them out (positions stay as they are).
  const support = itemSupports(data);
  const index = buildIndex(data, (v) => (support[v] as number) >= o.minCount);
  const miner = new FirstEndMiner(index, o, out, nItems);
  const { occStart, occItem } = index;
  const frequent: number[] = [];
  for (let v = 0; v < nItems; v++) if ((support[v] as number) >= o.minCount) frequent.push(v);
  const roots = frequent.map((v) => { const n = support[v] as number; return { loc: new Int32Array(n), end: new Int32Array(n), from: 0, to: n }; });
  const slot = new Int32Array(nItems).fill(-1);
  frequent.forEach((v, b) => { slot[v] = b; });
  const fill = new Int32Array(frequent.length);
  for (let s = 0; s < data.n; s++) {
    for (let x = occStart[s] as number, e = occStart[s + 1] as number; x < e; x++) {
      const v = occItem[x] as number;
      const b = slot[v] as number;
      if (b < 0 || (x > (occStart[s] as number) && occItem[x - 1] === v)) continue;
      const root = roots[b] as Projected;
      const at = fill[b] as number;
      root.loc[at] = s;
      root.end[at] = x;
      fill[b] = at + 1;
    }
  }
  o.guard.hold(8 * occItem.length * 3 + roots.reduce((sum, r) => sum + 8 * r.loc.length, 0), 'the occurrence index');
  o.guard.phase('mine', frequent.length);
  const order = largestFirst(frequent, support);
  for (let c = next(); c < frequent.length; c = next()) {
    o.guard.step(c);
    const b = order[c] as number;
    miner.grow([[frequent[b] as number]], 1, roots[b] as Projected, index.lists, frequent, frequent);
  }
  o.guard.step(frequent.length);
}

class FirstEndMiner {
  private readonly sCount: Int32Array;
  private readonly iSlot: Int32Array;
  private readonly sSlot: Int32Array;
  /** Next free slot of each child being delivered. */
  private readonly fill: Int32Array;
  private readonly buffers: LevelBuffers;
  private readonly itemsets: ItemsetExtensions;

  constructor(private readonly ix: OccurrenceIndex, private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, nItems: number) {
    this.sCount = new Int32Array(nItems);
    this.iSlot = new Int32Array(nItems).fill(-1);
    this.sSlot = new Int32Array(nItems).fill(-1);
    this.fill = new Int32Array(2 * nItems);
    this.itemsets = new ItemsetExtensions(ix, nItems);
    this.buffers = new LevelBuffers(o.guard);
  }

  /**
   * Records the prefix and mines below it. `lists` hold the sequence-extension candidates
   * `candidates` (ascending) of each sequence in `db`; `iCandidates` are the items that may
   * extend its last itemset (an itemset-extension ⟨…(X v)⟩ of a child needs ⟨…X⟩'s parent to
   * have v as an extension of the same kind, or as a sequence-extension when X = {x} is new).
   */
  grow(prefix: IdPattern, length: number, db: Projected, lists: SuffixLists, candidates: readonly number[], iCandidates: readonly number[]): void {
    if (breaksLimits(prefix, this.o)) return;
    const n = db.to - db.from;
    this.out.add(prefix, n);
    if (length >= this.o.maxLength) return;
    const lastSet = prefix[prefix.length - 1] as number[];
    const { minCount } = this.o;
    const { sCount, iSlot, sSlot } = this;
    const { count: iCount } = this.itemsets;
    // Scan 1: count the extensions, once per sequence.
    const iItems = this.ix.anyMulti && iCandidates.length > 0 ? this.itemsets.countExtensions(db, lists.seqOf, lastSet, iCandidates) : [];
    const scanned = candidates.length > 0 ? this.countSequenceExtensions(db, lists) : 0;
    this.o.guard.tick(2 * (n + scanned) + 8);
    const iFrequent = iItems.filter((v) => (iCount[v] as number) >= minCount).sort((a, b) => a - b);
    const sFrequent = candidates.filter((v) => (sCount[v] as number) >= minCount);
    // The children's projections, side by side in this depth's buffers (child b's next slot: fill[b]).
    let size = 0;
    for (const v of iFrequent) size += iCount[v] as number;
    for (const v of sFrequent) size += sCount[v] as number;
    const room = this.buffers.projections(length + 1, size);
    const { fill } = this;
    const children: Projected[] = [];
    const place = (count: number): void => {
      const from = children.length === 0 ? 0 : (children[children.length - 1] as Projected).to;
      fill[children.length] = from;
      children.push({ loc: room.loc, end: room.end, from, to: from + count });
    };
    iFrequent.forEach((v) => { iSlot[v] = children.length; place(iCount[v] as number); });
    sFrequent.forEach((v) => { sSlot[v] = children.length; place(sCount[v] as number); });
    for (const v of iItems) iCount[v] = 0;
    for (const v of candidates) sCount[v] = 0;
    // Scan 2: each child's first end in every sequence that supports it; the grandchildren's candidates.
    const deeper = length + 1 < this.o.maxLength && size > 0;
    const next = this.buffers.suffixLists(length, deeper ? n : 0, deeper ? scanned : 0);
    if (sFrequent.length > 0) this.deliverSequenceExtensions(db, lists, room, deeper ? next : null);
    else if (deeper) noCandidates(db, lists, next);
    if (iFrequent.length > 0) this.itemsets.deliverExtensions(db, lists.seqOf, lastSet, room, iSlot, this.fill);
    for (const v of iFrequent) iSlot[v] = -1;
    for (const v of sFrequent) sSlot[v] = -1;
    iFrequent.forEach((v, b) => {
      const extended = prefix.slice(0, -1);
      extended.push([...lastSet, v]);
      this.grow(extended, length + 1, children[b] as Projected, next, sFrequent, iFrequent);
    });
    sFrequent.forEach((v, j) => this.grow([...prefix, [v]], length + 1, children[iFrequent.length + j] as Projected, next, sFrequent, sFrequent));
  }

  /** Counts, in sCount, the sequences where each candidate occurs at or after first + minGap; returns the entries read. */
  private countSequenceExtensions(db: Projected, lists: SuffixLists): number {
    const { sCount } = this;
    const { minGap } = this.o;
    const { loc, end } = db;
    const { occPos } = this.ix;
    const { start, keys } = lists;
    let scanned = 0;
    for (let k = db.from; k < db.to; k++) {
      const l = loc[k] as number;
      const threshold = (occPos[end[k] as number] as number) + minGap;
      const from = start[l] as number;
      let x = from;
      for (const e = start[l + 1] as number; x < e && (keys[2 * x + 1] as number) >= threshold; x++) {
        const v = keys[2 * x] as number;
        sCount[v] = (sCount[v] as number) + 1;
      }
      scanned += x - from;
    }
    return scanned;
  }

  /**
   * Delivers each frequent sequence-extension's first occurrence at or after first + minGap, and
   * (into `next`, when given) each sequence's entries of frequent extensions: the children's local
   * sequence k is db's (from + k).
   */
  private deliverSequenceExtensions(db: Projected, lists: SuffixLists, room: Room, next: SuffixLists | null): void {
    const { occPos } = this.ix;
    const { sSlot, fill } = this;
    const { minGap } = this.o;
    const { loc, end } = db;
    const { start, keys, runs, seqOf } = lists;
    let written = 0;
    for (let k = db.from; k < db.to; k++) {
      const l = loc[k] as number;
      const threshold = (occPos[end[k] as number] as number) + minGap;
      for (let x = start[l] as number, e = start[l + 1] as number; x < e && (keys[2 * x + 1] as number) >= threshold; x++) {
        const b = sSlot[keys[2 * x] as number] as number;
        if (b < 0) continue;
        // The first occurrence at or after the threshold: binary search in the item's run of
        // positions (it ends at the last position; the run starts at the parent's first end).
        let lo = runs[2 * x] as number;
        if ((occPos[lo] as number) < threshold) {
          let hi = runs[2 * x + 1] as number;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((occPos[mid] as number) < threshold) lo = mid + 1;
            else hi = mid;
          }
        }
        const w = fill[b] as number;
        fill[b] = w + 1;
        room.loc[w] = k - db.from;
        room.end[w] = lo;
        if (next !== null) {
          const to = 2 * written++;
          next.keys[to] = keys[2 * x] as number;
          next.keys[to + 1] = keys[2 * x + 1] as number;
          next.runs[to] = lo;
          next.runs[to + 1] = runs[2 * x + 1] as number;
        }
      }
      if (next !== null) {
        next.seqOf[k - db.from] = seqOf[l] as number;
        next.start[k - db.from + 1] = written;
      }
    }
  }
}

/** Suffix lists without entries (children with no sequence-extension candidates still need their sequences). */
function noCandidates(db: Projected, lists: SuffixLists, next: SuffixLists): void {
  for (let k = db.from; k < db.to; k++) {
    next.seqOf[k - db.from] = lists.seqOf[db.loc[k] as number] as number;
    next.start[k - db.from + 1] = 0;
  }
}
