import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY, toEpochMs } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runGuard } from '../core/guard';
import type { RunOptions } from '../core/run';

/** Time unit of a customer summary. */
export type SummaryUnit = 'day' | 'week';

/** One customer in buy-till-you-die form (the input of BG/NBD and Gamma-Gamma). */
export interface CustomerSummaryRow {
  customer: string;
  /** Repeat purchases: distinct purchase days − 1. */
  frequency: number;
  /** Age at the last purchase: last − first purchase day, in units. */
  recency: number;
  /** Age at `asOf`: asOf − first purchase day, in units. */
  T: number;
  /** Mean value of the repeat purchase days (0 without repeats or without amounts). */
  monetary: number;
}

/** Options of {@link customerSummary}. */
export interface CustomerSummaryOptions extends RunOptions {
  /** End of observation; later transactions are ignored. @default the start of the day after the log's last basket */
  asOf?: Date | string | number;
  /** @default 'week' */
  unit?: SummaryUnit;
  /**
   * What `monetary` measures: `'revenue'` (the amounts) or `'margin'` (amount − cost, from the
   * log's cost column), so that a spend model and CLV built on it value profit. @default 'revenue'
   */
  value?: 'revenue' | 'margin';
}

/**
 * The buy-till-you-die summary per customer, as the literature builds it: transactions after
 * `asOf` are ignored; purchases on the same (UTC) day collapse into one; frequency = distinct
 * purchase days − 1, recency = age at the last purchase, T = age at `asOf` (ages from the day of
 * the first purchase, in `unit`s), monetary = mean value of the repeat purchase days. Customers
 * whose first purchase is after `asOf` are left out. One pass over the log's typed arrays.
 * Returns (the log's `'net'` policy) up to `asOf` lower the value of the latest purchase day at
 * or before them (the purchase they most likely undo); they are never purchase days.
 * @param log - A transaction log (amounts are needed for `monetary`).
 * @param options - {@link CustomerSummaryOptions}
 * @returns One row per customer, in the log's customer order.
 * @throws {OptionError} code `'OPTION'` for an `asOf` that is not a time or a bad unit.
 * @see Fader, Hardie & Lee (2005), "Counting your customers" the easy way, Marketing Science 24(2).
 * @example
 * customerSummary(log, { asOf: '1997-09-30', unit: 'week' })[0] //=> { customer: '00001', frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }
 */
export function customerSummary(log: TransactionLog, options: CustomerSummaryOptions = {}): CustomerSummaryRow[] {
  checkOptions('customerSummary', options, { ...RUN_OPTIONS, asOf: 'time', unit: 'string', value: 'string' } satisfies Record<keyof CustomerSummaryOptions, OptionKind>);
  const guard = runGuard(options);
  const valuing = options.value ?? 'revenue';
  if (valuing !== 'revenue' && valuing !== 'margin') throw new OptionError(`value must be 'revenue' or 'margin', got ${String(valuing)}`);
  if (valuing === 'margin' && log.columns.rowCost === null) throw new OptionError("value: 'margin' needs the log's cost column (load it with a cost mapping), or value revenue and give a margin share to clv()");
  const basketValue = valuing === 'margin' ? basketMargins(log) : log.columns.basketAmount;
  const { returnCost } = log.columns;
  const unit = options.unit ?? 'week';
  if (unit !== 'day' && unit !== 'week') throw new OptionError(`unit must be 'day' or 'week', got ${String(unit)}`);
  const unitMs = unit === 'day' ? MS_PER_DAY : 7 * MS_PER_DAY;
  const { customerBasketOffsets: off, basketTime, customerNames } = log.columns;
  const asOf = resolveAsOf(log, options.asOf);
  const { customerReturnOffsets: rOff, returnTime, returnAmount } = log.columns;
  const rows: CustomerSummaryRow[] = [];
  const dayStart: number[] = [];
  const dayValue: number[] = [];
  guard.phase('summary', customerNames.length);
  for (let c = 0; c < customerNames.length; c++) {
    guard.tick((off[c + 1] as number) - (off[c] as number) + 1);
    dayStart.length = 0;
    dayValue.length = 0;
    for (let b = off[c] as number; b < (off[c + 1] as number); b++) {
      const t = basketTime[b] as number;
      if (t > asOf) break; // baskets are in time order
      const day = Math.floor(t / MS_PER_DAY);
      const amount = basketValue === null ? 0 : (basketValue[b] as number);
      if (day !== dayStart[dayStart.length - 1]) {
        dayStart.push(day);
        dayValue.push(amount);
      } else dayValue[dayValue.length - 1] = (dayValue[dayValue.length - 1] as number) + amount;
    }
    const days = dayStart.length;
    if (days === 0) continue;
    // Each return (in time order) lowers the latest purchase day at or before it.
    let d = 0;
    for (let i = rOff[c] as number; i < (rOff[c + 1] as number) && (returnTime[i] as number) <= asOf; i++) {
      const day = Math.floor((returnTime[i] as number) / MS_PER_DAY);
      while (d + 1 < days && (dayStart[d + 1] as number) <= day) d++;
      // A return's margin is its amount less the cost that comes back with the goods.
      const back = valuing === 'margin' && returnCost !== null ? (returnCost[i] as number) : 0;
      dayValue[d] = (dayValue[d] as number) + (returnAmount[i] as number) - back;
    }
    const firstDay = dayStart[0] as number;
    const lastDay = dayStart[days - 1] as number;
    let repeatValue = 0;
    for (let k = 1; k < days; k++) repeatValue += dayValue[k] as number;
    const frequency = days - 1;
    rows.push({
      customer: customerNames[c] as string,
      frequency,
      recency: ((lastDay - firstDay) * MS_PER_DAY) / unitMs,
      T: (asOf - firstDay * MS_PER_DAY) / unitMs,
      monetary: frequency > 0 ? repeatValue / frequency : 0,
    });
  }
  return rows;
}

/** Per basket, its amount less its cost (the margin). */
function basketMargins(log: TransactionLog): Float64Array {
  const { basketRowOffsets: off, rowAmount, rowCost } = log.columns;
  const out = new Float64Array(off.length - 1);
  for (let b = 0; b < out.length; b++) {
    let sum = 0;
    for (let i = off[b] as number; i < (off[b + 1] as number); i++) sum += ((rowAmount?.[i] ?? 0) as number) - ((rowCost?.[i] ?? 0) as number);
    out[b] = sum;
  }
  return out;
}

/** A summary row with what happened after calibration. */
export interface CalibrationHoldoutRow extends CustomerSummaryRow {
  /** Purchase days in (calibrationEnd, holdoutEnd]. */
  holdoutFrequency: number;
  /** Holdout length in units. */
  holdoutDuration: number;
}

/**
 * Splits the log at `calibrationEnd`: the {@link customerSummary} of what was known then, and
 * the number of purchase days each customer made in (calibrationEnd, holdoutEnd] — to check a
 * model's predictions against what happened.
 * @throws {OptionError} code `'OPTION'` when the ends are not times or holdoutEnd <= calibrationEnd.
 * @example
 * calibrationHoldout(log, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' })[0] //=> { …, holdoutFrequency: 1, holdoutDuration: 39 }
 */
export function calibrationHoldout(log: TransactionLog, options: { calibrationEnd: Date | string | number; holdoutEnd: Date | string | number; unit?: SummaryUnit }): CalibrationHoldoutRow[] {
  checkOptions('calibrationHoldout', options, { calibrationEnd: 'time', holdoutEnd: 'time', unit: 'string' });
  const start = toEpochMs(options.calibrationEnd);
  const end = toEpochMs(options.holdoutEnd);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) throw new OptionError('calibrationEnd and holdoutEnd must be times with calibrationEnd < holdoutEnd');
  const unitMs = (options.unit ?? 'week') === 'day' ? MS_PER_DAY : 7 * MS_PER_DAY;
  const rows = customerSummary(log, { asOf: start, unit: options.unit ?? 'week' });
  const { customerBasketOffsets: off, basketTime, customerNames } = log.columns;
  const index = new Map(customerNames.map((name, c) => [name, c]));
  return rows.map((row) => {
    const c = index.get(row.customer) as number;
    let days = 0;
    let lastDay = NaN;
    for (let b = off[c] as number; b < (off[c + 1] as number); b++) {
      const t = basketTime[b] as number;
      if (t <= start || t > end) continue;
      const day = Math.floor(t / MS_PER_DAY);
      if (day !== lastDay) { days++; lastDay = day; }
    }
    return { ...row, holdoutFrequency: days, holdoutDuration: (end - start) / unitMs };
  });
}
