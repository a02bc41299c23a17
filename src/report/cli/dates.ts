import { toEpochMs } from '../../core/time';

/** How the CLI reads the time column. */
export type DateFormat = 'iso' | 'dmy' | 'mdy';

/** A day-first or month-first date with an optional time, as --date-format dmy/mdy read it. */
export const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A time parser for `--date-format`: `iso` (the loader's default: ISO-8601 or epoch ms), or
 * day-first `dmy` (`31/12/2010 8:26`) / month-first `mdy` (`12/31/2010 8:26`) dates with an
 * optional time, read as UTC. Two-digit years are 19xx from 70, else 20xx. A value that does
 * not fit gives NaN, which the loader reports with its row and field.
 */
export function dateParser(format: DateFormat): ((value: unknown) => number) | undefined {
  if (format === 'iso') return undefined;
  return (value) => {
    const m = SLASHED.exec(String(value).trim());
    if (m === null) return toEpochMs(value as string);
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = format === 'dmy' ? [a, b] : [b, a];
    let y = Number(m[3]);
    if ((m[3] as string).length === 2) y += y >= 70 ? 1900 : 2000;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
    const ms = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    return new Date(ms).getUTCDate() === d ? ms : NaN;
  };
}
