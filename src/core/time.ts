/** Milliseconds in one day. */
export const MS_PER_DAY = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Converts a time value to epoch milliseconds, or `NaN` when it is not a time.
 * Accepts a valid `Date`, finite epoch milliseconds, and ISO-8601 strings: `2025-06-30`,
 * `2025-06-30T14:05`, `2025-06-30 14:05:09.5`, with an optional `Z` or `±hh:mm` offset, and the
 * basic date form `20250630`. A string without an offset is read as UTC, so results never
 * depend on the machine's time zone.
 * @example
 * toEpochMs('2025-06-30T12:00Z') //=> 1751284800000
 * toEpochMs('30/06/2025')        //=> NaN
 */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  const m = ISO.exec(text) ?? ISO_BASIC_DATE.exec(text);
  if (m === null) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return NaN;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  return ms - offsetMinutes(m[8]) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The start (00:00 UTC) of the day that contains `ms`, in epoch milliseconds.
 * @example
 * startOfUtcDay(Date.UTC(2025, 0, 2, 15)) === Date.UTC(2025, 0, 2) //=> true
 */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}
