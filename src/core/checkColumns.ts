import { DataError, OptionError } from './errors';
import type { RawColumns } from './columns';
import { MAX_EPOCH_MS } from './time';

/**
 * Checks interned columns as the loaders check rows: each id indexes its name array, times are
 * epoch milliseconds a Date can hold, amounts, costs and quantities are finite (and add up to a
 * finite total), and an order belongs to one customer. Rows are 1-based in errors.
 * @throws {OptionError} for a missing or mistyped column or name array, or unequal lengths.
 * @throws {DataError} naming the row and the column for a bad value.
 * @example
 * checkColumns({ customer: Int32Array.of(1), time: Float64Array.of(0), item: null, order: null, amount: null, cost: null, quantity: null,
 *   customerNames: ['a'], itemNames: [], orderNames: null }) // DataError: row 1, field 'customer': id 1 is not in 0..0
 */
export function checkColumns(raw: RawColumns): void {
  if (typeof raw !== 'object' || raw === null) throw new OptionError('fromColumns needs an object of columns');
  column(raw, 'customer', Int32Array, true);
  column(raw, 'time', Float64Array, true);
  for (const name of ['item', 'order'] as const) column(raw, name, Int32Array, false);
  for (const name of ['amount', 'cost', 'quantity'] as const) column(raw, name, Float64Array, false);
  names(raw, 'customerNames', true);
  names(raw, 'itemNames', raw.item !== null);
  names(raw, 'orderNames', raw.order !== null);
  const n = raw.customer.length;
  for (const name of ['time', 'item', 'order', 'amount', 'cost', 'quantity'] as const) {
    const col = raw[name];
    if (col !== null && col.length !== n) throw new OptionError(`column ${name} has ${col.length} values, expected ${n} (as many as customer)`, { column: name });
  }
  ids(raw.customer, raw.customerNames.length, 'customer');
  if (raw.item !== null) ids(raw.item, raw.itemNames.length, 'item');
  if (raw.order !== null) ids(raw.order, (raw.orderNames as readonly string[]).length, 'order');
  for (let i = 0; i < n; i++) {
    const t = raw.time[i] as number;
    if (!(Math.abs(t) <= MAX_EPOCH_MS)) throw new DataError(`expected epoch milliseconds a Date can hold, got ${t}`, { row: i + 1, field: 'time', value: t });
  }
  for (const name of ['amount', 'cost', 'quantity'] as const) {
    const col = raw[name];
    if (col === null) continue;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i] as number;
      if (!Number.isFinite(v)) throw new DataError(`expected a finite number, got ${v}`, { row: i + 1, field: name, value: v });
      sum += Math.abs(v);
      if (!Number.isFinite(sum)) throw new DataError(`the ${name}s add up beyond the largest finite number here`, { row: i + 1, field: name, value: v });
    }
  }
  if (raw.order !== null) {
    const owner = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const o = raw.order[i] as number;
      const c = raw.customer[i] as number;
      const first = owner.get(o);
      if (first === undefined) owner.set(o, c);
      else if (first !== c) {
        throw new DataError(`order ${JSON.stringify(raw.orderNames?.[o])} belongs to customer ${JSON.stringify(raw.customerNames[first])} but this row names ${JSON.stringify(raw.customerNames[c])}; one order has one customer`, { row: i + 1, field: 'order' });
      }
    }
  }
}

function column(raw: RawColumns, name: keyof RawColumns, type: Int32ArrayConstructor | Float64ArrayConstructor, required: boolean): void {
  const col = raw[name] as unknown;
  if (col === null && !required) return;
  if (!(col instanceof type)) {
    throw new OptionError(`fromColumns needs ${name} as ${required ? 'a' : 'null or a'} ${type.name}, got ${col === undefined ? 'nothing' : Object.prototype.toString.call(col).slice(8, -1)}`, { column: name });
  }
}

function names(raw: RawColumns, name: 'customerNames' | 'itemNames' | 'orderNames', required: boolean): void {
  const list = raw[name] as unknown;
  if (!required && (list === null || list === undefined)) return;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new OptionError(`fromColumns needs ${name} as an array of strings`, { column: name });
}

function ids(col: Int32Array, count: number, field: string): void {
  for (let i = 0; i < col.length; i++) {
    const id = col[i] as number;
    if (id < 0 || id >= count) throw new DataError(`id ${id} is not in 0..${count - 1} (the ${field} names given)`, { row: i + 1, field, value: id });
  }
}
