import { DataError } from '../core/errors';
import { median } from '../core/stats';
import { checkOptions, type OptionKind } from '../core/options';

/** Reinartz & Kumar's four kinds of customers. */
export type LoyaltyQuadrant = 'True Friends' | 'Butterflies' | 'Barnacles' | 'Strangers';

/** Input of {@link loyaltyQuadrants}: a customer's profitability and expected relationship duration. */
export interface QuadrantInput {
  customer: string;
  /** Profitability, e.g. CLV. */
  profitability: number;
  /** Expected (or observed) relationship duration, in any one unit. */
  duration: number;
}

/** Thresholds of {@link loyaltyQuadrants}; each defaults to the median of its column. */
export interface QuadrantOptions {
  profitabilityThreshold?: number;
  durationThreshold?: number;
}

/**
 * Reinartz & Kumar's profitability × loyalty matrix: True Friends (profitable, long-lasting),
 * Butterflies (profitable, short-lived), Barnacles (long-lasting, not profitable), Strangers
 * (neither). A value at or above its threshold counts as high.
 * @throws {DataError} code `'DATA'` naming the row for a non-finite value.
 * @see Reinartz & Kumar (2002), The mismanagement of customer loyalty, Harvard Business Review 80(7).
 * @example
 * loyaltyQuadrants([{ customer: 'a', profitability: 900, duration: 40 }, { customer: 'b', profitability: 10, duration: 2 }])
 * //=> [{ customer: 'a', …, quadrant: 'True Friends' }, { customer: 'b', …, quadrant: 'Strangers' }]
 */
export function loyaltyQuadrants(rows: readonly QuadrantInput[], options: QuadrantOptions = {}): Array<QuadrantInput & { quadrant: LoyaltyQuadrant }> {
  checkOptions('loyaltyQuadrants', options, { profitabilityThreshold: 'number', durationThreshold: 'number' } satisfies Record<keyof QuadrantOptions, OptionKind>);
  rows.forEach((row, i) => {
    for (const field of ['profitability', 'duration'] as const) {
      if (!Number.isFinite(row[field])) throw new DataError('expected a finite number', { row: i + 1, field, value: row[field] });
    }
  });
  const p = options.profitabilityThreshold ?? median(rows.map((r) => r.profitability));
  const d = options.durationThreshold ?? median(rows.map((r) => r.duration));
  return rows.map((row) => {
    const profitable = row.profitability >= p;
    const lasting = row.duration >= d;
    const quadrant: LoyaltyQuadrant = profitable ? (lasting ? 'True Friends' : 'Butterflies') : lasting ? 'Barnacles' : 'Strangers';
    return { ...row, quadrant };
  });
}
