/**
 * Classification: estimators (decision tree, random forest, neural network, logistic
 * regression, naive Bayes) with `fit` → fitted model → `predict`/`predictProba`, metrics
 * (accuracy, confusion matrix, precision/recall/F1, exact ROC AUC, ROC and gains curves, lift),
 * preprocessing and cross-validation.
 * @module classify
 */
export { encodeLabels, accuracy, confusionMatrix, precisionRecall, f1, rocAuc, rocCurve, gainsCurve, liftAt, sortLabels } from './metrics';
export type { Label, ConfusionMatrix, ClassScores } from './metrics';
export { LogisticRegression, FittedLogisticRegression } from './logistic';
export type { LogisticRegressionOptions, LogisticRegressionJSON } from './logistic';
export { DecisionTree, FittedDecisionTree } from './decisionTree';
export type { DecisionTreeOptions, DecisionTreeJSON, TreeNode } from './decisionTree';
export type { ClassificationRule, RuleCondition, ToRulesOptions } from './treeRules';
export { RuleList, FittedRuleList } from './ruleList';
export type { RuleListOptions, RuleListJSON, ListRule } from './ruleList';
export { fitEncoder, stratifiedFolds, trainTestSplit } from './preprocess';
export type { EncoderOptions, FittedEncoder } from './preprocess';
export { crossValidate } from './crossValidate';
export type { Estimator } from './crossValidate';
export { NaiveBayes, FittedNaiveBayes } from './naiveBayes';
export type { NaiveBayesOptions, NaiveBayesJSON } from './naiveBayes';
export { RandomForest, FittedRandomForest } from './randomForest';
export type { RandomForestOptions, RandomForestJSON } from './randomForest';
export { NeuralNetwork, FittedNeuralNetwork } from './neuralNetwork';
export type { NeuralNetworkOptions, NeuralNetworkJSON } from './neuralNetwork';
export { loadNeuralRuntime } from './brainRuntime';
export { loadCartEngine } from './mlCart';
export type { ClassifierSqlOptions } from './sqlScore';
