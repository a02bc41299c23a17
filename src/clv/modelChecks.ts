import { OptionError } from '../core/errors';
import { checkOptions, type OptionKind } from '../core/options';
import { MS_PER_DAY, toEpochMs } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import type { BtydCustomer } from './bgnbd';
import type { PurchaseModel } from './clv';
import type { CalibrationHoldoutRow, SummaryUnit } from './summary';

/** One period of {@link trackingCurve}. */
export interface TrackingPoint {
  /** Periods since the first customer's first purchase (1, 2, …). */
  period: number;
  /** End of the period. */
  date: Date;
  /** Cumulative repeat purchase days of the cohort up to the end of the period. */
  actual: number;
  /** What the model expects: Σ over the cohort of E[X(t − first purchase)]. */
  expected: number;
  /** True for periods after calibrationEnd (the holdout). */
  holdout: boolean;
}

/**
 * The classic tracking plot of the BG/NBD paper: cumulative repeat transactions of the cohort
 * (customers whose first purchase is on or before `calibrationEnd`), actual against what a
 * purchase model fitted on the calibration period expects, period by period through the holdout.
 * Expected = Σ_i E[X(t − tᵢ)] with tᵢ customer i's first purchase (a new customer's expectation).
 * @param model - A purchase model fitted at calibrationEnd, in the same unit.
 * @throws {OptionError} code `'OPTION'` for ends that are not ordered times or a bad unit.
 * @example
 * trackingCurve(fitBgNbd(calibration), log, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' }).at(-1) //=> { period: 78, actual: 4156, expected: 4230, holdout: true, … }
 */
export function trackingCurve(model: PurchaseModel, log: TransactionLog, options: { calibrationEnd: Date | string | number; holdoutEnd: Date | string | number; unit?: SummaryUnit }): TrackingPoint[] {
  checkOptions('trackingCurve', options, { calibrationEnd: 'time', holdoutEnd: 'time', unit: 'string' } satisfies Record<string, OptionKind>);
  const calibrationEnd = toEpochMs(options.calibrationEnd);
  const holdoutEnd = toEpochMs(options.holdoutEnd);
  if (Number.isNaN(calibrationEnd) || Number.isNaN(holdoutEnd) || holdoutEnd <= calibrationEnd) throw new OptionError('calibrationEnd and holdoutEnd must be times with calibrationEnd < holdoutEnd');
  const unit = options.unit ?? 'week';
  if (unit !== 'week' && unit !== 'day') throw new OptionError(`unit must be 'day' or 'week', got ${String(unit)}`);
  const unitMs = unit === 'day' ? MS_PER_DAY : 7 * MS_PER_DAY;
  const { customerBasketOffsets: off, basketTime, customerNames } = log.columns;
  // The cohort: customers by first purchase day (the expectation depends on that day alone), and each later purchase day (one per day, as the summary counts them).
  const cohortByDay = new Map<number, number>();
  const repeatDays: number[] = [];
  for (let c = 0; c < customerNames.length; c++) {
    const from = off[c] as number;
    if (from === (off[c + 1] as number) || (basketTime[from] as number) > calibrationEnd) continue;
    const firstDay = Math.floor((basketTime[from] as number) / MS_PER_DAY);
    cohortByDay.set(firstDay * MS_PER_DAY, (cohortByDay.get(firstDay * MS_PER_DAY) ?? 0) + 1);
    let last = firstDay;
    for (let b = from + 1; b < (off[c + 1] as number); b++) {
      const day = Math.floor((basketTime[b] as number) / MS_PER_DAY);
      if (day !== last) { repeatDays.push(day * MS_PER_DAY); last = day; }
    }
  }
  if (cohortByDay.size === 0) return [];
  const cohorts = [...cohortByDay].sort((a, b) => a[0] - b[0]);
  const start = (cohorts[0] as [number, number])[0];
  repeatDays.sort((a, b) => a - b);
  const points: TrackingPoint[] = [];
  let seen = 0;
  for (let k = 1; start + (k - 1) * unitMs < holdoutEnd; k++) {
    const end = Math.min(start + k * unitMs, holdoutEnd);
    // A purchase day at d counts by the end of the period containing it: d < end.
    while (seen < repeatDays.length && (repeatDays[seen] as number) < end) seen++;
    let expected = 0;
    // Ages as customerSummary measures T: from the start of the first purchase day to the boundary.
    for (const [first, customers] of cohorts) {
      if (end <= first) break;
      expected += customers * model.expectedPurchases((end - first) / unitMs);
    }
    points.push({ period: k, date: new Date(end), actual: seen, expected, holdout: end > calibrationEnd });
  }
  return points;
}

/** One frequency class of {@link conditionalExpectations}. */
export interface ConditionalExpectation {
  /** Calibration frequency (repeat purchases); the last class is "at least" this. */
  frequency: number;
  atLeast: boolean;
  customers: number;
  /** Mean holdout purchases, actual and as the model expects them. */
  actual: number;
  predicted: number;
}

/**
 * Conditional expectations: the mean number of holdout purchases of the customers with each
 * calibration frequency, actual against predicted (the second check of the BG/NBD paper).
 * @param rows - {@link calibrationHoldout} rows.
 * @param options - `maxFrequency`: frequencies at or above it form one class. @default 7
 * @example
 * conditionalExpectations(fitBgNbd(rows), rows)[0] //=> { frequency: 0, customers: 1411, actual: 0.24, predicted: 0.23, atLeast: false }
 */
export function conditionalExpectations(model: PurchaseModel, rows: readonly CalibrationHoldoutRow[], options: { maxFrequency?: number } = {}): ConditionalExpectation[] {
  checkOptions('conditionalExpectations', options, { maxFrequency: 'number' });
  const top = options.maxFrequency ?? 7;
  if (!(Number.isInteger(top) && top >= 1)) throw new OptionError(`maxFrequency must be an integer >= 1, got ${String(top)}`);
  const classes = Array.from({ length: top + 1 }, (_, f) => ({ frequency: f, atLeast: f === top, customers: 0, actual: 0, predicted: 0 }));
  for (const row of rows) {
    const cls = classes[Math.min(row.frequency, top)] as ConditionalExpectation;
    cls.customers++;
    cls.actual += row.holdoutFrequency;
    cls.predicted += model.expectedPurchases(row.holdoutDuration, row as BtydCustomer);
  }
  return classes.filter((c) => c.customers > 0).map((c) => ({ ...c, actual: c.actual / c.customers, predicted: c.predicted / c.customers }));
}
