import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sampleCsv } from '../examples/generate-sample';
import { TransactionLog } from '../src/index';
import { main } from '../src/report/cli';

const SAMPLE = new URL('../examples/data/sample-transactions.csv', import.meta.url);

describe('bundled sample', () => {
  it('is exactly what the seeded generator produces', () => {
    expect(readFileSync(SAMPLE, 'utf8')).toBe(sampleCsv());
  });

  it('loads with every column mapped', () => {
    const log = TransactionLog.fromCSV(readFileSync(SAMPLE), { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' });
    expect(log.customerCount).toBe(1500);
    expect(log.skipped.rows).toBe(0);
    expect(log.summary().from.toISOString() >= '2023-01-01').toBe(true);
  });
});

describe('CLI on the sample', () => {
  it('summarises the CSV with the columns named', async () => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } };
    expect(await main(['summary', SAMPLE.pathname, '--customer', 'customer', '--time', 'time', '--order', 'order', '--item', 'item', '--json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ customers: 1500, items: 400 });
  });
});
