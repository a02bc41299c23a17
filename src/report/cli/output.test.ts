import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../core/formats';
import { formatRows, type Column } from './output';

type Row = { name: string; x: number };
const columns: Array<Column<Row>> = [{ header: 'name', value: (r) => r.name }, { header: 'x', value: (r) => r.x, digits: 2 }];

describe('formatRows', () => {
  it('CSV reads back exactly with our CSV parser, whatever the text holds (quotes, commas, line breaks)', () => {
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é') }), x: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { minLength: 1, maxLength: 8 }), (rows) => {
      const back = parseCsv(formatRows(rows, columns, 'csv', { formulas: true }));
      expect(back.map((r) => r.name)).toEqual(rows.map((r) => r.name));
      expect(back.map((r) => Number(r.x))).toEqual(rows.map((r) => (Object.is(r.x, -0) ? 0 : r.x)));
    }));
  });

  it('a table aligns text left and numbers right, with fixed decimals; JSON keeps full precision', () => {
    const rows = [{ name: 'tea', x: 1.005 }, { name: 'oolong', x: 12.5 }];
    expect(formatRows(rows, columns, 'table')).toBe('name        x\ntea      1.00\noolong  12.50\n');
    expect(JSON.parse(formatRows(rows, columns, 'json'))).toEqual([{ name: 'tea', x: 1.005 }, { name: 'oolong', x: 12.5 }]);
  });
});

describe('CSV injection', () => {
  it("puts a ' before text cells a spreadsheet would run as formulas, never before numbers", () => {
    const rows = [{ name: '=cmd|\' /C calc\'!A0', x: -3 }, { name: '+1+1', x: 2 }, { name: '@SUM(1)', x: 0 }, { name: '-tea', x: 1 }, { name: 'plain', x: -0.5 }];
    const columns: Array<Column<(typeof rows)[number]>> = [{ header: 'name', value: (r) => r.name }, { header: 'x', value: (r) => r.x }];
    const back = parseCsv(formatRows(rows, columns, 'csv'));
    expect(back.map((r) => r.name)).toEqual(["'=cmd|' /C calc'!A0", "'+1+1", "'@SUM(1)", "'-tea", 'plain']);
    expect(back.map((r) => r.x)).toEqual(['-3', '2', '0', '1', '-0.5']);
    expect(parseCsv(formatRows(rows, columns, 'csv', { formulas: true }))[0]?.name).toBe("=cmd|' /C calc'!A0");
  });
});
