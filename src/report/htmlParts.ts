/** Small HTML building blocks for the report: escaping, tables and number formats. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export const esc = (text: unknown): string => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** JSON safe inside a `<script>` element (no `</script>` or `<!--` can close it). */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A cell: text (escaped) or a number already formatted, right-aligned. */
export type Cell = string | { num: string };

/** A table with a header row; numeric cells are right-aligned. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const numeric = headers.map((_, j) => rows.length > 0 && typeof rows[0]?.[j] === 'object');
  const th = headers.map((h, j) => `<th${numeric[j] === true ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((c) => (typeof c === 'string' ? `<td>${esc(c)}</td>` : `<td class="num">${esc(c.num)}</td>`)).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

// Made on first use: creating an Intl.NumberFormat costs ~5 ms, too much for import time.
const formats: Intl.NumberFormat[] = [];
const grouped = (digits: number) => (formats[digits] ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** A number with thousands separators and fixed decimals (0 to 3). */
export const num = (x: number, digits = 0): { num: string } => ({ num: Number.isFinite(x) ? grouped(digits).format(x) : String(x) });
/** A share as a percentage. */
export const pct = (x: number, digits = 1): { num: string } => ({ num: Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : String(x) });
/** A date as YYYY-MM-DD (UTC). */
export const day = (d: Date | number): string => new Date(d).toISOString().slice(0, 10);
/** An itemset or a sequence of itemsets as text. */
export const itemset = (items: readonly string[]): string => items.join(' + ');
export const sequence = (sets: readonly (readonly string[])[]): string => sets.map(itemset).join(' → ');
