import type { EncodedSequences } from './encode';
import type { IdPattern } from './collector';
import type { GapRanges } from './gaps';

/**
 * Whether sequence s contains the pattern under the gap constraints: positions i1 < … < ik
 * with Xj ⊆ S[ij] and minGap <= i(j+1) − ij <= maxGap. Dynamic programming over the set of
 * positions where each prefix of the pattern can end.
 */
export function contains(data: EncodedSequences, s: number, pattern: IdPattern, minGap: number, maxGap: number, gaps: GapRanges | null = null): boolean {
  const first = data.seqStart[s] as number;
  const end = data.seqStart[s + 1] as number;
  let reach: number[] = [];
  for (let e = first; e < end; e++) if (subset(data, e, pattern[0] as number[])) reach.push(e);
  for (let j = 1; j < pattern.length && reach.length > 0; j++) {
    const next: number[] = [];
    const set = pattern[j] as number[];
    let k = 0;
    const lo = (p: number) => (gaps === null ? p + minGap : (gaps.lo[p] as number));
    const hi = (p: number) => (gaps === null ? p + maxGap : (gaps.hi[p] as number));
    for (let q = lo(reach[0] as number); q < end; q++) {
      while (k < reach.length && q > hi(reach[k] as number)) k++;
      if (k >= reach.length) break;
      // some reachable p whose window holds q: reach[k] is the earliest whose window reaches q (windows only move right)
      if (q >= lo(reach[k] as number) && subset(data, q, set)) next.push(q);
    }
    reach = next;
  }
  return reach.length > 0;
}

/** Whether itemset e contains every id of the ascending list. */
export function subset(data: EncodedSequences, e: number, ids: readonly number[]): boolean {
  let i = data.setStart[e] as number;
  const stop = data.setStart[e + 1] as number;
  for (const id of ids) {
    while (i < stop && (data.items[i] as number) < id) i++;
    if (i >= stop || data.items[i] !== id) return false;
    i++;
  }
  return true;
}
