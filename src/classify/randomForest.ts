import { treesSql, type ClassifierSqlOptions } from './sqlScore';
import type { SqlDialect } from '../core/sqlDialect';
import { CrmMiningError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { createRng } from '../core/random';
import type { RunOptions } from '../core/run';
import { runGuard } from '../core/guard';
import { growTree, rankColumns, type TreeNode } from './cart';
import { TREE_OPTIONS, resolveTreeOptions, type DecisionTreeOptions } from './decisionTree';
import { encodeLabels, type Label } from './metrics';
import { mostProbable } from './probabilities';
import { treeImportance, treeProba } from './treeWalk';
import { checkOptions, type OptionKind } from '../core/options';
import { SavedModel } from './savedModel';
import { treeRules, type ClassificationRule, type ToRulesOptions } from './treeRules';

/** Hyperparameters of {@link RandomForest}. */
export interface RandomForestOptions extends Omit<DecisionTreeOptions, 'engine'> {
  /** Number of trees. @default 100 */
  nEstimators?: number;
  /** Each tree learns from a bootstrap sample (n draws with replacement). @default true */
  bootstrap?: boolean;
  /**
   * Features examined per split: `'sqrt'`, `'log2'`, `'all'`, a count (integer ≥ 1) or a
   * fraction in (0, 1). @default 'sqrt'
   */
  maxFeatures?: 'sqrt' | 'log2' | 'all' | number;
  /** @default 1 */
  seed?: number;
}

/** Serialized form of a fitted forest. */
export interface RandomForestJSON { kind: 'random-forest'; version: 1; classes: Label[]; features: number; trees: TreeNode[] }

/**
 * A random forest of CART trees (Breiman): each tree grows on a bootstrap sample with a random
 * subset of the features tried at every split; probabilities are the trees' mean.
 * Same seed, same forest.
 * @example
 * const forest = new RandomForest({ nEstimators: 50, seed: 7 }).fit(X, y);
 * forest.predictProba(Xnew)[0] //=> [0.84, 0.16]
 */
export class RandomForest {
  private readonly tree: Required<DecisionTreeOptions>;
  /** Trees in the forest. */
  readonly nEstimators: number;
  private readonly bootstrap: boolean;
  private readonly maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  private readonly seed: number;

  constructor(options: RandomForestOptions = {}) {
    const { engine: _engine, ...treeOptions } = TREE_OPTIONS;
    checkOptions('RandomForest', options, { ...treeOptions, nEstimators: 'number', bootstrap: 'boolean', maxFeatures: 'any', seed: 'number' } satisfies Record<keyof RandomForestOptions, OptionKind>);
    const { nEstimators = 100, bootstrap = true, maxFeatures = 'sqrt', seed = 1, ...tree } = options;
    this.tree = resolveTreeOptions(tree);
    if (!(Number.isInteger(nEstimators) && nEstimators >= 1)) throw new OptionError(`nEstimators must be a positive integer, got ${String(nEstimators)}`);
    const okFeatures = maxFeatures === 'sqrt' || maxFeatures === 'log2' || maxFeatures === 'all' || (typeof maxFeatures === 'number' && maxFeatures > 0 && (maxFeatures < 1 || Number.isInteger(maxFeatures)));
    if (!okFeatures) throw new OptionError(`maxFeatures must be 'sqrt', 'log2', 'all', a positive integer or a fraction in (0, 1), got ${String(maxFeatures)}`);
    if (!Number.isFinite(seed)) throw new OptionError(`seed must be a finite number, got ${String(seed)}`);
    this.nEstimators = nEstimators;
    this.bootstrap = bootstrap;
    this.maxFeatures = maxFeatures;
    this.seed = seed;
  }

  /**
   * Fits the forest; `run` takes an AbortSignal and reports progress per tree (phase `'trees'`).
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} when
   *   labels and rows differ in number; {@link AbortError} when aborted.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedRandomForest {
    const grown = this.growTrees(X, y, run, () => true);
    return new FittedRandomForest(grown.classes, grown.features, grown.trees.map(([, tree]) => tree));
  }

  /**
   * The trees that `claim` accepts, with their numbers (all of them in {@link fit}; some in each
   * worker of a split fit). Tree t draws from the t-th fork of the seeded generator whether
   * claimed or not, so it is the same tree wherever it grows.
   * @internal
   */
  growTrees(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions, claim: (tree: number) => boolean): { classes: Label[]; features: number; trees: Array<[number, TreeNode]> } {
    checkMatrix(X);
    const { classes, target } = encodeLabels(y, X.length);
    const n = X.length;
    const d = (X[0] as readonly number[]).length;
    const m = featuresPerSplit(this.maxFeatures, d);
    const rng = createRng(this.seed);
    const guard = runGuard(run);
    guard.phase('trees', this.nEstimators);
    const data = rankColumns(X, guard);
    const trees: Array<[number, TreeNode]> = [];
    const weights = new Float64Array(n);
    for (let t = 0; t < this.nEstimators; t++) {
      const treeRng = rng.fork();
      if (!claim(t)) continue;
      if (this.bootstrap) {
        weights.fill(0);
        for (let i = 0; i < n; i++) {
          const j = treeRng.int(n);
          weights[j] = (weights[j] as number) + 1;
        }
      } else weights.fill(1);
      trees.push([t, growTree(data, target, classes.length, weights, { ...this.tree, maxFeatures: m }, treeRng, guard)]);
      guard.step(t + 1, true);
    }
    return { classes, features: d, trees };
  }
}

function featuresPerSplit(option: 'sqrt' | 'log2' | 'all' | number, d: number): number {
  if (option === 'all') return d;
  if (option === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (option === 'log2') return Math.max(1, Math.floor(Math.log2(d)));
  return Math.min(d, option < 1 ? Math.max(1, Math.floor(option * d)) : option);
}

/** A fitted {@link RandomForest}. */
export class FittedRandomForest {
  constructor(readonly classes: Label[], readonly features: number, readonly trees: TreeNode[]) {}

  /** Mean of the trees' leaf class shares, columns in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    return treeProba(this.trees, this.features, X);
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  /**
   * The forest (a CASE per tree, averaged) as SQL, to score where the data lives: a select list with one
   * probability column per class (`p_<class>`), equal to `predictProba` on every row.
   * @example
   * `SELECT customer, ${model.toSql('duckdb', { columns: ['recency', 'frequency'] })} FROM features`
   */
  toSql(dialect: SqlDialect, options: ClassifierSqlOptions): string {
    return treesSql(this.trees, this.features, this.classes, dialect, options);
  }

  /**
   * Mean decrease in impurity: each tree's normalised importance, averaged over the trees.
   * @example
   * forest.featureImportance() //=> [0.61, 0.27, 0.12]
   */
  featureImportance(): number[] {
    const out = new Array<number>(this.features).fill(0);
    for (const tree of this.trees) treeImportance(tree, this.features).forEach((v, f) => (out[f] = (out[f] as number) + v / this.trees.length));
    return out;
  }

  /**
   * The rules of every tree (`tree` says which), the same rule from several trees kept once
   * (the first), sorted by confidence × coverage: the readable core of the forest. Coverage and
   * confidence are measured on `data` when given (recommended: each tree's training rows are a
   * bootstrap sample), else on those bootstrap rows.
   * @example
   * forest.toRules({ featureNames, data: { X, y } }).slice(0, 5).map((r) => r.text)
   */
  toRules(options: ToRulesOptions = {}): ClassificationRule[] {
    const first = new Map<string, ClassificationRule>();
    for (const rule of treeRules(this.trees, this.classes, this.features, options)) if (!first.has(rule.text)) first.set(rule.text, rule);
    return [...first.values()].sort((a, b) => b.confidence * b.coverage - a.confidence * a.coverage || a.tree - b.tree);
  }

  toJSON(): RandomForestJSON {
    return { kind: 'random-forest', version: 1, classes: [...this.classes], features: this.features, trees: this.trees };
  }

  /**
   * Restores a forest saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` for anything else.
   */
  static fromJSON(json: unknown): FittedRandomForest {
    const j = json as Partial<RandomForestJSON>;
    if (typeof json !== 'object' || json === null || j.kind !== 'random-forest' || j.version !== 1 || !Array.isArray(j.classes) || typeof j.features !== 'number' || !Array.isArray(j.trees)) {
      throw new CrmMiningError('MODEL', "expected a saved random forest ({ kind: 'random-forest', version: 1, … })");
    }
    const saved = new SavedModel('random forest');
    const classes = saved.classes(j.classes);
    const features = saved.count(j.features, 'features');
    if (j.trees.length === 0) throw saved.damaged('trees', 'one or more trees');
    return new FittedRandomForest(classes, features, j.trees.map((t, i) => saved.tree(t, features, classes.length, `trees[${i}]`)));
  }
}
