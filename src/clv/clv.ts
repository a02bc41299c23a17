import { CrmMiningError, OptionError } from '../core/errors';
import type { BtydCustomer } from './bgnbd';
import type { FittedGammaGamma } from './gammaGamma';
import type { CustomerSummaryRow } from './summary';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';
import { runGuard } from '../core/guard';
import type { RunOptions } from '../core/run';

/** Options of {@link clv}; times in the unit of the fitted models (e.g. weeks). */
export interface ClvOptions extends RunOptions {
  /** How far ahead to value, e.g. 52 (weeks). */
  horizon: number;
  /** Length of one discounting period in the same unit, e.g. 4 (weeks). */
  period: number;
  /** Discount rate per period, e.g. 0.01 a month. */
  discountRate: number;
  /** Share of spend that is margin. @default 1 (value revenue) */
  margin?: number;
}

/** What CLV needs of a purchase model: BG/NBD, MBG/NBD and Pareto/NBD fits all are one. */
export interface PurchaseModel {
  status: 'ok' | 'declined';
  reason: string | null;
  data: { span: number };
  expectedPurchases(t: number, customer?: BtydCustomer): number;
}

/** The furthest a value is projected, in multiples of the longest history the purchase model saw. */
const MAX_HORIZON_SPANS = 3;

/** A customer's lifetime value over the horizon, with its two parts. */
export interface CustomerClv {
  customer: string;
  clv: number;
  /** Expected purchases over the whole horizon. */
  expectedPurchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  expectedSpend: number;
}

/**
 * Lifetime value from a purchase model and a spend model: for each period k the expected
 * purchases in ((k−1)·period, k·period] (the last period ends at the horizon) times the
 * expected spend and the margin, discounted by (1 + discountRate)^k.
 * @param purchases - A fitted {@link fitBgNbd} or {@link fitMbgNbd} model.
 * @param spend - A fitted {@link fitGammaGamma} model.
 * @param customers - Summary rows (frequency, recency, T, monetary, customer).
 * @param options - {@link ClvOptions}
 * @returns One value per customer, in input order.
 * @throws {OptionError} code `'OPTION'` for a non-positive horizon or period, or a bad rate or margin.
 * @throws {CrmMiningError} code `'MODEL'` ("not computed: …", with the numbers) when either model
 *   was declined, or the horizon is more than 3 times the longest history the purchase model was
 *   fitted on: 52 weeks ahead from 2 weeks of data is a guess, not a forecast.
 * @see Fader, Hardie & Lee (2005), RFM and CLV: using iso-value curves for customer base analysis, JMR 42(4).
 * @example
 * clv(bgnbd, gammaGamma, summary, { horizon: 52, period: 4, discountRate: 0.01 })[0] //=> { customer: '1', clv: 41.7, expectedPurchases: 1.6, expectedSpend: 26.1 }
 */
export function clv(
  purchases: PurchaseModel,
  spend: FittedGammaGamma,
  customers: readonly (BtydCustomer & Pick<CustomerSummaryRow, 'monetary' | 'customer'>)[],
  options: ClvOptions,
): CustomerClv[] {
  checkOptions('clv', options, { ...RUN_OPTIONS, horizon: 'number', period: 'number', discountRate: 'number', margin: 'number' } satisfies Record<keyof ClvOptions, OptionKind>);
  const { horizon, period, discountRate, margin = 1 } = options;
  if (!(horizon > 0 && Number.isFinite(horizon))) throw new OptionError(`horizon must be a positive time, got ${horizon}`);
  if (!(period > 0 && Number.isFinite(period))) throw new OptionError(`period must be a positive time, got ${period}`);
  if (!(discountRate > -1 && Number.isFinite(discountRate))) throw new OptionError(`discountRate must be a finite number > −1, got ${discountRate}`);
  if (!(margin >= 0 && Number.isFinite(margin))) throw new OptionError(`margin must be a finite share >= 0, got ${margin}`);
  for (const [name, fit] of [['purchase model', purchases], ['spend model', spend]] as const) {
    if (fit.status === 'declined') throw new CrmMiningError('MODEL', `not computed: ${fit.reason ?? `the ${name} was declined`}`);
  }
  const span = purchases.data.span;
  if (horizon > MAX_HORIZON_SPANS * span) {
    throw new CrmMiningError('MODEL', `not computed: the horizon (${horizon}) is more than ${MAX_HORIZON_SPANS} times the longest customer history the purchase model saw (${span.toFixed(1)}, in the unit of the fit); shorten the horizon or use a longer history`);
  }
  const steps = Math.ceil(horizon / period - 1e-12);
  const guard = runGuard(options);
  guard.phase('clv', customers.length);
  return customers.map((c) => {
    guard.tick(steps + 1);
    let value = 0;
    let before = 0;
    for (let k = 1; k <= steps; k++) {
      const cumulative = purchases.expectedPurchases(Math.min(k * period, horizon), c);
      value += (cumulative - before) / Math.pow(1 + discountRate, k);
      before = cumulative;
    }
    const expectedSpend = spend.expectedSpend(c);
    const result = { customer: c.customer, clv: value * expectedSpend * margin, expectedPurchases: before, expectedSpend };
    if (!(Number.isFinite(result.clv) && result.expectedPurchases >= 0 && result.expectedSpend > 0)) {
      throw new CrmMiningError('MODEL', `not computed: the models give no finite value for customer ${JSON.stringify(c.customer)} (expected purchases ${result.expectedPurchases}, spend ${result.expectedSpend})`);
    }
    return result;
  });
}
