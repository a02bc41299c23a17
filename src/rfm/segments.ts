/** An inclusive score range, e.g. [4, 5]. */
export type ScoreRange = readonly [number, number];

/** One rule of a segment table: a name and the score ranges it covers (a missing score is unconstrained). */
export interface SegmentRule {
  name: string;
  r?: ScoreRange;
  f?: ScoreRange;
  m?: ScoreRange;
}

/** The standard segment names. */
export type RfmSegment =
  | 'Champions' | 'Loyal Customers' | 'Potential Loyalist' | 'New Customers' | 'Promising' | 'Need Attention'
  | 'About To Sleep' | 'At Risk' | "Can't Lose Them" | 'Hibernating' | 'Lost' | 'Others';

/**
 * The widely used 11-segment table for 5-level R, F and M scores, first match wins. The score
 * ranges of the ten shared names are those of the R package rfm (`rfm_segment`), plus
 * Hibernating for the remaining low-recency customers. The R package applies its list in the
 * order Champions, Loyal Customers, Potential Loyalist, …, where wider rules shadow narrower
 * ones (New Customers, Promising and Can't Lose Them can never match); here the narrower rules
 * come first, so every segment is reachable. Anything unmatched falls to 'Others'.
 */
export const RFM_SEGMENTS: readonly SegmentRule[] = [
  { name: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { name: "Can't Lose Them", r: [1, 1], f: [4, 5], m: [4, 5] },
  { name: 'New Customers', r: [4, 5], f: [1, 1], m: [1, 1] },
  { name: 'Promising', r: [3, 4], f: [1, 1], m: [1, 1] },
  { name: 'Loyal Customers', r: [2, 5], f: [3, 5], m: [3, 5] },
  { name: 'At Risk', r: [1, 2], f: [2, 5], m: [2, 5] },
  { name: 'Need Attention', r: [2, 3], f: [2, 3], m: [2, 3] },
  { name: 'Potential Loyalist', r: [3, 5], f: [1, 3], m: [1, 3] },
  { name: 'About To Sleep', r: [2, 3], f: [1, 2], m: [1, 2] },
  { name: 'Lost', r: [1, 2], f: [1, 2], m: [1, 2] },
  { name: 'Hibernating', r: [1, 2] },
];

/**
 * The 10-segment recency × frequency map (R and F scores 1–5; every cell is covered, so there
 * are no 'Others').
 */
export const RF_SEGMENTS: readonly SegmentRule[] = [
  { name: 'Hibernating', r: [1, 2], f: [1, 2] },
  { name: 'At Risk', r: [1, 2], f: [3, 4] },
  { name: "Can't Lose Them", r: [1, 2], f: [5, 5] },
  { name: 'About To Sleep', r: [3, 3], f: [1, 2] },
  { name: 'Need Attention', r: [3, 3], f: [3, 3] },
  { name: 'Loyal Customers', r: [3, 4], f: [4, 5] },
  { name: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'New Customers', r: [5, 5], f: [1, 1] },
  { name: 'Potential Loyalist', r: [4, 5], f: [2, 3] },
  { name: 'Champions', r: [5, 5], f: [4, 5] },
];

const inRange = (score: number, range: ScoreRange | undefined): boolean => range === undefined || (score >= range[0] && score <= range[1]);

/**
 * The first segment whose ranges contain the scores, or `fallback`.
 * @example
 * segmentOf(5, 5, 5, RFM_SEGMENTS) //=> 'Champions'
 */
export function segmentOf(r: number, f: number, m: number, rules: readonly SegmentRule[], fallback = 'Others'): string {
  for (const rule of rules) if (inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) return rule.name;
  return fallback;
}
