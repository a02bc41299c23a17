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
  if (typeof value === 'number') return Math.abs(value) <= MAX_EPOCH_MS ? value : NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return NaN;
  const fast = isoRangeToEpochMs(value, 0, value.length);
  if (fast === fast) return fast; // not NaN
  const text = value.trim();
  const m = ISO.exec(text) ?? ISO_BASIC_DATE.exec(text);
  if (m === null) return NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute > 0 || second > 0))) return NaN;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const ms = utc(year, month - 1, day, hour, minute, second) + fraction;
  return ms - offsetMinutes(m[8]) * 60_000;
}

/**
 * The common shapes `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` with `T` or a space and an optional
 * `Z`, read from `text[start..end)` with char codes (several times faster than the regex);
 * NaN for anything else (then {@link toEpochMs} tries the full grammar).
 */
export function isoRangeToEpochMs(text: string, start: number, end: number): number {
  const n = end - start;
  if (n !== 10 && n !== 16 && n !== 17 && n !== 19 && n !== 20) return NaN;
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    const sep = s.charCodeAt(10);
    if ((sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58) return NaN;
    hour = digits(s, 11, 2);
    minute = digits(s, 14, 2);
    let at = 16;
    if (n >= 19 && s.charCodeAt(16) === 58) {
      second = digits(s, 17, 2);
      at = 19;
    }
    if (at === n - 1 && s.charCodeAt(at) === 90) at++;
    if (at !== n) return NaN;
  }
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  return utc(year, month - 1, day, hour, minute, second);
}

/** The largest time a Date holds: ±100,000,000 days from 1970. */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * Date.UTC with the year as written: Date.UTC reads years 0–99 as 1900–1999.
 * @example
 * new Date(utc(50, 2, 1, 0, 0, 0)).getUTCFullYear() //=> 50
 */
export function utc(year: number, month0: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month0, day, hour, minute, second);
  const date = new Date(Date.UTC(2000, month0, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * The start (00:00 UTC) of the day that contains `ms`, in epoch milliseconds.
 * @example
 * startOfUtcDay(Date.UTC(2025, 0, 2, 15)) === Date.UTC(2025, 0, 2) //=> true
 */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}
