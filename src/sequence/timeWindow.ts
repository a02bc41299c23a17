import { OptionError } from '../core/errors';
import type { IdPattern } from './collector';
import { subset } from './containment';
import type { EncodedSequences } from './encode';
import type { GapRanges } from './gaps';

/**
 * The itemsets' times, which a time window needs.
 * @throws {OptionError} code `'OPTION'` on sequences without times (plain arrays, not a TransactionLog).
 */
export function windowTimes(data: EncodedSequences): Float64Array {
  if (data.times === null) throw new OptionError('windowDays needs the times of the itemsets: pass a TransactionLog, not plain sequences');
  return data.times;
}

/**
 * Whether sequence s holds the pattern within the gap windows and with at most `windowMs` from
 * its first to its last itemset: a containment check that carries, for every reachable end, the
 * latest time its occurrence can start (GSP's count under a time window).
 * @example
 * containsWithin(data, 0, [[1], [2]], gapRanges(data, o), data.times, 30 * MS_PER_DAY) //=> true
 */
export function containsWithin(data: EncodedSequences, s: number, pattern: IdPattern, gaps: GapRanges, times: Float64Array, windowMs: number): boolean {
  const first = data.seqStart[s] as number;
  const end = data.seqStart[s + 1] as number;
  // Each reachable end with the latest time its occurrence can start.
  let pos: number[] = [];
  let start: number[] = [];
  for (let e = first; e < end; e++) {
    if (subset(data, e, pattern[0] as number[])) {
      pos.push(e);
      start.push(times[e] as number);
    }
  }
  for (let j = 1; j < pattern.length && pos.length > 0; j++) {
    const nextPos: number[] = [];
    const nextStart: number[] = [];
    for (let q = gaps.lo[pos[0] as number] as number; q < end; q++) {
      let best = -Infinity;
      for (let r = 0; r < pos.length; r++) {
        const p = pos[r] as number;
        if (q >= (gaps.lo[p] as number) && q <= (gaps.hi[p] as number) && (start[r] as number) > best) best = start[r] as number;
      }
      if (best > -Infinity && (times[q] as number) - best <= windowMs && subset(data, q, pattern[j] as number[])) {
        nextPos.push(q);
        nextStart.push(best);
      }
    }
    pos = nextPos;
    start = nextStart;
  }
  return pos.length > 0;
}
