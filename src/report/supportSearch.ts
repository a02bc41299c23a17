import { isCrmMiningError } from '../core/errors';

/** How {@link searchSupport} ended. */
export interface SupportSearch<T> {
  result: T;
  /** The support the result was mined at. */
  minSupport: number;
  /** `'enough'`: the result met the target; `'floor'`: support reached the least count; `'limit'`: the next step would exceed maxPatterns. */
  stoppedBy: 'enough' | 'floor' | 'limit';
}

/**
 * Finds a support threshold for data nobody has tuned: mines at `start`, then halves the
 * support until `enough(result)` holds, the threshold would fall below `minCount` of `n`
 * records, or a step throws a `LimitError` (the previous result is kept). Used by the report
 * and the CLI when no `--min-support` is given.
 * @example
 * searchSupport(log.basketCount, 0.2, 5, (s) => associationRules(log, { minSupport: s }), (r) => r.length >= 50)
 */
export function searchSupport<T>(n: number, start: number, minCount: number, mine: (minSupport: number) => T, enough: (result: T) => boolean): SupportSearch<T> {
  let support = start;
  let result = mine(support);
  for (;;) {
    if (enough(result)) return { result, minSupport: support, stoppedBy: 'enough' };
    const next = support / 2;
    if (next * n < minCount) return { result, minSupport: support, stoppedBy: 'floor' };
    try {
      result = mine(next);
    } catch (error) {
      if (isCrmMiningError(error) && error.code === 'LIMIT') return { result, minSupport: support, stoppedBy: 'limit' };
      throw error;
    }
    support = next;
  }
}
