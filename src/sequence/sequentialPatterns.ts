import { PatternCollector } from './collector';
import { inTurn, type Claim } from '../core/claim';
import type { PackedPatterns } from '../core/packedPatterns';
import { encodeSequences, type EncodedSequences, type SequencesInput } from './encode';
import { keepClosed } from './closedPatterns';
import { gapRanges } from './gaps';
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

/**
 * {@link sequentialPatterns} packed, in the same order: what a worker sends back for it (without `topK`).
 * @example
 * sequentialPatternsPacked([[['a'], ['b']], [['a'], ['c'], ['b']]], { minSupport: 1 }).counts //=> Int32Array [2, 2, 2]
 */
export function sequentialPatternsPacked(sequences: SequencesInput, options: SequentialPatternsOptions = {}): PackedPatterns {
  if (options.topK !== undefined) throw new OptionError('sequentialPatternsPacked does not take topK');
  const data = encodeSequences(sequences);
  const o = resolve(options, data);
  return reportedPacked(data, o, mine(data, o));
}

/** The patterns of encoded sequences (kind applied), sorted and named. */
function patternsOf(data: EncodedSequences, options: SequentialPatternsOptions): SequentialPattern[] {
  const o = resolve(options, data);
  return reported(data, o, mine(data, o));
}

/** What the search found, in the order reported: closed or maximal ones kept, by count (descending), then by itemsets. */
function reportOrder(o: ResolvedSequenceOptions, out: PatternCollector): number[] {
  const keep = o.kind === 'all' ? null : keepClosed(out, o.kind, o.guard);
  o.guard.phase('collect', out.size);
  return Array.from({ length: out.size }, (_, k) => k).filter((k) => (keep === null || keep[k] === 1) && out.count(k) >= o.minCount).sort((a, b) => {
    o.guard.tick(8);
    return out.count(b) - out.count(a) || out.compare(a, b);
  });
}

/** What the search found, as reported: closed or maximal ones kept, sorted and named. */
export function reported(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): SequentialPattern[] {
  return reportOrder(o, out).map((k, i) => {
    if ((i & 1023) === 0) o.guard.step(i);
    return {
      sequence: out.named(k, data.itemNames),
      count: out.count(k),
      support: out.count(k) / data.n,
    };
  });
}

/** {@link reported}, packed: the same patterns in the same order as typed arrays, which a worker sends back without building an object. */
export function reportedPacked(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): PackedPatterns {
  const order = reportOrder(o, out);
  const { items, setEnds, patternSets } = out.part();
  const firstItem = (s: number): number => (s === 0 ? 0 : (setEnds[s - 1] as number));
  let nSets = 0;
  let nItems = 0;
  for (const k of order) {
    nSets += (patternSets[k + 1] as number) - (patternSets[k] as number);
    nItems += firstItem(patternSets[k + 1] as number) - firstItem(patternSets[k] as number);
  }
  const rows = { items: new Int32Array(nItems), setEnds: new Int32Array(nSets), rowSets: new Int32Array(order.length + 1), counts: new Int32Array(order.length) };
  let set = 0;
  let at = 0;
  order.forEach((k, r) => {
    const from = firstItem(patternSets[k] as number);
    for (let s = patternSets[k] as number; s < (patternSets[k + 1] as number); s++) rows.setEnds[set++] = at + (setEnds[s] as number) - from;
    const to = firstItem(patternSets[k + 1] as number);
    rows.items.set(items.subarray(from, to), at);
    at += to - from;
    rows.rowSets[r + 1] = set;
    rows.counts[r] = out.count(k);
  });
  return { kind: 'crm-mining-packed-patterns', shape: 'sequences', n: data.n, itemNames: data.itemNames, ...rows };
}

/** The options checked, with the gap windows when the gaps are in days. */
export function resolve(options: SequentialPatternsOptions, data: EncodedSequences): ResolvedSequenceOptions {
  const o = resolveSequenceOptions(options, data.n);
  return o.minGapDays > 0 || o.maxGapDays !== Infinity ? { ...o, gaps: gapRanges(data, o) } : o;
}

/**
 * The patterns under the root items `next` hands out (by default all of them, in turn; GSP,
 * which goes level by level, always mines all).
 */
export function mine(data: EncodedSequences, o: ResolvedSequenceOptions, next: Claim = inTurn()): PatternCollector {
  const out = collector(data, o);
  if (data.n > 0) {
    if (o.algorithm === 'spade') mineSpade(data, o, out, next);
    else if (o.algorithm === 'gsp') mineGsp(data, o, out);
    else minePrefixSpan(data, o, out, next);
  }
  return out;
}

/** An empty collector, with the limit of these options. */
export const collector = (data: EncodedSequences, o: ResolvedSequenceOptions): PatternCollector =>
  new PatternCollector(o.maxPatterns, () => `minCount ${o.minCount} of ${data.n} sequences`, o.guard);

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
