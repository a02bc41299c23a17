import { parse } from 'csv-parse/sync';
import { DataError, isCrmMiningError } from './errors';
import { LogBuilder } from './builder';
import type { LogColumns } from './columns';
import { MAPPED_FIELDS, type LogMapping, type MappedField, type SkippedReport } from './mapping';
import { progressTicker } from './run';

/** Mapping and options for {@link TransactionLog.fromCSV}. */
export interface CsvMapping extends LogMapping {
  /** Field delimiter. @default ',' */
  delimiter?: string;
  /** Quote character. @default '"' */
  quote?: string;
  /** Text encoding of a file. @default 'utf8' */
  encoding?: 'utf8' | 'utf-8' | 'latin1' | 'utf16le';
}

interface CsvRecordInfo { lines: number; records: number }

/**
 * Parses CSV text, or reads a CSV file, into log columns. A string with a line break is CSV
 * text; any other string is a file path. The first record is the header; the mapping names
 * its columns. Quoted fields, a UTF-8 BOM, CRLF line ends and empty lines are handled.
 */
export function loadCsv(textOrPath: string | Uint8Array, mapping: CsvMapping): { columns: LogColumns; skipped: SkippedReport } {
  const input = typeof textOrPath === 'string' && !/[\r\n]/.test(textOrPath) ? readFile(textOrPath) : textOrPath;
  let index: Partial<Record<MappedField, number>> = {};
  const builder = new LogBuilder<string[]>(mapping, (cells, field) => cells[index[field] as number], mapping);
  const tick = progressTicker(mapping, 'parse', 65_536);
  let width = 0;
  try {
    parse(input, {
      bom: true,
      delimiter: mapping.delimiter ?? ',',
      quote: mapping.quote ?? '"',
      encoding: mapping.encoding === 'utf-8' ? 'utf8' : mapping.encoding ?? 'utf8',
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], info: CsvRecordInfo) => {
        if (width === 0) {
          width = record.length;
          index = headerIndex(record, mapping, info.lines);
          return null;
        }
        const row = info.records - 1;
        if (record.length === width) builder.add(record, row, info.lines);
        else builder.reject(new DataError(`expected ${width} fields as in the header, found ${record.length} (a stray delimiter or quote?)`, { row, line: info.lines }));
        tick(row);
        return null;
      },
    });
  } catch (error) {
    if (isCrmMiningError(error)) throw error;
    const e = error as { message?: string; lines?: number; code?: string };
    throw new DataError(`the CSV could not be parsed (${e.code ?? 'error'}): ${e.message ?? String(error)}`, { line: e.lines }, { cause: error });
  }
  if (mapping.allowEmpty !== true) {
    if (width === 0) throw new DataError('the CSV is empty: expected a header line naming the columns', { line: 1 });
    if (builder.rows === 0 && builder.skippedRows === 0) throw new DataError('the CSV has a header but no data rows', { line: 2 });
  }
  return builder.finish();
}

function headerIndex(header: string[], mapping: CsvMapping, line: number): Partial<Record<MappedField, number>> {
  const index: Partial<Record<MappedField, number>> = {};
  for (const field of MAPPED_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const at = header.indexOf(column);
    if (at < 0) {
      const found = header.length > 12 ? `${header.slice(0, 12).join(', ')}, …` : header.join(', ');
      throw new DataError(`mapped ${field} column is missing from the header (found: ${found})`, { line, field: column });
    }
    index[field] = at;
  }
  return index;
}

interface NodeFs { readFileSync(path: string): Uint8Array }

function readFile(path: string): Uint8Array {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (fs === undefined) throw new DataError(`cannot read the file '${path}' here (needs Node >= 20.16); pass the CSV text instead`);
  try {
    return fs.readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new DataError(`cannot read the CSV file '${path}': ${why}`, {}, { cause: error });
  }
}
