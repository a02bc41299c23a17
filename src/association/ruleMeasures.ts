/** The measures of a rule A ⇒ C, each a field of every {@link AssociationRule}. Formulas in docs/association.md. */
export interface RuleMeasures {
  /** Share of baskets containing A ∪ C. */
  support: number;
  /** s(A): share of baskets containing the antecedent. */
  antecedentSupport: number;
  /** s(C): share of baskets containing the consequent. */
  consequentSupport: number;
  /** s(A ∪ C) / s(A). */
  confidence: number;
  /** confidence / s(C). */
  lift: number;
  /** s(A ∪ C) − s(A)·s(C). */
  leverage: number;
  /** (1 − s(C)) / (1 − confidence); Infinity at confidence 1. */
  conviction: number;
  /** s(A ∪ C) / (s(A) + s(C) − s(A ∪ C)). */
  jaccard: number;
  /** Certainty factor (Loevinger): (confidence − s(C)) / (1 − s(C)); 0 when s(C) = 1. */
  certainty: number;
  /** (confidence + s(A ∪ C)/s(C)) / 2: the mean of both directions' confidence. */
  kulczynski: number;
  /** Zhang's metric: leverage / max(s(A ∪ C)(1 − s(A)), s(A)(s(C) − s(A ∪ C))), in [−1, 1]; 0 when both are 0. */
  zhang: number;
  /** confidence − s(C). */
  addedValue: number;
  /** s(A ∪ C) / √(s(A)·s(C)). */
  cosine: number;
  /** s(A ∪ C) / max(s(A), s(C)). */
  allConfidence: number;
  /** One-sided Fisher exact test of the 2×2 table (A, C): the chance of this many co-occurrences or more if A and C were independent. */
  pValue: number;
  /** Baskets containing A ∪ C. */
  count: number;
}

/** The names of the numeric measures a rule filter can bound (`filter: { jaccard: 0.1 }`). */
export const RULE_MEASURE_NAMES = [
  'support', 'antecedentSupport', 'consequentSupport', 'confidence', 'lift', 'leverage', 'conviction', 'jaccard',
  'certainty', 'kulczynski', 'zhang', 'addedValue', 'cosine', 'allConfidence', 'count',
] as const satisfies readonly (keyof RuleMeasures)[];

/** A measure a filter can bound from below. */
export type RuleMeasureName = (typeof RULE_MEASURE_NAMES)[number];

/** An association rule `antecedent => consequent` with its measures (formulas in docs/association.md). */
export interface AssociationRule extends RuleMeasures {
  antecedent: string[];
  consequent: string[];
}

/**
 * The rule A ⇒ C with every measure, from four counts (baskets with A ∪ C, with A, with C, all)
 * and its p-value; one object literal, so every rule has the same shape.
 * @example
 * makeRule(['a'], ['b'], 2, 3, 2, 4, 0.5) //=> { antecedent: ['a'], consequent: ['b'], support: 0.5, confidence: 0.667, … }
 */
export function makeRule(antecedent: string[], consequent: string[], both: number, a: number, c: number, n: number, pValue: number): AssociationRule {
  const s = both / n;
  const sA = a / n;
  const sC = c / n;
  const confidence = both / a;
  const leverage = s - sA * sC;
  const zhangDenominator = Math.max(s * (1 - sA), sA * (sC - s));
  return {
    antecedent,
    consequent,
    support: s,
    antecedentSupport: sA,
    consequentSupport: sC,
    confidence,
    lift: confidence / sC,
    leverage,
    conviction: confidence === 1 ? Infinity : (1 - sC) / (1 - confidence),
    jaccard: both / (a + c - both),
    certainty: c === n ? 0 : (confidence - sC) / (1 - sC),
    kulczynski: (confidence + both / c) / 2,
    zhang: zhangDenominator === 0 ? 0 : leverage / zhangDenominator,
    addedValue: confidence - sC,
    cosine: s / Math.sqrt(sA * sC),
    allConfidence: s / Math.max(sA, sC),
    pValue,
    count: both,
  };
}
