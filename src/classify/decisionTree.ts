import { DecisionTreeClassifier } from 'ml-cart';
import { CrmMiningError, OptionError } from '../core/errors';
import { checkMatrix } from '../core/matrix';
import { sortLabels, type Label } from './metrics';
import { mostProbable } from './probabilities';

/** Hyperparameters of {@link DecisionTree}. */
export interface DecisionTreeOptions {
  /** @default Infinity */
  maxDepth?: number;
  /** A node with this many samples or fewer becomes a leaf. @default 3 */
  minSamplesSplit?: number;
  /** Smallest Gini gain worth a split. @default 0.01 */
  minGain?: number;
}

/** A node of a fitted tree: a split (`feature` < `threshold` goes left) or a leaf. */
export type TreeNode =
  | { kind: 'split'; feature: number; threshold: number; gain: number; samples: number; left: TreeNode; right: TreeNode }
  | { kind: 'leaf'; probabilities: number[] };

/** Serialized form of a fitted tree. */
export interface DecisionTreeJSON { kind: 'cart-classifier'; version: 1; classes: Label[]; features: number; root: TreeNode }

/**
 * A CART classification tree (Gini splits; ml-cart underneath, wrapped in typed structures).
 * Labels may be numbers or strings.
 * @example
 * const tree = new DecisionTree({ maxDepth: 3 }).fit([[1], [2], [10], [11]], ['low', 'low', 'high', 'high']);
 * tree.predict([[1.5], [12]]) //=> ['low', 'high']
 */
export class DecisionTree {
  private readonly options: Required<DecisionTreeOptions>;

  constructor(options: DecisionTreeOptions = {}) {
    this.options = { maxDepth: Infinity, minSamplesSplit: 3, minGain: 0.01, ...options };
    const { maxDepth, minSamplesSplit, minGain } = this.options;
    if (!(maxDepth === Infinity || (Number.isInteger(maxDepth) && maxDepth >= 1))) throw new OptionError(`maxDepth must be a positive integer or Infinity, got ${String(maxDepth)}`);
    if (!(Number.isInteger(minSamplesSplit) && minSamplesSplit >= 1)) throw new OptionError(`minSamplesSplit must be a positive integer, got ${String(minSamplesSplit)}`);
    if (!(minGain >= 0)) throw new OptionError(`minGain must be >= 0, got ${String(minGain)}`);
  }

  /**
   * Fits the tree.
   * @throws {DataError} code `'DATA'` for ragged or non-finite rows; {@link OptionError} when
   *   labels and rows differ in number.
   */
  fit(X: readonly (readonly number[])[], y: readonly Label[]): FittedDecisionTree {
    checkMatrix(X);
    if (y.length !== X.length) throw new OptionError(`y has ${y.length} labels for ${X.length} rows`);
    const classes = sortLabels([...new Set(y)]);
    const index = new Map(classes.map((c, i) => [c, i]));
    const cart = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth: this.options.maxDepth, minNumSamples: this.options.minSamplesSplit, gainThreshold: this.options.minGain });
    cart.train(X.map((row) => [...row]), y.map((l) => index.get(l) as number));
    return new FittedDecisionTree(classes, (X[0] as readonly number[]).length, convert(cart.root, classes.length));
  }
}

/** ml-cart's node to ours; leaf distributions are padded to every class. */
function convert(node: import('ml-cart').DecisionTreeClassifier['root'], k: number): TreeNode {
  if (node.left !== undefined && node.right !== undefined) {
    return { kind: 'split', feature: node.splitColumn as number, threshold: node.splitValue as number, gain: node.gain ?? 0, samples: node.numberSamples ?? 0, left: convert(node.left, k), right: convert(node.right, k) };
  }
  const raw = typeof node.distribution === 'object' ? node.distribution.to1DArray() : [];
  return { kind: 'leaf', probabilities: Array.from({ length: k }, (_, c) => raw[c] ?? 0) };
}

/** A fitted {@link DecisionTree}. */
export class FittedDecisionTree {
  constructor(readonly classes: Label[], readonly features: number, readonly root: TreeNode) {}

  /** Class probabilities (the training class shares of the leaf), columns in `classes` order. */
  predictProba(X: readonly (readonly number[])[]): number[][] {
    checkMatrix(X);
    return X.map((x, i) => {
      if (x.length !== this.features) throw new OptionError(`row ${i + 1} has ${x.length} features, the tree ${this.features}`);
      let node = this.root;
      while (node.kind === 'split') node = (x[node.feature] as number) < node.threshold ? node.left : node.right;
      return [...node.probabilities];
    });
  }

  /** The most probable class per sample. */
  predict(X: readonly (readonly number[])[]): Label[] {
    return mostProbable(this.classes, this.predictProba(X));
  }

  /**
   * Gini importance per feature: the impurity decrease of its splits (gain × samples), summed
   * and normalised to 1 (all zeros for a tree without splits).
   * @example
   * tree.featureImportance() //=> [0.8, 0.2]
   */
  featureImportance(): number[] {
    const out = new Array<number>(this.features).fill(0);
    const walk = (n: TreeNode): void => {
      if (n.kind === 'leaf') return;
      out[n.feature] = (out[n.feature] as number) + n.gain * n.samples;
      walk(n.left);
      walk(n.right);
    };
    walk(this.root);
    const total = out.reduce((s, v) => s + v, 0);
    return total === 0 ? out : out.map((v) => v / total);
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
    return new FittedDecisionTree(j.classes, j.features, j.root as TreeNode);
  }
}
