import { LogBuilder } from './builder';
import { DataError } from './errors';
import { MAPPED_FIELDS, type LogMapping } from './mapping';
import { progressTicker } from './run';
import type { LogColumns } from './columns';
import type { SkippedReport } from './mapping';
import type { ReturnsReport } from './returns';

/** An Arrow table as apache-arrow gives it (also DuckDB, Polars or Arquero output through it): its row count and columns by name. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChild(name: string): { get(index: number): unknown } | null;
}

/**
 * Reads the mapped columns of an Arrow table row by row into a log builder, with the same
 * validation as records. Values come as Arrow gives them: timestamps as epoch milliseconds,
 * numbers as numbers; 64-bit integers (bigint) become numbers when exact, else text (ids).
 * @throws {DataError} code `'DATA'` for a value that is not a table, a mapped column the table
 *   lacks (naming the columns it has), or a bad value (naming the row and the column).
 */
export function readArrow(table: ArrowTableLike, mapping: LogMapping): { columns: LogColumns; skipped: SkippedReport; returns: ReturnsReport } {
  if (typeof table !== 'object' || table === null || typeof table.getChild !== 'function' || !Number.isInteger(table.numRows)) {
    throw new DataError('expected an Arrow Table (from apache-arrow, or DuckDB/Polars/Arquero output through it)');
  }
  const found = table.schema.fields.map((f) => f.name);
  const vectors = MAPPED_FIELDS.map((field) => {
    const name = mapping[field];
    if (name === undefined) return null;
    const vector = table.getChild(name);
    if (vector === null) throw new DataError(`the mapped ${field} column '${name}' is not in the Arrow table (found: ${found.join(', ')})`, { field: name });
    return vector;
  });
  const builder = new LogBuilder<number>(mapping, (row, field) => plain((vectors[field] as { get(index: number): unknown }).get(row)), mapping);
  const tick = progressTicker(mapping, 'read', 65_536);
  for (let i = 0; i < table.numRows; i++) {
    builder.add(i, i + 1);
    tick(i + 1);
  }
  return builder.finish();
}

/** A bigint as a number when it is exact, else as its decimal text (a 64-bit id). */
function plain(v: unknown): unknown {
  if (typeof v !== 'bigint') return v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}
