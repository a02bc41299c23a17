/**
 * A saved model that was edited, cut short or mixed up is refused by fromJSON with what is
 * wrong, instead of loading into a model that predicts NaN (issue 16).
 */
import { describe, expect, it } from 'vitest';
import { DecisionTree, FittedDecisionTree } from './decisionTree';
import { LogisticRegression, FittedLogisticRegression } from './logistic';
import { NaiveBayes, FittedNaiveBayes } from './naiveBayes';
import { RandomForest, FittedRandomForest } from './randomForest';
import { NeuralNetwork, FittedNeuralNetwork } from './neuralNetwork';

const X = [[0, 1], [1, 0], [2, 2], [3, 1], [4, 0], [5, 2]];
const y = ['a', 'a', 'a', 'b', 'b', 'b'];
const damaged = (fn: () => unknown, path: RegExp) => expect(fn).toThrow(expect.objectContaining({ code: 'MODEL', message: expect.stringMatching(path) }));
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('fromJSON refuses damaged saved models', () => {
  it('round-trips an intact model of every kind', () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(X, y);
    expect(FittedDecisionTree.fromJSON(copy(tree.toJSON())).predict(X)).toEqual(tree.predict(X));
    const forest = new RandomForest({ nEstimators: 3, seed: 1 }).fit(X, y);
    expect(FittedRandomForest.fromJSON(copy(forest.toJSON())).predictProba(X)).toEqual(forest.predictProba(X));
    const logistic = new LogisticRegression().fit(X, y);
    expect(FittedLogisticRegression.fromJSON(copy(logistic.toJSON())).predictProba(X)).toEqual(logistic.predictProba(X));
    const bayes = new NaiveBayes().fit(X, y);
    expect(FittedNaiveBayes.fromJSON(copy(bayes.toJSON())).predictProba(X)).toEqual(bayes.predictProba(X));
    const net = new NeuralNetwork({ iterations: 5 }).fit(X, y);
    expect(FittedNeuralNetwork.fromJSON(copy(net.toJSON())).predictProba(X)).toEqual(net.predictProba(X));
  });

  it('names the damaged part', () => {
    const tree = copy(new DecisionTree({ maxDepth: 2 }).fit(X, y).toJSON()) as unknown as { root: { kind: string; feature?: number; left?: { probabilities?: number[] } } };
    damaged(() => FittedDecisionTree.fromJSON({ ...tree, root: { ...tree.root, feature: 7 } }), /root\.feature must be a feature index from 0 to 1/);
    damaged(() => FittedDecisionTree.fromJSON({ ...tree, classes: ['a'] }), /classes must be two or more distinct labels/);
    const logistic = copy(new LogisticRegression().fit(X, y).toJSON());
    damaged(() => FittedLogisticRegression.fromJSON({ ...logistic, weights: [[0, NaN, 1], ...logistic.weights.slice(1)] }), /weights\[0\] must be 3 of finite numbers/);
    damaged(() => FittedLogisticRegression.fromJSON({ ...logistic, weights: logistic.weights.slice(1) }), /weights must be one row/);
    const bayes = copy(new NaiveBayes().fit(X, y).toJSON());
    damaged(() => FittedNaiveBayes.fromJSON({ ...bayes, logPriors: [0.5, -1] }), /logPriors must be 2 of log-probabilities/);
    const net = copy(new NeuralNetwork({ iterations: 5 }).fit(X, y).toJSON());
    damaged(() => FittedNeuralNetwork.fromJSON({ ...net, scales: [1, 0] }), /scales must be 2 of positive numbers/);
    damaged(() => FittedNeuralNetwork.fromJSON({ ...net, means: [0, 0, 0], scales: [1, 1, 1] }), /brain\.sizes must be layer sizes from 3 inputs to 2 outputs/);
  });
});
