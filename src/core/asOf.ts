import { OptionError } from './errors';
import { MS_PER_DAY, toEpochMs } from './time';
import type { TransactionLog } from './TransactionLog';

/**
 * The reference time of an analysis in epoch ms: the given `asOf`, or by default the start of
 * the (UTC) day after the log's last basket, so that the last day counts as fully observed.
 * @throws {OptionError} code `'OPTION'` when `asOf` is not a Date, epoch ms or ISO-8601 string.
 * @example
 * resolveAsOf(log, undefined) //=> Date.UTC of the day after the last purchase
 */
export function resolveAsOf(log: TransactionLog, asOf: Date | string | number | undefined): number {
  if (asOf === undefined) {
    const { basketTime } = log.columns;
    let last = -Infinity;
    for (let b = 0; b < basketTime.length; b++) if ((basketTime[b] as number) > last) last = basketTime[b] as number;
    return (Math.floor(last / MS_PER_DAY) + 1) * MS_PER_DAY;
  }
  const ms = toEpochMs(asOf);
  if (Number.isNaN(ms)) throw new OptionError(`asOf must be a Date, epoch ms or ISO-8601 string, got ${String(asOf)}`, { asOf });
  return ms;
}
