/**
 * Clustering: k-means (ml-kmeans underneath, best of several seeded starts), the exact mean
 * silhouette (optionally on a seeded sample), and the elbow curve.
 * @module cluster
 */
export { kmeans, elbow } from './kmeans';
export type { KmeansOptions, KmeansResult } from './kmeans';
export { silhouette } from './silhouette';
export type { SilhouetteOptions } from './silhouette';
export { segmentCustomers } from './segmentCustomers';
export type { RfmLike, SegmentProfile } from './segmentCustomers';
