/**
 * Model checks on CDNOW (examples/data/lifetimes, MIT), calibration to 1997-09-30 and holdout to
 * 1998-06-30 as in Fader, Hardie & Lee (2005). Oracles: the tracking curve's expected values are
 * Σ over customers of E[X(t − first purchase)] recomputed here from the raw lines; its actual
 * values count repeat purchase days from the raw lines; the conditional expectations are class
 * means recomputed here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TransactionLog } from '../core/TransactionLog';
import { fitBgNbd } from './bgnbd';
import { conditionalExpectations, trackingCurve } from './modelChecks';
import { calibrationHoldout } from './summary';

const FILE = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_sample.txt', import.meta.url));
const lines = readFileSync(FILE, 'utf8').trim().split('\n').map((line) => {
  const [, id, date, , dollars] = line.trim().split(/\s+/);
  return { id: String(Number(id)), date: `${date?.slice(0, 4)}-${date?.slice(4, 6)}-${date?.slice(6, 8)}`, dollars: Number(dollars) };
});
const log = TransactionLog.fromRecords(lines, { customer: 'id', time: 'date', amount: 'dollars' });
const ends = { calibrationEnd: '1997-10-01', holdoutEnd: '1998-07-01' };
const rows = calibrationHoldout(log, ends);
const model = fitBgNbd(rows);

describe('model checks', () => {
  it('tracking: actual repeat purchase days and Σ E[X(t − tᵢ)] by the end of each week', () => {
    const curve = trackingCurve(model, log, ends);
    const firstDay = new Map<string, number>();
    const days = new Map<string, Set<number>>();
    for (const l of lines) {
      const d = Date.parse(`${l.date}T00:00:00Z`);
      firstDay.set(l.id, Math.min(firstDay.get(l.id) ?? Infinity, d));
      days.set(l.id, (days.get(l.id) ?? new Set()).add(d));
    }
    for (const point of [curve[10], curve[38], curve[curve.length - 1]]) {
      const end = point?.date.getTime() as number;
      let actual = 0;
      let expected = 0;
      for (const [id, first] of firstDay) {
        for (const d of days.get(id) ?? []) if (d > first && d < end) actual++;
        if (end > first) expected += model.expectedPurchases((end - first) / (7 * 86_400_000));
      }
      expect(point?.actual).toBe(actual);
      expect(point?.expected).toBeCloseTo(expected, 6);
    }
    expect(curve.some((p) => p.holdout)).toBe(true);
    // The paper's figure: the model tracks the cohort within a few percent at the end of the holdout.
    const last = curve[curve.length - 1] as { actual: number; expected: number };
    expect(Math.abs(last.expected - last.actual) / last.actual).toBeLessThan(0.05);
  });

  it('conditional expectations: class means of actual and predicted holdout purchases', () => {
    const ce = conditionalExpectations(model, rows);
    for (const cls of ce) {
      const members = rows.filter((r) => (cls.atLeast ? r.frequency >= cls.frequency : r.frequency === cls.frequency));
      expect(cls.customers).toBe(members.length);
      expect(cls.actual).toBeCloseTo(members.reduce((s, r) => s + r.holdoutFrequency, 0) / members.length, 10);
      expect(cls.predicted).toBeCloseTo(members.reduce((s, r) => s + model.expectedPurchases(r.holdoutDuration, r), 0) / members.length, 10);
    }
    expect(ce[ce.length - 1]?.atLeast).toBe(true);
  });
});
