/**
 * Customer lifetime value on CDNOW (Fader & Hardie's sample; examples/data/lifetimes, MIT): the
 * buy-till-you-die summary, BG/NBD and Gamma-Gamma fits, a holdout check, and CLV.
 * Run: npx tsx examples/clv.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TransactionLog, calibrationHoldout, clv, fitBgNbd, fitGammaGamma, dwyerClv, retentionClv } from '../src/index';

const file = fileURLToPath(new URL('./data/lifetimes/CDNOW_sample.txt', import.meta.url));
// CDNOW_sample.txt: master id, sample id, date (YYYYMMDD), CDs bought, dollars.
const records = readFileSync(file, 'utf8').trim().split('\n').map((line) => {
  const [, id, date, , dollars] = line.trim().split(/\s+/);
  return { id: String(Number(id)), date, dollars };
});
const log = TransactionLog.fromRecords(records, { customer: 'id', time: 'date', amount: 'dollars' });

// Calibrate on 1997-01-01..09-30, hold out the next 39 weeks.
const rows = calibrationHoldout(log, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });
const bgnbd = fitBgNbd(rows);
const spend = fitGammaGamma(rows);
const p = bgnbd.params;
console.log(`BG/NBD: r ${p.r.toFixed(3)}, alpha ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)}, LL ${bgnbd.logLikelihood.toFixed(1)}`);
console.log(`Gamma-Gamma: p ${spend.params.p.toFixed(2)}, q ${spend.params.q.toFixed(2)}, gamma ${spend.params.gamma.toFixed(2)}`);

const predicted = rows.reduce((s, c) => s + bgnbd.expectedPurchases(c.holdoutDuration, c), 0);
const actual = rows.reduce((s, c) => s + c.holdoutFrequency, 0);
console.log(`holdout (39 weeks): ${predicted.toFixed(0)} repeat purchases predicted, ${actual} made`);

const values = clv(bgnbd, spend, rows, { horizon: 52, period: 4, discountRate: 0.01 });
const top = [...values].sort((a, b) => b.clv - a.clv).slice(0, 3);
console.log(`top 52-week CLV (4-week periods, 1% per period): ${top.map((v) => `${v.customer} $${v.clv.toFixed(0)}`).join(', ')}`);
console.log(`total: $${values.reduce((s, v) => s + v.clv, 0).toFixed(0)} over ${values.length} customers`);

// The simple formulas, for comparison.
console.log(`Dwyer: margins 100, 80, 60 at 10% -> ${dwyerClv({ margins: [100, 80, 60], discountRate: 0.1 }).toFixed(2)}`);
console.log(`retention 80%, margin 100, 10%, forever -> ${retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: Infinity }).toFixed(2)}`);
