import { DataError, OptionError } from './errors';
import { LogBuilder } from './builder';
import type { LogColumns } from './columns';
import { CsvScanner, stringSink } from './csvScanner';
import { MAPPED_FIELDS, type LogMapping, type SkippedReport } from './mapping';
import { progressTicker } from './run';
import { nodeBuiltin } from './nodeRequire';
import { chunkDecoder, type TextEncoding } from './textDecode';
import type { ReturnsReport } from './returns';

/** Mapping and options for {@link TransactionLog.fromCSV}. */
export interface CsvMapping extends LogMapping {
  /**
   * Field delimiter, one character (`'\t'` for TSV), or `'whitespace'`: runs of spaces and tabs,
   * leading ones ignored (CDNOW's files, fixed-width exports). @default ','
   */
  delimiter?: string;
  /**
   * `false` when the first line is data, not names: then `columns` names the columns in order.
   * @default true
   */
  header?: boolean;
  /** Column names, in order, for a file without a header line (`header: false`). */
  columns?: readonly string[];
  /** Quote character. @default '"' */
  quote?: string;
  /**
   * Text encoding of a file or byte input. @default 'utf-8', or UTF-16 when the bytes start
   * with its byte order mark
   */
  encoding?: TextEncoding;
  /**
   * Bytes that are not valid in the encoding: `'throw'` a DataError naming the line, or
   * `'replace'` them with U+FFFD. @default 'throw'
   */
  onInvalidEncoding?: 'throw' | 'replace';
}

const CHUNK_BYTES = 8 << 20;

/**
 * Parses CSV text, bytes or a file into log columns. A string with a line break is CSV text;
 * any other string is a file path, read in 8 MB chunks so memory holds only the columns.
 * The first record is the header; the mapping names its columns.
 */
export function loadCsv(input: string | Uint8Array, mapping: CsvMapping): { columns: LogColumns; skipped: SkippedReport; returns: ReturnsReport } {
  const delimiter = mapping.delimiter ?? ',';
  const quote = mapping.quote ?? '"';
  if ((delimiter !== 'whitespace' && delimiter.length !== 1) || quote.length !== 1 || delimiter === quote || /[\r\n]/.test(delimiter + quote)) {
    throw new OptionError(`delimiter must be one character or 'whitespace', and quote one other character, neither a line break; got ${JSON.stringify(delimiter)} and ${JSON.stringify(quote)}`);
  }
  const named = mapping.header === false;
  if (named && !(Array.isArray(mapping.columns) && mapping.columns.length > 0 && mapping.columns.every((c) => typeof c === 'string' && c !== ''))) {
    throw new OptionError('header: false needs columns: the names of the columns in order, e.g. ["customer", "date", "amount"]');
  }
  if (!named && mapping.columns !== undefined) throw new OptionError('columns names the columns of a file without a header line: pass header: false with it');
  let index: Int32Array = new Int32Array(MAPPED_FIELDS.length);
  const builder = new LogBuilder<string[]>(mapping, (cells, field) => cells[index[field] as number], mapping);
  const tick = progressTicker(mapping, 'parse', 65_536);
  let width = 0;
  let row = 0;
  const header = (cells: string[], line: number) => {
    width = cells.length;
    index = headerIndex(cells, mapping, line);
  };
  if (named) header([...(mapping.columns as readonly string[])], 1);
  const wrongWidth = (count: number, line: number) =>
    builder.reject(new DataError(`expected ${width} fields as in the ${named ? 'columns given' : 'header'}, found ${count} (a stray delimiter or quote?)`, { row, line }));
  const scanner = new CsvScanner({ delimiter, quote }, {
    range: (text, bounds, count, line) => {
      if (width === 0) return stringSink(header).range(text, bounds, count, line);
      row++;
      if (count === width) builder.addRange(text, bounds, count, index, row, line);
      else wrongWidth(count, line);
      tick(row);
    },
    cells: (cells, line) => {
      if (width === 0) return header(cells, line);
      row++;
      if (cells.length === width) builder.add(cells, row, line);
      else wrongWidth(cells.length, line);
      tick(row);
    },
  });
  if (typeof input === 'string' && /[\r\n]/.test(input)) scanner.push(input, true);
  else if (typeof input === 'string') {
    readFileInChunks(input, mapping, (text, final, bytes) => {
      if (row === 0 && !final) builder.reserve(estimatedRows(text, bytes.read, bytes.total));
      scanner.push(text, final);
    });
  }
  else {
    const bytes = chunkDecoder('the CSV bytes', mapping.encoding, mapping.onInvalidEncoding ?? 'throw');
    scanner.push(bytes.write(input), false);
    scanner.push(bytes.end(), true);
  }
  if (mapping.allowEmpty !== true) {
    if (width === 0) throw new DataError('the CSV is empty: expected a header line naming the columns', { line: 1 });
    if (builder.rows === 0 && builder.skippedRows === 0) throw new DataError(named ? 'the CSV has no data rows' : 'the CSV has a header but no data rows', { line: named ? 1 : 2 });
  }
  return builder.finish();
}

/** At most this many rows are reserved up front from an estimate (past it the columns grow in pieces). */
const MAX_RESERVED_ROWS = 1 << 26;

/** The rows of a file estimated from its first chunk (lines per byte there), 5% over; 0 when that chunk holds no line break. */
function estimatedRows(first: string, read: number, total: number): number {
  let lines = 0;
  for (let k = first.indexOf('\n'); k >= 0; k = first.indexOf('\n', k + 1)) lines++;
  return lines === 0 || read === 0 ? 0 : Math.min(MAX_RESERVED_ROWS, Math.ceil(((lines * total) / read) * 1.05));
}

/** Column position of each mapped field (indexed like MAPPED_FIELDS; -1 when unmapped). */
function headerIndex(header: string[], mapping: CsvMapping, line: number): Int32Array {
  const index = new Int32Array(MAPPED_FIELDS.length).fill(-1);
  for (const [k, field] of MAPPED_FIELDS.entries()) {
    const column = mapping[field];
    if (column === undefined) continue;
    const at = header.indexOf(column);
    if (at < 0) {
      const found = header.length > 12 ? `${header.slice(0, 12).join(', ')}, …` : header.join(', ');
      throw new DataError(`mapped ${field} column is missing from the header (found: ${found})`, { line, field: column });
    }
    index[k] = at;
  }
  return index;
}

interface NodeFs {
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  closeSync(fd: number): void;
  fstatSync(fd: number): { size: number };
}

/**
 * Reads a file in 8 MB chunks, decoded as the mapping says (encoding, invalid bytes), and hands
 * each piece of text on; the last call has `final` set.
 * @throws {DataError} for a file that cannot be read, is a directory, or is not text.
 */
export function readFileInChunks(path: string, mapping: CsvMapping, consume: (text: string, final: boolean, bytes: { read: number; total: number }) => void): void {
  const fs = nodeBuiltin<NodeFs>('node:fs');
  if (fs === null) throw new DataError(`cannot read the file '${path}' here (needs Node >= 20.16); pass the CSV text instead`);
  const text = chunkDecoder(`the file '${path}'`, mapping.encoding, mapping.onInvalidEncoding ?? 'throw');
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new DataError(`cannot read the CSV file '${path}': ${why}`, {}, { cause: error });
  }
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    const total = fs.fstatSync(fd).size;
    let read = 0;
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        const why = (error as { code?: string }).code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
        throw new DataError(`cannot read the CSV file '${path}': ${why}`, {}, { cause: error });
      }
      if (n === 0) break;
      read += n;
      consume(text.write(buffer.subarray(0, n)), false, { read, total });
    }
    consume(text.end(), true, { read, total });
  } finally {
    fs.closeSync(fd);
  }
}
