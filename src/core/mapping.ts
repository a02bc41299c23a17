import type { RunOptions } from './run';
import type { ReturnsOptions } from './returns';

/**
 * Names the input columns (or record properties) that hold each field. A row is one line
 * item; rows sharing `order` (or, without it, the same customer and time) form one basket.
 */
export interface ColumnMapping {
  /** Customer id column. */
  customer: string;
  /** Purchase time column: a `Date`, epoch milliseconds or an ISO-8601 string. */
  time: string;
  /** Item (product) column; without it baskets have no items. */
  item?: string;
  /** Order (invoice, basket) id column. */
  order?: string;
  /** Value of the line item (revenue); negative values (returns) are kept. */
  amount?: string;
  /** Cost of the line item, for margins. */
  cost?: string;
  /** Quantity of the line item. */
  quantity?: string;
  /** Unit price; when `amount` is not mapped, amount = quantity × price (or price alone). */
  price?: string;
}

/** What to do with a row that cannot be used. */
export type InvalidRowPolicy = 'throw' | 'skip';

/** Options shared by every loader. */
export interface LoadOptions extends RunOptions, ReturnsOptions {
  /**
   * `'throw'` (default) stops at the first bad row with a `DataError`; `'skip'` leaves such rows
   * out and counts them in the log's `skipped` report. @default 'throw'
   */
  onInvalid?: InvalidRowPolicy;
  /**
   * Custom time parser for formats other than ISO-8601, e.g. `'12/1/2010 8:26'`. Return a
   * `Date` or epoch milliseconds; an invalid result is a `DataError`.
   */
  parseTime?: (value: unknown) => Date | number;
  /**
   * The pattern times are written in, read as UTC: `'YYYYMMDD'`, `'DD/MM/YYYY HH:mm'`,
   * `'M/D/YYYY H:mm'` (YYYY, MM, DD, HH, mm, ss; M, D, H for one or two digits). A time that
   * does not fit is a `DataError`. Dates and epoch ms in records are taken as they are.
   */
  dateFormat?: string;
  /** The decimal mark of numbers given as text: `','` reads `2,55` as 2.55 (then `.` is refused). @default '.' */
  decimal?: '.' | ',';
  /** Accept input with no rows and return an empty log instead of a `DataError`. @default false */
  allowEmpty?: boolean;
}

/** The mapping and the loader options, in one object. */
export type LogMapping = ColumnMapping & LoadOptions;

/** Fields of a {@link ColumnMapping}, in the order rows are read. */
export const MAPPED_FIELDS = ['customer', 'time', 'item', 'order', 'amount', 'cost', 'quantity', 'price'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Rows a loader left out because `onInvalid: 'skip'` asked it to. */
export interface SkippedReport {
  /** Number of rows left out. */
  rows: number;
  /** Left-out rows per reason (the field that failed), e.g. `{ customer: 1433 }`. */
  byField: Record<string, number>;
  /** The first few problems, as full messages naming row and field. */
  examples: string[];
}
