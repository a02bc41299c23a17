import { DataError, OptionError } from '../core/errors';
import { fisherGreater } from '../core/fisher';
import { checkOptions, type OptionKind } from '../core/options';
import { conditionText, conditionsOf, isMissing, meets, type Condition } from './conditions';

/** Options of {@link profileSegments}. */
export interface ProfileOptions {
  /** Attributes to describe segments by. @default every column but the segment column (and `customer`) */
  attributes?: readonly string[];
  /** Numeric attributes are cut at their quantiles into this many bins. @default 4 */
  bins?: number;
  /** Conditions kept per segment, best first. @default 5 */
  top?: number;
  /** Least share of the segment a condition must cover. @default 0.1 */
  minCoverage?: number;
  /** Largest Fisher p-value of a condition kept. @default 0.05 */
  maxPValue?: number;
}

/** A condition that sets a segment apart, with how much. */
export interface SegmentCondition {
  attribute: string;
  /** "recency ≥ 180", "Contract = Month-to-month". */
  text: string;
  condition: Condition;
  /** Share of the segment that meets it. */
  coverage: number;
  /** Share of the other rows that meet it. */
  rest: number;
  /** P(segment | condition) / P(segment): how much more often rows that meet it are in the segment. */
  lift: number;
  /** Weighted relative accuracy P(c)·(P(segment | c) − P(segment)): the subgroup-discovery quality the conditions are ranked by. */
  wracc: number;
  /** One-sided Fisher exact test of condition × segment. */
  pValue: number;
}

/** One segment's profile. */
export interface SegmentProfileResult {
  segment: string;
  rows: number;
  share: number;
  conditions: SegmentCondition[];
  /** The conditions in words: "recency ≥ 180 (92% of the segment, 18% of the rest); …", or why none. */
  description: string;
}

const OPTIONS = { attributes: 'array', bins: 'number', top: 'number', minCoverage: 'number', maxPValue: 'number' } as const satisfies Record<keyof ProfileOptions, OptionKind>;

/**
 * What sets each segment apart from the rest, as subgroup discovery describes a target: every
 * value of a categorical attribute and every quantile range of a numeric one is a candidate
 * condition; a segment keeps those it meets more often than the rest (lift > 1) that cover at
 * least `minCoverage` of it and pass a one-sided Fisher test, ranked by weighted relative
 * accuracy. Works on any table: RFM rows with their segment, k-means clusters, churners against
 * stayers.
 * @param table - Rows as objects, e.g. `rfm(log)` or a churn dataset's rows.
 * @param segmentColumn - The column holding each row's segment (any value; compared as text).
 * @throws {DataError} code `'DATA'` naming the row whose segment is missing.
 * @see Lavrač, Kavšek, Flach & Todorovski (2004), Subgroup discovery with CN2-SD, JMLR 5.
 * @example
 * profileSegments(rfm(log), 'segment')[0] //=> { segment: 'Champions', conditions: [{ text: 'r ≥ 5', coverage: 1, rest: 0.1, … }], description: 'r ≥ 5 (100% of the segment, 10% of the rest); …' }
 */
export function profileSegments(table: readonly Record<string, unknown>[], segmentColumn: string, options: ProfileOptions = {}): SegmentProfileResult[] {
  checkOptions('profileSegments', options, OPTIONS);
  const { bins = 4, top = 5, minCoverage = 0.1, maxPValue = 0.05 } = options;
  if (!(Number.isInteger(bins) && bins >= 2)) throw new OptionError(`bins must be an integer >= 2, got ${String(bins)}`);
  if (!(Number.isInteger(top) && top >= 1)) throw new OptionError(`top must be an integer >= 1, got ${String(top)}`);
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new OptionError(`minCoverage must be in [0, 1], got ${String(minCoverage)}`);
  if (!(maxPValue >= 0 && maxPValue <= 1)) throw new OptionError(`maxPValue must be in [0, 1], got ${String(maxPValue)}`);
  if (!Array.isArray(table) || table.length === 0) throw new DataError('profileSegments needs a non-empty array of rows');
  const n = table.length;
  const labels = table.map((row, i) => {
    const v = row[segmentColumn];
    if (isMissing(v)) throw new DataError(`the segment is missing`, { row: i + 1, field: segmentColumn, value: v });
    return String(v);
  });
  const attributes = options.attributes ?? Object.keys(table[0] as object).filter((k) => k !== segmentColumn && k !== 'customer');
  for (const a of attributes) if (!(a in (table[0] as object))) throw new OptionError(`attribute '${a}' is not a column of the table`, { attribute: a });
  const candidates = attributes.flatMap((a) => conditionsOf(a, table.map((row) => row[a]), bins));
  // Which rows meet each condition, once.
  const met = candidates.map((c) => Uint8Array.from(table, (row) => (meets(c, row[c.attribute]) ? 1 : 0)));
  const sizes = new Map<string, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([segment, size]) => {
    const conditions: SegmentCondition[] = [];
    candidates.forEach((condition, k) => {
      const rows = met[k] as Uint8Array;
      let both = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (rows[i] === 0) continue;
        total++;
        if (labels[i] === segment) both++;
      }
      const coverage = both / size;
      const rest = size === n ? 0 : (total - both) / (n - size);
      if (total === 0 || coverage < minCoverage || coverage <= rest) return;
      const pValue = fisherGreater(both, total, size, n);
      if (pValue > maxPValue) return;
      conditions.push({ attribute: condition.attribute, text: conditionText(condition), condition, coverage, rest, lift: both / total / (size / n), wracc: (total / n) * (both / total - size / n), pValue });
    });
    conditions.sort((a, b) => b.wracc - a.wracc || a.pValue - b.pValue || (a.text < b.text ? -1 : 1));
    const kept = conditions.slice(0, top);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const description = kept.length === 0
      ? `nothing sets it apart: no condition covers ${pct(minCoverage)} of it more often than the rest with p ≤ ${maxPValue}`
      : kept.map((c) => `${c.text} (${pct(c.coverage)} of the segment, ${pct(c.rest)} of the rest)`).join('; ');
    return { segment, rows: size, share: size / n, conditions: kept, description };
  });
}
