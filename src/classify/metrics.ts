import { DataError, OptionError } from '../core/errors';

/** A class label: numbers or strings, as given. */
export type Label = number | string;

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
  if (a.length !== b.length) throw new OptionError(`${what}: yTrue has ${a.length} entries but the other array ${b.length}`);
  if (a.length === 0) throw new DataError(`${what} of no predictions is undefined: the arrays are empty`);
}

/** Scores must be numbers that order: NaN would fall anywhere in a sort. */
function checkScores(scores: ArrayLike<number>, what: string): void {
  for (let i = 0; i < scores.length; i++) {
    if (typeof scores[i] !== 'number' || Number.isNaN(scores[i])) throw new DataError(`${what}: score ${i + 1} is not a number`, { row: i + 1, field: 'score', value: scores[i] });
  }
}

/** Both classes must be present for a ranking measure. */
function checkBothClasses(y: Uint8Array, what: string): number {
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === y.length) {
    throw new DataError(`${what} is undefined when ${positives === 0 ? 'no' : 'every'} one of the ${y.length} labels is the positive class`);
  }
  return positives;
}

/**
 * Share of predictions equal to the truth.
 * @throws {OptionError} code `'OPTION'` for arrays of different lengths.
 * @example
 * accuracy([1, 0, 1, 1], [1, 0, 0, 1]) //=> 0.75
 */
export function accuracy(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): number {
  checkLengths(yTrue, yPred, 'accuracy');
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Counts per (true, predicted) class; rows are true classes, columns predictions, in `labels` order. */
export interface ConfusionMatrix {
  labels: Label[];
  matrix: number[][];
}

/**
 * The confusion matrix. Labels are sorted (numbers ascending, then strings) unless given.
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1]) //=> { labels: [0, 1], matrix: [[1, 0], [1, 1]] }
 */
export function confusionMatrix(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, labels?: readonly Label[]): ConfusionMatrix {
  checkLengths(yTrue, yPred, 'confusionMatrix');
  const order = labels !== undefined ? [...labels] : sortLabels([...new Set([...Array.from(yTrue), ...Array.from(yPred)])]);
  const index = new Map(order.map((l, i) => [l, i]));
  const matrix = order.map(() => new Array<number>(order.length).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i] as Label);
    const p = index.get(yPred[i] as Label);
    if (t === undefined || p === undefined) throw new OptionError(`label ${String(t === undefined ? yTrue[i] : yPred[i])} is not among the given labels`);
    (matrix[t] as number[])[p] = ((matrix[t] as number[])[p] as number) + 1;
  }
  return { labels: order, matrix };
}

/** Sorts labels: numbers ascending first, then strings in string order. */
export function sortLabels(labels: Label[]): Label[] {
  return labels.sort((a, b) => (typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1));
}

/**
 * The sorted distinct labels and each sample's class index, checking the count against the rows.
 * @throws {OptionError} when `y` and the rows differ in number.
 * @example
 * encodeLabels(['b', 'a', 'b'], 3) //=> { classes: ['a', 'b'], target: Int32Array [1, 0, 1] }
 */
export function encodeLabels(y: readonly Label[], rows: number): { classes: Label[]; target: Int32Array } {
  if (y.length !== rows) throw new OptionError(`y has ${y.length} labels for ${rows} rows`);
  y.forEach((label, i) => {
    if (!((typeof label === 'string' && label !== '') || (typeof label === 'number' && Number.isFinite(label)))) {
      throw new DataError(`a label must be a non-empty string or a finite number, got ${String(label)}`, { row: i + 1, field: 'y', value: label });
    }
  });
  const classes = sortLabels([...new Set(y)]);
  const index = new Map(classes.map((c, i) => [c, i]));
  return { classes, target: Int32Array.from(y, (l) => index.get(l) as number) };
}

/** Precision, recall and F1 of one class, with its support (true members). */
export interface ClassScores { label: Label; precision: number; recall: number; f1: number; support: number }

/**
 * Precision, recall and F1 per class, and their macro (unweighted), weighted (by support) and
 * micro (pooled counts) averages. A class never predicted has precision 0; never present, recall 0.
 * @example
 * precisionRecall([1, 1, 0, 0], [1, 0, 0, 0]).perClass[1] //=> { label: 1, precision: 1, recall: 0.5, f1: 0.667, support: 2 }
 */
export function precisionRecall(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): { perClass: ClassScores[]; macro: Omit<ClassScores, 'label' | 'support'>; weighted: Omit<ClassScores, 'label' | 'support'>; micro: Omit<ClassScores, 'label' | 'support'> } {
  const { labels, matrix } = confusionMatrix(yTrue, yPred);
  const perClass = labels.map((label, k) => {
    const tp = (matrix[k] as number[])[k] as number;
    const predicted = matrix.reduce((s, row) => s + (row[k] as number), 0);
    const support = (matrix[k] as number[]).reduce((s, v) => s + v, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, f1: harmonic(precision, recall), support };
  });
  const n = yTrue.length;
  const avg = (w: (c: ClassScores) => number) => {
    const total = perClass.reduce((s, c) => s + w(c), 0);
    const mean = (f: (c: ClassScores) => number) => (total === 0 ? 0 : perClass.reduce((s, c) => s + w(c) * f(c), 0) / total);
    return { precision: mean((c) => c.precision), recall: mean((c) => c.recall), f1: mean((c) => c.f1) };
  };
  const micro = n === 0 ? 0 : accuracy(yTrue, yPred); // pooled TP / pooled predictions = accuracy for single-label data
  return { perClass, macro: avg(() => 1), weighted: avg((c) => c.support), micro: { precision: micro, recall: micro, f1: micro } };
}

const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * F1 of the positive class (binary), or the macro average over classes with `average: 'macro'`.
 * @example
 * f1([1, 1, 0, 0], [1, 0, 0, 0]) //=> 0.667
 */
export function f1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: { positive?: Label; average?: 'binary' | 'macro' } = {}): number {
  const pr = precisionRecall(yTrue, yPred);
  if (options.average === 'macro') return pr.macro.f1;
  const positive = options.positive ?? 1;
  return pr.perClass.find((c) => c.label === positive)?.f1 ?? 0;
}

/** Converts binary truth to 0/1: `positive` (default 1 or true) is 1. */
function binary(yTrue: ArrayLike<Label | boolean>, positive: Label | boolean = 1): Uint8Array {
  const out = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const v = yTrue[i];
    out[i] = v === positive || (positive === 1 && v === true) ? 1 : 0;
  }
  return out;
}

/**
 * Area under the ROC curve, exactly: the Mann–Whitney statistic, the probability that a random
 * positive scores above a random negative, ties counting one half (average ranks). NaN when a
 * class is missing.
 * @param yTrue - Truth: 1 or true for positives (or name the positive class).
 * @param scores - Higher = more likely positive.
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) //=> 0.75
 */
export function rocAuc(yTrue: ArrayLike<Label | boolean>, scores: ArrayLike<number>, options: { positive?: Label | boolean } = {}): number {
  checkLengths(yTrue, scores, 'rocAuc');
  checkScores(scores, 'rocAuc');
  const y = binary(yTrue, options.positive);
  checkBothClasses(y, 'AUC');
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const averageRank = (i + j) / 2 + 1; // ranks i+1 .. j+1 share their mean
    for (let k = i; k <= j; k++) if (y[order[k] as number] === 1) { rankSum += averageRank; positives++; }
    i = j + 1;
  }
  const negatives = y.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The ROC curve: one point per distinct score threshold (predict positive when score >= it),
 * from (0, 0) to (1, 1). The trapezoid area under it equals {@link rocAuc}.
 * @example
 * rocCurve([0, 1], [0.2, 0.9]) //=> [{ threshold: Infinity, fpr: 0, tpr: 0 }, { threshold: 0.9, fpr: 0, tpr: 1 }, { threshold: 0.2, fpr: 1, tpr: 1 }]
 */
export function rocCurve(yTrue: ArrayLike<Label | boolean>, scores: ArrayLike<number>, options: { positive?: Label | boolean } = {}): Array<{ threshold: number; fpr: number; tpr: number }> {
  checkLengths(yTrue, scores, 'rocCurve');
  checkScores(scores, 'rocCurve');
  const y = binary(yTrue, options.positive);
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const P = y.reduce((s, v) => s + v, 0);
  const N = y.length - P;
  const points = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length;) {
    const s = scores[order[i] as number] as number;
    while (i < order.length && scores[order[i] as number] === s) {
      if (y[order[i] as number] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: s, fpr: N === 0 ? 0 : fp / N, tpr: P === 0 ? 0 : tp / P });
  }
  return points;
}

/**
 * Cumulative gains: after contacting the top `share` of customers by score, the share of all
 * positives reached; `lift` is that over the share contacted (1 = random). One point per decile
 * by default.
 * @example
 * gainsCurve([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.3], { points: 2 }) //=> [{ share: 0.5, gain: 1, lift: 2 }, { share: 1, gain: 1, lift: 1 }]
 */
export function gainsCurve(yTrue: ArrayLike<Label | boolean>, scores: ArrayLike<number>, options: { points?: number; positive?: Label | boolean } = {}): Array<{ share: number; gain: number; lift: number }> {
  checkLengths(yTrue, scores, 'gainsCurve');
  checkScores(scores, 'gainsCurve');
  const points = options.points ?? 10;
  if (!(Number.isInteger(points) && points >= 1)) throw new OptionError(`points must be a positive integer, got ${String(points)}`);
  const y = binary(yTrue, options.positive);
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const P = y.reduce((s, v) => s + v, 0);
  const out: Array<{ share: number; gain: number; lift: number }> = [];
  let reached = 0;
  let taken = 0;
  for (let k = 1; k <= points; k++) {
    const upTo = Math.round((k / points) * y.length);
    for (; taken < upTo; taken++) reached += y[order[taken] as number] as number;
    const share = upTo / Math.max(1, y.length);
    const gain = P === 0 ? 0 : reached / P;
    out.push({ share, gain, lift: share === 0 ? 0 : gain / share });
  }
  return out;
}

/**
 * Lift among the top `share` of customers by score (e.g. 0.1 for the top decile): the positive
 * rate there over the overall positive rate.
 * @example
 * liftAt([1, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0.9, 0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.4, 0.2, 0.1], 0.1) //=> 5
 */
export function liftAt(yTrue: ArrayLike<Label | boolean>, scores: ArrayLike<number>, share: number, options: { positive?: Label | boolean } = {}): number {
  if (!(share > 0 && share <= 1)) throw new OptionError(`share must be in (0, 1], got ${share}`);
  checkLengths(yTrue, scores, 'liftAt');
  checkScores(scores, 'liftAt');
  const y = binary(yTrue, options.positive);
  if (y.every((v) => v === 0)) throw new DataError(`lift is undefined when none of the ${y.length} labels is the positive class`);
  const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const top = Math.max(1, Math.round(share * y.length));
  let hits = 0;
  for (let i = 0; i < top; i++) hits += y[order[i] as number] as number;
  const rate = y.reduce((s, v) => s + v, 0) / y.length;
  return hits / top / rate;
}
