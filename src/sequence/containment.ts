import type { EncodedSequences } from './encode';
import type { IdPattern } from './collector';

/**
 * Whether sequence s contains the pattern under the gap constraints: positions i1 < … < ik
 * with Xj ⊆ S[ij] and minGap <= i(j+1) − ij <= maxGap. Dynamic programming over the set of
 * positions where each prefix of the pattern can end.
 */
export function contains(data: EncodedSequences, s: number, pattern: IdPattern, minGap: number, maxGap: number): boolean {
  const first = data.seqStart[s] as number;
  const end = data.seqStart[s + 1] as number;
  let reach: number[] = [];
  for (let e = first; e < end; e++) if (subset(data, e, pattern[0] as number[])) reach.push(e);
  for (let j = 1; j < pattern.length && reach.length > 0; j++) {
    const next: number[] = [];
    const set = pattern[j] as number[];
    let k = 0;
    for (let q = (reach[0] as number) + minGap; q < end; q++) {
      while (k < reach.length && q - (reach[k] as number) > maxGap) k++;
      if (k >= reach.length) break;
      // some reachable p with minGap <= q − p <= maxGap: reach[k] is the earliest within maxGap
      if (q - (reach[k] as number) >= minGap && subset(data, q, set)) next.push(q);
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
