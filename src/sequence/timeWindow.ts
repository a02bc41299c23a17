import { OptionError } from '../core/errors';
import { MS_PER_DAY } from '../core/time';
import type { PatternCollector, IdPattern } from './collector';
import { subset } from './containment';
import { sequencesOfItems, type EncodedSequences } from './encode';
import type { GapRanges } from './gaps';
import type { ResolvedSequenceOptions } from './options';

/**
 * The count of every mined pattern when its occurrence must also fit within `windowDays` from
 * the first to the last matched itemset (GSP; PrefixSpan and SPADE apply the window as they mine). A window only removes occurrences, so the patterns
 * frequent within it are among those mined without it; each is recounted, in the sequences
 * that hold its rarest item, by a containment check that carries for every reachable end the
 * latest start. Exact, and the same for every algorithm; its cost grows with patterns × the
 * sequences recounted.
 * @throws {OptionError} code `'OPTION'` on sequences without times (plain arrays, not a TransactionLog).
 */
export function windowCounts(data: EncodedSequences, out: PatternCollector, o: ResolvedSequenceOptions, gaps: GapRanges): Int32Array {
  const times = windowTimes(data);
  const windowMs = o.windowDays * MS_PER_DAY;
  const bySequence = sequencesOfItems(data);
  const counts = new Int32Array(out.size);
  o.guard.phase('window', out.size);
  for (let k = 0; k < out.size; k++) {
    o.guard.step(k);
    const pattern = out.pattern(k);
    if (pattern.length === 1) {
      counts[k] = out.count(k);
      continue;
    }
    let rarest = bySequence[(pattern[0] as number[])[0] as number] as Int32Array;
    for (const set of pattern) for (const v of set) if ((bySequence[v] as Int32Array).length < rarest.length) rarest = bySequence[v] as Int32Array;
    let n = 0;
    for (const s of rarest) {
      o.guard.tick(8 + 2 * ((data.seqStart[s + 1] as number) - (data.seqStart[s] as number)));
      if (containsWithin(data, s, pattern, gaps, times, windowMs)) n++;
    }
    counts[k] = n;
  }
  return counts;
}

/**
 * The itemsets' times, which a time window needs.
 * @throws {OptionError} code `'OPTION'` on sequences without times (plain arrays, not a TransactionLog).
 */
export function windowTimes(data: EncodedSequences): Float64Array {
  if (data.times === null) throw new OptionError('windowDays needs the times of the itemsets: pass a TransactionLog, not plain sequences');
  return data.times;
}

/** Whether sequence s holds the pattern within the gap windows and with at most `windowMs` from its first to its last itemset. */
function containsWithin(data: EncodedSequences, s: number, pattern: IdPattern, gaps: GapRanges, times: Float64Array, windowMs: number): boolean {
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
