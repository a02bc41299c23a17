import type { Claim } from '../core/claim';
import { OptionError } from '../core/errors';
import type { PatternsPart } from './collector';
import { encodeSequences, type SequencesInput } from './encode';
import { sortsParts, type SequentialPatternsOptions } from './options';
import { collector, mine, reportedPacked, resolve } from './sequentialPatterns';
import type { PackedPatterns } from '../core/packedPatterns';

/**
 * One worker's part of a search split by root item: the patterns that start with the root
 * items it claims (`next`), as flat arrays. `found` adds the part's patterns to the count of
 * all parts and returns that count: past `maxPatterns` the part stops with the one-thread limit.
 * @example
 * mineRoots(sequences, { minSupport: 0.1 }, sharedClaim(counter), (n) => Atomics.add(total, 0, n) + n) // { items, setEnds, patternSets, counts }
 */
export function mineRoots(sequences: SequencesInput, options: SequentialPatternsOptions, next: Claim, found: (n: number) => number = (n) => n): PatternsPart {
  return minePart(sequences, options, next, found).out.part();
}

/**
 * {@link mineRoots}, its patterns sorted and packed as {@link sequentialPatterns} reports them:
 * the parts of a search with {@link sortsParts} go back this way, and `unpackPatterns` merges them.
 * @example
 * await unpackPatterns([part0, part1]) // the one-thread patterns
 */
export function mineRootsSorted(sequences: SequencesInput, options: SequentialPatternsOptions, next: Claim, found: (n: number) => number = (n) => n): PackedPatterns {
  if (!sortsParts(options)) throw new OptionError('only the parts of a search of all patterns without a time window are sorted where they are mined');
  const { data, o, out } = minePart(sequences, options, next, found);
  return reportedPacked(data, o, out);
}

function minePart(sequences: SequencesInput, options: SequentialPatternsOptions, next: Claim, found: (n: number) => number) {
  const data = encodeSequences(sequences);
  const o = resolve(options, data);
  const out = mine(data, o, next);
  if (found(out.size) > o.maxPatterns) throw out.limitError();
  return { data, o, out };
}

/**
 * The parts of a split search as {@link sequentialPatterns} reports them, packed: put together,
 * then closed or maximal ones kept, and sorted (the order
 * depends only on the patterns, so it is the one-thread result exactly). What the merging
 * worker sends back; `unpackPatterns` makes the objects.
 * @throws {LimitError} code `'LIMIT'` when the parts hold more than `maxPatterns` together.
 * @example
 * mergeRootsPacked(sequences, { minSupport: 0.1 }, parts) // { kind: 'crm-mining-packed-patterns', shape: 'sequences', … }
 */
export function mergeRootsPacked(sequences: SequencesInput, options: SequentialPatternsOptions, parts: readonly PatternsPart[]): PackedPatterns {
  const { data, o, out } = merged(sequences, options, parts);
  return reportedPacked(data, o, out);
}

/** The parts in one collector. */
function merged(sequences: SequencesInput, options: SequentialPatternsOptions, parts: readonly PatternsPart[]) {
  const data = encodeSequences(sequences);
  const o = resolve(options, data);
  const out = collector(data, o);
  for (const part of parts) out.append(part);
  return { data, o, out };
}
