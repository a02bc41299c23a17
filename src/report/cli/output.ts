/** Writing a result table as an aligned text table, CSV or JSON. */

/** Column of an output table: its header, how to read a row, and whether it is numeric. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  /** Decimals in the text table (numbers only); CSV and JSON keep full precision. */
  digits?: number;
}

export type OutputFormat = 'table' | 'csv' | 'json';

/** Formats rows in the chosen format; `json` writes one object per row keyed by header. */
export function formatRows<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c.header, c.value(r)]))), null, 2)}\n`;
  if (format === 'csv') return `${[columns.map((c) => csvField(c.header)), ...rows.map((r) => columns.map((c) => csvField(c.value(r))))].map((l) => l.join(',')).join('\n')}\n`;
  const cells = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(c.digits ?? 0) : String(v)) : v;
  }));
  const widths = columns.map((c, j) => Math.max(c.header.length, ...cells.map((row) => (row[j] as string).length)));
  const numeric = columns.map((c) => rows.length > 0 && typeof c.value(rows[0] as T) === 'number');
  const line = (row: readonly string[]) => row.map((cell, j) => (numeric[j] === true ? cell.padStart(widths[j] as number) : cell.padEnd(widths[j] as number))).join('  ').trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')}\n`;
}

/** A CSV field, quoted when it holds a delimiter, quote or line break (RFC 4180). */
function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
