/**
 * Clustering: k-means (native Lloyd's iterations; ml-kmeans as an engine option), best of several seeded starts, the exact mean
 * silhouette (optionally on a seeded sample), and the elbow curve.
 * @module cluster
 */
export { kmeans, elbow } from './kmeans';
export type { KmeansOptions, KmeansResult } from './kmeans';
export { loadKmeansEngine } from './mlKmeans';
export { silhouette } from './silhouette';
export type { SilhouetteOptions } from './silhouette';
export { segmentCustomers } from './segmentCustomers';
export type { RfmLike, SegmentProfile } from './segmentCustomers';
