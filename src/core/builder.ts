import { DataError, OptionError, isCrmMiningError, show } from './errors';
import { Growable } from './growable';
import { Interner } from './intern';
import { MAPPED_FIELDS, type ColumnMapping, type LoadOptions, type SkippedReport } from './mapping';
import { isoRangeToEpochMs, toEpochMs } from './time';
import { buildColumns, type LogColumns, type RawColumns } from './columns';
import { splitReturns, type ReturnsReport } from './returns';
import { datePattern } from './datePattern';

/**
 * Reads one mapped field of one input row (a record's property, a CSV cell), the field given
 * by its index in {@link MAPPED_FIELDS}; returns {@link MISSING} when the row has no such column.
 */
export type FieldReader<R> = (row: R, field: number) => unknown;

const CUSTOMER = 0, TIME = 1, ITEM = 2, ORDER = 3, AMOUNT = 4, COST = 5, QUANTITY = 6, PRICE = 7;

/** Returned by a {@link FieldReader} when the row has no such column at all. */
export const MISSING: unique symbol = Symbol('missing column');

const MAX_EXAMPLES = 5;

/** Appended to a row's DataError under onInvalid: 'throw'. */
export const SKIP_HINT = " (onInvalid: 'skip' leaves such rows out and counts them in log.skipped)";

/**
 * Validates rows one by one, interns ids and appends them to typed-array columns. Loaders feed
 * it; `finish()` sorts the rows into baskets and customers.
 */
export class LogBuilder<R> {
  private readonly customers = new Interner();
  private readonly items = new Interner();
  private readonly orders = new Interner();
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
  /** The decimal mark's char code: 46 ('.') or 44 (','). */
  private readonly point: number;
  /** The time reader: the dateFormat pattern, the caller's parseTime, or undefined for ISO-8601. */
  private readonly parseTime: ((value: unknown) => Date | number) | undefined;

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
    if (options.decimal !== undefined && options.decimal !== '.' && options.decimal !== ',') throw new OptionError(`decimal must be '.' or ',', got ${JSON.stringify(options.decimal)}`);
    this.point = options.decimal === ',' ? 44 : 46;
    if (options.dateFormat !== undefined && options.parseTime !== undefined) throw new OptionError('give either dateFormat or parseTime, not both');
    if (options.dateFormat !== undefined) {
      const pattern = datePattern(options.dateFormat);
      this.parseTime = (value) => (typeof value === 'string' ? pattern(value) : (value as number));
    } else this.parseTime = options.parseTime;
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
    if (this.options.onInvalid !== 'skip') {
      // A row's problem: say how to go on without it.
      if (error.row !== undefined) error.message += SKIP_HINT;
      throw error;
    }
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
    const customer = this.id(source, CUSTOMER, row, line);
    const rawTime = this.field(source, TIME, row, line);
    const time = this.lastTimeText !== null && rawTime === this.lastTimeText ? this.lastTime : this.time(rawTime, row, line);
    const itemKey = m.item === undefined ? null : this.id(source, ITEM, row, line);
    const orderKey = m.order === undefined ? null : this.id(source, ORDER, row, line);
    const quantity = m.quantity === undefined ? NaN : this.number(source, QUANTITY, row, line);
    let amount = NaN;
    if (m.amount !== undefined) amount = this.number(source, AMOUNT, row, line);
    else if (m.price !== undefined) {
      amount = this.number(source, PRICE, row, line) * (m.quantity === undefined ? 1 : quantity);
      if (!Number.isFinite(amount)) throw new DataError('price × quantity is beyond the largest finite number', { row, line, field: m.price, value: amount });
    }
    const cost = m.cost === undefined ? NaN : this.number(source, COST, row, line);
    if (!this.sumsStayFinite(amount, cost)) {
      const field = Number.isFinite(this.amountSum + Math.abs(amount || 0)) ? m.cost : (m.amount ?? m.price);
      throw new DataError('the amounts add up beyond the largest finite number here (their sum would be Infinity)', { row, line, field, value: field === m.cost ? cost : amount });
    }
    const knownOrder = orderKey === null ? -1 : this.orders.find(orderKey);
    if (knownOrder >= 0) this.checkOrderOwner(knownOrder, customer, row, line);
    // Everything is valid: intern (only now, so a skipped row leaves no trace) and append.
    const customerId = this.customers.id(customer);
    const item = itemKey === null ? -1 : this.items.id(itemKey);
    const order = orderKey === null ? -1 : knownOrder >= 0 ? knownOrder : this.orders.id(orderKey);
    this.append(customerId, time, item, order, amount, cost, quantity, row);
  }

  /**
   * Adds one CSV row given as character ranges of `text` (cell k spans
   * `bounds[2k]..bounds[2k+1]`, columns located by `columnIndex`), without making a string
   * per cell. Anything unusual (spaces around an id, a number in exponent form, any invalid
   * value) goes through {@link LogBuilder.add} on the cell strings, so the rules and error
   * messages are the same.
   */
  addRange(text: string, bounds: Int32Array, cellCount: number, columnIndex: Int32Array, row: number, line: number): void {
    if (this.tryRange(text, bounds, columnIndex, row)) return;
    const cells: string[] = new Array(cellCount);
    for (let k = 0; k < cellCount; k++) cells[k] = text.slice(bounds[2 * k], bounds[2 * k + 1]);
    this.add(cells as unknown as R, row, line);
  }

  /** The last time text parsed (null when the last time was not text): consecutive rows of an order repeat it. */
  private lastTimeText: string | null = null;

  // Hot path: no closures here (tsx/esbuild wrap each one in a naming helper call).
  private tryRange(text: string, b: Int32Array, ix: Int32Array, row: number): boolean {
    const c = 2 * (ix[CUSTOMER] as number);
    const cs = b[c] as number, ce = b[c + 1] as number;
    if (!plainId(text, cs, ce)) return false;
    const t = 2 * (ix[TIME] as number);
    const ts = b[t] as number, te = b[t + 1] as number;
    let time = this.lastTime;
    if (this.lastTimeText === null || !sameText(this.lastTimeText, text, ts, te)) {
      const raw = text.slice(ts, te);
      time = this.parseTime === undefined ? isoRangeToEpochMs(raw, 0, raw.length) : toEpochMs(this.parseTime(raw));
      if (time !== time) return false;
      this.lastTimeText = raw;
      this.lastTime = time;
    }
    const m = this.mapping;
    let is = 0, ie = 0, os = 0, oe = 0;
    if (m.item !== undefined) {
      const k = 2 * (ix[ITEM] as number);
      is = b[k] as number; ie = b[k + 1] as number;
      if (!plainId(text, is, ie)) return false;
    }
    if (m.order !== undefined) {
      const k = 2 * (ix[ORDER] as number);
      os = b[k] as number; oe = b[k + 1] as number;
      if (!plainId(text, os, oe)) return false;
    }
    const quantity = m.quantity === undefined ? NaN : cellNumber(text, b, ix, QUANTITY, this.point);
    let amount = NaN;
    if (m.amount !== undefined) amount = cellNumber(text, b, ix, AMOUNT, this.point);
    else if (m.price !== undefined) amount = cellNumber(text, b, ix, PRICE, this.point) * (m.quantity === undefined ? 1 : quantity);
    const cost = m.cost === undefined ? NaN : cellNumber(text, b, ix, COST, this.point);
    // parseDecimal reads at most 15 digits, so amount and cost are finite here.
    if ((m.quantity !== undefined && quantity !== quantity) || ((m.amount !== undefined || m.price !== undefined) && amount !== amount) || (m.cost !== undefined && cost !== cost)) return false;
    if (!this.sumsStayFinite(amount, cost)) return false;
    let order = -1;
    if (m.order !== undefined) {
      order = this.orders.findRange(text, os, oe);
      if (order >= 0 && this.customers.findRange(text, cs, ce) !== this.orderCustomer.get(order)) return false;
    }
    const customerId = this.customers.idOfRange(text, cs, ce);
    const item = m.item === undefined ? -1 : this.items.idOfRange(text, is, ie);
    if (m.order !== undefined && order < 0) order = this.orders.idOfRange(text, os, oe);
    this.append(customerId, time, item, order, amount, cost, quantity, row);
    return true;
  }

  /** Sums of |amount| and |cost| so far: while they are finite, every customer's total is. */
  private amountSum = 0;
  private costSum = 0;

  private sumsStayFinite(amount: number, cost: number): boolean {
    return Number.isFinite(this.amountSum + Math.abs(amount || 0)) && Number.isFinite(this.costSum + Math.abs(cost || 0));
  }

  private append(customerId: number, time: number, item: number, order: number, amount: number, cost: number, quantity: number, row: number): void {
    this.amountSum += Math.abs(amount || 0);
    this.costSum += Math.abs(cost || 0);
    if (order === this.orderCustomer.length) {
      this.orderCustomer.push(customerId);
      this.orderFirstRow.push(row);
    }
    this.customerCol.push(customerId);
    this.timeCol.push(time);
    this.itemCol?.push(item);
    this.orderCol?.push(order);
    this.amountCol?.push(amount);
    this.costCol?.push(cost);
    this.quantityCol?.push(quantity);
  }

  private checkOrderOwner(order: number, customer: string, row: number, line: number | undefined): void {
    const owner = this.orderCustomer.get(order);
    if (this.customers.find(customer) === owner) return;
    const ownerName = this.customers.nameOf(owner);
    throw new DataError(
      `order belongs to customer ${show(ownerName)} (row ${this.orderFirstRow.get(order)}) but this row names customer ${show(customer)}; one order has one customer`,
      { row, line, field: this.mapping.order as string, value: this.orders.nameOf(order) },
    );
  }

  /** The value of {@link lastTimeText}. */
  private lastTime = NaN;

  private time(rawTime: unknown, row: number, line: number | undefined): number {
    const time = this.parseTime === undefined ? toEpochMs(rawTime) : toEpochMs(this.parseTime(rawTime));
    if (Number.isNaN(time)) throw new DataError(this.options.dateFormat === undefined ? 'expected a Date, epoch milliseconds or an ISO-8601 time' : `expected a time written as ${this.options.dateFormat} (dateFormat)`, { row, line, field: this.mapping.time, value: rawTime });
    this.lastTimeText = typeof rawTime === 'string' ? rawTime : null;
    this.lastTime = time;
    return time;
  }

  private field(source: R, field: number, row: number, line: number | undefined): unknown {
    const value = this.read(source, field);
    if (value === MISSING) throw new DataError(`the mapped ${MAPPED_FIELDS[field]} column is missing from this row`, { row, line, field: this.column(field) });
    return value;
  }

  /** The input column name of a field. */
  private column(field: number): string {
    return this.mapping[MAPPED_FIELDS[field] as keyof ColumnMapping] as string;
  }

  private id(source: R, field: number, row: number, line: number | undefined): string {
    const value = this.field(source, field, row, line);
    if (typeof value === 'string' && value.length > 0 && (!isSpace(value.charCodeAt(0)) || value.trim() !== '')) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'bigint') return String(value);
    const name = MAPPED_FIELDS[field] as string;
    const what = typeof value === 'string' ? `a non-empty ${name} id, got an empty value` : `a ${name} id (string or number)`;
    throw new DataError(`expected ${what}`, { row, line, field: this.column(field), ...(typeof value === 'string' ? {} : { value }) });
  }

  private number(source: R, field: number, row: number, line: number | undefined): number {
    const value = this.field(source, field, row, line);
    let n = NaN;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string' && value.length > 0) {
      n = parseDecimal(value, 0, value.length, this.point);
      // Number() also reads '0x1F', '0b101', '0o7', '' and 'Infinity': only decimals are amounts.
      const text = this.point === 44 ? (value.includes('.') ? '' : value.replace(',', '.')) : value;
      if (n !== n && DECIMAL.test(text)) n = Number(text);
    }
    if (!Number.isFinite(n)) throw new DataError(`expected a finite number${this.point === 44 ? " with ',' as the decimal mark" : ''}`, { row, line, field: this.column(field), value });
    return n;
  }

  /** Room for about `rows` rows, before the first (a loader's estimate): the columns then grow in one piece and are handed over without a copy. */
  reserve(rows: number): void {
    for (const col of [this.customerCol, this.timeCol, this.itemCol, this.orderCol, this.amountCol, this.costCol, this.quantityCol]) col?.reserve(rows);
  }

  /** Sorts the accepted rows into baskets and customers. */
  finish(): { columns: LogColumns; skipped: SkippedReport; returns: ReturnsReport } {
    if (this.rows === 0 && this.options.allowEmpty !== true) {
      const why = this.skipped.rows > 0 ? `every row was invalid and skipped (${this.skipped.rows}; first: ${this.skipped.examples[0]})` : 'the input has no data rows';
      throw new DataError(`the transaction log is empty: ${why}; pass allowEmpty: true to accept an empty log`);
    }
    const raw: RawColumns = {
      customer: this.customerCol.take(),
      time: this.timeCol.take(),
      item: this.itemCol?.take() ?? null,
      order: this.orderCol?.take() ?? null,
      amount: this.amountCol?.take() ?? null,
      cost: this.costCol?.take() ?? null,
      quantity: this.quantityCol?.take() ?? null,
      customerNames: this.customers.names(),
      itemNames: this.items.names(),
      orderNames: this.orderCol === null ? null : this.orders.names(),
    };
    const { purchases, returns, report } = splitReturns(raw, this.options);
    if (purchases.customer.length === 0 && raw.customer.length > 0 && this.options.allowEmpty !== true) {
      throw new DataError(`the transaction log has no purchases: all ${raw.customer.length} rows are returns (negative quantity or amount${this.options.returnOrders === undefined ? '' : ', or a return order'}); pass returns: 'keep' to load them as line items`);
    }
    this.options.onProgress?.({ phase: 'index', done: 0, total: 1 });
    const columns = buildColumns(purchases, returns);
    this.options.onProgress?.({ phase: 'index', done: 1, total: 1 });
    return { columns, skipped: this.skipped, returns: { ...report, withoutPurchase: columns.returnsWithoutPurchase } };
  }
}

/** A decimal number in plain or exponent form, with white space around it allowed. */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0xfeff;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Plain decimals such as `-12.50` with at most 15 digits, read from `text[start..end)`. The result is
 * exactly `Number(text)`: an integer below 2^53 divided by an exact power of ten is correctly
 * rounded. NaN for any other shape (the caller falls back to `Number`).
 */
export function parseDecimal(text: string, start: number, end: number, point = 46): number {
  const n = end;
  let i = start;
  let negative = false;
  if (end <= start) return NaN;
  const first = text.charCodeAt(start);
  if (first === 45 || first === 43) { negative = first === 45; i = start + 1; }
  let mantissa = 0;
  let digitCount = 0;
  let scale = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === point && scale < 0) { scale = 0; continue; }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    mantissa = mantissa * 10 + d;
    digitCount++;
    if (scale >= 0) scale++;
  }
  if (digitCount === 0 || digitCount > 15) return NaN;
  const value = scale > 0 ? mantissa / (POW10[scale] as number) : mantissa;
  return negative ? -value : value;
}

/** A non-empty id range that does not start or end with white space (others take the slow path). */
function plainId(text: string, start: number, end: number): boolean {
  return end > start && !isSpace(text.charCodeAt(start)) && !isSpace(text.charCodeAt(end - 1));
}

function sameText(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function cellNumber(text: string, bounds: Int32Array, index: Int32Array, field: number, point: number): number {
  const k = 2 * (index[field] as number);
  return parseDecimal(text, bounds[k] as number, bounds[k + 1] as number, point);
}
