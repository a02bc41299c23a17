import { DecisionTree, FittedDecisionTree, type DecisionTreeOptions } from '../classify/decisionTree';
import { FittedLogisticRegression, LogisticRegression, type LogisticRegressionOptions } from '../classify/logistic';
import { FittedNaiveBayes, NaiveBayes, type NaiveBayesOptions } from '../classify/naiveBayes';
import { FittedRandomForest, RandomForest, type RandomForestOptions } from '../classify/randomForest';
import type { Label } from '../classify/metrics';
import { OptionError } from '../core/errors';
import type { RunOptions } from '../core/run';
import type { Claim } from '../core/claim';
import { crossValidate, foldScores, type CrossValidateOptions } from '../classify/crossValidate';

/** The classifiers a worker can fit, with their hyperparameters. */
export interface ClassifierKinds {
  tree: { options: DecisionTreeOptions; fitted: FittedDecisionTree };
  forest: { options: RandomForestOptions; fitted: FittedRandomForest };
  logistic: { options: LogisticRegressionOptions; fitted: FittedLogisticRegression };
  naiveBayes: { options: NaiveBayesOptions; fitted: FittedNaiveBayes };
}
/** `'tree' | 'forest' | 'logistic' | 'naiveBayes'`. */
export type ClassifierKind = keyof ClassifierKinds;

/**
 * The worker's side of `runInWorker('fitClassifier', [kind, options, X, y])`: fits and returns the
 * model's JSON (a fitted model keeps methods, which a structured clone drops).
 */
export function fitClassifier<K extends ClassifierKind>(kind: K, options: ClassifierKinds[K]['options'], X: readonly (readonly number[])[], y: readonly Label[], run: RunOptions = {}): SentClassifier {
  return { kind, model: classifierOf(kind, options).fit(X, y, run).toJSON() };
}

/** An unfitted classifier of a kind: what `'fitClassifier'` fits and `'crossValidate'` cross-validates. */
function classifierOf<K extends ClassifierKind>(kind: K, options: ClassifierKinds[K]['options']): DecisionTree | RandomForest | LogisticRegression | NaiveBayes {
  if (kind === 'tree') return new DecisionTree(options as DecisionTreeOptions);
  if (kind === 'forest') return new RandomForest(options as RandomForestOptions);
  if (kind === 'logistic') return new LogisticRegression(options as LogisticRegressionOptions);
  if (kind === 'naiveBayes') return new NaiveBayes(options as NaiveBayesOptions);
  throw new OptionError(`kind must be 'tree', 'forest', 'logistic' or 'naiveBayes', got ${String(kind)}`);
}

/**
 * The worker's side of `runInWorker('crossValidate', [kind, options, X, y, cv])`: the
 * classifier of that kind cross-validated, as `crossValidate(new Kind(options), X, y, cv)`.
 * @example
 * crossValidateClassifier('tree', { maxDepth: 4 }, X, y, { folds: 5 }) // { scores: [...], mean }
 */
export function crossValidateClassifier<K extends ClassifierKind>(kind: K, options: ClassifierKinds[K]['options'], X: readonly (readonly number[])[], y: readonly Label[], cv: CrossValidateOptions = {}): { scores: number[]; mean: number } {
  return crossValidate(classifierOf(kind, options), X, y, cv);
}

/**
 * The (fold, score) of the folds `next` hands out: one worker's part of a cross-validation split by fold.
 * @example
 * classifierFoldScores('logistic', {}, X, y, { folds: 5 }, sharedClaim(counter)) // [[1, 0.83], [3, 0.81]]
 */
export function classifierFoldScores<K extends ClassifierKind>(kind: K, options: ClassifierKinds[K]['options'], X: readonly (readonly number[])[], y: readonly Label[], cv: CrossValidateOptions, next: Claim): Array<[number, number]> {
  return foldScores(classifierOf(kind, options), X, y, cv, next);
}

/** A fitted classifier on its way back from a worker. */
export interface SentClassifier { kind: ClassifierKind; model: unknown }

/** The caller's side: the fitted model again, from its JSON (checked as fromJSON checks it). */
export function reviveClassifier(sent: SentClassifier): ClassifierKinds[ClassifierKind]['fitted'] {
  if (sent.kind === 'tree') return FittedDecisionTree.fromJSON(sent.model);
  if (sent.kind === 'forest') return FittedRandomForest.fromJSON(sent.model);
  if (sent.kind === 'logistic') return FittedLogisticRegression.fromJSON(sent.model);
  return FittedNaiveBayes.fromJSON(sent.model);
}
