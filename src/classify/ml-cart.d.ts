// ml-cart ships no type declarations; this covers the part crm-mining uses. Kept internal:
// the public API exposes only crm-mining's own types.
declare module 'ml-cart' {
  interface CartNode {
    splitColumn?: number;
    splitValue?: number;
    gain?: number;
    numberSamples?: number;
    left?: CartNode;
    right?: CartNode;
    /** Leaf class distribution, a 1-row ml-matrix over classes 0..max(label in the leaf). */
    distribution?: { to1DArray(): number[] } | number;
  }
  export class DecisionTreeClassifier {
    constructor(options?: { gainFunction?: 'gini'; splitFunction?: 'mean'; minNumSamples?: number; maxDepth?: number; gainThreshold?: number });
    root: CartNode;
    train(X: number[][], y: number[]): void;
    predict(X: number[][]): number[];
  }
}
