import { treesSql, type ClassifierSqlOptions } from './sqlScore';
import type { SqlDialect } from '../core/sqlDialect';
import { CrmMiningError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { growTree, rankColumns, type TreeNode } from './cart';
import { mlCartModule } from './mlCart';
import { encodeLabels, type Label } from './metrics';
import { mostProbable } from './probabilities';
import { treeImportance, treeProba } from './treeWalk';
import { checkOptions, type OptionKind } from '../core/options';
import { SavedModel } from './savedModel';
import { treeRules, type ClassificationRule, type ToRulesOptions } from './treeRules';
import { throwIfAborted, type RunOptions } from '../core/run';
import { runGuard } from '../core/guard';

export type { TreeNode } from './cart';

/** Hyperparameters of {@link DecisionTree}. */
export interface DecisionTreeOptions {
  /** Split quality: Gini impurity or entropy (information gain). @default 'gini' */
  criterion?: 'gini' | 'entropy';
  /** @default Infinity */
  maxDepth?: number;
  /** A node needs at least this many samples to be split. @default 2 */
  minSamplesSplit?: number;
  /** Each side of a split keeps at least this many samples. @default 1 */
  minSamplesLeaf?: number;
  /** Smallest impurity decrease worth a split. @default 0 */
  minGain?: number;
  /**
   * `'native'`: exact CART on rank-coded typed-array columns (fast); `'ml-cart'`: the ml-cart
   * package (Gini only, ignores `minSamplesLeaf`; quadratic in the rows, fine for small data),
   * loaded on first use (in a browser, `await loadCartEngine()` once before).
   * @default 'native'
   */
  engine?: 'native' | 'ml-cart';
}

/** Every option of {@link DecisionTreeOptions} and its kind; shared with RandomForest. */
export const TREE_OPTIONS = { criterion: 'string', maxDepth: 'number', minSamplesSplit: 'number', minSamplesLeaf: 'number', minGain: 'number', engine: 'string' } as const satisfies Record<keyof DecisionTreeOptions, OptionKind>;

const TREE_DEFAULTS = { criterion: 'gini', maxDepth: Infinity, minSamplesSplit: 2, minSamplesLeaf: 1, minGain: 0, engine: 'native' } as const satisfies Required<DecisionTreeOptions>;

/** Serialized form of a fitted tree. */
export interface DecisionTreeJSON { kind: 'cart-classifier'; version: 1; classes: Label[]; features: number; root: TreeNode }

/** Checks tree hyperparameters; shared with RandomForest. */
export function resolveTreeOptions(options: DecisionTreeOptions): Required<DecisionTreeOptions> {
  const o = { ...TREE_DEFAULTS, ...options };
  if (o.criterion !== 'gini' && o.criterion !== 'entropy') throw new OptionError(`criterion must be 'gini' or 'entropy', got ${String(o.criterion)}`);
  if (o.engine !== 'native' && o.engine !== 'ml-cart') throw new OptionError(`engine must be 'native' or 'ml-cart', got ${String(o.engine)}`);
  if (!(o.maxDepth === Infinity || (Number.isInteger(o.maxDepth) && o.maxDepth >= 1))) throw new OptionError(`maxDepth must be a positive integer or Infinity, got ${String(o.maxDepth)}`);
  if (!(Number.isInteger(o.minSamplesSplit) && o.minSamplesSplit >= 2)) throw new OptionError(`minSamplesSplit must be an integer >= 2, got ${String(o.minSamplesSplit)}`);
  if (!(Number.isInteger(o.minSamplesLeaf) && o.minSamplesLeaf >= 1)) throw new OptionError(`minSamplesLeaf must be a positive integer, got ${String(o.minSamplesLeaf)}`);
  if (!(o.minGain >= 0)) throw new OptionError(`minGain must be >= 0, got ${String(o.minGain)}`);
  return o;
}

/**
 * A CART classification tree: binary splits `feature < threshold` chosen exactly (every
 * midpoint between distinct values) by Gini or entropy. Labels may be numbers or strings.
 * @example
 * const tree = new DecisionTree({ maxDepth: 3 }).fit([[1], [2], [10], [11]], ['low', 'low', 'high', 'high']);
 * tree.predict([[1.5], [12]]) //=> ['low', 'high']
 */
export class DecisionTree {
  private readonly options: Required<DecisionTreeOptions>;

  constructor(options: DecisionTreeOptions = {}) {
    checkOptions('DecisionTree', options, TREE_OPTIONS);
    this.options = resolveTreeOptions(options);
  }

  /**
   * Fits the tree.
   * @param run - `signal` (checked before any work and as nodes are grown) and `onProgress` (phase `'tree'`, at least every 50 ms of work).
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} when
   *   labels and rows differ in number.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): FittedDecisionTree {
    throwIfAborted(run.signal);
    checkMatrix(X);
    const { classes, target } = encodeLabels(y, X.length);
    const d = (X[0] as readonly number[]).length;
    const o = this.options;
    if (o.engine === 'ml-cart') {
      const cart = new (mlCartModule.get().DecisionTreeClassifier)({ gainFunction: 'gini', maxDepth: o.maxDepth, minNumSamples: o.minSamplesSplit, gainThreshold: o.minGain });
      cart.train(X.map((row) => [...row]), Array.from(target));
      return new FittedDecisionTree(classes, d, convert(cart.root, classes.length));
    }
    const guard = runGuard(run);
    guard.phase('tree');
    const root = growTree(rankColumns(X, guard), target, classes.length, null, { ...o, maxFeatures: d }, null, guard);
    return new FittedDecisionTree(classes, d, root);
  }
}

/** ml-cart's node to ours; leaf distributions are padded to every class. */
function convert(node: import('ml-cart').DecisionTreeClassifier['root'], k: number): TreeNode {
  if (node.left !== undefined && node.right !== undefined) {
    return { kind: 'split', feature: node.splitColumn as number, threshold: node.splitValue as number, gain: node.gain ?? 0, samples: node.numberSamples ?? 0, left: convert(node.left, k), right: convert(node.right, k) };
  }
  const raw = typeof node.distribution === 'object' ? node.distribution.to1DArray() : [];
  return { kind: 'leaf', probabilities: Array.from({ length: k }, (_, c) => raw[c] ?? 0), samples: node.numberSamples ?? 0 };
}

/** A fitted {@link DecisionTree}. */
export class FittedDecisionTree {
  constructor(readonly classes: Label[], readonly features: number, readonly root: TreeNode) {}

  /** Class probabilities (the training class shares of the leaf), columns in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    return treeProba([this.root], this.features, X);
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  /**
   * The tree as SQL, to score where the data lives: a select list with one
   * probability column per class (`p_<class>`), equal to `predictProba` on every row.
   * @example
   * `SELECT customer, ${model.toSql('duckdb', { columns: ['recency', 'frequency'] })} FROM features`
   */
  toSql(dialect: SqlDialect, options: ClassifierSqlOptions): string {
    return treesSql([this.root], this.features, this.classes, dialect, options);
  }

  /**
   * Gini importance per feature: the impurity decrease of its splits weighted by the samples
   * they split, summed and normalised to 1 (all zeros for a tree without splits).
   * @example
   * tree.featureImportance() //=> [0.8, 0.2]
   */
  featureImportance(): number[] {
    return treeImportance(this.root, this.features);
  }

  /**
   * The tree as IF … THEN rules, one per leaf, in the original feature names, with coverage and
   * confidence (on `data` when given, else on the training rows).
   * @example
   * tree.toRules({ featureNames: ['tenure', 'charges'] })[0].text //=> 'IF tenure < 12.5 AND charges >= 70.35 THEN Yes'
   */
  toRules(options: ToRulesOptions = {}): ClassificationRule[] {
    return treeRules([this.root], this.classes, this.features, options);
  }

  toJSON(): DecisionTreeJSON {
    return { kind: 'cart-classifier', version: 1, classes: [...this.classes], features: this.features, root: this.root };
  }

  /**
   * Restores a tree saved with `toJSON`.
   * @throws {CrmMiningError} code `'MODEL'` for anything else.
   */
  static fromJSON(json: unknown): FittedDecisionTree {
    const j = json as Partial<DecisionTreeJSON>;
    if (typeof json !== 'object' || json === null || j.kind !== 'cart-classifier' || j.version !== 1 || !Array.isArray(j.classes) || typeof j.features !== 'number' || typeof j.root !== 'object') {
      throw new CrmMiningError('MODEL', "expected a saved decision tree ({ kind: 'cart-classifier', version: 1, … })");
    }
    const saved = new SavedModel('decision tree');
    const classes = saved.classes(j.classes);
    const features = saved.count(j.features, 'features');
    return new FittedDecisionTree(classes, features, saved.tree(j.root, features, classes.length));
  }
}
