import { OptionError, isCrmMiningError } from '../core/errors';
import { MS_PER_DAY } from '../core/time';
import type { TransactionLog } from '../core/TransactionLog';
import { calibrationHoldout, conditionalExpectations, fitBgNbd, trackingCurve, type BgNbdParams, type ConditionalExpectation, type TrackingPoint } from '../clv/index';

/** The report's check of the purchase model: fitted on a calibration period, compared on the holdout after it. */
export type ClvModelCheck =
  | { status: 'ok'; calibrationEnd: Date; holdoutEnd: Date; holdoutWeeks: number; bgnbd: BgNbdParams; tracking: TrackingPoint[]; conditional: ConditionalExpectation[] }
  | { status: 'skipped'; reason: string };

const WEEK_MS = 7 * MS_PER_DAY;

/**
 * Fits BG/NBD on the log up to `asOf − holdoutWeeks` and compares it with what happened up to
 * `asOf`: the tracking curve and the conditional expectations. Without `holdoutWeeks` the
 * holdout is the last third of the log's span. Skipped, with the reason, when the calibration
 * period is too short or its fit declines.
 * @example
 * const check = clvModelCheck(log, Date.parse('1998-07-01'), { holdoutWeeks: 39 });
 * if (check.status === 'ok') charts.tracking(check.tracking);
 */
export function clvModelCheck(log: TransactionLog, asOf: number, options: { holdoutWeeks?: number; penalizer?: number } = {}): ClvModelCheck {
  const first = log.summary().from.getTime();
  const spanWeeks = (asOf - first) / WEEK_MS;
  const holdoutWeeks = options.holdoutWeeks ?? Math.max(1, Math.round(spanWeeks / 3));
  if (!(holdoutWeeks > 0 && Number.isFinite(holdoutWeeks))) throw new OptionError(`clv.holdoutWeeks must be a number of weeks > 0, got ${String(holdoutWeeks)}`);
  if (spanWeeks < 2 * holdoutWeeks) {
    return { status: 'skipped', reason: `the log spans ${spanWeeks.toFixed(1)} weeks: a ${holdoutWeeks}-week holdout needs at least as long a calibration period before it` };
  }
  const ends = { calibrationEnd: asOf - holdoutWeeks * WEEK_MS, holdoutEnd: asOf };
  try {
    const rows = calibrationHoldout(log, ends);
    const model = fitBgNbd(rows, options.penalizer === undefined ? {} : { penalizer: options.penalizer });
    if (model.status === 'declined') return { status: 'skipped', reason: `on the calibration period (the first ${(spanWeeks - holdoutWeeks).toFixed(0)} weeks), ${model.reason ?? 'the fit declined'}` };
    return {
      status: 'ok',
      calibrationEnd: new Date(ends.calibrationEnd),
      holdoutEnd: new Date(ends.holdoutEnd),
      holdoutWeeks,
      bgnbd: model.params,
      tracking: trackingCurve(model, log, ends),
      conditional: conditionalExpectations(model, rows),
    };
  } catch (error) {
    if (isCrmMiningError(error) && error.code !== 'ABORTED' && error.code !== 'OPTION') return { status: 'skipped', reason: error.message.replace(/^not computed: /, '') };
    throw error;
  }
}
