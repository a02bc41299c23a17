import { esc } from '../report/htmlParts';

/** A column of a displayed table: its header and how to read and format a row's value. */
export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
  /** Digits after the point for numbers, or 'percent' (one decimal). @default integers as they are, other numbers to 4 significant digits */
  format?: number | 'percent';
}

/** Text of one cell: numbers formatted, arrays of items joined, nested itemsets as "a + b → c". */
export function cellText(value: unknown, format?: number | 'percent'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
    if (typeof format === 'number') return value.toLocaleString('en-US', { minimumFractionDigits: format, maximumFractionDigits: format });
    return Number.isInteger(value) ? value.toLocaleString('en-US') : Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.every((v) => Array.isArray(v)) ? value.map((s) => (s as unknown[]).join(' + ')).join(' → ') : value.map((v) => cellText(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}


/** The first `head` rows as text cells, and how many rows there are in all. */
export function cells<T>(rows: readonly T[], columns: readonly Column<T>[], head: number): { header: string[]; body: string[][]; total: number } {
  return {
    header: columns.map((c) => c.header),
    body: rows.slice(0, head).map((row) => columns.map((c) => cellText(c.value(row), c.format))),
    total: rows.length,
  };
}

/** A fixed-width text table, numbers right-aligned, with "… n more rows" under a head. */
export function plainTable(title: string, t: { header: string[]; body: string[][]; total: number }): string {
  const widths = t.header.map((h, j) => Math.min(60, Math.max(h.length, ...t.body.map((r) => (r[j] as string).length))));
  const numeric = t.header.map((_, j) => t.body.length > 0 && t.body.every((r) => /^[-+]?[\d,.]+%?$|^$/.test(r[j] as string)));
  const fit = (s: string, j: number) => {
    const w = widths[j] as number;
    const cut = s.length > w ? `${s.slice(0, w - 1)}…` : s;
    return numeric[j] ? cut.padStart(w) : cut.padEnd(w);
  };
  const lines = [title, t.header.map(fit).join('  '), ...t.body.map((r) => r.map(fit).join('  ').trimEnd())];
  if (t.total > t.body.length) lines.push(`… ${(t.total - t.body.length).toLocaleString('en-US')} more rows (${t.total.toLocaleString('en-US')} in all)`);
  return lines.join('\n');
}

/** An HTML table of the head, its title with the row count, every cell escaped. */
export function htmlTable(title: string, t: { header: string[]; body: string[][]; total: number }): string {
  const numeric = t.header.map((_, j) => t.body.length > 0 && t.body.every((r) => /^[-+]?[\d,.]+%?$|^$/.test(r[j] as string)));
  const th = t.header.map((h, j) => `<th style="text-align:${numeric[j] ? 'right' : 'left'}">${esc(h)}</th>`).join('');
  const rows = t.body.map((r) => `<tr>${r.map((c, j) => `<td style="text-align:${numeric[j] ? 'right' : 'left'}">${esc(c)}</td>`).join('')}</tr>`).join('');
  const shown = t.total > t.body.length ? `first ${t.body.length.toLocaleString('en-US')} of ${t.total.toLocaleString('en-US')} rows` : `${t.total.toLocaleString('en-US')} rows`;
  return `<div class="crm-mining"><p><strong>${esc(title)}</strong> <span style="color:#666">(${shown})</span></p><table><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
