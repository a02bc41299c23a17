import { closeSync, openSync, readSync } from 'node:fs';
import { DataError, OptionError, isCrmMiningError } from '../../core/errors';
import { TransactionLog } from '../../core/TransactionLog';
import { readFileInChunks, type CsvMapping } from '../../core/csv';
import { CsvScanner, stringSink } from '../../core/csvScanner';
import { chunkDecoder } from '../../core/textDecode';
import type { Progress } from '../../core/run';
import { GUESSED_FIELDS, guessColumns } from '../guessColumns';
import { SLASHED, dateParser, type DateFormat } from './dates';

type Values = Record<string, string | boolean | undefined>;

const DELIMITERS = [',', ';', '\t', '|'];

/** The header line's cells (quote-aware) and the delimiter, guessed when not given. */
export function readHeader(file: string, delimiter?: string): { header: string[]; delimiter: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DataError(`cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  const buffer = new Uint8Array(1 << 16);
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DataError(`cannot read '${file}': ${code === 'EISDIR' ? 'it is a directory, not a CSV file' : (error as Error).message}`);
  } finally {
    closeSync(fd);
  }
  // The loader's decoder: it names compressed, binary and UTF-16 files (the cut at 64 kB may
  // split a character, so bad bytes are replaced here; the loader reads the whole file strictly).
  const decoder = chunkDecoder(`'${file}'`, undefined, 'replace');
  const text = `${decoder.write(buffer.subarray(0, length))}${decoder.end()}`.replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line.trim() === '') throw new DataError(`'${file}' is empty or starts with a blank line: expected a header line naming the columns`, { line: 1 });
  // The delimiter that splits the header most; runs of spaces only when none of them splits it.
  const best = DELIMITERS.map((d) => ({ d, n: cellCount(line, d) })).sort((a, b) => b.n - a.n)[0];
  const chosen = delimiter ?? (best !== undefined && best.n > 1 ? best.d : cellCount(line, 'whitespace') > 1 ? 'whitespace' : ',');
  return { header: splitLine(line, chosen), delimiter: chosen };
}

/** Cells of the header under a candidate delimiter; 0 when the line is not valid CSV with it. */
function cellCount(line: string, delimiter: string): number {
  try {
    return splitLine(line, delimiter).length;
  } catch {
    return 0;
  }
}

/** The header's cells exactly as the loader will see them (the same CSV scanner: quotes, no trimming). */
function splitLine(line: string, delimiter: string): string[] {
  let cells: string[] = [];
  new CsvScanner({ delimiter, quote: '"' }, stringSink((record) => { cells = record; })).push(line, true);
  return cells;
}

/**
 * The column mapping from the flags (for Parquet, `columns` are the file's own), with the columns not named guessed from the header; the
 * guesses are described in `notes` so the user sees them.
 * @throws {OptionError} when a flag names a column the header lacks, or customer/time cannot be found.
 */
export function resolveMapping(file: string, values: Values, columns?: string[]): { mapping: CsvMapping; notes: string[] } {
  const given = typeof values.delimiter === 'string' ? (values.delimiter === '\\t' || values.delimiter === 'tab' ? '\t' : values.delimiter) : undefined;
  // A Parquet file's columns come from its schema (read by DuckDB), not from a header line.
  const read = columns === undefined ? readHeader(file, given) : { header: columns, delimiter: ',' };
  const { delimiter } = read;
  const named = values['no-header'] === true;
  if (named !== (typeof values.columns === 'string')) throw new OptionError('--no-header and --columns go together: --no-header --columns customer,date,amount names the columns of a file without a header line');
  const header = named ? (values.columns as string).split(',').map((c) => c.trim()) : read.header;
  if (!named && header.length > 1 && header.every((h) => /^[\d.,:/ -]+$/.test(h))) {
    throw new OptionError(`the first line of ${file} looks like data, not column names (${header.join(' ')}): name the columns with --no-header --columns a,b,c`);
  }
  const mapping: CsvMapping = { customer: '', time: '', delimiter, ...(named ? { header: false, columns: header } : {}) };
  if (values.decimal !== undefined) {
    if (values.decimal !== '.' && values.decimal !== ',') throw new OptionError(`--decimal must be . or , (got ${String(values.decimal)})`);
    mapping.decimal = values.decimal;
  }
  const guesses = guessColumns(header);
  const guessed: string[] = [];
  for (const field of GUESSED_FIELDS) {
    const flag = values[field];
    if (typeof flag === 'string') {
      if (!header.includes(flag)) throw new OptionError(`--${field} ${flag}: no such column in the header of ${file} (found: ${header.join(', ')})`);
      mapping[field] = flag;
    } else if (guesses[field] !== undefined) {
      mapping[field] = guesses[field];
      guessed.push(`${field}=${guesses[field]}`);
    }
  }
  // The loader derives amount from price (× quantity) only when amount is not mapped.
  if (typeof values.amount !== 'string' && mapping.amount !== undefined && mapping.price !== undefined && typeof values.price === 'string') delete mapping.amount;
  for (const field of ['customer', 'time'] as const) {
    if (mapping[field] === '') throw new OptionError(`cannot tell which column holds the ${field}: name it with --${field} COL (header: ${header.join(', ')})`);
  }
  const notes = guessed.length === 0 ? [] : [`columns guessed from the ${named ? 'column names' : 'header'}: ${guessed.join(', ')}${delimiter === ',' ? '' : `; delimiter ${JSON.stringify(delimiter)}`} (name them with --customer, --time, … to change)`];
  if (values['skip-invalid'] === true) mapping.onInvalid = 'skip';
  if (values.returns !== undefined) {
    if (!['net', 'exclude', 'keep'].includes(values.returns as string)) throw new OptionError(`--returns must be net, exclude or keep, got ${String(values.returns)}`);
    mapping.returns = values.returns as 'net' | 'exclude' | 'keep';
  }
  if (typeof values['return-orders'] === 'string') {
    try {
      mapping.returnOrders = new RegExp(values['return-orders']);
    } catch (error) {
      throw new OptionError(`--return-orders must be a regular expression: ${(error as Error).message}`);
    }
  }
  const format = values['date-format'];
  if (typeof format === 'string') {
    if (format.includes('YYYY')) mapping.dateFormat = format; // a pattern such as DD/MM/YYYY HH:mm
    else if (!['iso', 'dmy', 'mdy'].includes(format)) throw new OptionError(`--date-format must be iso, dmy, mdy or a pattern such as DD/MM/YYYY HH:mm, got ${format}`);
    else {
      const parse = dateParser(format as DateFormat);
      if (parse !== undefined) mapping.parseTime = parse;
    }
  }
  return { mapping, notes };
}

/**
 * Loads FILE with the resolved mapping, reporting progress; a bad time value gets a hint
 * about --date-format.
 */
export function loadLog(file: string, mapping: CsvMapping, onProgress: (p: Progress) => void, note: (text: string) => void = () => undefined, detectDates = true): TransactionLog {
  try {
    return TransactionLog.fromCSV(file, { ...mapping, onProgress });
  } catch (error) {
    const badTime = isCrmMiningError(error) && error.code === 'DATA' && (error as DataError).field === mapping.time;
    if (!badTime || mapping.parseTime !== undefined || mapping.dateFormat !== undefined) throw error;
    // Not ISO-8601: day-first or month-first, decided by every value of the column, not the first.
    const order = detectDates ? dateOrder(file, mapping) : null;
    if (order === null) {
      error.message += '. For dates like 31/12/2010 use --date-format dmy, for 12/31/2010 --date-format mdy, or give the pattern (--date-format DD/MM/YYYY HH:mm)';
      throw error;
    }
    note(order.why);
    return TransactionLog.fromCSV(file, { ...mapping, parseTime: dateParser(order.format), onProgress });
  }
}

/**
 * Whether the time column of FILE is day-first or month-first, from all its values: a first
 * number above 12 can only be a day, a second one only a day too. Null when the values are not
 * slashed dates, or contradict each other.
 */
function dateOrder(file: string, mapping: CsvMapping): { format: 'dmy' | 'mdy'; why: string } | null {
  let column = -1;
  let dayFirst = 0;
  let monthFirst = 0;
  let values = 0;
  let other = 0;
  const scanner = new CsvScanner({ delimiter: mapping.delimiter ?? ',', quote: '"' }, stringSink((cells) => {
    if (column < 0) {
      column = mapping.header === false ? (mapping.columns ?? []).indexOf(mapping.time) : cells.indexOf(mapping.time);
      if (mapping.header !== false) return;
    }
    const m = SLASHED.exec((cells[column] ?? '').trim());
    if (m === null) {
      other++;
      return;
    }
    values++;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }));
  readFileInChunks(file, { ...mapping, onInvalidEncoding: 'replace' }, (text, final) => scanner.push(text, final));
  if (values === 0 || other > values) return null;
  if (dayFirst > 0 && monthFirst > 0) return null;
  const counts = `${values} slashed dates in ${mapping.time}`;
  if (dayFirst > 0) return { format: 'dmy', why: `read ${mapping.time} as day/month/year: ${dayFirst} of the ${counts} have a first number above 12, none a second (--date-format mdy to override)` };
  if (monthFirst > 0) return { format: 'mdy', why: `read ${mapping.time} as month/day/year: ${monthFirst} of the ${counts} have a second number above 12, none a first (--date-format dmy to override)` };
  return { format: 'dmy', why: `read ${mapping.time} as day/month/year, but every one of the ${counts} fits month/day/year too: check with --date-format mdy if your dates are month-first` };
}
