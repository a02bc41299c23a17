import { OptionError } from '../core/errors';
import type { SequentialPattern } from './sequentialPatterns';
import { checkOptions } from '../core/options';

/** "Customers whose history contains `prefix` next buy `next`": a rule between sequential patterns. */
export interface SequentialRule {
  /** The history, as itemsets. */
  prefix: string[][];
  /** The itemset that follows. */
  next: string[];
  /** Share of sequences containing prefix then next. */
  support: number;
  /** count(prefix → next) / count(prefix). */
  confidence: number;
  /** confidence / support of ⟨next⟩ on its own (when that pattern is in the input). */
  lift: number;
  count: number;
}

/**
 * Rules ⟨prefix⟩ ⇒ ⟨next⟩ from mined patterns: every pattern of two or more itemsets splits into
 * its first itemsets and its last one; confidence = count(pattern) / count(prefix).
 * @param patterns - The output of {@link sequentialPatterns} (without a maxGap, so that every prefix is in it).
 * @param options - `minConfidence` in [0, 1] (default 0.5).
 * @returns Rules sorted by confidence, then support (descending).
 * @throws {OptionError} code `'OPTION'` for a bad threshold or when a prefix is missing from the patterns.
 * @example
 * sequentialRules(patterns, { minConfidence: 0.6 })[0] //=> { prefix: [['phone']], next: ['case'], confidence: 0.72, … }
 */
export function sequentialRules(patterns: readonly SequentialPattern[], options: { minConfidence?: number } = {}): SequentialRule[] {
  checkOptions('sequentialRules', options, { minConfidence: 'number' });
  const minConfidence = options.minConfidence ?? 0.5;
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new OptionError(`minConfidence must be in [0, 1], got ${String(minConfidence)}`);
  const key = (seq: string[][]) => JSON.stringify(seq);
  const count = new Map(patterns.map((p) => [key(p.sequence), p.count]));
  const rules: SequentialRule[] = [];
  for (const p of patterns) {
    if (p.sequence.length < 2) continue;
    const prefix = p.sequence.slice(0, -1);
    const next = p.sequence[p.sequence.length - 1] as string[];
    const prefixCount = count.get(key(prefix));
    if (prefixCount === undefined) throw new OptionError(`the prefix ${key(prefix)} of a pattern is missing: mine without maxGap (or with a lower minSupport) to derive rules`);
    const confidence = p.count / prefixCount;
    if (confidence < minConfidence) continue;
    const nextCount = count.get(key([next]));
    const n = p.count / p.support;
    rules.push({ prefix, next, support: p.support, confidence, lift: nextCount === undefined ? NaN : confidence / (nextCount / n), count: p.count });
  }
  return rules.sort((a, b) => b.confidence - a.confidence || b.support - a.support);
}
