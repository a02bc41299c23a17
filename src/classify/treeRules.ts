import { OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import type { TreeNode } from './cart';
import type { Label } from './metrics';

/** One condition of a rule: `feature < threshold` or `feature >= threshold`. */
export interface RuleCondition { feature: string; op: '<' | '>='; threshold: number }

/** An IF … THEN rule: a path from the root of a tree to a leaf, its conditions merged per feature. */
export interface ClassificationRule {
  conditions: RuleCondition[];
  /** The leaf's most probable class. */
  class: Label;
  /** The leaf's class shares, in the model's `classes` order. */
  probabilities: number[];
  /** Rows that reach the leaf: of `data` when given, else the training rows (bootstrap-weighted in a forest). */
  samples: number;
  /** samples / all rows: the share of rows the rule covers. */
  coverage: number;
  /** Share of the covered rows whose label is `class` (from `data` when given, else the training share). */
  confidence: number;
  /** The tree the rule comes from (0 for a single tree). */
  tree: number;
  /** "IF tenure < 12.5 AND MonthlyCharges >= 70.35 THEN Yes". */
  text: string;
}

/** Options of `toRules`. */
export interface ToRulesOptions {
  /** Names of the feature columns, in order. @default 'x0', 'x1', … */
  featureNames?: readonly string[];
  /** Rows to measure coverage and confidence on (e.g. a test set), instead of the training counts. */
  data?: { X: readonly (readonly number[])[]; y: readonly Label[] };
}

/**
 * The rules of one or more trees: one per leaf, conditions in the original feature names
 * (thresholds of the same feature and direction merged to the tightest), the leaf's class,
 * coverage and confidence. The rules of a tree cover every row exactly once.
 * @example
 * treeRules([root], classes, 3, { featureNames: ['tenure', 'charges', 'senior'] })[0].text //=> 'IF tenure < 12.5 AND charges >= 70.35 THEN Yes'
 */
export function treeRules(trees: readonly TreeNode[], classes: readonly Label[], features: number, options: ToRulesOptions = {}): ClassificationRule[] {
  const names = options.featureNames ?? Array.from({ length: features }, (_, j) => `x${j}`);
  if (names.length !== features) throw new OptionError(`featureNames has ${names.length} names, the model ${features} features`);
  const data = options.data;
  if (data !== undefined) {
    checkMatrix(data.X);
    if (data.X.length !== data.y.length) throw new OptionError(`data.X has ${data.X.length} rows, data.y ${data.y.length} labels`);
  }
  const out: ClassificationRule[] = [];
  trees.forEach((root, tree) => {
    const rules: Array<Omit<ClassificationRule, 'coverage' | 'confidence' | 'samples'> & { leaf: TreeNode & { kind: 'leaf' } }> = [];
    const walk = (node: TreeNode, path: Array<{ feature: number; op: '<' | '>='; threshold: number }>): void => {
      if (node.kind === 'split') {
        walk(node.left, [...path, { feature: node.feature, op: '<', threshold: node.threshold }]);
        walk(node.right, [...path, { feature: node.feature, op: '>=', threshold: node.threshold }]);
        return;
      }
      const best = node.probabilities.reduce((b, p, c) => (p > (node.probabilities[b] as number) ? c : b), 0);
      const conditions = merged(path).map((c) => ({ feature: names[c.feature] as string, op: c.op, threshold: c.threshold }));
      const label = classes[best] as Label;
      const text = ruleText(conditions, label);
      rules.push({ conditions, class: label, probabilities: [...node.probabilities], tree, text, leaf: node });
    };
    walk(root, []);
    const measured = data === undefined ? null : measure(root, rules.map((r) => r.leaf), rules.map((r) => r.class), data);
    const trainTotal = rules.reduce((s, r) => s + (r.leaf.samples ?? 0), 0);
    rules.forEach(({ leaf, ...rule }, i) => {
      const m = measured?.[i];
      const samples = m === undefined ? (leaf.samples ?? 0) : m.samples;
      const total = m === undefined || data === undefined ? trainTotal : data.X.length;
      out.push({ ...rule, samples, coverage: total === 0 ? 0 : samples / total, confidence: m === undefined ? (leaf.probabilities[classes.indexOf(rule.class)] as number) : m.samples === 0 ? 0 : m.correct / m.samples });
    });
  });
  return out;
}

/** Per leaf: the data rows reaching it and how many of them have its class. */
function measure(root: TreeNode, leaves: readonly TreeNode[], labels: readonly Label[], data: { X: readonly (readonly number[])[]; y: readonly Label[] }): Array<{ samples: number; correct: number }> {
  const index = new Map(leaves.map((leaf, i) => [leaf, i]));
  const out = leaves.map(() => ({ samples: 0, correct: 0 }));
  data.X.forEach((x, r) => {
    let node = root;
    while (node.kind === 'split') node = (x[node.feature] as number) < node.threshold ? node.left : node.right;
    const m = out[index.get(node) as number] as { samples: number; correct: number };
    m.samples++;
    if (data.y[r] === labels[index.get(node) as number]) m.correct++;
  });
  return out;
}

/** The tightest bound per feature and direction, in the order the features first appear. */
function merged(path: ReadonlyArray<{ feature: number; op: '<' | '>='; threshold: number }>): Array<{ feature: number; op: '<' | '>='; threshold: number }> {
  const out: Array<{ feature: number; op: '<' | '>='; threshold: number }> = [];
  for (const c of path) {
    const same = out.find((o) => o.feature === c.feature && o.op === c.op);
    if (same === undefined) out.push({ ...c });
    else same.threshold = c.op === '<' ? Math.min(same.threshold, c.threshold) : Math.max(same.threshold, c.threshold);
  }
  return out;
}

/**
 * A rule in words: "IF tenure < 12.5 AND charges >= 70.35 THEN Yes" (thresholds to 6 digits; "IF TRUE" without conditions).
 * @example
 * ruleText([{ feature: 'tenure', op: '<', threshold: 12.5 }], 'Yes') //=> 'IF tenure < 12.5 THEN Yes'
 */
export function ruleText(conditions: readonly RuleCondition[], label: Label): string {
  const when = conditions.length === 0 ? 'TRUE' : conditions.map((c) => `${c.feature} ${c.op} ${Number(c.threshold.toPrecision(6))}`).join(' AND ');
  return `IF ${when} THEN ${String(label)}`;
}
