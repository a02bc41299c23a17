/**
 * Why a customer scores high: a feature, its value, the typical (median) value, how much the
 * probability falls when it is set to typical, and the same in plain words.
 */
export interface RiskReason { feature: string; value: number; typical: number; effect: number; text: string }

const fixed = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Each feature in words, with its value and the typical one. */
const WORDS: Record<string, (v: number, t: number) => string> = {
  recencyDays: (v, t) => `no purchase for ${fixed(v)} days (typical ${fixed(t)})`,
  frequency: (v, t) => `${fixed(v)} baskets so far (typical ${fixed(t)})`,
  monetaryTotal: (v, t) => `spent ${fixed(v, 2)} in all (typical ${fixed(t, 2)})`,
  monetaryMean: (v, t) => `spends ${fixed(v, 2)} per basket (typical ${fixed(t, 2)})`,
  tenureDays: (v, t) => `a customer for ${fixed(v)} days (typical ${fixed(t)})`,
  interPurchaseMean: (v, t) => `${fixed(v)} days between purchases on average (typical ${fixed(t)})`,
  interPurchaseStd: (v, t) => `irregular: the gaps between purchases vary by ${fixed(v)} days (typical ${fixed(t)})`,
  recentBaskets: (v, t) => `${fixed(v)} baskets within the last horizon (typical ${fixed(t)})`,
  trend: (v, t) => `buying ${v < t ? 'less' : 'more'} often lately (${fixed(v, 1)} baskets a month against earlier, typical ${fixed(t, 1)})`,
  basketSize: (v, t) => `${fixed(v, 1)} items per basket (typical ${fixed(t, 1)})`,
  distinctItems: (v, t) => `${fixed(v)} different items bought (typical ${fixed(t)})`,
  rfmR: (v, t) => `RFM recency score ${fixed(v)} of 5 (typical ${fixed(t)})`,
  rfmF: (v, t) => `RFM frequency score ${fixed(v)} of 5 (typical ${fixed(t)})`,
  rfmM: (v, t) => `RFM monetary score ${fixed(v)} of 5 (typical ${fixed(t)})`,
  bgnbdActive: (v, t) => `a ${fixed(v * 100)}% chance of buying within the horizon by the BG/NBD model (typical ${fixed(t * 100)}%)`,
};

/**
 * A reason in plain words, e.g. "no purchase for 212 days (typical 35)".
 * @example
 * describeReason('recencyDays', 212, 35) //=> 'no purchase for 212 days (typical 35)'
 */
export function describeReason(feature: string, value: number, typical: number): string {
  return WORDS[feature]?.(value, typical) ?? `${feature} ${fixed(value, 2)} (typical ${fixed(typical, 2)})`;
}

/**
 * The features whose value raises this customer's churn probability most: each feature in turn
 * set to the training median, the drop in probability is its effect. Up to three reasons with a
 * positive effect, largest first (features that lower the risk are never listed), each also in
 * plain words.
 */
export function riskReasons(row: number[], probability: number, medians: number[], names: string[], score: (rows: number[][]) => number[]): RiskReason[] {
  const variants = row.map((_, j) => row.map((v, i) => (i === j ? (medians[j] as number) : v)));
  const p = score(variants);
  return names
    .map((feature, j) => ({ feature, value: row[j] as number, typical: medians[j] as number, effect: probability - (p[j] as number), text: describeReason(feature, row[j] as number, medians[j] as number) }))
    .filter((r) => r.effect > 1e-9)
    .sort((a, b) => b.effect - a.effect)
    .slice(0, 3);
}
