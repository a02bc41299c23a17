import { PatternCollector } from './collector';
import { encodeSequences, type EncodedSequences, type SequencesInput } from './encode';
import { keepClosed } from './closedPatterns';
import { gapRanges } from './gaps';
import { windowCounts } from './timeWindow';
import { LimitError, OptionError } from '../core/errors';
import { mineGsp } from './gsp';
import { resolveSequenceOptions, type ResolvedSequenceOptions, type SequentialPatternsOptions } from './options';
import { minePrefixSpan } from './prefixSpan';
import { mineSpade } from './spade';

/** A frequent sequential pattern: its itemsets (items in string order), count and support. */
export interface SequentialPattern {
  sequence: string[][];
  count: number;
  support: number;
}

/**
 * Mines frequent sequential patterns. A pattern ⟨X1 … Xk⟩ is contained in a sequence S when
 * there are positions i1 < … < ik with Xj ⊆ S[ij] and minGap <= i(j+1) − ij <= maxGap; `count`
 * is the number of sequences containing it (each once) and `support` = count / n. `maxLength`
 * bounds the total number of items. All three algorithms return exactly the same patterns.
 * @param sequences - Per-customer itemsets in time order, or a `TransactionLog` (its customers' baskets).
 * @param options - {@link SequentialPatternsOptions}
 * @returns Patterns sorted by count (descending), then by their itemsets in string order.
 * @throws {OptionError} code `'OPTION'` for bad options; {@link LimitError} code `'LIMIT'` past `maxPatterns`;
 *   {@link DataError} code `'DATA'` for malformed sequences.
 * @see Pei et al. (2001), PrefixSpan, ICDE; Zaki (2001), SPADE, Machine Learning 42; Srikant & Agrawal (1996), GSP, EDBT.
 * @example
 * sequentialPatterns([[['a'], ['b']], [['a'], ['c'], ['b']]], { minSupport: 1 })
 * //=> [{ sequence: [['a']], count: 2, support: 1 }, { sequence: [['a'], ['b']], count: 2, support: 1 }, { sequence: [['b']], count: 2, support: 1 }]
 */
export function sequentialPatterns(sequences: SequencesInput, options: SequentialPatternsOptions = {}): SequentialPattern[] {
  const data = encodeSequences(sequences);
  return options.topK === undefined ? patternsOf(data, options) : topK(data, options);
}

/** The patterns of encoded sequences (kind applied), sorted and named. */
function patternsOf(data: EncodedSequences, options: SequentialPatternsOptions): SequentialPattern[] {
  const o = resolve(options, data);
  const out = mine(data, o);
  // A time window recounts what was found without it (it only removes occurrences).
  const counts = o.windowDays === Infinity ? null : windowCounts(data, out, o, o.gaps ?? gapRanges(data, o));
  const count = (k: number): number => (counts === null ? out.count(k) : (counts[k] as number));
  const keep = o.kind === 'all' ? null : keepClosed(out, o.kind, o.guard);
  o.guard.phase('collect', out.size);
  const order = Array.from({ length: out.size }, (_, k) => k).filter((k) => (keep === null || keep[k] === 1) && count(k) >= o.minCount).sort((a, b) => {
    o.guard.tick(8);
    return count(b) - count(a) || out.compare(a, b);
  });
  return order.map((k, i) => {
    if ((i & 1023) === 0) o.guard.step(i);
    return {
      sequence: out.pattern(k).map((set) => set.map((id) => data.itemNames[id] as string)),
      count: count(k),
      support: count(k) / data.n,
    };
  });
}

/** The options checked, with the gap windows when the gaps are in days. */
function resolve(options: SequentialPatternsOptions, data: EncodedSequences): ResolvedSequenceOptions {
  const o = resolveSequenceOptions(options, data.n);
  return o.minGapDays > 0 || o.maxGapDays !== Infinity ? { ...o, gaps: gapRanges(data, o) } : o;
}

function mine(data: EncodedSequences, o: ResolvedSequenceOptions): PatternCollector {
  const out = new PatternCollector(o.maxPatterns, () => `minCount ${o.minCount} of ${data.n} sequences`, o.guard);
  if (data.n > 0) {
    if (o.algorithm === 'spade') mineSpade(data, o, out);
    else if (o.algorithm === 'gsp') mineGsp(data, o, out);
    else minePrefixSpan(data, o, out);
  }
  return out;
}

/**
 * The k most frequent patterns: a binary search for the largest minCount at which at least k
 * patterns are frequent, each probe a PrefixSpan run that stops at the k-th pattern (so a probe
 * never holds more than k), then the patterns at that minCount whose count reaches the k-th.
 */
function topK(data: EncodedSequences, options: SequentialPatternsOptions): SequentialPattern[] {
  const k = options.topK as number;
  if (!(Number.isInteger(k) && k >= 1)) throw new OptionError(`topK must be an integer >= 1, got ${String(k)}`, { topK: k });
  if (options.minSupport !== undefined || options.minCount !== undefined) throw new OptionError('topK finds its own support: give topK or minSupport/minCount, not both');
  if ((options.kind ?? 'all') !== 'all') throw new OptionError(`topK counts all patterns: it cannot be combined with kind '${String(options.kind)}'`);
  if (options.windowDays !== undefined) throw new OptionError('topK cannot be combined with windowDays (its probes count without the window); mine with a minSupport instead');
  const { topK: _k, ...rest } = options;
  // At least k patterns at minCount m? A probe's LimitError at k − 1 patterns says yes.
  const atLeastK = (m: number): boolean => {
    const o = resolve({ ...rest, minCount: m, algorithm: 'prefixspan', maxPatterns: Infinity }, data);
    const out = new PatternCollector(k - 1, () => '', o.guard);
    try {
      minePrefixSpan(data, o, out);
      return false;
    } catch (e) {
      if (e instanceof LimitError && (e.details as { maxPatterns?: unknown } | undefined)?.maxPatterns === k - 1) return true;
      throw e;
    }
  };
  let lo = 1;
  let hi = Math.max(1, data.n);
  if (data.n === 0 || !atLeastK(1)) return patternsOf(data, { ...rest, minCount: 1 });
  // Invariant: atLeastK(lo); the answer is the largest such m.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (atLeastK(mid)) lo = mid;
    else hi = mid - 1;
  }
  const all = patternsOf(data, { ...rest, minCount: lo });
  const kth = (all[k - 1] as SequentialPattern).count;
  return all.filter((p) => p.count >= kth);
}
