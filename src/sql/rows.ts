import { DataError } from '../core/errors';
import { compareStrings } from '../core/columns';

/**
 * A number from an engine's row: drivers hand BIGINT and NUMERIC back as text or bigint.
 * @throws {DataError} code `'DATA'` when the value is missing or not a number.
 */
export function num(row: Record<string, unknown>, field: string): number {
  const v = row[field] ?? row[field.toLowerCase()];
  const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isNaN(n)) throw new DataError('the engine returned a value that is not a number', { field, value: v === undefined ? 'missing' : String(v) });
  return n;
}

/** Rows in the library's customer order (string order of the ids, as TransactionLog numbers them). */
export function byCustomer<T extends { customer: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => compareStrings(a.customer, b.customer));
}
