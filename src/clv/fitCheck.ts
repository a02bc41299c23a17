import { CrmMiningError, DataError } from '../core/errors';

/**
 * Whether a fitted model can be used: `'ok'`, or `'declined'` with the reason (its parameters
 * are at the edge of what the data can identify, its log-likelihood is not finite, too few
 * customers carry the information it needs…). A declined model's predictions throw a `MODEL`
 * error with that reason, so nothing invented leaves the library.
 */
export type FitStatus = 'ok' | 'declined';

/** Fewer repeat buyers than this and a BTYD model does not fit (the dropout and spend processes are only seen in them). */
export const MIN_REPEAT_BUYERS = 10;

/**
 * Outside [1e-3, 1e4] a shape or scale parameter says the data could not pin it down: e.g. two
 * weeks of purchases show no dropout, and BG/NBD answers a = 0.0003, b = 120,581 (dropout
 * probability 2.5e-9). Fits on real data (CDNOW: r 0.24, α 4.4, a 0.79, b 2.4 in weeks) sit
 * well inside.
 */
const PARAMETER_RANGE = [1e-3, 1e4] as const;

/** How a decline reason names the customers that carry the information (repeat buyers; departures for sBG). */
export interface InformativeLabel { informative: string; needed: string }
const REPEAT_BUYERS: InformativeLabel = { informative: 'bought more than once', needed: 'repeat buyers' };

/**
 * The reason to decline a fit, or null: a non-finite log-likelihood, too few repeat buyers, or
 * a parameter at the edge of its range.
 * @example
 * declineReason('BG/NBD', { r: 0.2, alpha: 4, a: 1e-9, b: 1e-9 }, -100, { repeatBuyers: 30, customers: 700 }) //=> 'BG/NBD declined: parameter a = 1.0e-9 …'
 */
export function declineReason(model: string, params: Readonly<Record<string, number>>, logLikelihood: number, data: { repeatBuyers: number; customers: number }, label: InformativeLabel = REPEAT_BUYERS): string | null {
  if (data.repeatBuyers < MIN_REPEAT_BUYERS) {
    return `${model} declined: only ${data.repeatBuyers} of ${data.customers} customers ${label.informative} (at least ${MIN_REPEAT_BUYERS} ${label.needed} are needed; a longer history would show more)`;
  }
  if (!Number.isFinite(logLikelihood)) return `${model} declined: the log-likelihood of the fit is not finite (${logLikelihood})`;
  const [low, high] = PARAMETER_RANGE;
  for (const [name, value] of Object.entries(params)) {
    if (!(value >= low && value <= high)) {
      return `${model} declined: parameter ${name} = ${value.toExponential(1)} is at the edge of its range, so the data (${data.customers} customers, ${data.repeatBuyers} repeat buyers) cannot identify it: it needs a longer history`;
    }
  }
  return null;
}

/**
 * What a declined model's predictions do: throw its reason.
 * @example
 * const model = { ...fit, probabilityAlive: refusal(reason) };
 */
export function refusal(reason: string): () => never {
  return () => {
    throw new CrmMiningError('MODEL', `not computed: ${reason}`);
  };
}

/**
 * The weight of a grouped summary row (the customers it stands for; 1 when absent).
 * @throws {DataError} code `'DATA'` naming the row when it is not a positive finite number.
 */
export function rowWeight(weight: unknown, index: number): number {
  const w = weight ?? 1;
  if (!(typeof w === 'number' && w > 0 && Number.isFinite(w))) throw new DataError('weight must be a positive number (the customers the row stands for)', { row: index + 1, field: 'weight', value: w });
  return w;
}
