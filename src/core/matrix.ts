import { DataError } from './errors';

/**
 * Checks a numeric table: a non-empty array of rows of finite numbers, all of one length.
 * @throws {DataError} code `'DATA'` naming the row (and column) that breaks it.
 * @example
 * checkMatrix([[1, 2], [3]]) // throws: row 2: expected 2 values as in the first row
 */
export function checkMatrix(X: readonly (readonly number[])[]): void {
  if (!Array.isArray(X) || X.length === 0) throw new DataError('expected a non-empty array of rows');
  const width = (X[0] as readonly number[]).length;
  X.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) throw new DataError(`expected ${width} values as in the first row`, { row: i + 1, value: Array.isArray(row) ? row.length : row });
    row.forEach((v, j) => { if (!Number.isFinite(v)) throw new DataError('expected a finite number', { row: i + 1, field: `column ${j + 1}`, value: v }); });
  });
}
