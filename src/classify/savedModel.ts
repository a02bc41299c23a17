import { CrmMiningError } from '../core/errors';
import type { TreeNode } from './cart';
import type { Label } from './metrics';

/**
 * Checks of a saved model's contents, for `fromJSON`: a file edited by hand, cut short or from
 * another model throws a `MODEL` error naming what is wrong, instead of loading a model that
 * predicts NaN or crashes later.
 */
export class SavedModel {
  constructor(private readonly what: string) {}

  /** The error for a damaged part, at `path` (e.g. `weights[1][3]`). */
  damaged(path: string, expected: string): CrmMiningError {
    return new CrmMiningError('MODEL', `the saved ${this.what} is damaged: ${path} must be ${expected}`);
  }

  /** Two or more distinct labels (non-empty strings or finite numbers). */
  classes(value: unknown): Label[] {
    const ok = Array.isArray(value) && value.length >= 2 && new Set(value).size === value.length
      && value.every((c) => (typeof c === 'string' && c !== '') || (typeof c === 'number' && Number.isFinite(c)));
    if (!ok) throw this.damaged('classes', 'two or more distinct labels');
    return value as Label[];
  }

  /** An array of `length` finite numbers (any length when not given), each passing `check`. */
  numbers(value: unknown, path: string, length?: number, check: (x: number) => boolean = () => true, expected = 'finite numbers'): number[] {
    const ok = Array.isArray(value) && (length === undefined || value.length === length) && value.every((x) => typeof x === 'number' && Number.isFinite(x) && check(x));
    if (!ok) throw this.damaged(path, `${length === undefined ? 'an array' : `${length}`} of ${expected}`);
    return value as number[];
  }

  /** A positive integer. */
  count(value: unknown, path: string): number {
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1)) throw this.damaged(path, 'a positive integer');
    return value;
  }

  /** A CART tree over `features` features and `k` classes. */
  tree(node: unknown, features: number, k: number, path = 'root', depth = 0): TreeNode {
    if (depth > 1000 || typeof node !== 'object' || node === null) throw this.damaged(path, 'a tree node');
    const n = node as Partial<Record<string, unknown>>;
    if (n.kind === 'leaf') {
      const p = this.numbers(n.probabilities, `${path}.probabilities`, k, (x) => x >= 0 && x <= 1, 'probabilities in [0, 1]');
      if (Math.abs(p.reduce((s, x) => s + x, 0) - 1) > 1e-6) throw this.damaged(`${path}.probabilities`, 'probabilities that sum to 1');
      return node as TreeNode;
    }
    if (n.kind !== 'split') throw this.damaged(`${path}.kind`, "'split' or 'leaf'");
    if (!(typeof n.feature === 'number' && Number.isInteger(n.feature) && n.feature >= 0 && n.feature < features)) throw this.damaged(`${path}.feature`, `a feature index from 0 to ${features - 1}`);
    if (!(typeof n.threshold === 'number' && Number.isFinite(n.threshold))) throw this.damaged(`${path}.threshold`, 'a finite number');
    this.tree(n.left, features, k, `${path}.left`, depth + 1);
    this.tree(n.right, features, k, `${path}.right`, depth + 1);
    return node as TreeNode;
  }
}
