/** Why a customer scores high: a feature, its value, the typical (median) value, and how much the probability falls when it is set to typical. */
export interface RiskReason { feature: string; value: number; typical: number; effect: number }

/**
 * The features whose value raises this customer's churn probability most: each feature in turn
 * set to the training median, the drop in probability is its effect. Up to three reasons with a
 * positive effect, largest first.
 */
export function riskReasons(row: number[], probability: number, medians: number[], names: string[], score: (rows: number[][]) => number[]): RiskReason[] {
  const variants = row.map((_, j) => row.map((v, i) => (i === j ? (medians[j] as number) : v)));
  const p = score(variants);
  return names
    .map((feature, j) => ({ feature, value: row[j] as number, typical: medians[j] as number, effect: probability - (p[j] as number) }))
    .filter((r) => r.effect > 1e-9)
    .sort((a, b) => b.effect - a.effect)
    .slice(0, 3);
}
