import { LimitError } from '../core/errors';
import type { SearchGuard } from '../core/guard';

/** A pattern during mining: its itemsets as ascending item ids. */
export type IdPattern = number[][];

/** Gathers mined patterns with their counts; stops with a LimitError past maxPatterns. */
export class PatternCollector {
  readonly patterns: IdPattern[] = [];
  readonly counts: number[] = [];
  constructor(private readonly maxPatterns: number, private readonly describe: () => string, private readonly guard: SearchGuard) {}

  add(pattern: IdPattern, count: number): void {
    if (this.patterns.length >= this.maxPatterns) {
      throw new LimitError(
        `more than ${this.maxPatterns.toLocaleString('en-US')} sequential patterns (${this.describe()}); raise minSupport, set maxLength or maxGap, or raise maxPatterns`,
        { maxPatterns: this.maxPatterns },
      );
    }
    const bytes = patternBytes(pattern);
    this.guard.hold(bytes, 'the patterns found');
    this.guard.tick(bytes >>> 4);
    this.patterns.push(pattern.map((set) => set.slice()));
    this.counts.push(count);
  }
}

/** Total number of items of a pattern. */
export const patternLength = (p: IdPattern): number => p.reduce((s, set) => s + set.length, 0);

/** Bytes a pattern takes as nested arrays (array headers plus 8 bytes per element). */
export const patternBytes = (p: IdPattern): number => 32 + p.reduce((s, set) => s + 32 + 8 * set.length, 8 * p.length);
