/**
 * The bundled data sets as records, for loading the same rows into an engine and into a
 * TransactionLog: the sample, CDNOW (lifetimes) and the Online Retail subset (with cancellations).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { LogMapping } from '../../src/index';
import type { SqlMapping } from '../../src/sql/index';
import type { ColumnType } from './engines';

const path = (p: string) => fileURLToPath(new URL(`../../examples/data/${p}`, import.meta.url));

export interface DataSet {
  name: string;
  table: string;
  columns: Record<string, ColumnType>;
  records: Record<string, unknown>[];
  /** The mapping for TransactionLog.fromRecords (times as Dates). */
  log: LogMapping;
  /** The same mapping for SQL (quoted column names). */
  sql: SqlMapping;
  returnOrders?: RegExp;
  asOf: string;
  horizonDays: number;
}

const utc = (text: string) => new Date(`${text.replace(' ', 'T')}${/Z$/.test(text) ? '' : 'Z'}`);

export function sample(): DataSet {
  const rows = parse(readFileSync(path('sample-transactions.csv')), { columns: true }) as Record<string, string>[];
  return {
    name: 'sample',
    table: 'sample_tx',
    columns: { order: 'text', customer: 'text', time: 'timestamp', item: 'text', quantity: 'double', amount: 'double' },
    records: rows.map((r) => ({ order: r.order, customer: r.customer, time: utc(r.time as string), item: r.item, quantity: Number(r.quantity), amount: Number(r.amount) })),
    log: { customer: 'customer', time: 'time', item: 'item', order: 'order', quantity: 'quantity', amount: 'amount' },
    sql: { customer: 'customer', time: 'time', item: 'item', order: '"order"', quantity: 'quantity', amount: 'amount' },
    asOf: '2024-03-31',
    horizonDays: 90,
  };
}

export function cdnow(): DataSet {
  const lines = readFileSync(path('lifetimes/CDNOW_master.txt'), 'utf8').trim().split(/\r?\n/).slice(1);
  return {
    name: 'CDNOW',
    table: 'cdnow_tx',
    columns: { customer: 'text', time: 'timestamp', quantity: 'double', amount: 'double' },
    records: lines.map((line) => {
      const [id, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string];
      return { customer: id, time: utc(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T00:00:00Z`), quantity: Number(cds), amount: Number(dollars) };
    }),
    log: { customer: 'customer', time: 'time', quantity: 'quantity', amount: 'amount' },
    sql: { customer: 'customer', time: 'time', quantity: 'quantity', amount: 'amount' },
    asOf: '1997-09-30',
    horizonDays: 273,
  };
}

export function onlineRetail(): DataSet {
  const rows = parse(readFileSync(path('online-retail/online_retail.csv')), { columns: true }) as Record<string, string>[];
  return {
    name: 'Online Retail (returns)',
    table: 'retail_tx',
    columns: { invoice: 'text', stock: 'text', quantity: 'double', invoice_date: 'timestamp', price: 'double', customer: 'text' },
    records: rows.map((r) => ({ invoice: r.InvoiceNo, stock: r.StockCode, quantity: Number(r.Quantity), invoice_date: utc(r.InvoiceDate as string), price: Number(r.UnitPrice), customer: r.CustomerID === '' ? null : r.CustomerID })),
    log: { customer: 'customer', time: 'invoice_date', item: 'stock', order: 'invoice', quantity: 'quantity', price: 'price', onInvalid: 'skip' },
    sql: { customer: 'customer', time: 'invoice_date', item: 'stock', order: 'invoice', quantity: 'quantity', price: 'price' },
    returnOrders: /^C/,
    asOf: '2010-12-08',
    horizonDays: 5,
  };
}
