import { AbortError, CrmMiningError, DataError, LimitError, OptionError, type ErrorCode } from '../core/errors';
import { TimeSlices } from '../core/run';
import { TransactionLog, type LogTransfer } from '../core/TransactionLog';

/** What crosses to the worker: the task, its arguments (logs as plain data), whether to report progress. */
export interface WorkerJob { task: string; args: unknown[]; progress: boolean }
/** What comes back. */
export type WorkerReply =
  | { type: 'progress'; phase: string; done: number; total?: number }
  | { type: 'part'; items: unknown[] }
  | { type: 'done'; result: unknown; parts?: true }
  | { type: 'error'; error: SentError };
/** An error as plain data. */
export interface SentError { name: string; code: string | undefined; message: string; details?: Record<string, unknown>; where?: Record<string, unknown> }

const isLog = (v: unknown): v is TransactionLog =>
  typeof v === 'object' && v !== null && typeof (v as { toTransfer?: unknown }).toTransfer === 'function' && 'columns' in v;
const isLogTransfer = (v: unknown): v is LogTransfer => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'crm-mining-log';

/**
 * Rows of numbers on their way to a worker: one Float64Array (in shared memory where there is
 * some, so split work reads it without a copy per worker), not a structured clone of every row
 * array, which blocks the calling thread (200k × 20 took 305 ms to serialize).
 */
export interface SentRows { kind: 'crm-mining-rows'; rows: number; columns: number; values: Float64Array }

const isSentRows = (v: unknown): v is SentRows => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'crm-mining-rows';

/**
 * `v` packed as {@link SentRows} when it is a matrix: a non-empty array of equally long, non-empty
 * arrays of numbers. Anything else (ragged rows, a string among the numbers) is null and travels
 * as it is, so the task itself reports the bad row as it would in the calling thread. Packed in
 * slices of about 10 ms, with a turn of the event loop between them (fresh memory costs a page
 * fault per page on first touch: 200k × 20 in one go held the loop for 165 ms).
 * @example
 * await packedMatrix([[1, 2], [3, 4]]) // { kind: 'crm-mining-rows', rows: 2, columns: 2, values: Float64Array [1, 2, 3, 4] }
 */
export async function packedMatrix(v: unknown, signal?: AbortSignal): Promise<SentRows | null> {
  if (isSentRows(v)) return v;
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return null;
  const first = v[0] as unknown[];
  const columns = first.length;
  // A quick look before allocating: baskets and sequences are arrays of arrays too.
  if (columns === 0 || !first.every((x) => typeof x === 'number')) return null;
  const values = new Float64Array(typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(8 * v.length * columns) : new ArrayBuffer(8 * v.length * columns));
  const slices = new TimeSlices(signal, 1024);
  for (let r = 0; r < v.length; r++) {
    if (slices.due(r)) await slices.pause();
    const row = v[r] as unknown;
    if (!Array.isArray(row) || row.length !== columns) return null;
    for (let c = 0; c < columns; c++) {
      const x = row[c] as unknown;
      if (typeof x !== 'number') return null;
      values[r * columns + c] = x;
    }
  }
  return { kind: 'crm-mining-rows', rows: v.length, columns, values };
}

/** Arguments for postMessage: logs become their columns, matrices one array of numbers; signal and onProgress stay behind. */
export async function encodeArgs(args: readonly unknown[], signal?: AbortSignal): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const a of args) {
    if (isLog(a)) {
      out.push(a.toTransfer());
      continue;
    }
    const matrix = await packedMatrix(a, signal);
    if (matrix !== null) out.push(matrix);
    else if (typeof a === 'object' && a !== null && !Array.isArray(a) && ('signal' in a || 'onProgress' in a)) {
      const { signal: _signal, onProgress: _onProgress, ...rest } = a as Record<string, unknown>;
      out.push(rest);
    } else out.push(a);
  }
  return out;
}

/** The worker's side of {@link encodeArgs}: logs rebuilt, and `onProgress` put in the options object at `optionsAt`. */
export function decodeArgs(args: readonly unknown[], optionsAt: number, onProgress: ((p: { phase: string; done: number; total?: number }) => void) | null): unknown[] {
  const out = args.map((a) => (isLogTransfer(a) ? TransactionLog.fromTransfer(a) : isSentRows(a) ? unpackMatrix(a) : a));
  if (onProgress !== null && out.length >= optionsAt) {
    const options = out[optionsAt];
    if (options === undefined) out[optionsAt] = { onProgress };
    else if (typeof options === 'object' && options !== null && !Array.isArray(options)) out[optionsAt] = { ...options, onProgress };
  }
  return out;
}

/** The rows again, as arrays of numbers. */
function unpackMatrix({ rows, columns, values }: SentRows): number[][] {
  const out = new Array<number[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(columns);
    for (let c = 0; c < columns; c++) row[c] = values[r * columns + c] as number;
    out[r] = row;
  }
  return out;
}

/**
 * Rows per message when a result is a long array. The worker sends the next part only when the
 * caller asks for it (`{ type: 'next' }`, posted on a later turn of its event loop), so each part
 * is read in its own turn: Node reads every message already queued in one go, and 158,472
 * sequential patterns take over a second to read (measured: v8 serialize + deserialize 1.9 s),
 * where a part of 2,000 takes about 15 ms.
 */
export const ROWS_PER_PART = 2_000;

/** The caller's request for the next part of a long result. */
export interface NextPart { type: 'next' }

/** An error as plain data (class, code, message, details, where in the input). */
export function encodeError(e: unknown): SentError {
  const err = e instanceof Error ? e : new Error(String(e));
  const { code, details, row, field, line, value } = err as Partial<CrmMiningError> & { row?: number; field?: string; line?: number; value?: unknown };
  const where = { ...(row === undefined ? {} : { row }), ...(line === undefined ? {} : { line }), ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value: safeValue(value) }) };
  return { name: err.name, code, message: err.message, ...(details === undefined ? {} : { details: { ...details } }), ...(Object.keys(where).length > 0 ? { where } : {}) };
}

/** The error again, as the class the library throws for its code. */
export function decodeError(sent: SentError): Error {
  const { code, message, details } = sent;
  let e: Error;
  if (code === 'LIMIT') e = new LimitError(message, details);
  else if (code === 'OPTION') e = new OptionError(message, details);
  else if (code === 'ABORTED') e = new AbortError(message);
  else if (code === 'DATA') {
    e = new DataError('', sent.where ?? {});
    e.message = message;
  } else if (code !== undefined) e = new CrmMiningError(code as ErrorCode, message, details);
  else {
    e = new Error(message);
    e.name = sent.name;
  }
  return e;
}

/** A value that survives a structured clone (for error locations). */
const safeValue = (v: unknown): unknown => (typeof v === 'function' || typeof v === 'symbol' ? String(v) : v);

/**
 * The buffers of the typed arrays in a value (in its fields and array elements, a few levels
 * down), to move rather than copy in a message. Shared buffers are left out: they are shared,
 * not moved.
 */
export function buffersIn(value: unknown, depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) return value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
  if (depth >= 4 || typeof value !== 'object' || value === null) return [];
  return [...new Set((Array.isArray(value) ? value : Object.values(value)).flatMap((v) => buffersIn(v, depth + 1)))];
}
