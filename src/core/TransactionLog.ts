import { LogBuilder, MISSING } from './builder';
import { buildColumns, returnedUpTo, type LogColumns, type RawColumns } from './columns';
import { splitReturns, type ReturnsOptions, type ReturnsReport } from './returns';
import { loadCsv, type CsvMapping } from './csv';
import { DataError, OptionError } from './errors';
import { MAPPED_FIELDS, type LogMapping, type SkippedReport } from './mapping';
import { progressTicker, throwIfAborted } from './run';
import { toEpochMs } from './time';
import { checkColumns } from './checkColumns';
import { readArrow, type ArrowTableLike } from './arrowInput';
import { RUN_OPTIONS, checkOptions, type OptionKind } from './options';

/** One customer's totals, from {@link TransactionLog.customers}. */
export interface CustomerRow {
  customer: string;
  /** Time of the first basket. */
  firstPurchase: Date;
  /** Time of the last basket. */
  lastPurchase: Date;
  /** Distinct baskets (orders). */
  baskets: number;
  /** Line items (rows). */
  lineItems: number;
  /** Sum of the amounts, or null when no amount (or price) column was mapped. */
  amount: number | null;
}

/** What {@link TransactionLog.summary} reports. */
export interface LogSummary {
  rows: number;
  baskets: number;
  customers: number;
  items: number;
  /** Earliest and latest basket times. */
  from: Date;
  to: Date;
  /** Total amount, or null without an amount column. */
  amount: number | null;
  /** Mean distinct items per basket. */
  meanBasketSize: number;
  /** Rows left out under `onInvalid: 'skip'`. */
  skipped: SkippedReport;
  /** Returns and cancellations found, and the policy that placed them. */
  returns: ReturnsReport;
}

/** A time window for {@link TransactionLog.filterTime}; both ends inclusive. */
export interface TimeWindow {
  from?: Date | number | string;
  to?: Date | number | string;
}

const NO_SKIPS: SkippedReport = Object.freeze({ rows: 0, byField: {}, examples: [] }) as SkippedReport;

/** A log as structured-clonable data, for workers. @internal */
export interface LogTransfer { kind: 'crm-mining-log'; columns: LogColumns; skipped: SkippedReport; returns: ReturnsReport }

/**
 * A customer transaction log: one row per line item, held as columnar typed arrays with
 * customers and items interned to integer ids, grouped into baskets and per-customer
 * sequences. Every capability of the library reads it.
 * @example
 * const log = TransactionLog.fromRecords(
 *   [{ cid: 'a', at: '2025-01-02', sku: 'tea', total: 4.5 }, { cid: 'a', at: '2025-01-02', sku: 'milk', total: 1.2 }],
 *   { customer: 'cid', time: 'at', item: 'sku', amount: 'total' },
 * );
 * log.baskets() //=> [['milk', 'tea']]
 */
export class TransactionLog {
  private constructor(
    /** The columnar data the algorithms read; see {@link LogColumns}. Treat as read-only. */
    readonly columns: LogColumns,
    /** Rows left out under `onInvalid: 'skip'` (zero otherwise). */
    readonly skipped: SkippedReport,
    /** Returns and cancellations: how many, their amount, and the policy (`returns` option). */
    readonly returns: ReturnsReport,
  ) {}

  /**
   * Builds a log from plain objects, one per line item.
   * @param records - Any iterable of plain objects (an array, a generator, a database cursor).
   * @param mapping - Which property holds which field, plus loader options ({@link LogMapping}).
   * @returns The log.
   * @throws {DataError} code `'DATA'` naming the 1-based row and the property: a missing
   *   property, an empty id, a time that is not a Date/epoch ms/ISO-8601, a non-finite
   *   number, an order shared by two customers, or no rows at all.
   * @example
   * TransactionLog.fromRecords([{ c: 1, t: 0, i: 'x' }], { customer: 'c', time: 't', item: 'i' }).rowCount //=> 1
   */
  static fromRecords(records: Iterable<object>, mapping: LogMapping): TransactionLog {
    checkMapping(mapping, 'fromRecords', LOG_MAPPING);
    throwIfAborted(mapping.signal);
    const keys = MAPPED_FIELDS.map((field) => mapping[field] ?? '');
    const builder = new LogBuilder<Readonly<Record<string, unknown>>>(mapping, (record, field) => {
      const key = keys[field] as string;
      const value = record[key];
      return value === undefined && !(key in record) ? MISSING : value;
    }, mapping);
    const tick = progressTicker(mapping, 'read', 65_536);
    let row = 0;
    for (const record of records) {
      row++;
      if (typeof record !== 'object' || record === null) {
        builder.reject(new DataError('expected an object (one line item)', { row, value: record }));
      } else {
        builder.add(record as Readonly<Record<string, unknown>>, row);
      }
      tick(row);
    }
    const { columns, skipped, returns } = builder.finish();
    return new TransactionLog(columns, skipped, returns);
  }

  /**
   * Builds a log from an Arrow table (apache-arrow's `Table`; DuckDB, Polars and Arquero give
   * their results as one): the same mapping, loader options and validation as
   * {@link TransactionLog.fromRecords}, read column by column without a detour through text.
   * Timestamp and date columns arrive as epoch milliseconds, numbers as numbers; 64-bit integer
   * ids become numbers when exact, else their decimal text. apache-arrow need not be loaded.
   * @throws {DataError} code `'DATA'` for a mapped column the table lacks (naming those it has)
   *   and every row-level problem of `fromRecords`, with the 1-based row and the column.
   * @example
   * const table = arrow.tableFromIPC(bytes);   // or DuckDB/Polars output through apache-arrow
   * TransactionLog.fromArrow(table, { customer: 'customer_id', time: 'ordered_at', item: 'sku', amount: 'amount' })
   */
  static fromArrow(table: ArrowTableLike, mapping: LogMapping): TransactionLog {
    checkMapping(mapping, 'fromArrow', LOG_MAPPING);
    throwIfAborted(mapping.signal);
    const { columns, skipped, returns } = readArrow(table, mapping);
    return new TransactionLog(columns, skipped, returns);
  }

  /**
   * Builds a log from CSV text or a CSV file with a header line.
   * @param textOrPath - CSV text (any string with a line break) or a file path (Node).
   * @param mapping - Header names of the columns, loader options and CSV dialect ({@link CsvMapping}).
   * @returns The log.
   * @throws {DataError} code `'DATA'`: a missing file, no header, a header without data rows,
   *   a mapped column missing from the header, a row with the wrong number of fields, and
   *   every row-level problem of {@link TransactionLog.fromRecords}, with row and line.
   * @example
   * const csv = 'customer,date,sku\nc1,2025-01-02,tea\nc1,2025-01-02,milk\n';
   * TransactionLog.fromCSV(csv, { customer: 'customer', time: 'date', item: 'sku' }).baskets() //=> [['milk', 'tea']]
   */
  static fromCSV(textOrPath: string | Uint8Array, mapping: CsvMapping): TransactionLog {
    checkMapping(mapping, 'fromCSV', CSV_MAPPING);
    throwIfAborted(mapping.signal);
    const { columns, skipped, returns } = loadCsv(textOrPath, mapping);
    return new TransactionLog(columns, skipped, returns);
  }

  /**
   * Builds a log from columns that are already interned (adapters, generators). Ids index the
   * name arrays; they need not be sorted or dense; unused names are dropped. Checked like the
   * other loaders' rows (ids in range, times a Date holds, finite amounts, one customer per order).
   * @throws {OptionError} for a missing or mistyped column, or columns of unequal lengths.
   * @throws {DataError} naming the row (1-based) and column of a bad value.
   * @example
   * TransactionLog.fromColumns({ customer: Int32Array.of(0), time: Float64Array.of(0), item: Int32Array.of(0),
   *   order: null, amount: null, cost: null, quantity: null, customerNames: ['c'], itemNames: ['x'], orderNames: null }).itemCount //=> 1
   */
  static fromColumns(raw: RawColumns, options: ReturnsOptions = {}): TransactionLog {
    checkColumns(raw);
    const { purchases, returns, report } = splitReturns(raw, options);
    const columns = buildColumns(purchases, returns);
    return new TransactionLog(columns, NO_SKIPS, { ...report, withoutPurchase: columns.returnsWithoutPurchase });
  }

  /**
   * The log as plain data that survives a structured clone (postMessage to a worker): its typed
   * arrays and reports. {@link TransactionLog.fromTransfer} rebuilds it without checking again.
   * @internal
   */
  toTransfer(): LogTransfer {
    return { kind: 'crm-mining-log', columns: this.columns, skipped: this.skipped, returns: this.returns };
  }

  /**
   * Rebuilds a log from {@link TransactionLog.toTransfer}'s output (in a worker).
   * @internal
   */
  static fromTransfer(t: LogTransfer): TransactionLog {
    return new TransactionLog(t.columns, t.skipped, t.returns);
  }

  /** Line items. */
  get rowCount(): number {
    return this.columns.rowCustomer.length;
  }
  /** Baskets (orders). */
  get basketCount(): number {
    return this.columns.basketCustomer.length;
  }
  /** Distinct customers. */
  get customerCount(): number {
    return this.columns.customerNames.length;
  }
  /** Distinct items. */
  get itemCount(): number {
    return this.columns.itemNames.length;
  }

  /**
   * The baskets as item lists (distinct items, string order), ordered by customer then time.
   * @example
   * log.baskets()[0] //=> ['milk', 'tea']
   */
  baskets(): string[][] {
    const { basketItemOffsets: off, basketItems: items, itemNames } = this.columns;
    const out: string[][] = new Array(this.basketCount);
    for (let b = 0; b < out.length; b++) out[b] = idsToNames(items, off[b] as number, off[b + 1] as number, itemNames);
    return out;
  }

  /**
   * Each customer's baskets in time order (the input of sequential pattern mining), in the
   * order of {@link TransactionLog.customerIds}.
   * @example
   * log.sequences()[0] //=> [['milk', 'tea'], ['bread']]
   */
  sequences(): string[][][] {
    const baskets = this.baskets();
    const off = this.columns.customerBasketOffsets;
    const out: string[][][] = new Array(this.customerCount);
    for (let c = 0; c < out.length; c++) out[c] = baskets.slice(off[c], off[c + 1]);
    return out;
  }

  /**
   * Customer ids in the order used by {@link TransactionLog.sequences} and
   * {@link TransactionLog.customers} (string order).
   * @example
   * log.customerIds() //=> ['c1', 'c2']
   */
  customerIds(): string[] {
    return [...this.columns.customerNames];
  }

  /**
   * Per-customer totals: first and last purchase, baskets, line items and amount.
   * @example
   * log.customers()[0] //=> { customer: 'c1', firstPurchase: Date, lastPurchase: Date, baskets: 2, lineItems: 3, amount: 12.5 }
   */
  customers(): CustomerRow[] {
    const { customerBasketOffsets: cOff, basketRowOffsets: bOff, basketTime, basketAmount, customerNames } = this.columns;
    return customerNames.map((customer, c) => {
      const first = cOff[c] as number;
      const end = cOff[c + 1] as number;
      let amount: number | null = null;
      if (basketAmount !== null) {
        amount = returnedUpTo(this.columns, c);
        for (let b = first; b < end; b++) amount += basketAmount[b] as number;
      }
      return {
        customer,
        firstPurchase: new Date(basketTime[first] as number),
        lastPurchase: new Date(basketTime[end - 1] as number),
        baskets: end - first,
        lineItems: (bOff[end] as number) - (bOff[first] as number),
        amount,
      };
    });
  }

  /**
   * Counts and time range of the log.
   * @example
   * log.summary() //=> { rows: 3, baskets: 2, customers: 1, items: 3, from: Date, to: Date, amount: 12.5, meanBasketSize: 1.5, skipped: {…} }
   */
  summary(): LogSummary {
    const { basketTime, basketAmount, basketItems } = this.columns;
    let from = Infinity;
    let to = -Infinity;
    for (let b = 0; b < basketTime.length; b++) {
      const t = basketTime[b] as number;
      if (t < from) from = t;
      if (t > to) to = t;
    }
    let amount: number | null = null;
    if (basketAmount !== null) amount = basketAmount.reduce((s, v) => s + v, this.columns.returnAmount.reduce((s, v) => s + v, 0));
    return {
      rows: this.rowCount,
      baskets: this.basketCount,
      customers: this.customerCount,
      items: this.itemCount,
      from: new Date(from),
      to: new Date(to),
      amount,
      meanBasketSize: this.basketCount === 0 ? 0 : basketItems.length / this.basketCount,
      skipped: this.skipped,
      returns: this.returns,
    };
  }

  /**
   * A new log with only the baskets whose time lies in the window (both ends inclusive), e.g.
   * everything known at a date: `log.filterTime({ to: asOf })`.
   * @throws {OptionError} code `'OPTION'` if an end is not a time.
   * @example
   * log.filterTime({ to: '2025-06-30T23:59:59Z' }).basketCount //=> baskets up to the end of June
   */
  filterTime(window: TimeWindow): TransactionLog {
    const from = window.from === undefined ? -Infinity : toEpochMs(window.from);
    const to = window.to === undefined ? Infinity : toEpochMs(window.to);
    if (Number.isNaN(from) || Number.isNaN(to)) throw new OptionError('filterTime: from and to must be Dates, epoch ms or ISO-8601 strings', { ...window });
    const c = this.columns;
    const keep: number[] = [];
    for (let r = 0; r < this.rowCount; r++) {
      const t = c.basketTime[c.rowBasket[r] as number] as number;
      if (t >= from && t <= to) keep.push(r);
    }
    const pick = <T extends Int32Array | Float64Array>(col: T | null): T | null => {
      if (col === null) return null;
      const out = new (col.constructor as new (n: number) => T)(keep.length);
      keep.forEach((r, i) => { out[i] = col[r] as number; });
      return out;
    };
    const basketOrder = c.basketOrder;
    const rowOrder = basketOrder === null ? null : Int32Array.from(keep, (r) => basketOrder[c.rowBasket[r] as number] as number);
    // Returns in the window stay with their customers (those left without a purchase are counted apart).
    const returnCustomer: number[] = [];
    const returnKeep: number[] = [];
    for (let cu = 0; cu < this.customerCount; cu++) {
      for (let i = c.customerReturnOffsets[cu] as number; i < (c.customerReturnOffsets[cu + 1] as number); i++) {
        const t = c.returnTime[i] as number;
        if (t >= from && t <= to) {
          returnCustomer.push(cu);
          returnKeep.push(i);
        }
      }
    }
    const returns = returnKeep.length === 0 ? null : {
      customer: Int32Array.from(returnCustomer),
      time: Float64Array.from(returnKeep, (i) => c.returnTime[i] as number),
      amount: Float64Array.from(returnKeep, (i) => c.returnAmount[i] as number),
      cost: c.returnCost === null ? null : Float64Array.from(returnKeep, (i) => (c.returnCost as Float64Array)[i] as number),
    };
    const columns = buildColumns({
      customer: pick(c.rowCustomer) as Int32Array,
      time: pick(c.rowTime) as Float64Array,
      item: pick(c.rowItem),
      order: rowOrder,
      amount: pick(c.rowAmount),
      cost: pick(c.rowCost),
      quantity: pick(c.rowQuantity),
      customerNames: c.customerNames,
      itemNames: c.itemNames,
      orderNames: c.orderNames,
    }, returns);
    const amount = returns === null ? 0 : returns.amount.reduce((s, v) => s + v, 0);
    return new TransactionLog(columns, this.skipped, { policy: this.returns.policy, rows: returnKeep.length, amount, withoutPurchase: columns.returnsWithoutPurchase });
  }
}

function idsToNames(ids: Int32Array, start: number, end: number, names: readonly string[]): string[] {
  const out: string[] = new Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = names[ids[i] as number] as string;
  return out;
}

/** Every key a mapping may have, and its kind: the columns and the loader options. */
const LOG_MAPPING = {
  ...RUN_OPTIONS, customer: 'string', time: 'string', item: 'string', order: 'string', amount: 'string', cost: 'string', quantity: 'string', price: 'string',
  onInvalid: 'string', parseTime: 'function', dateFormat: 'string', allowEmpty: 'boolean', returns: 'string', returnOrders: 'regexpOrFunction', decimal: 'string',
} as const satisfies Record<keyof LogMapping, OptionKind>;
const CSV_MAPPING = {
  ...LOG_MAPPING, delimiter: 'string', quote: 'string', encoding: 'string', onInvalidEncoding: 'string', header: 'boolean', columns: 'array',
} as const satisfies Record<keyof CsvMapping, OptionKind>;

function checkMapping(mapping: LogMapping, fn: string, spec: Readonly<Record<string, OptionKind>>): void {
  if (typeof mapping !== 'object' || mapping === null) throw new OptionError('a column mapping object is required, e.g. { customer: "cid", time: "date" }');
  checkOptions(fn, mapping, spec);
  for (const field of ['customer', 'time'] as const) {
    if (typeof mapping[field] !== 'string' || mapping[field] === '') {
      throw new OptionError(`mapping.${field} must name the ${field} column, got ${String(mapping[field])}`, { field });
    }
  }
  for (const field of ['item', 'order', 'amount', 'cost', 'quantity', 'price'] as const) {
    const v = mapping[field];
    if (v !== undefined && (typeof v !== 'string' || v === '')) throw new OptionError(`mapping.${field} must be a column name, got ${String(v)}`, { field });
  }
  if (mapping.onInvalid !== undefined && mapping.onInvalid !== 'throw' && mapping.onInvalid !== 'skip') {
    throw new OptionError(`onInvalid must be 'throw' or 'skip', got ${String(mapping.onInvalid)}`);
  }
}

