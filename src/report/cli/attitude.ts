import { readFileSync } from 'node:fs';
import { DataError } from '../../core/errors';
import { CsvScanner, stringSink } from '../../core/csvScanner';
import { readHeader } from './input';

/**
 * Reads `analyze --attitude FILE`: a CSV of one attitude score (survey, NPS) per customer. The
 * columns named `customer` and `score` are used when the header has them, else the first two.
 * An empty score means no score (the customer is counted as without attitude).
 * @throws {DataError} code `'DATA'` naming the line and the cell of a score that is not a number.
 * @example
 * readAttitude('nps.csv') //=> [{ customer: '12347', score: 9 }, …]
 */
export function readAttitude(file: string): Array<{ customer: string; score: number }> {
  const { header, delimiter } = readHeader(file);
  const lower = header.map((h) => h.trim().toLowerCase());
  const customerColumn = lower.includes('customer') ? lower.indexOf('customer') : 0;
  const scoreColumn = lower.includes('score') ? lower.indexOf('score') : customerColumn === 0 ? 1 : 0;
  if (header.length < 2) throw new DataError(`'${file}' has one column: an attitude file needs a customer and a score column`, { line: 1 });
  const rows: Array<{ customer: string; score: number }> = [];
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  new CsvScanner({ delimiter, quote: '"' }, stringSink((cells, line) => {
    if (line === 1) return;
    const customer = (cells[customerColumn] ?? '').trim();
    const cell = (cells[scoreColumn] ?? '').trim();
    if (customer === '' || cell === '') return;
    const score = Number(cell);
    if (!Number.isFinite(score)) throw new DataError(`'${file}': the attitude score must be a number`, { line, field: header[scoreColumn], value: cell });
    rows.push({ customer, score });
  })).push(text, true);
  return rows;
}
