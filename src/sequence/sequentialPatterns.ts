import { PatternCollector } from './collector';
import { encodeSequences, type SequencesInput } from './encode';
import { mineGsp } from './gsp';
import { resolveSequenceOptions, type SequentialPatternsOptions } from './options';
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
  const o = resolveSequenceOptions(options, data.n);
  const out = new PatternCollector(o.maxPatterns, () => `minCount ${o.minCount} of ${data.n} sequences`, o.guard);
  if (data.n > 0) {
    if (o.algorithm === 'spade') mineSpade(data, o, out);
    else if (o.algorithm === 'gsp') mineGsp(data, o, out);
    else minePrefixSpan(data, o, out);
  }
  o.guard.phase('collect', out.size);
  const order = Array.from({ length: out.size }, (_, k) => k).sort((a, b) => {
    o.guard.tick(8);
    return out.count(b) - out.count(a) || out.compare(a, b);
  });
  return order.map((k, i) => {
    if ((i & 1023) === 0) o.guard.step(i);
    return {
      sequence: out.pattern(k).map((set) => set.map((id) => data.itemNames[id] as string)),
      count: out.count(k),
      support: out.count(k) / data.n,
    };
  });
}

