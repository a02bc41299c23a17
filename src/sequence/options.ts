import { OptionError } from '../core/errors';
import type { SequencePatternKind } from './closedPatterns';
import type { GapRanges } from './gaps';
import type { RunOptions } from '../core/run';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { memoryBudgetBytes, SearchGuard, type MemoryOptions } from '../core/guard';

/** The sequential pattern algorithms; all return exactly the same patterns and counts. */
export type SequenceAlgorithm = 'prefixspan' | 'spade' | 'gsp';

/** Options of {@link sequentialPatterns}. */
export interface SequentialPatternsOptions extends RunOptions, MemoryOptions {
  /** Minimum relative support in (0, 1]: frequent when count >= ceil(minSupport · n). @default 0.01 unless minCount is given */
  minSupport?: number;
  /** Minimum absolute count (an integer >= 1), instead of `minSupport`. */
  minCount?: number;
  /** @default 'prefixspan' */
  algorithm?: SequenceAlgorithm;
  /** Most items in a pattern, over all its itemsets. @default Infinity */
  maxLength?: number;
  /** Least distance in itemset positions between consecutive matched itemsets (adjacent = 1). @default 1 */
  minGap?: number;
  /** Largest such distance. @default Infinity */
  maxGap?: number;
  /** Stop with a `LimitError` past this many patterns. @default 1_000_000 */
  maxPatterns?: number;
  /** Least time between consecutive matched itemsets, in days (needs a TransactionLog: its basket times). @default 0 */
  minGapDays?: number;
  /** Most time between consecutive matched itemsets, in days. @default Infinity */
  maxGapDays?: number;
  /** Most time from the first to the last matched itemset, in days (cSPADE's maxwin, in time), applied while mining. @default Infinity */
  windowDays?: number;
  /** Most items in one itemset of a pattern (arulesSequences' maxsize). @default Infinity */
  maxItemsPerElement?: number;
  /** Most itemsets in a pattern (arulesSequences' maxlen). @default Infinity */
  maxElements?: number;
  /** `'closed'`: no super-pattern has the same count; `'maximal'`: no super-pattern is frequent (within maxLength). @default 'all' */
  kind?: SequencePatternKind;
  /** The `topK` most frequent patterns, without minSupport: every pattern whose count reaches the k-th largest count (ties included). */
  topK?: number;
}

export interface ResolvedSequenceOptions extends RunOptions {
  minCount: number;
  algorithm: SequenceAlgorithm;
  maxLength: number;
  minGap: number;
  maxGap: number;
  maxPatterns: number;
  kind: SequencePatternKind;
  minGapDays: number;
  maxGapDays: number;
  maxItemsPerElement: number;
  maxElements: number;
  windowDays: number;
  /**
   * With time gaps: per itemset (global index) the first and last itemset a sequence-extension
   * may use, position and time constraints together; null without time gaps.
   */
  gaps: GapRanges | null;
  /** Progress, the signal and the memory budget of this search. */
  guard: SearchGuard;
}

/**
 * Validates options and turns support into a count for `n` sequences.
 * @throws {OptionError} code `'OPTION'` for an out-of-range or mistyped option.
 */
const SEQUENCE_OPTIONS = {
  ...RUN_OPTIONS, minSupport: 'number', minCount: 'number', algorithm: 'string', maxLength: 'number', minGap: 'number', maxGap: 'number', maxPatterns: 'number', maxMemoryMB: 'number', kind: 'string', topK: 'number', minGapDays: 'number', maxGapDays: 'number', windowDays: 'number', maxItemsPerElement: 'number', maxElements: 'number',
} as const satisfies Record<keyof SequentialPatternsOptions, OptionKind>;

export function resolveSequenceOptions(o: SequentialPatternsOptions, n: number): ResolvedSequenceOptions {
  if (typeof o !== 'object' || o === null) throw new OptionError('options must be an object, e.g. { minSupport: 0.1 }');
  checkOptions('sequentialPatterns', o, SEQUENCE_OPTIONS);
  if (o.minSupport !== undefined && o.minCount !== undefined) throw new OptionError('give either minSupport or minCount, not both');
  if (o.minSupport !== undefined && !(typeof o.minSupport === 'number' && o.minSupport > 0 && o.minSupport <= 1)) throw new OptionError(`minSupport must be a number in (0, 1], got ${String(o.minSupport)}`, { minSupport: o.minSupport });
  if (o.minCount !== undefined && !(Number.isInteger(o.minCount) && o.minCount >= 1)) throw new OptionError(`minCount must be an integer >= 1, got ${String(o.minCount)}`, { minCount: o.minCount });
  const minCount = o.minCount ?? Math.max(1, Math.ceil((o.minSupport ?? 0.01) * n - 1e-9));
  const algorithm = o.algorithm ?? 'prefixspan';
  if (!['prefixspan', 'spade', 'gsp'].includes(algorithm)) throw new OptionError(`algorithm must be 'prefixspan', 'spade' or 'gsp', got ${String(algorithm)}`);
  const maxLength = o.maxLength ?? Infinity;
  if (!(maxLength === Infinity || (Number.isInteger(maxLength) && maxLength >= 1))) throw new OptionError(`maxLength must be an integer >= 1, got ${String(maxLength)}`);
  const minGap = o.minGap ?? 1;
  const maxGap = o.maxGap ?? Infinity;
  if (!(Number.isInteger(minGap) && minGap >= 1)) throw new OptionError(`minGap must be an integer >= 1, got ${String(minGap)}`);
  if (!(maxGap === Infinity || (Number.isInteger(maxGap) && maxGap >= minGap))) throw new OptionError(`maxGap must be an integer >= minGap (${minGap}), got ${String(maxGap)}`);
  const maxPatterns = o.maxPatterns ?? 1_000_000;
  if (!(maxPatterns === Infinity || (Number.isInteger(maxPatterns) && maxPatterns >= 1))) throw new OptionError(`maxPatterns must be an integer >= 1, got ${String(maxPatterns)}`);
  const minGapDays = o.minGapDays ?? 0;
  const maxGapDays = o.maxGapDays ?? Infinity;
  if (!(typeof minGapDays === 'number' && minGapDays >= 0 && Number.isFinite(minGapDays))) throw new OptionError(`minGapDays must be a number of days >= 0, got ${String(minGapDays)}`);
  if (!(maxGapDays === Infinity || (typeof maxGapDays === 'number' && maxGapDays >= minGapDays))) throw new OptionError(`maxGapDays must be a number of days >= minGapDays (${minGapDays}), got ${String(maxGapDays)}`);
  const windowDays = o.windowDays ?? Infinity;
  if (!(windowDays === Infinity || (typeof windowDays === 'number' && windowDays >= 0))) throw new OptionError(`windowDays must be a number of days >= 0, got ${String(windowDays)}`);
  const maxItemsPerElement = o.maxItemsPerElement ?? Infinity;
  const maxElements = o.maxElements ?? Infinity;
  for (const [name, v] of [['maxItemsPerElement', maxItemsPerElement], ['maxElements', maxElements]] as const) {
    if (!(v === Infinity || (Number.isInteger(v) && v >= 1))) throw new OptionError(`${name} must be an integer >= 1, got ${String(v)}`);
  }
  const kind = o.kind ?? 'all';
  if (!['all', 'closed', 'maximal'].includes(kind)) throw new OptionError(`kind must be 'all', 'closed' or 'maximal', got ${String(kind)}`);
  if (kind !== 'all' && (minGap !== 1 || maxGap !== Infinity || minGapDays > 0 || maxGapDays !== Infinity || windowDays !== Infinity)) {
    throw new OptionError(`kind '${kind}' cannot be combined with minGap, maxGap, minGapDays, maxGapDays or windowDays: under gap constraints a pattern can be rarer than one that contains it, so closedness is not defined by its super-patterns; mine kind 'all' with the gaps`);
  }
  const guard = new SearchGuard(o, { budgetBytes: memoryBudgetBytes(o), advice: ADVICE[algorithm] });
  return { ...o, minCount, algorithm, maxLength, minGap, maxGap, maxPatterns, kind, minGapDays, maxGapDays, windowDays, maxItemsPerElement, maxElements, gaps: null, guard };
}

/** What to do when a search crosses its memory budget, per algorithm. */
const ADVICE: Record<SequenceAlgorithm, string> = {
  prefixspan: 'raise minSupport, set maxLength or maxGap',
  spade: "raise minSupport, set maxLength, or use algorithm 'prefixspan' (SPADE holds an id-list per extension)",
  gsp: "raise minSupport, set maxLength, or use algorithm 'prefixspan' (it finds the same patterns without candidates)",
};

/**
 * Whether a search splits by root item over workers: PrefixSpan and SPADE (any kind, gaps and
 * windows included) grow each root item's patterns on their own; GSP goes level by level, and
 * `topK` probes the whole search.
 */
export const splitsByRoot = (options: SequentialPatternsOptions): boolean => options.topK === undefined && (options.algorithm ?? 'prefixspan') !== 'gsp';

/**
 * Whether the parts of a split search are sorted where they are mined and merged as they are
 * read (kind 'all': a pattern's count, within any time window, is final when it is found); for
 * closed or maximal patterns one more worker puts them together first (`mergeRootsPacked`).
 */
export const sortsParts = (options: SequentialPatternsOptions): boolean => (options.kind ?? 'all') === 'all';
