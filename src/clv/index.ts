/**
 * Customer lifetime value: the Dwyer formula, the retention and migration models, the
 * buy-till-you-die summary, BG/NBD and Gamma-Gamma.
 * @module clv
 */
export { dwyerClv, retentionClv } from './formulas';
export type { DwyerClvInput, RetentionClvInput, CashTiming } from './formulas';
export { migrationClv } from './migration';
export type { MigrationClvInput, MigrationClvResult } from './migration';
export { customerSummary, calibrationHoldout } from './summary';
export type { CustomerSummaryRow, CustomerSummaryOptions, SummaryUnit, CalibrationHoldoutRow } from './summary';
export { clv } from './clv';
export type { ClvOptions, CustomerClv, PurchaseModel } from './clv';
export type { ParameterUncertainty } from './uncertainty';
export { fitParetoNbd, paretoNbdModel } from './paretoNbd';
export { fitSbg, sbgModel } from './sbg';
export { fitBgBb, bgbbModel } from './bgbb';
export { btydModelFromJSON } from './persist';
export { returnOnCustomer } from './returnOnCustomer';
export { trackingCurve, conditionalExpectations } from './modelChecks';
export type { TrackingPoint, ConditionalExpectation } from './modelChecks';
export type { ReturnOnCustomer, ReturnOnCustomerOptions, ReturnOnCustomerPart } from './returnOnCustomer';
export type { FittedBtyd } from './persist';
export type { BtydJSON, BtydKind } from './savedJson';
export type { BgBbParams, BgBbCustomer, FittedBgBb } from './bgbb';
export type { SbgParams, FittedSbg } from './sbg';
export type { ParetoNbdParams, FittedParetoNbd } from './paretoNbd';
export { fitBgNbd, fitMbgNbd, bgnbdModel } from './bgnbd';
export type { BgNbdParams, FittedBgNbd, BtydCustomer } from './bgnbd';
export { fitGammaGamma, gammaGammaModel } from './gammaGamma';
export type { GammaGammaParams, FittedGammaGamma } from './gammaGamma';
export { scoreBgNbd } from './score';
export type { BgNbdScores, BtydColumns } from './score';
export { bgnbdSql, bgnbdSqlExpressions } from './bgnbdSql';
export type { BgNbdSqlOptions, BtydSqlColumns } from './bgnbdSql';
export type { SpendRow } from './gammaGamma';
