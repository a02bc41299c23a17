import { OptionError } from './errors';
import { utc } from './time';

/** One field of a date pattern and how many digits it takes. */
type Token = { field: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'; min: number; max: number } | { literal: string };

const TOKENS: ReadonlyArray<[string, Token]> = [
  ['YYYY', { field: 'year', min: 4, max: 4 }],
  ['MM', { field: 'month', min: 2, max: 2 }],
  ['DD', { field: 'day', min: 2, max: 2 }],
  ['HH', { field: 'hour', min: 2, max: 2 }],
  ['mm', { field: 'minute', min: 2, max: 2 }],
  ['ss', { field: 'second', min: 2, max: 2 }],
  ['M', { field: 'month', min: 1, max: 2 }],
  ['D', { field: 'day', min: 1, max: 2 }],
  ['H', { field: 'hour', min: 1, max: 2 }],
];

/**
 * A parser for times written in a fixed pattern, read as UTC: `YYYY` (four-digit year), `MM`,
 * `DD`, `HH`, `mm`, `ss` (two digits each), `M`, `D`, `H` (one or two digits); anything else
 * must appear as written. The whole value must match, and the date must exist (no 31 April).
 * @param pattern - e.g. `'YYYYMMDD'`, `'DD/MM/YYYY HH:mm'`, `'M/D/YYYY H:mm'`.
 * @returns value → epoch milliseconds, or NaN when the value does not fit the pattern.
 * @throws {OptionError} code `'OPTION'` for a pattern without a year, month and day.
 * @example
 * datePattern('DD/MM/YYYY HH:mm')('01/12/2010 08:26') === Date.UTC(2010, 11, 1, 8, 26) //=> true
 */
export function datePattern(pattern: string): (value: unknown) => number {
  const tokens = tokenize(pattern);
  const fields = new Set(tokens.flatMap((t) => ('field' in t ? [t.field] : [])));
  for (const need of ['year', 'month', 'day'] as const) {
    if (!fields.has(need)) throw new OptionError(`date pattern ${JSON.stringify(pattern)} has no ${need} (use YYYY, MM or M, DD or D)`);
  }
  return (value) => {
    if (typeof value !== 'string') return NaN;
    const text = value.trim();
    const got = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    let at = 0;
    for (const t of tokens) {
      if ('literal' in t) {
        if (!text.startsWith(t.literal, at)) return NaN;
        at += t.literal.length;
        continue;
      }
      let end = at;
      while (end < text.length && end - at < t.max && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end - at < t.min) return NaN;
      got[t.field] = Number(text.slice(at, end));
      at = end;
    }
    if (at !== text.length) return NaN;
    const { year, month, day, hour, minute, second } = got;
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
    const ms = utc(year, month - 1, day, hour, minute, second); // years 0000-0099 as written
    const date = new Date(ms);
    return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? ms : NaN;
  };
}

function tokenize(pattern: string): Token[] {
  if (typeof pattern !== 'string' || pattern === '') throw new OptionError(`a date pattern must be a non-empty string such as 'DD/MM/YYYY', got ${String(pattern)}`);
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const hit = TOKENS.find(([name]) => pattern.startsWith(name, i));
    if (hit !== undefined) {
      out.push(hit[1]);
      i += hit[0].length;
      continue;
    }
    const last = out[out.length - 1];
    if (last !== undefined && 'literal' in last) last.literal += pattern[i] as string;
    else out.push({ literal: pattern[i] as string });
    i++;
  }
  return out;
}
