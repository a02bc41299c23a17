/**
 * Churn classifiers on the IBM Telco table (7,043 subscribers): encode, cross-validate four
 * models by AUC, then read the forest's feature importance and the tree's top splits.
 * Run: npx tsx examples/telco-churn.ts [path/to/Telco-Customer-Churn.csv]
 * (defaults to examples/data/ibm-telco/, Apache-2.0).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DecisionTree, LogisticRegression, NaiveBayes, RandomForest, crossValidate, fitEncoder, parseCsv, trainTestSplit, gainsCurve } from '../src/index';

const file = process.argv[2] ?? fileURLToPath(new URL('./data/ibm-telco/Telco-Customer-Churn.csv', import.meta.url));
if (!existsSync(file)) {
  console.error(`Telco-Customer-Churn.csv not found at ${file}; pass its path as the first argument.`);
  process.exit(1);
}
const rows = parseCsv(readFileSync(file, 'utf8'));
const encoder = fitEncoder(rows, {
  numeric: ['tenure', 'MonthlyCharges', 'TotalCharges'], // 11 blank TotalCharges: imputed with the median
  categorical: ['gender', 'SeniorCitizen', 'Partner', 'Dependents', 'PhoneService', 'MultipleLines', 'InternetService', 'OnlineSecurity',
    'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies', 'Contract', 'PaperlessBilling', 'PaymentMethod'],
});
const X = encoder.transform(rows);
const y = rows.map((r) => r.Churn as string);

console.log('model                       5-fold AUC');
const models = {
  'logistic regression': new LogisticRegression({ l2: 1e-3 }),
  'decision tree (depth 5)': new DecisionTree({ maxDepth: 5 }),
  'random forest (100 trees)': new RandomForest({ nEstimators: 100, minSamplesLeaf: 20, seed: 1 }),
  'naive Bayes': new NaiveBayes(),
};
for (const [name, model] of Object.entries(models)) {
  const { mean } = crossValidate(model, X, y, { folds: 5, seed: 1, metric: 'auc', positive: 'Yes' });
  console.log(`${name.padEnd(27)} ${mean.toFixed(3)}`);
}

// Fit on 80%, look at the held-out 20%: how many churners the top decile of scores catches.
const { train, test } = trainTestSplit(y, { testShare: 0.2, seed: 1 });
const forest = new RandomForest({ nEstimators: 100, minSamplesLeaf: 20, seed: 1 }).fit(train.map((i) => X[i] as number[]), train.map((i) => y[i] as string));
const yes = forest.classes.indexOf('Yes');
const scores = forest.predictProba(test.map((i) => X[i] as number[])).map((p) => p[yes] as number);
const gains = gainsCurve(test.map((i) => y[i] as string), scores, { positive: 'Yes' });
const decile = gains[0];
console.log(`\nheld out: the ${((decile?.share ?? 0) * 100).toFixed(0)}% highest-risk subscribers hold ${((decile?.gain ?? 0) * 100).toFixed(0)}% of the churners (lift ${decile?.lift.toFixed(1)})`);

console.log('\nmost important features (forest):');
forest.featureImportance()
  .map((v, j) => ({ name: encoder.featureNames[j] as string, v }))
  .sort((a, b) => b.v - a.v)
  .slice(0, 6)
  .forEach(({ name, v }) => console.log(`  ${name.padEnd(40)} ${v.toFixed(3)}`));
