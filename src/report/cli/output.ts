/** Writing a result table as an aligned text table, CSV or JSON. */

/** Column of an output table: its header, how to read a row, and whether it is numeric. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  /** Decimals in the text table (numbers only); CSV and JSON keep full precision. */
  digits?: number;
}

export type OutputFormat = 'table' | 'csv' | 'json';

/**
 * Formats rows in the chosen format; `json` writes one object per row keyed by header. In CSV a
 * text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front,
 * so that a spreadsheet shows it instead of running it as a formula (CSV injection, as OWASP
 * recommends); `formulas: true` keeps such cells as they are. Numbers are never changed.
 */
export function formatRows<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>, format: OutputFormat, options: { formulas?: boolean } = {}): string {
  if (format === 'json') return `${JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c.header, c.value(r)]))), null, 2)}\n`;
  if (format === 'csv') {
    const field = (v: string | number) => csvField(typeof v === 'string' && options.formulas !== true && FORMULA_START.test(v) ? `'${v}` : v);
    return `${[columns.map((c) => field(c.header)), ...rows.map((r) => columns.map((c) => field(c.value(r))))].map((l) => l.join(',')).join('\n')}\n`;
  }
  const cells = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(c.digits ?? 0) : String(v)) : v;
  }));
  const widths = columns.map((c, j) => Math.max(c.header.length, ...cells.map((row) => (row[j] as string).length)));
  const numeric = columns.map((c) => rows.length > 0 && typeof c.value(rows[0] as T) === 'number');
  const line = (row: readonly string[]) => row.map((cell, j) => (numeric[j] === true ? cell.padStart(widths[j] as number) : cell.padEnd(widths[j] as number))).join('  ').trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')}\n`;
}

/** What a spreadsheet may read as a formula at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field, quoted when it holds a delimiter, quote or line break (RFC 4180). */
function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
