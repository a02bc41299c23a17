import { CrmMiningError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { checkOptions, type OptionKind } from '../core/options';
import { runGuard } from '../core/guard';
import { throwIfAborted, type RunOptions } from '../core/run';
import { encodeLabels, type Label } from './metrics';
import { mostProbable } from './probabilities';
import { SavedModel } from './savedModel';
import { bestRule, binFeatures, classCounts, covered } from './ruleListSearch';
import { ruleText, type ClassificationRule, type RuleCondition, type ToRulesOptions } from './treeRules';

/** Hyperparameters of {@link RuleList}. */
export interface RuleListOptions {
  /** Most rules before the default rule. @default 50 */
  maxRules?: number;
  /** Most conditions in a rule. @default 3 */
  maxConditions?: number;
  /** Rules kept at each step of the beam search. @default 5 */
  beamWidth?: number;
  /** Least rows a rule covers, as a share of the training rows; also ends the list once fewer rows are left. @default 0.02 */
  minCoverage?: number;
  /** Cut points tried per feature (at evenly spaced ranks). @default 16 */
  maxCuts?: number;
  /** Significance of CN2's likelihood-ratio test a rule must pass. @default 0.05 */
  significance?: number;
}

/** One rule of a fitted list: all conditions hold, then these class shares. */
export interface ListRule { conditions: Array<{ feature: number; op: '<' | '>='; threshold: number }>; probabilities: number[]; samples: number }

/** Serialized form of a fitted rule list. */
export interface RuleListJSON { kind: 'rule-list'; version: 1; classes: Label[]; features: number; rules: ListRule[]; defaultProbabilities: number[]; defaultSamples: number }

const OPTIONS = { maxRules: 'number', maxConditions: 'number', beamWidth: 'number', minCoverage: 'number', maxCuts: 'number', significance: 'number' } as const satisfies Record<keyof RuleListOptions, OptionKind>;

/**
 * An ordered rule list learned by CN2 (Clark & Niblett 1989, with Clark & Boswell's Laplace
 * accuracy): each rule is the best conjunction of `feature < t` / `feature >= t` conditions found
 * by beam search on the rows no earlier rule covers, kept if it passes the likelihood-ratio test;
 * a default rule takes the rest. Prediction: the first rule that applies. Readable as IF … THEN.
 * @see Clark & Boswell (1991), Rule induction with CN2: some recent improvements, EWSL.
 * @example
 * const list = new RuleList().fit(X, y);
 * list.toRules({ featureNames })[0].text //=> 'IF tenure < 16.5 AND MonthlyCharges >= 68.6 THEN Yes'
 */
export class RuleList {
  private readonly o: Required<RuleListOptions>;

  constructor(options: RuleListOptions = {}) {
    checkOptions('RuleList', options, OPTIONS);
    this.o = { maxRules: 50, maxConditions: 3, beamWidth: 5, minCoverage: 0.02, maxCuts: 16, significance: 0.05, ...options };
    const { maxRules, maxConditions, beamWidth, minCoverage, maxCuts, significance } = this.o;
    for (const [name, v] of Object.entries({ maxRules, maxConditions, beamWidth, maxCuts })) {
      if (!(Number.isInteger(v) && v >= 1)) throw new OptionError(`${name} must be an integer >= 1, got ${String(v)}`);
    }
    if (maxCuts > 254) throw new OptionError(`maxCuts must be at most 254, got ${maxCuts}`);
    if (!(minCoverage > 0 && minCoverage < 1)) throw new OptionError(`minCoverage must be in (0, 1), got ${String(minCoverage)}`);
    if (!(significance > 0 && significance < 1)) throw new OptionError(`significance must be in (0, 1), got ${String(significance)}`);
  }

  /**
   * Learns the list.
   * @param run - `signal` and `onProgress` (phase 'rules', by rows examined).
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} for mismatched labels.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedRuleList {
    throwIfAborted(run.signal);
    checkMatrix(X);
    const { classes, target } = encodeLabels(y, X.length);
    const k = classes.length;
    const data = binFeatures(X, target, k, this.o.maxCuts);
    const guard = runGuard(run);
    guard.phase('rules');
    const critical = chiSquareQuantile(1 - this.o.significance, Math.max(1, k - 1));
    const minCoverage = Math.max(2, Math.ceil(this.o.minCoverage * X.length));
    let left = Int32Array.from(X.keys());
    const rules: ListRule[] = [];
    while (rules.length < this.o.maxRules && left.length >= minCoverage) {
      const rule = bestRule(data, left, { beamWidth: this.o.beamWidth, maxConditions: this.o.maxConditions, minCoverage, critical }, guard);
      if (rule === null) break;
      rules.push({
        conditions: rule.conditions.map((c) => ({ feature: c.feature, op: c.below ? '<' : '>=', threshold: (data.cuts[c.feature] as number[])[c.cut - 1] as number })),
        probabilities: smoothed(rule.counts),
        samples: rule.rows.length,
      });
      const taken = new Set(covered(data, left, rule.conditions));
      left = left.filter((r) => !taken.has(r));
    }
    const rest = left.length > 0 ? classCounts(left, target, k) : classCounts(Int32Array.from(X.keys()), target, k);
    return new FittedRuleList(classes, X[0]?.length ?? 0, rules, smoothed(rest), left.length);
  }
}

/** Laplace-smoothed class shares: (n_c + 1) / (n + k). */
const smoothed = (counts: Float64Array): number[] => {
  const n = counts.reduce((s, v) => s + v, 0);
  return Array.from(counts, (c) => (c + 1) / (n + counts.length));
};

/** The p-quantile of chi-square with `df` degrees of freedom (Wilson–Hilferty; within 1% for p ≥ 0.9). */
function chiSquareQuantile(p: number, df: number): number {
  // Acklam-free normal quantile for the upper tail: a rational approximation (Abramowitz & Stegun 26.2.23).
  const t = Math.sqrt(-2 * Math.log(1 - p));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** A fitted {@link RuleList}. */
export class FittedRuleList {
  constructor(readonly classes: Label[], readonly features: number, readonly rules: ListRule[], readonly defaultProbabilities: number[], readonly defaultSamples: number) {}

  /** The class shares of the first rule that applies (the default rule when none does), in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    checkMatrix(X);
    return X.map((x, i) => {
      if (x.length !== this.features) throw new OptionError(`row ${i + 1} has ${x.length} features, the rule list ${this.features}`);
      const rule = this.rules.find((r) => r.conditions.every((c) => ((x[c.feature] as number) < c.threshold) === (c.op === '<')));
      return [...(rule?.probabilities ?? this.defaultProbabilities)];
    });
  }

  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  /**
   * The list as readable rules in order, the default rule last (`IF TRUE THEN …`); coverage and
   * confidence on the training rows each rule took, or on `data` applied in order.
   * @example
   * list.toRules({ featureNames }).map((r) => r.text)
   */
  toRules(options: ToRulesOptions = {}): ClassificationRule[] {
    const names = options.featureNames ?? Array.from({ length: this.features }, (_, j) => `x${j}`);
    if (names.length !== this.features) throw new OptionError(`featureNames has ${names.length} names, the model ${this.features} features`);
    const all = [...this.rules, { conditions: [], probabilities: this.defaultProbabilities, samples: this.defaultSamples }];
    const total = all.reduce((s, r) => s + r.samples, 0);
    const data = options.data;
    // On `data`: each row is taken by the first rule that applies, as predict does.
    const taken = data === undefined ? null : all.map(() => ({ samples: 0, correct: 0 }));
    if (data !== undefined && taken !== null) {
      checkMatrix(data.X);
      data.X.forEach((x, i) => {
        const at = all.findIndex((r) => r.conditions.every((c) => ((x[c.feature] as number) < c.threshold) === (c.op === '<')));
        const t = taken[at] as { samples: number; correct: number };
        t.samples++;
        if (data.y[i] === this.classes[argmax((all[at] as ListRule).probabilities)]) t.correct++;
      });
    }
    return all.map((r, i) => {
      const label = this.classes[argmax(r.probabilities)] as Label;
      const conditions: RuleCondition[] = r.conditions.map((c) => ({ feature: names[c.feature] as string, op: c.op, threshold: c.threshold }));
      const m = taken?.[i];
      const samples = m === undefined ? r.samples : m.samples;
      const n = m === undefined || data === undefined ? total : data.X.length;
      return {
        conditions,
        class: label,
        probabilities: [...r.probabilities],
        samples,
        coverage: n === 0 ? 0 : samples / n,
        confidence: m === undefined ? (r.probabilities[argmax(r.probabilities)] as number) : m.samples === 0 ? 0 : m.correct / m.samples,
        tree: 0,
        text: ruleText(conditions, label),
      };
    });
  }

  toJSON(): RuleListJSON {
    return { kind: 'rule-list', version: 1, classes: [...this.classes], features: this.features, rules: structuredClone(this.rules), defaultProbabilities: [...this.defaultProbabilities], defaultSamples: this.defaultSamples };
  }

  /**
   * Restores a list saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` naming a damaged part, or for anything else.
   */
  static fromJSON(json: unknown): FittedRuleList {
    const j = json as Partial<RuleListJSON> | null;
    if (typeof j !== 'object' || j === null || j.kind !== 'rule-list' || j.version !== 1) throw new CrmMiningError('MODEL', "expected a saved rule list ({ kind: 'rule-list', version: 1, … })");
    const saved = new SavedModel('rule list');
    const classes = saved.classes(j.classes);
    const features = saved.count(j.features, 'features');
    const probabilities = (v: unknown, path: string) => saved.numbers(v, path, classes.length, (x) => x >= 0 && x <= 1, 'probabilities in [0, 1]');
    if (!Array.isArray(j.rules)) throw saved.damaged('rules', 'an array');
    const rules = j.rules.map((r, i) => {
      if (typeof r !== 'object' || r === null || !Array.isArray(r.conditions)) throw saved.damaged(`rules[${i}]`, 'a rule with conditions');
      r.conditions.forEach((c, q) => {
        const ok = typeof c === 'object' && c !== null && Number.isInteger(c.feature) && c.feature >= 0 && c.feature < features && (c.op === '<' || c.op === '>=') && Number.isFinite(c.threshold);
        if (!ok) throw saved.damaged(`rules[${i}].conditions[${q}]`, `{ feature 0…${features - 1}, op '<' or '>=', finite threshold }`);
      });
      probabilities(r.probabilities, `rules[${i}].probabilities`);
      return { conditions: r.conditions, probabilities: r.probabilities, samples: typeof r.samples === 'number' ? r.samples : 0 };
    });
    return new FittedRuleList(classes, features, rules, probabilities(j.defaultProbabilities, 'defaultProbabilities'), typeof j.defaultSamples === 'number' ? j.defaultSamples : 0);
  }
}

const argmax = (p: readonly number[]): number => p.reduce((b, v, i) => (v > (p[b] as number) ? i : b), 0);
