/**
 * RFM analysis: recency, frequency and monetary scores with named segments.
 * @module rfm
 */
export { rfm } from './rfm';
export type { RfmRow, RfmValues, RfmOptions } from './rfm';
export { rfmSummary } from './summary';
export type { RfmSegmentSummary } from './summary';
export { RFM_SEGMENTS, RF_SEGMENTS, segmentOf } from './segments';
export type { RfmSegment, SegmentRule, ScoreRange } from './segments';
export { moneyKey, scoreValues } from './scoring';
export type { RfmScoring } from './scoring';
export { loyaltyQuadrants } from './quadrants';
export type { LoyaltyQuadrant, QuadrantInput, QuadrantOptions } from './quadrants';
export { loyaltyMatrix, LOYALTY_CELLS } from './loyaltyMatrix';
export type { LoyaltyMatrix, LoyaltyMatrixOptions, LoyaltyCell, LoyaltyLevel } from './loyaltyMatrix';
export { valueTiers } from './valueTiers';
export type { ValueTier, ValueTiersOptions, ValueTierSummary } from './valueTiers';
