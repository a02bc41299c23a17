/**
 * Sequential patterns: what customers buy in what order (PrefixSpan, SPADE, GSP with gap and
 * length constraints), and rules for what comes next.
 * @module sequence
 */
export { sequentialPatterns } from './sequentialPatterns';
export type { SequentialPattern } from './sequentialPatterns';
export type { SequentialPatternsOptions, SequenceAlgorithm } from './options';
export type { SequencesInput } from './encode';
export { sequentialRules } from './rules';
export type { SequentialRule } from './rules';
