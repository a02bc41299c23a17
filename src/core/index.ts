/**
 * The data core: loading, validating and interning customer transaction logs, plus the
 * shared machinery (errors, cancellation and progress, seeded randomness, sample data).
 * @module core
 */
export { TransactionLog } from './TransactionLog';
export type { CustomerRow, LogSummary, TimeWindow } from './TransactionLog';
export type { ColumnMapping, LoadOptions, LogMapping, InvalidRowPolicy, SkippedReport } from './mapping';
export type { CsvMapping } from './csv';
export type { ArrowTableLike } from './arrowInput';
export type { LogColumns, RawColumns } from './columns';
export { compareStrings } from './columns';
export { CrmMiningError, DataError, OptionError, LimitError, AbortError, isCrmMiningError } from './errors';
export type { ErrorCode, DataErrorLocation } from './errors';
export { throwIfAborted, progressTicker } from './run';
export type { RunOptions, Progress } from './run';
export type { MemoryOptions } from './guard';
export { createRng } from './random';
export type { Rng } from './random';
export { toEpochMs, startOfUtcDay, MS_PER_DAY } from './time';
export { logGamma } from './math';
export { syntheticRecords, syntheticLog } from './synthetic';
export type { SyntheticOptions, SyntheticRecord, SyntheticTruth, SyntheticLog, PlantedAssociation, PlantedSequence } from './synthetic';
export { parseFimi, parseBasketLines, parseSpmfSequences, parseCsv } from './formats';
export { parseFimiColumns } from './baskets';
export type { BasketColumns } from './baskets';
export { parseSpmfColumns } from './sequenceColumns';
export type { SequenceColumns } from './sequenceColumns';
export { resolveAsOf } from './asOf';
export { checkMatrix } from './matrix';
