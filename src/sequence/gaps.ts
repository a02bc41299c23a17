import { OptionError } from '../core/errors';
import { MS_PER_DAY } from '../core/time';
import type { IdPattern } from './collector';
import type { EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';

/** Per itemset (global index): the first and last itemset of its sequence a sequence-extension may use. */
export interface GapRanges { lo: Int32Array; hi: Int32Array }

/**
 * The extension windows under position and time gaps together: after itemset p, the next
 * matched itemset q must have minGap <= q − p <= maxGap and minGapDays <= (t_q − t_p) in days
 * <= maxGapDays. Both bounds only grow with p (times are sorted), so two pointers per sequence
 * find them; lo > hi means no extension.
 * @throws {OptionError} code `'OPTION'` for time gaps on sequences without times (plain arrays, not a TransactionLog).
 */
export function gapRanges(data: EncodedSequences, o: Pick<ResolvedSequenceOptions, 'minGap' | 'maxGap' | 'minGapDays' | 'maxGapDays'>): GapRanges {
  const { times } = data;
  const timed = o.minGapDays > 0 || o.maxGapDays !== Infinity;
  if (times === null && timed) throw new OptionError('minGapDays and maxGapDays need the times of the itemsets: pass a TransactionLog, not plain sequences');
  const sets = data.setStart.length - 1;
  const lo = new Int32Array(sets);
  const hi = new Int32Array(sets);
  const minMs = o.minGapDays * MS_PER_DAY;
  const maxMs = o.maxGapDays * MS_PER_DAY;
  for (let s = 0; s < data.n; s++) {
    const first = data.seqStart[s] as number;
    const end = data.seqStart[s + 1] as number;
    let a = first;
    let b = first;
    for (let p = first; p < end; p++) {
      const t = times === null ? 0 : (times[p] as number);
      if (a < p + o.minGap) a = p + o.minGap;
      while (times !== null && a < end && (times[a] as number) - t < minMs) a++;
      if (b < p) b = p;
      while (b + 1 < end && b + 1 - p <= o.maxGap && (times === null || (times[b + 1] as number) - t <= maxMs)) b++;
      lo[p] = a;
      hi[p] = b;
    }
  }
  return { lo, hi };
}

/** Whether a pattern breaks the per-itemset or itemset-count limit (then so do all its extensions). */
export function breaksLimits(pattern: IdPattern, o: Pick<ResolvedSequenceOptions, 'maxItemsPerElement' | 'maxElements'>): boolean {
  if (pattern.length > o.maxElements) return true;
  if (o.maxItemsPerElement !== Infinity) for (const set of pattern) if (set.length > o.maxItemsPerElement) return true;
  return false;
}
