/**
 * Customer profiling: what sets each segment (RFM segment, cluster, churners) apart from the
 * rest, as conditions on attributes with coverage, lift and significance.
 * @module profile
 */
export { profileSegments } from './profileSegments';
export type { ProfileOptions, SegmentCondition, SegmentProfileResult } from './profileSegments';
export type { Condition } from './conditions';
