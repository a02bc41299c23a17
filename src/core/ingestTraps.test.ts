/**
 * Hidden traps in real files (issue 16): each asserts the DataError (row, line, field) or the
 * exact value read, never just "does not crash".
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TransactionLog } from './TransactionLog';

const dir = mkdtempSync(join(tmpdir(), 'crm-traps-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const dataError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; row?: number; line?: number; field?: string; message: string };
  }
  throw new Error('expected a DataError');
};

describe('times', () => {
  it('an empty time is a DataError, in the CSV fast path, the record path and fromRecords', () => {
    const e = dataError(() => TransactionLog.fromCSV('c,t,a\nx,,5\n', { customer: 'c', time: 't', amount: 'a' }));
    expect(e).toMatchObject({ code: 'DATA', row: 1, line: 2, field: 't' });
    expect(e.message).toMatch(/\(onInvalid: 'skip' leaves such rows out and counts them in log\.skipped\)$/);
    expect(dataError(() => TransactionLog.fromCSV('c,t,a\n"x",,5\n', { customer: 'c', time: 't', amount: 'a' }))).toMatchObject({ code: 'DATA', row: 1, field: 't' });
    // After a Date (the last time text cache must not match an empty string).
    expect(dataError(() => TransactionLog.fromRecords([{ c: 'x', t: new Date(0) }, { c: 'x', t: '' }], { customer: 'c', time: 't' }))).toMatchObject({ code: 'DATA', row: 2, field: 't' });
  });

  it('skips and counts a row with an empty time under onInvalid: skip, and no NaN reaches the log', () => {
    const log = TransactionLog.fromCSV('c,t,a\nx,,5\ny,2024-01-02,3\n', { customer: 'c', time: 't', amount: 'a', onInvalid: 'skip' });
    expect(log.skipped).toMatchObject({ rows: 1, byField: { t: 1 } });
    expect(log.summary().from.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(log.customers().map((c) => c.customer)).toEqual(['y']);
  });

  it('reads years 0000-0099 as written and refuses epoch ms a Date cannot hold', () => {
    const log = TransactionLog.fromCSV('c,t\nx,0050-06-01\n', { customer: 'c', time: 't' });
    expect(log.summary().from.getUTCFullYear()).toBe(50);
    expect(dataError(() => TransactionLog.fromRecords([{ c: 'x', t: 1e20 }], { customer: 'c', time: 't' }))).toMatchObject({ code: 'DATA', row: 1, field: 't' });
  });
});

describe('amounts', () => {
  it.each(['0x1F', '0b101', '0o17', 'Infinity', '1e400', ' '])('%j is not an amount', (text) => {
    expect(dataError(() => TransactionLog.fromCSV(`c,t,a\nx,2024-01-01,${text}\n`, { customer: 'c', time: 't', amount: 'a' }))).toMatchObject({ code: 'DATA', row: 1, field: 'a' });
  });

  it('reads decimals in plain and exponent form, with spaces around', () => {
    const log = TransactionLog.fromCSV('c,t,a\nx,2024-01-01, 1.5e2 \nx,2024-01-02,-.5\n', { customer: 'c', time: 't', amount: 'a' });
    expect(log.customers()[0]?.amount).toBe(149.5);
  });

  it('amounts whose sum overflows are a DataError at the row that overflows', () => {
    const e = dataError(() => TransactionLog.fromCSV('c,t,a\nx,2024-01-01,1e308\ny,2024-01-01,1.7e308\n', { customer: 'c', time: 't', amount: 'a' }));
    expect(e).toMatchObject({ code: 'DATA', row: 2, field: 'a' });
    expect(e.message).toMatch(/add up beyond the largest finite number/);
    expect(dataError(() => TransactionLog.fromRecords([{ c: 'x', t: 0, p: 1e308, q: 10 }], { customer: 'c', time: 't', price: 'p', quantity: 'q' }))).toMatchObject({ row: 1, field: 'p' });
  });
});

describe('wide files', () => {
  it('reads the mapped columns of a 40-column file, quoted header or not', () => {
    const names = Array.from({ length: 40 }, (_, i) => `col${i}`);
    names[35] = 'customer';
    names[36] = 'time';
    names[38] = 'item';
    const row = names.map((n, i) => (n === 'customer' ? 'C1' : n === 'time' ? '2024-05-01' : n === 'item' ? 'tea' : `v${i}`));
    for (const header of [names.join(','), names.map((n) => `"${n}"`).join(',')]) {
      const log = TransactionLog.fromCSV(`${header}\n${row.join(',')}\n`, { customer: 'customer', time: 'time', item: 'item' });
      expect(log.baskets()).toEqual([['tea']]);
      expect(log.customerIds()).toEqual(['C1']);
    }
  });

  it('reads a file past the 8 MB read boundary: every row, the last one exact', () => {
    const header = Array.from({ length: 40 }, (_, i) => (i === 0 ? 'customer' : i === 1 ? 'time' : i === 39 ? 'amount' : `x${i}`)).join(',');
    const rows: string[] = [header];
    for (let r = 0; r < 60_000; r++) rows.push([`C${r % 997}`, '2024-01-01', ...Array.from({ length: 37 }, () => 'lorem ipsum dolor'), String(r)].join(','));
    const path = file('wide.csv', `${rows.join('\n')}\n`);
    const log = TransactionLog.fromCSV(path, { customer: 'customer', time: 'time', amount: 'amount' });
    expect(log.rowCount).toBe(60_000);
    expect(log.summary().amount).toBe((60_000 * 59_999) / 2);
  });
});

describe('encodings and files that are not CSV text', () => {
  it('invalid UTF-8 is a DataError naming the line; replaced only when asked', () => {
    const bytes = Buffer.concat([Buffer.from('c,t,i\nx,2024-01-01,tea\nx,2024-01-02,caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const path = file('latin1.csv', bytes);
    const e = dataError(() => TransactionLog.fromCSV(path, { customer: 'c', time: 't', item: 'i' }));
    expect(e).toMatchObject({ code: 'DATA', line: 3 });
    expect(e.message).toMatch(/not valid UTF-8.*encoding: 'latin1'/);
    expect(TransactionLog.fromCSV(path, { customer: 'c', time: 't', item: 'i', encoding: 'latin1' }).baskets()).toEqual([['tea'], ['café']]);
    expect(TransactionLog.fromCSV(path, { customer: 'c', time: 't', item: 'i', onInvalidEncoding: 'replace' }).baskets()).toEqual([['tea'], ['caf\uFFFD']]);
    expect(dataError(() => TransactionLog.fromCSV(new Uint8Array(bytes), { customer: 'c', time: 't', item: 'i' }))).toMatchObject({ code: 'DATA', line: 3 });
  });

  it('reads an ASCII start fast, then UTF-8 split across the 8 MB chunk boundary; a bad byte past it names its line', () => {
    // Rows of 17 bytes up to one byte before the boundary, then 'é' (C3 A9) across it.
    const CHUNK = 8 << 20;
    const head = 'c,t,i\n';
    const rows = Math.floor((CHUNK - head.length - 20) / 17);
    const filler = CHUNK - 1 - head.length - 17 * rows - 'x,2024-01-01,'.length;
    const start = `${head}${'x,2024-01-01,tea\n'.repeat(rows)}x,2024-01-01,${'a'.repeat(filler)}`;
    expect(Buffer.byteLength(start)).toBe(CHUNK - 1);
    const text = `${start}é\ny,2024-01-02,thé\n`;
    const log = TransactionLog.fromCSV(file('ascii-then-utf8.csv', text), { customer: 'c', time: 't', item: 'i' });
    expect(log.rowCount).toBe(rows + 2);
    expect(log.baskets().slice(-1)).toEqual([['thé']]);
    expect(log.columns.itemNames).toContain(`${'a'.repeat(filler)}é`);
    const bad = Buffer.concat([Buffer.from(`${start}a\ny,2024-01-02,caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(dataError(() => TransactionLog.fromCSV(file('ascii-then-bad.csv', bad), { customer: 'c', time: 't', item: 'i' }))).toMatchObject({ code: 'DATA', line: rows + 3 });
  });

  it('a literal U+FFFD in valid UTF-8 is text, not an error', () => {
    expect(TransactionLog.fromCSV(file('fffd.csv', 'c,t,i\nx,2024-01-01,a\uFFFDb\n'), { customer: 'c', time: 't', item: 'i' }).baskets()).toEqual([['a\uFFFDb']]);
  });

  it('reads UTF-16 files with a byte order mark, little- and big-endian', () => {
    const text = 'c,t,i\nx,2024-01-01,thé\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) expect(TransactionLog.fromCSV(file(`u16-${bytes[0]}.csv`, bytes), { customer: 'c', time: 't', item: 'i' }).baskets()).toEqual([['thé']]);
    const noBom = Buffer.from(text, 'utf16le');
    expect(dataError(() => TransactionLog.fromCSV(file('u16-nobom.csv', noBom), { customer: 'c', time: 't', item: 'i' })).message).toMatch(/UTF-16 without a byte order mark: pass encoding: 'utf-16le'/);
  });

  it('says what a directory, a compressed or a binary file is', () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    expect(dataError(() => TransactionLog.fromCSV(sub, { customer: 'c', time: 't' })).message).toMatch(/is a directory/);
    expect(dataError(() => TransactionLog.fromCSV(file('x.csv.gz', gzipSync('c,t\nx,2024-01-01\n')), { customer: 'c', time: 't' })).message).toMatch(/gzip-compressed; decompress it first/);
    expect(dataError(() => TransactionLog.fromCSV(file('x.bin', new Uint8Array([1, 2, 0, 0, 5, 0, 7, 8, 9, 10, 0])), { customer: 'c', time: 't' })).message).toMatch(/NUL bytes|binary/);
  });
});

describe('fromColumns checks like the other loaders', () => {
  const base = () => ({ customer: Int32Array.of(0, 1), time: Float64Array.of(0, 1), item: null, order: null, amount: Float64Array.of(1, 2), cost: null, quantity: null, customerNames: ['a', 'b'], itemNames: [] as string[], orderNames: null });

  it('accepts valid columns', () => {
    expect(TransactionLog.fromColumns(base()).customerIds()).toEqual(['a', 'b']);
  });

  it('an id outside the names is a DataError with the row, not another customer', () => {
    expect(dataError(() => TransactionLog.fromColumns({ ...base(), customer: Int32Array.of(0, 2) }))).toMatchObject({ code: 'DATA', row: 2, field: 'customer' });
  });

  it('NaN times and amounts are DataErrors with the row', () => {
    expect(dataError(() => TransactionLog.fromColumns({ ...base(), time: Float64Array.of(0, NaN) }))).toMatchObject({ code: 'DATA', row: 2, field: 'time' });
    expect(dataError(() => TransactionLog.fromColumns({ ...base(), amount: Float64Array.of(NaN, 1) }))).toMatchObject({ code: 'DATA', row: 1, field: 'amount' });
  });

  it('a missing time column is an OptionError, not a TypeError', () => {
    const { time: _time, ...rest } = base();
    expect(() => TransactionLog.fromColumns(rest as never)).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/needs time as a Float64Array/) }));
  });

  it('an order shared by two customers is a DataError', () => {
    expect(dataError(() => TransactionLog.fromColumns({ ...base(), order: Int32Array.of(0, 0), orderNames: ['o1'] }))).toMatchObject({ code: 'DATA', row: 2, field: 'order' });
  });
});

describe('files analysts have', () => {
  it("reads whitespace-separated files with a leading space and CRLF (CDNOW_master.txt) with delimiter: 'whitespace'", () => {
    const path = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_master.txt', import.meta.url));
    const log = TransactionLog.fromCSV(path, { customer: 'customer_id', time: 'date', amount: 'dollar_value', delimiter: 'whitespace' });
    // Fader & Hardie's CDNOW master file: 69,659 transactions of 23,570 customers.
    expect(log.summary()).toMatchObject({ rows: 69_659, customers: 23_570 });
    expect(log.summary().from.toISOString()).toBe('1997-01-01T00:00:00.000Z');
  });

  it('reads a file without a header line when the columns are named (CDNOW_sample.txt)', () => {
    const path = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_sample.txt', import.meta.url));
    const log = TransactionLog.fromCSV(path, { customer: 'id', time: 'date', amount: 'dollars', delimiter: 'whitespace', header: false, columns: ['master', 'id', 'date', 'cds', 'dollars'] });
    expect(log.summary()).toMatchObject({ rows: 6_919, customers: 2_357 });
    expect(() => TransactionLog.fromCSV(path, { customer: 'id', time: 'date', header: false })).toThrow(expect.objectContaining({ code: 'OPTION', message: expect.stringMatching(/header: false needs columns/) }));
  });

  it("reads decimal commas with decimal: ',' and refuses them otherwise", () => {
    const csv = 'c;t;a\nx;2024-01-01;2,55\nx;2024-01-02;"1,5e1"\n';
    expect(TransactionLog.fromCSV(csv, { customer: 'c', time: 't', amount: 'a', delimiter: ';', decimal: ',' }).customers()[0]?.amount).toBeCloseTo(17.55, 10);
    expect(dataError(() => TransactionLog.fromCSV(csv, { customer: 'c', time: 't', amount: 'a', delimiter: ';' }))).toMatchObject({ code: 'DATA', row: 1, field: 'a' });
    expect(dataError(() => TransactionLog.fromCSV('c;t;a\nx;2024-01-01;2.55\n', { customer: 'c', time: 't', amount: 'a', delimiter: ';', decimal: ',' })).message).toMatch(/with ',' as the decimal mark/);
  });
});
