import { DataError, OptionError } from '../core/errors';
import { createRng } from '../core/random';
import { median } from '../core/stats';
import type { Label } from './metrics';
import { checkOptions, type OptionKind } from '../core/options';

/** Options of {@link fitEncoder}. */
export interface EncoderOptions {
  /** Columns read as numbers; blanks, null and NaN are missing. */
  numeric?: readonly string[];
  /** Columns one-hot encoded (one 0/1 feature per category seen in training). */
  categorical?: readonly string[];
  /** What a missing number becomes: the training mean, median, or 0. @default 'median' */
  missing?: 'mean' | 'median' | 'zero';
  /** Standardize numeric columns to mean 0, standard deviation 1 (training statistics). @default true */
  standardize?: boolean;
}

/** A fitted encoder: turns records into a numeric matrix, always with the same columns. */
export interface FittedEncoder {
  featureNames: string[];
  transform(records: readonly Record<string, unknown>[]): number[][];
}

const isMissing = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && Number.isNaN(v));

/**
 * Learns how to turn customer records into model features: numeric columns (missing values
 * imputed, optionally standardized) and one-hot categorical columns (a missing category is its
 * own '(missing)' level; a category unseen in training encodes as all zeros).
 * @throws {DataError} code `'DATA'` naming the row and column of a non-numeric value in a numeric column.
 * @example
 * const enc = fitEncoder(rows, { numeric: ['tenure'], categorical: ['Contract'] });
 * enc.featureNames //=> ['tenure', 'Contract=Month-to-month', 'Contract=One year', 'Contract=Two year']
 */
export function fitEncoder(records: readonly Record<string, unknown>[], options: EncoderOptions): FittedEncoder {
  checkOptions('fitEncoder', options, { numeric: 'array', categorical: 'array', missing: 'string', standardize: 'boolean' } satisfies Record<keyof EncoderOptions, OptionKind>);
  const numeric = [...(options.numeric ?? [])];
  const categorical = [...(options.categorical ?? [])];
  const missing = options.missing ?? 'median';
  if (!['mean', 'median', 'zero'].includes(missing)) throw new OptionError(`missing must be 'mean', 'median' or 'zero', got ${String(missing)}`);
  if (records.length === 0) throw new DataError('cannot fit an encoder on no records');
  const number = (r: Record<string, unknown>, col: string, row: number): number => {
    const v = r[col];
    if (isMissing(v)) return NaN;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw new DataError('expected a number', { row, field: col, value: v });
    return n;
  };
  const fill: number[] = [];
  const mean: number[] = [];
  const sd: number[] = [];
  numeric.forEach((col) => {
    const values = records.map((r, i) => number(r, col, i + 1)).filter((v) => !Number.isNaN(v));
    const m = values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
    const f = missing === 'mean' ? m : missing === 'median' ? median(values) : 0;
    fill.push(f);
    const imputed = records.map((r, i) => { const v = number(r, col, i + 1); return Number.isNaN(v) ? f : v; });
    const mu = imputed.reduce((s, v) => s + v, 0) / imputed.length;
    const variance = imputed.reduce((s, v) => s + (v - mu) ** 2, 0) / imputed.length;
    mean.push(mu);
    sd.push(Math.sqrt(variance) || 1);
  });
  const levels = categorical.map((col) => [...new Set(records.map((r) => (isMissing(r[col]) ? '(missing)' : String(r[col]))))].sort());
  const standardize = options.standardize ?? true;
  const featureNames = [...numeric, ...categorical.flatMap((col, c) => (levels[c] as string[]).map((l) => `${col}=${l}`))];
  return {
    featureNames,
    transform(rows) {
      return rows.map((r, i) => {
        const out: number[] = [];
        numeric.forEach((col, c) => {
          const v = number(r, col, i + 1);
          const x = Number.isNaN(v) ? (fill[c] as number) : v;
          out.push(standardize ? (x - (mean[c] as number)) / (sd[c] as number) : x);
        });
        categorical.forEach((col, c) => {
          const value = isMissing(r[col]) ? '(missing)' : String(r[col]);
          for (const level of levels[c] as string[]) out.push(level === value ? 1 : 0);
        });
        return out;
      });
    },
  };
}

/**
 * Fold assignment for k-fold cross-validation, stratified: each class is shuffled (seeded) and
 * dealt round-robin, so every fold keeps the class shares.
 * @example
 * stratifiedFolds(['a', 'a', 'b', 'b'], 2, 1) //=> [0, 1, 1, 0] (one of each class per fold)
 */
export function stratifiedFolds(y: readonly Label[], folds: number, seed: number): number[] {
  if (!(Number.isInteger(folds) && folds >= 2 && folds <= y.length)) throw new OptionError(`folds must be an integer from 2 to the number of rows, got ${String(folds)}`);
  const rng = createRng(seed);
  const byClass = new Map<Label, number[]>();
  y.forEach((label, i) => { const list = byClass.get(label) ?? []; list.push(i); byClass.set(label, list); });
  const fold = new Array<number>(y.length).fill(0);
  let next = 0;
  for (const key of [...byClass.keys()].sort()) {
    for (const i of rng.shuffle(byClass.get(key) as number[])) fold[i] = next++ % folds;
  }
  return fold;
}

/**
 * A stratified, seeded split into training and test rows.
 * @example
 * const { train, test } = trainTestSplit(y, { testShare: 0.25, seed: 1 }); // row indexes
 */
export function trainTestSplit(y: readonly Label[], options: { testShare?: number; seed?: number } = {}): { train: number[]; test: number[] } {
  const testShare = options.testShare ?? 0.25;
  if (!(testShare > 0 && testShare < 1)) throw new OptionError(`testShare must be in (0, 1), got ${testShare}`);
  const rng = createRng(options.seed ?? 1);
  const byClass = new Map<Label, number[]>();
  y.forEach((label, i) => { const list = byClass.get(label) ?? []; list.push(i); byClass.set(label, list); });
  const train: number[] = [];
  const test: number[] = [];
  for (const key of [...byClass.keys()].sort()) {
    const rows = rng.shuffle(byClass.get(key) as number[]);
    const cut = Math.round(rows.length * testShare);
    test.push(...rows.slice(0, cut));
    train.push(...rows.slice(cut));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
