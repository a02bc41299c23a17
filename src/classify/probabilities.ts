import type { Label } from './metrics';

/**
 * Turns scores on the log scale into probabilities that sum to 1 (softmax, shifted by the
 * maximum so large scores cannot overflow).
 * @example
 * softmax([0, Math.log(3)]) //=> [0.25, 0.75]
 */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * The most probable class of each row of class probabilities (columns in `classes` order).
 * @example
 * mostProbable(['a', 'b'], [[0.2, 0.8]]) //=> ['b']
 */
export function mostProbable(classes: readonly Label[], proba: readonly (readonly number[])[]): Label[] {
  return proba.map((p) => classes[p.indexOf(Math.max(...p))] as Label);
}
