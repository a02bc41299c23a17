import { describe, expect, it } from 'vitest';
import { TransactionLog } from './TransactionLog';
import { checkOptions } from './options';
import { associationRules } from '../association/rules';
import { sequentialPatterns } from '../sequence/sequentialPatterns';
import { rfm } from '../rfm/rfm';
import { kmeans } from '../cluster/kmeans';
import { trainChurnModel } from '../churn/model';
import { DecisionTree } from '../classify/decisionTree';
import { syntheticRecords } from './synthetic';

const records = [...syntheticRecords({ customers: 120, seed: 4, start: '2023-01-01', end: '2024-12-31' })];
const log = TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
const optionError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected an OptionError');
};

describe('plain-JavaScript callers get the option they misspelled or mistyped', () => {
  it('names the closest known option for a misspelled one, everywhere', () => {
    expect(optionError(() => associationRules(log, { minSupp: 0.1 } as never)).message).toMatch(/associationRules: unknown option 'minSupp' \(did you mean 'minSupport'\?\)/);
    expect(optionError(() => sequentialPatterns(log, { maxGaps: 2 } as never)).message).toMatch(/did you mean 'maxGap'/);
    expect(optionError(() => rfm(log, { bin: 4 } as never)).message).toMatch(/did you mean 'bins'/);
    expect(optionError(() => kmeans([[0], [1]], 1, { seeds: 3 } as never)).message).toMatch(/did you mean 'seed'/);
    expect(optionError(() => new DecisionTree({ max_depth: 3 } as never)).message).toMatch(/did you mean 'maxDepth'/);
    expect(optionError(() => TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', ammount: 'amount' } as never)).message).toMatch(/fromRecords: unknown option 'ammount' \(did you mean 'amount'\?\)/);
    expect(optionError(() => TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', delimiter: ';' } as never)).message).toMatch(/unknown option 'delimiter'/);
  });

  it('names the type expected for a mistyped value', () => {
    const e = optionError(() => trainChurnModel(log, { asOf: '2024-06-30', horizonDays: '90' } as never));
    expect(e).toMatchObject({ code: 'OPTION' });
    expect(e.message).toMatch(/option horizonDays must be a number, got the string "90"/);
    expect(optionError(() => associationRules(log, { minSupport: '0.1' } as never)).message).toMatch(/minSupport must be a number, got the string "0.1"/);
    expect(optionError(() => checkOptions('f', 5, { a: 'number' })).message).toMatch(/options must be an object/);
  });

  it('asks for a required asOf instead of reporting a date the caller never gave', () => {
    const e = optionError(() => trainChurnModel(log, { horizonDays: 90 } as never));
    expect(e.message).toMatch(/^asOf is required: the date the features are computed at, with 90 observed days after it; in this log, from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
  });
});
