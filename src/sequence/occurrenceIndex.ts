import type { EncodedSequences } from './encode';
import type { SuffixLists } from './suffixLists';

/**
 * Per sequence, its item occurrences grouped by item (runs of ascending positions), and the
 * suffix lists of the whole database: its distinct items ordered by last position, latest first.
 */
export interface OccurrenceIndex {
  occStart: Int32Array;
  occItem: Int32Array;
  occPos: Int32Array;
  /** Every sequence (local = global), every kept item. */
  lists: SuffixLists;
  /** Each itemset's kept items, ascending: itemset p (a position) owns setItems[setFrom[p] .. setFrom[p+1]]. */
  setFrom: Int32Array;
  setItems: Int32Array;
  /** Occurrence index of setItems[i], and setItems index of occurrence x (the same item at the same position). */
  setOcc: Int32Array;
  occSet: Int32Array;
  /** 1 when the sequence has an itemset of two or more kept items (else no itemset-extension exists there). */
  multi: Uint8Array;
  /** Whether any sequence has such an itemset. */
  anyMulti: boolean;
}

/** Builds the occurrence runs and the suffix lists, one sort per sequence; items failing `keep` are left out. */
export function buildIndex(data: EncodedSequences, keep: (item: number) => boolean): OccurrenceIndex {
  const { seqStart, setStart, items } = data;
  const nItems = data.itemNames.length;
  const total = setStart[seqStart[data.n] as number] as number;
  const occStart = new Int32Array(data.n + 1);
  const occItem = new Int32Array(total);
  const occPos = new Int32Array(total);
  const multi = new Uint8Array(data.n);
  const setFrom = new Int32Array((seqStart[data.n] as number) + 1);
  const setItems = new Int32Array(total);
  const setOcc = new Int32Array(total);
  const occSet = new Int32Array(total);
  const start = new Int32Array(data.n + 1);
  const listKeys = new Int32Array(2 * total);
  const listRuns = new Int32Array(2 * total);
  // Per item, within the current sequence: its run in the occurrence arrays, and whether it is listed yet.
  const runStart = new Int32Array(nItems);
  const runEnd = new Int32Array(nItems);
  const listedIn = new Int32Array(nItems).fill(-1);
  let written = 0;
  let keys = new Float64Array(64);
  const SHIFT = 2 ** 26;
  for (let s = 0; s < data.n; s++) {
    const p0 = seqStart[s] as number;
    const p1 = seqStart[s + 1] as number;
    const base = occStart[s] as number;
    const span = (setStart[p1] as number) - (setStart[p0] as number);
    if (keys.length < span) keys = new Float64Array(span * 2);
    let count = 0;
    for (let p = p0; p < p1; p++) {
      const before = count;
      for (let i = setStart[p] as number; i < (setStart[p + 1] as number); i++) {
        const v = items[i] as number;
        if (!keep(v)) continue;
        keys[count++] = v * SHIFT + (p - p0);
        setItems[base + count - 1] = v;
      }
      if (count - before > 1) multi[s] = 1;
      setFrom[p + 1] = base + count;
    }
    const sorted = count <= 16 ? insertionSort(keys, count) : keys.subarray(0, count).sort();
    for (let j = 0; j < count; j++) {
      const key = sorted[j] as number;
      const v = Math.floor(key / SHIFT);
      occItem[base + j] = v;
      occPos[base + j] = p0 + (key - v * SHIFT);
      if (j === 0 || occItem[base + j - 1] !== v) runStart[v] = base + j;
      runEnd[v] = base + j;
      // The same (item, position) among its itemset's kept items.
      const p = occPos[base + j] as number;
      let i = setFrom[p] as number;
      while (setItems[i] !== v) i++;
      setOcc[i] = base + j;
      occSet[base + j] = i;
    }
    // Walking the sequence backwards meets each item first at its last position.
    for (let p = p1 - 1; p >= p0; p--) {
      for (let i = setStart[p] as number; i < (setStart[p + 1] as number); i++) {
        const v = items[i] as number;
        if (listedIn[v] === s || !keep(v)) continue;
        listedIn[v] = s;
        const w = 2 * written++;
        listKeys[w] = v;
        listKeys[w + 1] = p;
        listRuns[w] = runStart[v] as number;
        listRuns[w + 1] = runEnd[v] as number;
      }
    }
    occStart[s + 1] = base + count;
    start[s + 1] = written;
  }
  const seqOf = new Int32Array(data.n);
  for (let s = 0; s < data.n; s++) seqOf[s] = s;
  return { occStart, occItem, occPos, lists: { seqOf, start, keys: listKeys.slice(0, 2 * written), runs: listRuns.slice(0, 2 * written) }, setFrom, setItems, setOcc, occSet, multi, anyMulti: multi.includes(1) };
}

/** Sorts keys[0 .. count) in place (short sequences: cheaper than a typed-array sort call). */
function insertionSort(keys: Float64Array, count: number): Float64Array {
  for (let j = 1; j < count; j++) {
    const key = keys[j] as number;
    let i = j - 1;
    while (i >= 0 && (keys[i] as number) > key) {
      keys[i + 1] = keys[i] as number;
      i--;
    }
    keys[i + 1] = key;
  }
  return keys;
}
