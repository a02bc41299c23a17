/** Types for the untyped skmeans peer (only what the benchmark calls). */
declare module 'skmeans' {
  function skmeans(data: number[][], k: number, init?: 'kmrand' | 'kmpp' | number[][], maxIterations?: number): { it: number; k: number; idxs: number[]; centroids: number[][] };
  export default skmeans;
}
