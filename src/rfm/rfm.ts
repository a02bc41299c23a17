import { DataError, OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY } from '../core/time';
import { TransactionLog } from '../core/TransactionLog';
import { moneyKey, scoreValues, type RfmScoring } from './scoring';
import { RFM_SEGMENTS, segmentOf, type RfmSegment, type SegmentRule } from './segments';
import { returnedUpTo } from '../core/columns';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runGuard, type SearchGuard } from '../core/guard';
import type { RunOptions } from '../core/run';

/** Recency, frequency and monetary value of one customer, before scoring. */
export interface RfmValues {
  customer: string;
  /** Days from the last purchase to `asOf`. */
  recency: number;
  /** Distinct baskets. */
  frequency: number;
  /** Spend: total, or mean per basket. */
  monetary: number;
}

/** One scored customer. */
export interface RfmRow extends RfmValues {
  /** Scores 1..bins; a more recent purchase, more baskets, more spend score higher. */
  r: number;
  f: number;
  m: number;
  /** The three scores as a string, e.g. '545'. */
  score: string;
  segment: RfmSegment | string;
}

/** Options of {@link rfm}. */
export interface RfmOptions extends RunOptions {
  /** Reference date; later transactions are ignored. @default the start of the day after the log's last basket */
  asOf?: Date | string | number;
  /** Number of score levels. @default 5 */
  bins?: number;
  /** Spend as the total or the mean per basket. @default 'total' */
  monetary?: 'total' | 'mean';
  /** How values become scores (see {@link scoreValues}). @default 'quantile' */
  scoring?: RfmScoring;
  /** Segment table, first match wins. @default RFM_SEGMENTS (needs bins = 5) */
  segments?: readonly SegmentRule[];
  /** Segment for customers no rule matches. @default 'Others' */
  fallbackSegment?: string;
}

const RFM_OPTIONS = { ...RUN_OPTIONS, asOf: 'time', bins: 'number', monetary: 'string', scoring: 'any', segments: 'array', fallbackSegment: 'string' } as const satisfies Record<keyof RfmOptions, OptionKind>;

/**
 * RFM analysis: per customer, recency (whole days from the last purchase day to the `asOf`
 * day), frequency (distinct baskets) and monetary value (spend), scored 1..bins and named by a
 * segment table. Spend is scored to the millionth of its unit ({@link moneyKey}), so that sums
 * that differ only by floating-point rounding (summed in another order, or by an SQL engine)
 * tie. Accepts a log, or rows that already hold { customer, recency, frequency,
 * monetary } (e.g. from SQL), which are then only scored. On a log, spend is net of returns up
 * to `asOf` (the log's `returns` policy), and a customer whose returns cancel all their
 * purchases is left out: returning everything is not buying.
 * @param input - A `TransactionLog` (with an amount column), or pre-computed {@link RfmValues}.
 * @param options - {@link RfmOptions}
 * @returns One row per customer with at least one purchase on or before `asOf` (and, net of returns, a positive spend).
 * @throws {OptionError} code `'OPTION'` for bad options (e.g. the default segment table with bins ≠ 5);
 *   {@link DataError} code `'DATA'` for a log without amounts or a malformed row.
 * @see Hughes (1994), Strategic Database Marketing.
 * @example
 * rfm(log, { asOf: '2025-01-01' })[0] //=> { customer: 'C001', recency: 12, frequency: 7, monetary: 830.5, r: 5, f: 4, m: 5, score: '545', segment: 'Champions' }
 */
export function rfm(input: TransactionLog | readonly RfmValues[], options: RfmOptions = {}): RfmRow[] {
  checkOptions('rfm', options, RFM_OPTIONS);
  const guard = runGuard(options);
  const bins = options.bins ?? 5;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) throw new OptionError(`bins must be an integer from 2 to 9, got ${String(bins)}`);
  const segments = options.segments ?? RFM_SEGMENTS;
  if (options.segments === undefined && bins !== 5) throw new OptionError(`the standard segment table is for 5 bins; with bins = ${bins} pass your own segments`);
  const scoring = options.scoring ?? 'quantile';
  const values = input instanceof TransactionLog ? rfmValues(input, options, guard) : checkRows(input);
  guard.phase('score');
  const breaks = typeof scoring === 'object' ? scoring.breaks : undefined;
  const r = scoreValues(values.map((v) => v.recency), bins, scoring, false, breaks?.recency);
  const f = scoreValues(values.map((v) => v.frequency), bins, scoring, true, breaks?.frequency);
  const m = scoreValues(values.map((v) => moneyKey(v.monetary)), bins, scoring, true, breaks?.monetary);
  // At most 9³ score combinations: name each once.
  const fallback = options.fallbackSegment ?? 'Others';
  const names: string[] = [];
  const scores: string[] = [];
  for (let key = 0; key < 1000; key++) {
    const ri = Math.floor(key / 100), fi = Math.floor(key / 10) % 10, mi = key % 10;
    scores.push(`${ri}${fi}${mi}`);
    names.push(ri >= 1 && fi >= 1 && mi >= 1 ? segmentOf(ri, fi, mi, segments, fallback) : fallback);
  }
  return values.map((v, i) => {
    const ri = r[i] as number, fi = f[i] as number, mi = m[i] as number;
    const key = ri * 100 + fi * 10 + mi;
    return { customer: v.customer, recency: v.recency, frequency: v.frequency, monetary: v.monetary, r: ri, f: fi, m: mi, score: scores[key] as string, segment: names[key] as string };
  });
}

/** Recency (days), frequency and monetary per customer from a log, in one pass. */
function rfmValues(log: TransactionLog, options: RfmOptions, guard: SearchGuard): RfmValues[] {
  const { customerBasketOffsets: off, basketTime, basketAmount, customerNames } = log.columns;
  if (basketAmount === null) throw new DataError('RFM needs spend: load the log with an amount (or price) column');
  const monetaryKind = options.monetary ?? 'total';
  if (monetaryKind !== 'total' && monetaryKind !== 'mean') throw new OptionError(`monetary must be 'total' or 'mean', got ${String(monetaryKind)}`);
  const asOf = resolveAsOf(log, options.asOf);
  const asOfDay = Math.floor(asOf / MS_PER_DAY);
  const out: RfmValues[] = [];
  guard.phase('rfm', customerNames.length);
  for (let c = 0; c < customerNames.length; c++) {
    guard.tick((off[c + 1] as number) - (off[c] as number) + 1);
    let count = 0;
    let spend = 0;
    let last = NaN;
    for (let b = off[c] as number; b < (off[c + 1] as number); b++) {
      const t = basketTime[b] as number;
      if (t > asOf) break;
      count++;
      spend += basketAmount[b] as number;
      last = t;
    }
    if (count === 0) continue;
    // Returns lower the spend (the log's returns policy); one who returned it all is no buyer.
    const returned = returnedUpTo(log.columns, c, asOf);
    if (returned < 0 && spend + returned <= 0) continue;
    spend += returned;
    out.push({ customer: customerNames[c] as string, recency: asOfDay - Math.floor(last / MS_PER_DAY), frequency: count, monetary: monetaryKind === 'total' ? spend : spend / count });
  }
  return out;
}

function checkRows(rows: readonly RfmValues[]): RfmValues[] {
  if (!Array.isArray(rows)) throw new DataError('expected a TransactionLog or an array of { customer, recency, frequency, monetary }');
  return rows.map((row, i) => {
    for (const field of ['recency', 'frequency', 'monetary'] as const) {
      if (typeof row[field] !== 'number' || !Number.isFinite(row[field])) throw new DataError('expected a finite number', { row: i + 1, field, value: row[field] });
    }
    if (typeof row.customer !== 'string' || row.customer === '') throw new DataError('expected a customer id', { row: i + 1, field: 'customer', value: row.customer });
    return { customer: row.customer, recency: row.recency, frequency: row.frequency, monetary: row.monetary };
  });
}
