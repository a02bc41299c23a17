import type { OccurrenceIndex } from './occurrenceIndex';
import type { Projected, Room } from './suffixLists';

/**
 * PrefixSpan's itemset-extensions without maxGap: v extends the prefix's last itemset X in a
 * sequence when some end of the prefix (a position from its first end on holding X) also holds
 * v > max X. Ends are walked in the last item's run of the occurrence index; itemsets are read
 * without infrequent items.
 */
export class ItemsetExtensions {
  /** Per item, sequences counted by the last countExtensions. */
  readonly count: Int32Array;
  private readonly stampOf: Int32Array;
  /** Items marked with the current count's stamp may be counted. */
  private readonly allowed: Int32Array;
  private stamp = 0;

  constructor(private readonly ix: OccurrenceIndex, nItems: number) {
    this.count = new Int32Array(nItems);
    this.stampOf = new Int32Array(nItems);
    this.allowed = new Int32Array(nItems);
  }

  /**
   * Items v > the last item among `candidates`, in the same itemset as the last itemset at one of
   * its ends; their numbers of sequences are left in `count` (the caller resets them).
   */
  countExtensions(db: Projected, seqOf: Int32Array, lastSet: readonly number[], candidates: readonly number[]): number[] {
    const found: number[] = [];
    const { setItems: items } = this.ix;
    const { count: iCount, stampOf, allowed } = this;
    const mark = ++this.stamp;
    for (const v of candidates) allowed[v] = mark;
    const { loc, end } = db;
    for (let k = db.from; k < db.to; k++) {
      const seq = seqOf[loc[k] as number] as number;
      if (this.ix.multi[seq] !== 1) continue;
      const st = ++this.stamp;
      for (let x = this.settle(seq, end[k] as number, lastSet); x >= 0; x = this.settle(seq, x + 1, lastSet)) {
        for (let i = this.candidatesFrom, to = this.candidatesTo; i < to; i++) {
          const v = items[i] as number;
          if (allowed[v] !== mark || stampOf[v] === st) continue;
          stampOf[v] = st;
          if (iCount[v] === 0) found.push(v);
          iCount[v] = (iCount[v] as number) + 1;
        }
      }
    }
    return found;
  }

  /**
   * Delivers each frequent itemset-extension's first end: the child of item v is slot iSlot[v]
   * (-1: none), written at fill[slot] onwards (the children's local sequence k is db's from + k).
   */
  deliverExtensions(db: Projected, seqOf: Int32Array, lastSet: readonly number[], room: Room, iSlot: Int32Array, fill: Int32Array): void {
    const { setItems: items, setOcc } = this.ix;
    const { stampOf } = this;
    const { loc, end } = db;
    for (let k = db.from; k < db.to; k++) {
      const seq = seqOf[loc[k] as number] as number;
      if (this.ix.multi[seq] !== 1) continue;
      const st = ++this.stamp;
      for (let x = this.settle(seq, end[k] as number, lastSet); x >= 0; x = this.settle(seq, x + 1, lastSet)) {
        for (let i = this.candidatesFrom, to = this.candidatesTo; i < to; i++) {
          const v = items[i] as number;
          const b = iSlot[v] as number;
          if (b < 0 || stampOf[v] === st) continue;
          stampOf[v] = st;
          const w = fill[b] as number;
          fill[b] = w + 1;
          room.loc[w] = k - db.from;
          room.end[w] = setOcc[i] as number;
        }
      }
    }
  }

  /** Item range (in setItems) of the candidates at the end found last by settle. */
  private candidatesFrom = 0;
  private candidatesTo = 0;

  /** From occurrence index x on (within lastSet's last item's run): the first end holding lastSet, with its candidates. */
  private settle(seq: number, x: number, lastSet: readonly number[]): number {
    const { occStart, occItem, occPos, occSet, setFrom, setItems: items } = this.ix;
    const lastItem = lastSet[lastSet.length - 1] as number;
    for (const e = occStart[seq + 1] as number; x < e && occItem[x] === lastItem; x++) {
      const p = occPos[x] as number;
      // Items ascend: the candidates follow lastItem; lastSet's other items come before it.
      const at = occSet[x] as number;
      const to = setFrom[p + 1] as number;
      if (at + 1 >= to || (lastSet.length > 1 && !containsAll(items, setFrom[p] as number, at, lastSet))) continue;
      this.candidatesFrom = at + 1;
      this.candidatesTo = to;
      return x;
    }
    return -1;
  }
}

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
