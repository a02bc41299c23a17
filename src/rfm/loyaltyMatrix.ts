import { DataError, OptionError } from '../core/errors';
import { checkOptions, type OptionKind } from '../core/options';
import { quantileSorted } from '../core/stats';

/** Low, medium or high on one axis of the loyalty matrix. */
export type LoyaltyLevel = 'low' | 'medium' | 'high';

/** One of the nine cells, named after Dick & Basu's four corners (see {@link LOYALTY_CELLS}). */
export interface LoyaltyCell {
  frequency: LoyaltyLevel;
  attitude: LoyaltyLevel;
  name: string;
  customers: number;
  /** Share of the customers with an attitude score. */
  share: number;
}

/** Options of {@link loyaltyMatrix}. */
export interface LoyaltyMatrixOptions {
  /**
   * Each customer's attitude (a satisfaction or NPS score, anything where higher is warmer),
   * joined by customer id: a Map, a plain object, or rows of `{ customer, score }`.
   */
  attitude: ReadonlyMap<string, number> | Readonly<Record<string, number>> | readonly { customer: string; score: number }[];
  /**
   * Where medium and high start on each axis: `{ frequency: [m, h], attitude: [m, h] }`. A value
   * at or above `m` is at least medium, at or above `h` high. @default the terciles of each axis
   */
  levels?: { frequency?: readonly [number, number]; attitude?: readonly [number, number] };
}

/** The result of {@link loyaltyMatrix}. */
export interface LoyaltyMatrix {
  /** The nine cells, high frequency first, then by attitude from high to low. */
  cells: LoyaltyCell[];
  /** Each customer with an attitude, with their levels and cell name. */
  customers: Array<{ customer: string; frequency: number; attitude: number; cell: string }>;
  /** Customers without an attitude score: counted here, never dropped silently. */
  withoutAttitude: { customers: number; examples: string[] };
  /** The cut points used, [medium, high] per axis. */
  levels: { frequency: [number, number]; attitude: [number, number] };
}

/**
 * The nine cells. Dick & Basu (1994) cross relative attitude with repeat patronage and name the
 * four corners: true loyalty (both high), latent loyalty (warm but rarely buying), spurious
 * loyalty (buying out of habit or convenience, without attachment) and no loyalty. The middle
 * row and column, which a 3 × 3 grid adds, are named here between their neighbours.
 */
export const LOYALTY_CELLS: Readonly<Record<LoyaltyLevel, Readonly<Record<LoyaltyLevel, string>>>> = {
  high: { high: 'True loyalty', medium: 'Habitual loyalty', low: 'Spurious loyalty' },
  medium: { high: 'Emerging loyalty', medium: 'Moderate loyalty', low: 'Weak loyalty' },
  low: { high: 'Latent loyalty', medium: 'Low loyalty', low: 'No loyalty' },
};

const LEVELS: readonly LoyaltyLevel[] = ['high', 'medium', 'low'];

/**
 * The 3 × 3 loyalty matrix: behaviour (purchase frequency) × attitude, three levels each.
 * @param rows - One row per customer with a `frequency` (e.g. RFM rows or the BTYD summary).
 * @param options - {@link LoyaltyMatrixOptions}: the attitude scores and, optionally, the levels.
 * @throws {DataError} code `'DATA'` naming the row of a frequency that is not a finite number, or an attitude score that is not one.
 * @see Dick & Basu (1994), Customer loyalty: toward an integrated conceptual framework, J. Academy of Marketing Science 22(2).
 * @example
 * loyaltyMatrix(rfm(log), { attitude: npsByCustomer }).cells[0] //=> { frequency: 'high', attitude: 'high', name: 'True loyalty', customers: 41, share: 0.12 }
 */
export function loyaltyMatrix(rows: readonly { customer: string; frequency: number }[], options: LoyaltyMatrixOptions): LoyaltyMatrix {
  checkOptions('loyaltyMatrix', options, { attitude: 'any', levels: 'any' } satisfies Record<keyof LoyaltyMatrixOptions, OptionKind>);
  const scores = attitudeMap(options.attitude);
  const joined: Array<{ customer: string; frequency: number; attitude: number }> = [];
  const missing: string[] = [];
  rows.forEach((row, i) => {
    if (typeof row.frequency !== 'number' || !Number.isFinite(row.frequency)) throw new DataError('expected a finite number', { row: i + 1, field: 'frequency', value: row.frequency });
    const score = scores.get(row.customer);
    if (score === undefined) missing.push(row.customer);
    else joined.push({ customer: row.customer, frequency: row.frequency, attitude: score });
  });
  const levels = {
    frequency: cuts(options.levels?.frequency, joined.map((r) => r.frequency), 'frequency'),
    attitude: cuts(options.levels?.attitude, joined.map((r) => r.attitude), 'attitude'),
  };
  const level = (v: number, [m, h]: [number, number]): LoyaltyLevel => (v >= h ? 'high' : v >= m ? 'medium' : 'low');
  const counts = new Map<string, number>();
  const customers = joined.map((r) => {
    const cell = LOYALTY_CELLS[level(r.frequency, levels.frequency)][level(r.attitude, levels.attitude)];
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
    return { ...r, cell };
  });
  const cells: LoyaltyCell[] = [];
  for (const f of LEVELS) {
    for (const a of LEVELS) {
      const name = LOYALTY_CELLS[f][a];
      const n = counts.get(name) ?? 0;
      cells.push({ frequency: f, attitude: a, name, customers: n, share: joined.length === 0 ? 0 : n / joined.length });
    }
  }
  return { cells, customers, withoutAttitude: { customers: missing.length, examples: missing.slice(0, 5) }, levels };
}

function attitudeMap(input: LoyaltyMatrixOptions['attitude']): Map<string, number> {
  const out = new Map<string, number>();
  const add = (customer: unknown, score: unknown, where: number) => {
    if (typeof score !== 'number' || !Number.isFinite(score)) throw new DataError('an attitude score must be a finite number', { row: where, field: 'attitude', value: score });
    out.set(String(customer), score);
  };
  if (input instanceof Map) [...input].forEach(([c, s], i) => add(c, s, i + 1));
  else if (Array.isArray(input)) input.forEach((r: { customer: string; score: number }, i) => add(r.customer, r.score, i + 1));
  else if (typeof input === 'object' && input !== null) Object.entries(input).forEach(([c, s], i) => add(c, s, i + 1));
  else throw new OptionError('attitude must be a Map, an object or rows of { customer, score }, joined by customer id');
  return out;
}

/** [medium, high] cut points: given, or the terciles of the values (a tie at a cut goes up). */
function cuts(given: readonly [number, number] | undefined, values: number[], axis: string): [number, number] {
  if (given !== undefined) {
    const [m, h] = given;
    if (!(Number.isFinite(m) && Number.isFinite(h) && m <= h)) throw new OptionError(`levels.${axis} must be two finite numbers [medium, high] with medium <= high, got ${JSON.stringify(given)}`);
    return [m, h];
  }
  if (values.length === 0) return [0, 0];
  const sorted = [...values].sort((a, b) => a - b);
  return [quantileSorted(sorted, 1 / 3), quantileSorted(sorted, 2 / 3)];
}
