import { DataError, isCrmMiningError, show } from './errors';
import { Growable } from './growable';
import type { ColumnMapping, LoadOptions, MappedField, SkippedReport } from './mapping';
import { toEpochMs } from './time';
import { buildColumns, type LogColumns, type RawColumns } from './columns';

/** Reads one mapped field of one input row (a record's property, a CSV cell); {@link MISSING} when absent. */
export type FieldReader<R> = (row: R, field: MappedField) => unknown;

/** Returned by a {@link FieldReader} when the row has no such column at all. */
export const MISSING: unique symbol = Symbol('missing column');

const MAX_EXAMPLES = 5;

/**
 * Validates rows one by one, interns ids and appends them to typed-array columns. Loaders feed
 * it; `finish()` sorts the rows into baskets and customers.
 */
export class LogBuilder<R> {
  private readonly customers = new Map<string, number>();
  private readonly items = new Map<string, number>();
  private readonly orders = new Map<string, number>();
  private readonly customerCol = new Growable(Int32Array);
  private readonly timeCol = new Growable(Float64Array);
  private readonly itemCol: Growable<Int32Array> | null;
  private readonly orderCol: Growable<Int32Array> | null;
  private readonly amountCol: Growable<Float64Array> | null;
  private readonly costCol: Growable<Float64Array> | null;
  private readonly quantityCol: Growable<Float64Array> | null;
  private readonly orderCustomer = new Growable(Int32Array);
  private readonly orderFirstRow = new Growable(Int32Array);
  private readonly skipped: SkippedReport = { rows: 0, byField: {}, examples: [] };

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly read: FieldReader<R>,
    private readonly options: LoadOptions,
  ) {
    this.itemCol = mapping.item === undefined ? null : new Growable(Int32Array);
    this.orderCol = mapping.order === undefined ? null : new Growable(Int32Array);
    const hasAmount = mapping.amount !== undefined || mapping.price !== undefined;
    this.amountCol = hasAmount ? new Growable(Float64Array) : null;
    this.costCol = mapping.cost === undefined ? null : new Growable(Float64Array);
    this.quantityCol = mapping.quantity === undefined ? null : new Growable(Float64Array);
  }

  /** Number of rows accepted so far. */
  get rows(): number {
    return this.customerCol.length;
  }

  /**
   * Adds one input row; `row` is its 1-based data-row number, `line` its file line if any.
   * Throws a `DataError`, or counts the row as skipped when `onInvalid` is `'skip'`.
   */
  add(source: R, row: number, line?: number): void {
    try {
      this.addValidated(source, row, line);
    } catch (error) {
      if (!isCrmMiningError(error) || error.code !== 'DATA') throw error;
      this.reject(error as DataError);
    }
  }

  /** Throws a row's error, or counts the row as skipped when `onInvalid` is `'skip'`. */
  reject(error: DataError): void {
    if (this.options.onInvalid !== 'skip') throw error;
    const field = error.field ?? 'row';
    this.skipped.rows++;
    this.skipped.byField[field] = (this.skipped.byField[field] ?? 0) + 1;
    if (this.skipped.examples.length < MAX_EXAMPLES) this.skipped.examples.push(error.message);
  }

  /** Rows left out so far. */
  get skippedRows(): number {
    return this.skipped.rows;
  }

  private addValidated(source: R, row: number, line: number | undefined): void {
    const m = this.mapping;
    const customer = this.id(source, 'customer', row, line);
    const rawTime = this.field(source, 'time', row, line);
    const time = this.options.parseTime === undefined ? toEpochMs(rawTime) : toEpochMs(this.options.parseTime(rawTime));
    if (Number.isNaN(time)) throw new DataError('expected a Date, epoch milliseconds or an ISO-8601 time', { row, line, field: m.time, value: rawTime });
    const itemKey = m.item === undefined ? null : this.id(source, 'item', row, line);
    const orderKey = m.order === undefined ? null : this.id(source, 'order', row, line);
    const quantity = m.quantity === undefined ? NaN : this.number(source, 'quantity', row, line);
    let amount = NaN;
    if (m.amount !== undefined) amount = this.number(source, 'amount', row, line);
    else if (m.price !== undefined) amount = this.number(source, 'price', row, line) * (m.quantity === undefined ? 1 : quantity);
    const cost = m.cost === undefined ? NaN : this.number(source, 'cost', row, line);
    if (orderKey !== null) this.checkOrderOwner(orderKey, customer, row, line);
    // Everything is valid: intern (only now, so a skipped row leaves no trace) and append.
    const customerId = this.intern(this.customers, customer);
    const item = itemKey === null ? -1 : this.intern(this.items, itemKey);
    const order = orderKey === null ? -1 : this.intern(this.orders, orderKey);
    if (order === this.orderCustomer.length) {
      this.orderCustomer.push(customerId);
      this.orderFirstRow.push(row);
    }
    // Everything is valid: append.
    this.customerCol.push(customerId);
    this.timeCol.push(time);
    this.itemCol?.push(item);
    this.orderCol?.push(order);
    this.amountCol?.push(amount);
    this.costCol?.push(cost);
    this.quantityCol?.push(quantity);
  }

  private checkOrderOwner(orderKey: string, customer: string, row: number, line: number | undefined): void {
    const order = this.orders.get(orderKey);
    if (order === undefined) return;
    const owner = this.orderCustomer.get(order);
    if (this.customers.get(customer) === owner) return;
    const ownerName = [...this.customers.entries()].find(([, id]) => id === owner)?.[0];
    throw new DataError(
      `order belongs to customer ${show(ownerName)} (row ${this.orderFirstRow.get(order)}) but this row names customer ${show(customer)}; one order has one customer`,
      { row, line, field: this.mapping.order as string, value: orderKey },
    );
  }

  private field(source: R, field: MappedField, row: number, line: number | undefined): unknown {
    const value = this.read(source, field);
    if (value === MISSING) throw new DataError(`the mapped ${field} column is missing from this row`, { row, line, field: this.mapping[field] as string });
    return value;
  }

  private id(source: R, field: MappedField, row: number, line: number | undefined): string {
    const value = this.field(source, field, row, line);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'bigint') return String(value);
    const what = value === '' || (typeof value === 'string' && value.trim() === '') ? `a non-empty ${field} id, got an empty value` : `a ${field} id (string or number)`;
    throw new DataError(`expected ${what}`, { row, line, field: this.mapping[field] as string, ...(typeof value === 'string' ? {} : { value }) });
  }

  private number(source: R, field: MappedField, row: number, line: number | undefined): number {
    const value = this.field(source, field, row, line);
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw new DataError('expected a finite number', { row, line, field: this.mapping[field] as string, value });
    return n;
  }

  private intern(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  }

  /** Sorts the accepted rows into baskets and customers. */
  finish(): { columns: LogColumns; skipped: SkippedReport } {
    if (this.rows === 0 && this.options.allowEmpty !== true) {
      const why = this.skipped.rows > 0 ? `every row was invalid and skipped (${this.skipped.rows}; first: ${this.skipped.examples[0]})` : 'the input has no data rows';
      throw new DataError(`the transaction log is empty: ${why}; pass allowEmpty: true to accept an empty log`);
    }
    const raw: RawColumns = {
      customer: this.customerCol.toArray(),
      time: this.timeCol.toArray(),
      item: this.itemCol?.toArray() ?? null,
      order: this.orderCol?.toArray() ?? null,
      amount: this.amountCol?.toArray() ?? null,
      cost: this.costCol?.toArray() ?? null,
      quantity: this.quantityCol?.toArray() ?? null,
      customerNames: [...this.customers.keys()],
      itemNames: [...this.items.keys()],
      orderNames: this.orderCol === null ? null : [...this.orders.keys()],
    };
    this.options.onProgress?.({ phase: 'index', done: 0, total: 1 });
    const columns = buildColumns(raw);
    this.options.onProgress?.({ phase: 'index', done: 1, total: 1 });
    return { columns, skipped: this.skipped };
  }
}
