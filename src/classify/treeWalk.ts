import { checkMatrix } from '../core/matrix';
import { OptionError } from '../core/errors';
import type { TreeNode } from './cart';

/** Mean of the leaf distributions the rows reach in each tree. */
export function treeProba(trees: readonly TreeNode[], features: number, X: readonly (readonly number[])[]): number[][] {
  checkMatrix(X);
  return X.map((x, i) => {
    if (x.length !== features) throw new OptionError(`row ${i + 1} has ${x.length} features, the model ${features}`);
    let out: number[] | null = null;
    for (const tree of trees) {
      let node = tree;
      while (node.kind === 'split') node = (x[node.feature] as number) < node.threshold ? node.left : node.right;
      if (out === null) out = [...node.probabilities];
      else for (let c = 0; c < out.length; c++) out[c] = (out[c] as number) + (node.probabilities[c] as number);
    }
    const p = out ?? [];
    return trees.length === 1 ? p : p.map((v) => v / trees.length);
  });
}

/** Impurity decrease × samples per feature over a tree's splits, normalised to sum 1. */
export function treeImportance(root: TreeNode, features: number): number[] {
  const out = new Array<number>(features).fill(0);
  const walk = (n: TreeNode): void => {
    if (n.kind === 'leaf') return;
    out[n.feature] = (out[n.feature] as number) + n.gain * n.samples;
    walk(n.left);
    walk(n.right);
  };
  walk(root);
  const total = out.reduce((s, v) => s + v, 0);
  return total === 0 ? out : out.map((v) => v / total);
}
