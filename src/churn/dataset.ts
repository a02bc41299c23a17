import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import type { BgNbdParams } from '../clv/index';
import { churnFeatures, type ChurnFeature } from './features';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runOnly, throwIfAborted, type RunOptions } from '../core/run';

/** Options of {@link churnDataset}. */
export interface ChurnDatasetOptions extends RunOptions {
  /** The date the features are computed at; the label looks at what follows it. */
  asOf: Date | string | number;
  /** A customer churned when they buy nothing within this many days after `asOf`. */
  horizonDays: number;
  /** Keep only these features (names from `CHURN_FEATURES`). @default all */
  features?: readonly ChurnFeature[];
  /** BG/NBD parameters for `bgnbdActive`. @default fitted at asOf */
  bgnbd?: BgNbdParams | null;
}

/** Features and churn labels, one row per customer with a purchase on or before `asOf`. */
export interface ChurnDataset {
  features: number[][];
  featureNames: string[];
  /** 1 = churned: no purchase in (asOf, asOf + horizonDays]. */
  labels: (0 | 1)[];
  customers: string[];
  /** BG/NBD parameters behind `bgnbdActive`. */
  bgnbd: BgNbdParams | null;
}

/**
 * The end of what the log observes: the start of the (UTC) day after its last basket.
 */
export function observedUntil(log: TransactionLog): number {
  return resolveAsOf(log, undefined);
}

/**
 * Checks that `asOf` lies within the log and that the label window (asOf, asOf + horizon] is
 * fully observed; returns asOf in epoch ms.
 * @throws {OptionError} naming the dates otherwise.
 */
export function checkLabelWindow(log: TransactionLog, asOfInput: Date | string | number, horizonDays: number): number {
  const { basketTime } = log.columns;
  let first = Infinity;
  for (let b = 0; b < basketTime.length; b++) first = Math.min(first, basketTime[b] as number);
  return labelWindow(first, observedUntil(log), asOfInput, horizonDays, (input) => resolveAsOf(log, input));
}

/**
 * {@link checkLabelWindow} on data known by its first basket time and its end (the start of the
 * day after its last basket), in epoch ms: also the check of the SQL path, whose engine reports them.
 * @throws {OptionError} naming the dates.
 */
export function labelWindow(first: number, end: number, asOfInput: Date | string | number, horizonDays: number, resolve: (asOf: Date | string | number) => number): number {
  if (horizonDays === undefined) throw new OptionError('horizonDays is required: a customer churned when they buy nothing within this many days, e.g. horizonDays: 90');
  if (!(Number.isFinite(horizonDays) && horizonDays > 0)) throw new OptionError(`horizonDays must be a positive number of days, got ${String(horizonDays)}`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (asOfInput === undefined) {
    // No default here: the default asOf (the log's end) can never have an observed label window.
    throw new OptionError(`asOf is required: the date the features are computed at, with ${horizonDays} observed days after it; in this log, from ${day(first)} to ${day(end - horizonDays * MS_PER_DAY)}`);
  }
  const asOf = resolve(asOfInput);
  if (asOf < first || asOf >= end) throw new OptionError(`asOf ${day(asOf)} is outside the log, which runs from ${day(first)} to ${day(end - 1)}`, { asOf: day(asOf) });
  const windowEnd = asOf + horizonDays * MS_PER_DAY;
  if (windowEnd > end) {
    throw new OptionError(`the ${horizonDays}-day horizon after ${day(asOf)} runs to ${day(windowEnd)}, past the end of the data (${day(end - 1)}): customers would be labelled churned for purchases the log cannot show. Use an asOf on or before ${day(end - horizonDays * MS_PER_DAY)} or a shorter horizon`, { asOf: day(asOf), horizonDays });
  }
  return asOf;
}

/**
 * Features known at `asOf` (see {@link churnFeatures}) and the churn label of each customer:
 * 1 when they buy nothing in (asOf, asOf + horizonDays].
 * @throws {OptionError} when asOf is outside the log or the horizon runs past its end.
 * @example
 * const d = churnDataset(log, { asOf: '1997-09-30', horizonDays: 273 });
 * d.labels.filter((l) => l === 1).length / d.labels.length //=> 0.71 on CDNOW
 */
export function churnDataset(log: TransactionLog, options: ChurnDatasetOptions): ChurnDataset {
  checkOptions('churnDataset', options, { ...RUN_OPTIONS, asOf: 'time', horizonDays: 'number', features: 'array', bgnbd: 'any' } satisfies Record<keyof ChurnDatasetOptions, OptionKind>);
  throwIfAborted(options.signal);
  const asOf = checkLabelWindow(log, options.asOf, options.horizonDays);
  const f = churnFeatures(log, { asOf, horizonDays: options.horizonDays, ...runOnly(options), ...(options.bgnbd === undefined ? {} : { bgnbd: options.bgnbd }) });
  const windowEnd = asOf + options.horizonDays * MS_PER_DAY;
  const { customerBasketOffsets: off, basketTime, customerNames } = log.columns;
  const byName = new Map(customerNames.map((n, i) => [n, i]));
  const labels = f.customers.map((name): 0 | 1 => {
    const c = byName.get(name) as number;
    for (let b = off[c] as number; b < (off[c + 1] as number); b++) {
      const t = basketTime[b] as number;
      if (t > asOf && t <= windowEnd) return 0;
    }
    return 1;
  });
  let keep = f.featureNames.map((_, j) => j);
  if (options.features !== undefined) {
    const unknown = options.features.filter((n) => !f.featureNames.includes(n));
    if (unknown.length > 0) throw new OptionError(`unknown churn feature(s): ${unknown.join(', ')}; known: ${f.featureNames.join(', ')}`);
    keep = options.features.map((n) => f.featureNames.indexOf(n));
  }
  return {
    features: keep.length === f.featureNames.length ? f.features : f.features.map((r) => keep.map((j) => r[j] as number)),
    featureNames: keep.map((j) => f.featureNames[j] as string),
    labels,
    customers: f.customers,
    bgnbd: f.bgnbd,
  };
}
