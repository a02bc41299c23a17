import type { EncodedSequences } from './encode';

/**
 * Per sequence, its item occurrences grouped by item (runs of ascending positions), and its
 * distinct items ordered by their last position, latest first, each pointing at its run.
 */
export interface OccurrenceIndex {
  occStart: Int32Array;
  occItem: Int32Array;
  occPos: Int32Array;
  lastStart: Int32Array;
  lastItem: Int32Array;
  lastPos: Int32Array;
  lastRun: Int32Array;
  /** Index of the run's last occurrence (the one at lastPos). */
  lastRunEnd: Int32Array;
  /** 1 when the sequence has an itemset of two or more items (else no itemset-extension exists there). */
  multi: Uint8Array;
}

/** Builds the occurrence runs and the last-position order, one sort per sequence. */
export function buildIndex(data: EncodedSequences, keep: (item: number) => boolean): OccurrenceIndex {
  const { seqStart, setStart, items } = data;
  const total = setStart[seqStart[data.n] as number] as number;
  const occStart = new Int32Array(data.n + 1);
  const occItem = new Int32Array(total);
  const occPos = new Int32Array(total);
  const multi = new Uint8Array(data.n);
  const lastStart = new Int32Array(data.n + 1);
  const lastItem: number[] = [];
  const lastPos: number[] = [];
  const lastRun: number[] = [];
  const lastRunEnd: number[] = [];
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
      if ((setStart[p + 1] as number) - (setStart[p] as number) > 1) multi[s] = 1;
      for (let i = setStart[p] as number; i < (setStart[p + 1] as number); i++) if (keep(items[i] as number)) keys[count++] = (items[i] as number) * SHIFT + (p - p0);
    }
    const sorted = keys.subarray(0, count).sort();
    // Runs of one item: [item, last position, index of the run's first and last occurrence].
    const runs: Array<[number, number, number, number]> = [];
    let runStart = base;
    for (let j = 0; j < count; j++) {
      const key = sorted[j] as number;
      const v = Math.floor(key / SHIFT);
      occItem[base + j] = v;
      occPos[base + j] = p0 + (key - v * SHIFT);
      if (j > 0 && occItem[base + j - 1] !== v) runStart = base + j;
      if (j + 1 === count || Math.floor((sorted[j + 1] as number) / SHIFT) !== v) runs.push([v, occPos[base + j] as number, runStart, base + j]);
    }
    runs.sort((a, b) => b[1] - a[1]);
    for (const [v, pos, start, end] of runs) {
      lastItem.push(v);
      lastPos.push(pos);
      lastRun.push(start);
      lastRunEnd.push(end);
    }
    occStart[s + 1] = base + count;
    lastStart[s + 1] = lastItem.length;
  }
  return { occStart, occItem, occPos, lastStart, lastItem: Int32Array.from(lastItem), lastPos: Int32Array.from(lastPos), lastRun: Int32Array.from(lastRun), lastRunEnd: Int32Array.from(lastRunEnd), multi };
}
