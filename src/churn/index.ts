/**
 * Churn prediction from a transaction log: leakage-free features and labels at a date, models
 * trained at one date and checked at a later one, the customers at risk with reasons, and the
 * report a retention team acts on.
 * @module churn
 */
export { churnFeatures, CHURN_FEATURES } from './features';
export type { ChurnFeature, ChurnFeatures } from './features';
export { churnDataset } from './dataset';
export type { ChurnDataset, ChurnDatasetOptions } from './dataset';
export { trainChurnModel } from './model';
export type { ChurnModel, ChurnModelJSON, ChurnModelKind, TrainChurnOptions, ChurnPrediction, ChurnEvaluation, AtRiskCustomer } from './model';
export { churnModelFromJSON } from './persist';
export type { RiskReason } from './reasons';
export { churnReport } from './report';
export type { ChurnReport, ChurnReportOptions } from './report';
