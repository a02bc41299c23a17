import { inTurn, type Claim } from '../core/claim';
import type { IdPattern, PatternCollector } from './collector';
import { largestFirst, type EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';
import { equalityJoin, itemIdLists, Scratch, temporalJoin, type IdList, type TimeWindow } from './spadeJoins';
import { windowTimes } from './timeWindow';
import { MS_PER_DAY } from '../core/time';
import { countPairs, type PairCounts } from './spadePairs';
import { breaksLimits } from './gaps';

/**
 * SPADE (Zaki 2001) over vertical id-lists: each pattern carries the (sequence, position) pairs
 * where it can end; extensions are temporal joins: an equality join on (sequence, position) for
 * itemset-extensions, a gap-window join for sequence-extensions.
 * Candidates come from the parent's frequent extensions (siblings) and are joined with the
 * siblings' own id-lists, which are shorter than the items'; with a finite maxGap, dropping a
 * middle itemset can break the gap, so sequence-extensions then join with every frequent item's list.
 * A time window is applied in the joins, as PrefixSpan applies it: each end carries the latest
 * time its occurrences can start, and a pattern too rare within the window is not extended.
 */
export function mineSpade(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector, next: Claim = inTurn()): void {
  const nItems = data.itemNames.length;
  // A time window is applied in the joins: each end carries the latest time its occurrences can start.
  const window = o.windowDays === Infinity ? null : { times: windowTimes(data), ms: o.windowDays * MS_PER_DAY };
  const atoms = itemIdLists(data, window);
  const frequent: number[] = [];
  for (let v = 0; v < nItems; v++) if ((atoms[v] as IdList).sid.length >= o.minCount) frequent.push(v);
  const roots = frequent.map((v) => ({ v, list: atoms[v] as IdList }));
  const pairs = o.maxLength > 1 ? countPairs(data, frequent, o.minGap, o.maxGap === Infinity && o.gaps === null) : null;
  // A root joins only with the items it forms a frequent 2-pattern with (all of them with a maxGap).
  const frequentPair = (counts: Int32Array | null, x: number, y: number): boolean =>
    pairs === null || counts === null || (counts[(pairs.slot[x] as number) * pairs.size + (pairs.slot[y] as number)] as number) >= o.minCount;
  const sCounts = pairs?.sequence ?? null;
  const search = new Search(o, out, atoms, frequent, pairs, window);
  o.guard.hold(atoms.reduce((sum, l) => sum + idListBytes(l), 0) + (pairs === null ? 0 : 8 * pairs.size * pairs.size), 'the id-lists of the items');
  o.guard.phase('mine', roots.length);
  const order = largestFirst(frequent, Int32Array.from(atoms, (l) => l.sid.length));
  for (let c = next(); c < roots.length; c = next()) {
    o.guard.step(c);
    const k = order[c] as number;
    const { v, list } = roots[k] as Atom;
    const iSiblings = roots.slice(k + 1).filter((r) => frequentPair(pairs?.itemset ?? null, v, r.v));
    const sSiblings = roots.filter((r) => frequentPair(sCounts, v, r.v));
    search.visit([[v]], 1, list, iSiblings, sSiblings);
  }
  o.guard.step(roots.length);
}

/** Bytes an id-list holds. */
const idListBytes = (l: IdList): number => 4 * (l.sid.length + l.start.length + l.eid.length) + 8 * (l.ts?.length ?? 0) + 200;

interface Atom { v: number; list: IdList }

class Search {
  private readonly scratch = new Scratch();
  constructor(private readonly o: ResolvedSequenceOptions, private readonly out: PatternCollector, private readonly atoms: IdList[], private readonly frequent: number[], private readonly pairs: PairCounts | null, private readonly window: TimeWindow | null) {}

  /** Whether every item of the last itemset forms a frequent itemset pair with v (else no join can be frequent). */
  private canExtendItemset(last: readonly number[], v: number): boolean {
    const { pairs } = this;
    if (pairs === null) return true;
    const y = pairs.slot[v] as number;
    return last.every((x) => (pairs.itemset[(pairs.slot[x] as number) * pairs.size + y] as number) >= this.o.minCount);
  }

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
    if (breaksLimits(pattern, this.o)) return;
    this.out.add(pattern, list.sid.length);
    if (length >= this.o.maxLength) return;
    const { minCount, minGap, maxGap, guard, gaps } = this.o;
    const last = pattern[pattern.length - 1] as number[];
    let held = 0;
    const keep = (into: Atom[], v: number, joined: IdList | null): void => {
      if (joined === null) return;
      into.push({ v, list: joined });
      const bytes = idListBytes(joined);
      held += bytes;
      guard.hold(bytes, 'the id-lists of extensions');
    };
    const iNext: Atom[] = [];
    for (const { v, list: other } of iSiblings) {
      if (!this.canExtendItemset(last, v)) continue;
      guard.tick(list.eid.length + other.eid.length);
      keep(iNext, v, equalityJoin(list, other, minCount, this.scratch, this.window));
    }
    const sNext: Atom[] = [];
    for (const { v, list: other } of sSiblings) {
      guard.tick(list.eid.length + other.eid.length);
      keep(sNext, v, temporalJoin(list, other, minGap, maxGap, minCount, this.scratch, gaps, this.window));
    }
    // Without maxGap a child's sequence-extension by v ends where this pattern's does: sibling
    // lists suffice. With maxGap a later item may be out of reach of this prefix but within
    // reach of the child, so children join with the items' own lists.
    const childS = this.o.maxGap === Infinity && gaps === null ? sNext : this.allAtoms();
    for (const [k, { v, list: l }] of iNext.entries()) {
      const extended = pattern.slice(0, -1);
      extended.push([...last, v]);
      this.visit(extended, length + 1, l, iNext.slice(k + 1), childS);
    }
    for (const [k, { v, list: l }] of sNext.entries()) {
      this.visit([...pattern, [v]], length + 1, l, sNext.slice(k + 1), childS);
    }
    guard.release(held);
  }
}
