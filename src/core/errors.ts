/** Stable machine-readable codes carried by every error the library throws. */
export type ErrorCode = 'DATA' | 'OPTION' | 'LIMIT' | 'MODEL' | 'ABORTED' | 'DEPENDENCY';

/**
 * Base class of every error thrown by crm-mining. Compare by `code`, not `instanceof`:
 * the ESM and CJS builds may both be loaded, each with its own classes.
 * @example
 * try { rfm(log) } catch (e) { if (isCrmMiningError(e) && e.code === 'DATA') console.log(e.message) }
 */
export class CrmMiningError extends Error {
  override name = 'CrmMiningError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where in the input a {@link DataError} was found. */
export interface DataErrorLocation {
  /** 1-based data row (the header of a CSV file is not counted). */
  row?: number;
  /** 1-based line of a text file, where the input was one. */
  line?: number;
  /** The column or property, named as in the input. */
  field?: string;
  /** The value that was rejected. */
  value?: unknown;
}

/**
 * Bad input data: says which row and field, what was found and what was expected.
 * @example
 * new DataError('expected a date', { row: 3, field: 'placedAt', value: 'soon' }).message
 * //=> "row 3, field 'placedAt': expected a date, got 'soon'"
 */
export class DataError extends CrmMiningError {
  override name = 'DataError';
  readonly row: number | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  constructor(problem: string, where: DataErrorLocation = {}, options?: { cause?: unknown }) {
    super('DATA', describe(problem, where), { ...where }, options);
    this.row = where.row;
    this.line = where.line;
    this.field = where.field;
  }
}

/**
 * An option outside its allowed range or of the wrong type.
 * @example
 * new OptionError('minSupport must be in (0, 1]', { minSupport: 2 }).code //=> 'OPTION'
 */
export class OptionError extends CrmMiningError {
  override name = 'OptionError';
  constructor(message: string, details?: Record<string, unknown>) {
    super('OPTION', message, details);
  }
}

/**
 * A result would grow past a configured limit (for example `maxPatterns`); the message says
 * which option to change instead of running out of memory.
 * @example
 * new LimitError('more than 10 patterns; raise minSupport', { maxPatterns: 10 }).code //=> 'LIMIT'
 */
export class LimitError extends CrmMiningError {
  override name = 'LimitError';
  constructor(message: string, details?: Record<string, unknown>) {
    super('LIMIT', message, details);
  }
}

/**
 * Work stopped because its `AbortSignal` fired; `cause` is the signal's reason.
 * @example
 * new AbortError('stopped').code //=> 'ABORTED'
 */
export class AbortError extends CrmMiningError {
  override name = 'AbortError';
  constructor(message = 'the operation was aborted', options?: { cause?: unknown }) {
    super('ABORTED', message, undefined, options);
  }
}

/**
 * True for any error thrown by crm-mining (from either the ESM or the CJS build).
 * @example
 * isCrmMiningError(new OptionError('bad')) //=> true
 * isCrmMiningError(new Error('x'))          //=> false
 */
export const isCrmMiningError = (e: unknown): e is CrmMiningError =>
  e instanceof Error && typeof (e as unknown as { code?: unknown }).code === 'string' &&
  ['DATA', 'OPTION', 'LIMIT', 'MODEL', 'ABORTED'].includes((e as unknown as { code: string }).code);

function describe(problem: string, where: DataErrorLocation): string {
  const place: string[] = [];
  if (where.row !== undefined) place.push(where.line !== undefined ? `row ${where.row} (line ${where.line})` : `row ${where.row}`);
  else if (where.line !== undefined) place.push(`line ${where.line}`);
  if (where.field !== undefined) place.push(`field '${where.field}'`);
  const got = 'value' in where ? `, got ${show(where.value)}` : '';
  return `${place.length > 0 ? `${place.join(', ')}: ` : ''}${problem}${got}`;
}

/** A short, unambiguous rendering of a rejected value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `'${value.slice(0, 57)}...'` : `'${value}'`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}
