import { OptionError } from '../core/errors';
import type { RunOptions } from '../core/run';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { memoryBudgetBytes, SearchGuard, type MemoryOptions } from '../core/guard';

/** Which itemsets to report: all frequent ones, closed ones, or maximal ones. */
export type ItemsetKind = 'all' | 'closed' | 'maximal';
/** The frequent-itemset algorithms; all return exactly the same itemsets and counts. */
export type ItemsetAlgorithm = 'fpgrowth' | 'apriori' | 'eclat';

/** Options of {@link frequentItemsets}, {@link fpGrowth}, {@link apriori} and {@link eclat}. */
export interface FrequentItemsetsOptions extends RunOptions, MemoryOptions {
  /** Minimum relative support in (0, 1]: frequent when count >= ceil(minSupport · n). @default 0.01 unless minCount is given */
  minSupport?: number;
  /** Minimum absolute count (an integer >= 1), instead of `minSupport`. */
  minCount?: number;
  /** Algorithm. @default 'fpgrowth' */
  algorithm?: ItemsetAlgorithm;
  /** Longest itemset reported. @default Infinity */
  maxLength?: number;
  /** `'closed'`: no proper superset has the same count; `'maximal'`: no proper superset is frequent. @default 'all' */
  kind?: ItemsetKind;
  /** Stop with a `LimitError` when more itemsets than this would be reported. @default 1_000_000 */
  maxPatterns?: number;
}

/** Options after defaults and validation. */
export interface ResolvedItemsetOptions extends RunOptions {
  minCount: number;
  minSupport: number;
  algorithm: ItemsetAlgorithm;
  maxLength: number;
  kind: ItemsetKind;
  maxPatterns: number;
  /** Progress, the signal and the memory budget of this search. */
  guard: SearchGuard;
  /** Internal, for tests: force the dense (bitset) or sparse (list) representation. */
  layout?: 'dense' | 'sparse';
}

export const DEFAULT_MIN_SUPPORT = 0.01;
export const DEFAULT_MAX_PATTERNS = 1_000_000;

/**
 * Validates options and turns support into an absolute count for `n` baskets.
 * @throws {OptionError} code `'OPTION'` for an out-of-range or mistyped option.
 */
/** Every option of {@link FrequentItemsetsOptions} and its kind, for plain-JavaScript callers. */
export const ITEMSET_OPTIONS = {
  ...RUN_OPTIONS, minSupport: 'number', minCount: 'number', algorithm: 'string', maxLength: 'number', kind: 'string', maxPatterns: 'number', maxMemoryMB: 'number',
} as const satisfies Record<keyof FrequentItemsetsOptions, OptionKind>;

export function resolveItemsetOptions(options: FrequentItemsetsOptions, n: number): ResolvedItemsetOptions {
  if (typeof options !== 'object' || options === null) throw new OptionError('options must be an object, e.g. { minSupport: 0.01 }');
  checkOptions('frequentItemsets', options, { ...ITEMSET_OPTIONS, layout: 'string' });
  const { minSupport, minCount } = options;
  if (minSupport !== undefined && minCount !== undefined) throw new OptionError('give either minSupport or minCount, not both', { minSupport, minCount });
  if (minSupport !== undefined && !(typeof minSupport === 'number' && minSupport > 0 && minSupport <= 1)) {
    throw new OptionError(`minSupport must be a number in (0, 1], got ${String(minSupport)}`, { minSupport });
  }
  if (minCount !== undefined && !(Number.isInteger(minCount) && minCount >= 1)) {
    throw new OptionError(`minCount must be an integer >= 1, got ${String(minCount)}`, { minCount });
  }
  const support = minSupport ?? (minCount === undefined ? DEFAULT_MIN_SUPPORT : minCount / Math.max(n, 1));
  // ceil with a guard against float noise: 0.07 * 100 = 7.000000000000001 must give 7.
  const count = minCount ?? Math.max(1, Math.ceil(support * n - 1e-9));
  const algorithm = options.algorithm ?? 'fpgrowth';
  if (!['fpgrowth', 'apriori', 'eclat'].includes(algorithm)) throw new OptionError(`algorithm must be 'fpgrowth', 'apriori' or 'eclat', got ${String(algorithm)}`);
  const kind = options.kind ?? 'all';
  if (!['all', 'closed', 'maximal'].includes(kind)) throw new OptionError(`kind must be 'all', 'closed' or 'maximal', got ${String(kind)}`);
  const maxLength = options.maxLength ?? Infinity;
  if (!(maxLength === Infinity || (Number.isInteger(maxLength) && maxLength >= 1))) throw new OptionError(`maxLength must be an integer >= 1, got ${String(maxLength)}`, { maxLength });
  const maxPatterns = options.maxPatterns ?? DEFAULT_MAX_PATTERNS;
  if (!(maxPatterns === Infinity || (Number.isInteger(maxPatterns) && maxPatterns >= 1))) throw new OptionError(`maxPatterns must be an integer >= 1, got ${String(maxPatterns)}`, { maxPatterns });
  const budgetBytes = memoryBudgetBytes(options);
  const guard = new SearchGuard(options, { budgetBytes, advice: ADVICE[kind === 'all' ? algorithm : kind] });
  return { ...options, minCount: count, minSupport: support, algorithm, maxLength, kind, maxPatterns, guard };
}

/** What to do when a search crosses its memory budget, per algorithm. */
const ADVICE: Record<ItemsetAlgorithm | 'closed' | 'maximal', string> = {
  fpgrowth: 'raise minSupport or set maxLength',
  eclat: "raise minSupport, set maxLength, or use algorithm 'fpgrowth' (Eclat holds a transaction list per extension)",
  apriori: "raise minSupport, set maxLength, or use algorithm 'fpgrowth' (it mines the same itemsets without candidates)",
  closed: 'raise minSupport, or set maxLength',
  maximal: 'raise minSupport, or set maxLength',
};
