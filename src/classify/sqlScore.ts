import { OptionError } from '../core/errors';
import { sqlLayer, type SqlDialect, type SqlLayer } from '../core/sqlDialect';
import type { TreeNode } from './cart';
import type { Label } from './metrics';

/** Options of a classifier's `toSql`. */
export interface ClassifierSqlOptions {
  /** The feature columns (or SQL expressions), in the order of the training matrix's columns. */
  columns: readonly string[];
  /** Output column names, one per class. @default `p_<class>` */
  names?: readonly string[];
}

function checkColumns(options: ClassifierSqlOptions, features: number, classes: readonly Label[]): readonly string[] {
  const { columns, names } = options ?? ({} as ClassifierSqlOptions);
  if (!Array.isArray(columns) || columns.length !== features || columns.some((c) => typeof c !== 'string' || c === '')) {
    throw new OptionError(`columns must name the model's ${features} feature columns, in training order`, { columns });
  }
  const out = names ?? classes.map((c) => `p_${String(c)}`);
  if (out.length !== classes.length) throw new OptionError(`names must give one column name per class (${classes.length})`, { names });
  return out;
}

/**
 * A fitted logistic regression as SQL: one probability column per class, softmax of the linear
 * scores shifted by their maximum, exactly as `predictProba` computes them.
 */
export function logisticSql(weights: readonly (readonly number[])[], classes: readonly Label[], dialect: SqlDialect, options: ClassifierSqlOptions): string {
  const sql = sqlLayer(dialect);
  const names = checkColumns(options, (weights[0] as readonly number[]).length - 1, classes);
  const scores = weights.map((w) => `(${w.map((v, j) => (j === 0 ? sql.num(v) : `${sql.num(v)} * ${options.columns[j - 1]}`)).join(' + ')})`);
  const max = scores.length === 1 ? (scores[0] as string) : `GREATEST(${scores.join(', ')})`;
  const exps = scores.map((z) => `EXP(${z} - ${max})`);
  const sum = `(${exps.join(' + ')})`;
  return exps.map((e, c) => `${e} / ${sum} AS ${sql.id(names[c] as string)}`).join(',\n  ');
}

/**
 * Trees (one, or a forest's) as SQL: a CASE per tree and class on the training thresholds
 * (`x < threshold` goes left; NULL goes right, as NaN does in `predictProba`), averaged over the trees.
 */
export function treesSql(trees: readonly TreeNode[], features: number, classes: readonly Label[], dialect: SqlDialect, options: ClassifierSqlOptions): string {
  const sql = sqlLayer(dialect);
  const names = checkColumns(options, features, classes);
  return classes.map((_, c) => {
    const parts = trees.map((tree) => caseOf(tree, c, options.columns, sql));
    const expr = trees.length === 1 ? (parts[0] as string) : `(${parts.join(' + ')}) / ${trees.length}`;
    return `${expr} AS ${sql.id(names[c] as string)}`;
  }).join(',\n  ');
}

function caseOf(node: TreeNode, c: number, columns: readonly string[], sql: SqlLayer): string {
  if (node.kind === 'leaf') return sql.num(node.probabilities[c] as number);
  return `CASE WHEN ${columns[node.feature]} < ${sql.num(node.threshold)} THEN ${caseOf(node.left, c, columns, sql)} ELSE ${caseOf(node.right, c, columns, sql)} END`;
}
